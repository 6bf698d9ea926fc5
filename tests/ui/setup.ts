import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom lays nothing out: give elements a size so the virtualizer renders rows.
Object.defineProperties(HTMLElement.prototype, {
  clientHeight: { configurable: true, get: () => 800 },
  clientWidth: { configurable: true, get: () => 1200 },
  offsetHeight: { configurable: true, get: () => 800 },
  offsetWidth: { configurable: true, get: () => 1200 },
});

// antd asks for these; jsdom has neither.
window.matchMedia ??= (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }) as MediaQueryList;
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// jsdom has no canvas and says so on every call: ECharts measures its labels with one, and without it falls
// back to its own estimate of the text's width, which is all a chart in jsdom needs.
HTMLCanvasElement.prototype.getContext = () => null;

// CI runs on two shared cores: give findBy/waitFor more than the default second before calling it a failure.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());

// jsdom cannot style pseudo-elements and says so on every antd scroll-bar measurement; the element's own
// style is what those measurements need.
const elementStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => elementStyle(element);

import type { Browser, Page } from 'playwright-core';
import type { RunningHost } from '../../scripts/browser-host';

/** What a clerk feels on one screen with the full office: rows after the click, and the longest task. */
export interface ScreenFeel {
  screen: string;
  /** click on the menu item → the first project row drawn (median of three) */
  rowsMs: number;
  /** the data of that screen fetched and parsed inside the page, no drawing: what the click cannot beat */
  bareFetchMs: number;
  scrollLongestTaskMs: number;
  typeLongestTaskMs: number;
}

export interface BareFeel {
  scrollLongestTaskMs: number;
  typeLongestTaskMs: number;
}

interface Screen {
  screen: string;
  menu: string;
  grid: string;
  search: RegExp;
  method: string;
  input: unknown;
}

const SCREENS: Screen[] = [
  {
    screen: '项目库',
    menu: '项目库',
    grid: '.library-scroll',
    search: /搜索项目名称/,
    method: 'projects.list',
    input: {},
  },
  {
    screen: '本周调度',
    menu: '周调度',
    grid: '[aria-label="本周调度填报"]',
    search: /搜索项目名称、编号、单位/,
    method: 'dispatch.week',
    input: {},
  },
];

// The page's side is written as text: the bench is typechecked for Node, without the DOM's types.

// every long task from page load on, and the time of the next click, kept where the bench can read them
const OBSERVE = `
  window.benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.benchLongTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('click', () => (window.benchClickAt = performance.now()), { capture: true });
`;
const FRAME = 'new Promise((done) => requestAnimationFrame(done))';

async function longestTaskDuring(page: Page, work: () => Promise<void>): Promise<number> {
  const from = await page.evaluate<number>('performance.now()');
  await work();
  // the tasks of the last frames are reported after them: wait until two frames have gone by
  await page.evaluate(`${FRAME}.then(() => ${FRAME})`);
  return page.evaluate<number>(
    `Math.max(0, ...window.benchLongTasks.filter(([start]) => start >= ${from}).map(([, duration]) => duration))`,
  );
}

async function scrollToEnd(page: Page, selector: string): Promise<void> {
  await page.evaluate(`(async () => {
    const grid = document.querySelector(${JSON.stringify(selector)});
    while (grid.scrollTop + grid.clientHeight < grid.scrollHeight - 1) {
      grid.scrollTop += grid.clientHeight;
      await ${FRAME};
    }
    await ${FRAME};
  })()`);
}

/** Waits (every frame) until the grid shows a project row, and returns when that was, page time. */
async function rowsShownAt(page: Page, selector: string): Promise<number> {
  const handle = await page.waitForFunction(
    `(() => {
      const cell = document.querySelector(${JSON.stringify(`${selector} tbody tr td`)});
      return cell && cell.closest('tr').textContent.includes('XM-') ? performance.now() : false;
    })()`,
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

async function openFromDashboard(page: Page, host: RunningHost, screen: Screen): Promise<number> {
  await page.goto(`${host.url}#/dashboard`);
  await page.getByRole('menuitem', { name: screen.menu }).waitFor();
  await page.evaluate('window.benchClickAt = undefined');
  await page.getByRole('menuitem', { name: screen.menu }).click();
  const shown = await rowsShownAt(page, screen.grid);
  const clicked = await page.evaluate<number>('window.benchClickAt ?? NaN');
  return shown - clicked;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function typeAndSettle(page: Page, screen: Screen, term: string): Promise<void> {
  const box = page.getByPlaceholder(screen.search);
  await box.click();
  await page.keyboard.type(term, { delay: 120 });
  // settled: the input holds the term and the grid's rows stay the same for ten frames
  await page.waitForFunction(
    `(async () => {
      if (document.activeElement?.value !== ${JSON.stringify(term)}) return false;
      const rows = () => document.querySelector(${JSON.stringify(screen.grid)})?.querySelector('tbody')?.textContent ?? '';
      const first = rows();
      for (let i = 0; i < 10; i++) await ${FRAME};
      return rows() === first;
    })()`,
    undefined,
    { timeout: 60_000 },
  );
}

async function fetchInPage(page: Page, method: string, input: unknown): Promise<number> {
  return page.evaluate<number>(`(async () => {
    const start = performance.now();
    const response = await fetch('/api/${method}', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: ${JSON.stringify(JSON.stringify(input))},
    });
    await response.json();
    return performance.now() - start;
  })()`);
}

export async function measureScreens(browser: Browser, host: RunningHost, term: string): Promise<ScreenFeel[]> {
  // the host's CSP forbids eval, which Playwright's waitForFunction needs; the app's own scripts run as ever
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  await page.addInitScript(OBSERVE);
  const feels: ScreenFeel[] = [];
  try {
    for (const screen of SCREENS) {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) times.push(await openFromDashboard(page, host, screen));
      const bareFetchMs = await fetchInPage(page, screen.method, screen.input);
      const scroll = await longestTaskDuring(page, () => scrollToEnd(page, screen.grid));
      const typing = await longestTaskDuring(page, () => typeAndSettle(page, screen, term));
      feels.push({
        screen: screen.screen,
        rowsMs: median(times),
        bareFetchMs,
        scrollLongestTaskMs: scroll,
        typeLongestTaskMs: typing,
      });
    }
  } finally {
    await page.close();
  }
  return feels;
}

/** The same scrolling and typing on a bare page: a plain 5,000-row table and a plain input. */
export async function measureBarePage(browser: Browser, term: string): Promise<BareFeel> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    const rows = Array.from(
      { length: 5_000 },
      (_, i) =>
        `<tr>${Array.from({ length: 12 }, (_, c) => `<td>XM-${i + 1} 第${c + 1}列 主体结构施工</td>`).join('')}</tr>`,
    ).join('');
    await page.setContent(
      `<input placeholder="搜索项目名称"><div id="bare" style="height:700px;overflow:auto"><table><tbody>${rows}</tbody></table></div>`,
    );
    await page.evaluate(OBSERVE);
    const scroll = await longestTaskDuring(page, () => scrollToEnd(page, '#bare'));
    const typing = await longestTaskDuring(page, async () => {
      await page.getByPlaceholder('搜索项目名称').click();
      await page.keyboard.type(term, { delay: 120 });
    });
    return { scrollLongestTaskMs: scroll, typeLongestTaskMs: typing };
  } finally {
    await page.close();
  }
}

import { useEffect, useRef, useState } from 'react';

/** The preview's width, and a height that reaches the bottom of the window wherever the tab places it. */
export function usePreviewBox() {
  const ref = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => {
      const rect = element.getBoundingClientRect();
      const height = Math.max(320, Math.floor(window.innerHeight - rect.top - 12));
      setBox((old) => (old.width === rect.width && old.height === height ? old : { width: rect.width, height }));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    window.addEventListener('resize', update);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', update);
    };
  }, []);
  return { ref, ...box };
}

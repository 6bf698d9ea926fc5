import { useEffect } from 'react';

export type PrintReadiness = 'loading' | 'ready' | { error: string };

/**
 * Tells whoever prints this route (Electron's hidden window, the browser tab, the tests) that the paper is
 * complete: `body[data-ready="1"]` once the data is drawn and the fonts are in, `"error"` with the clerk's
 * message in `data-error` when it cannot be.
 */
export function usePrintReadySignal(readiness: PrintReadiness): void {
  const state = typeof readiness === 'string' ? readiness : 'error';
  const error = typeof readiness === 'string' ? '' : readiness.error;
  useEffect(() => {
    const body = document.body;
    delete body.dataset.error;
    if (state === 'loading') {
      body.dataset.ready = '0';
      return;
    }
    if (state === 'error') {
      body.dataset.ready = 'error';
      body.dataset.error = error;
      return;
    }
    let current = true;
    void document.fonts.ready.then(() => {
      if (current) body.dataset.ready = '1';
    });
    return () => {
      current = false;
    };
  }, [state, error]);
  useEffect(
    () => () => {
      delete document.body.dataset.ready;
      delete document.body.dataset.error;
    },
    [],
  );
}

/** The tab's title while this paper is shown; the browser's “另存为PDF” proposes it as the file name. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
}

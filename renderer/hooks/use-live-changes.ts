import { useEffect, useRef } from 'react';
import type { ChangeEvent, ChangeKind } from '../../db/model/change-event';
import { isDesktop } from '../api';
import { listenToChanges } from '../live/change-stream';

/** changes that come together (a batch, an import) make one reload */
const GATHER_MS = 250;

/**
 * Calls `onChange` when others change data of these kinds (over HTTP: the browser host, the office server; the
 * desktop window of a single PC has only its own clerk). Changes arriving together come as one call.
 */
export function useLiveChanges(kinds: readonly ChangeKind[], onChange: (events: ChangeEvent[]) => void): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  const key = kinds.join(',');
  useEffect(() => {
    if (isDesktop()) return;
    const wanted = new Set(key.split(','));
    let gathered: ChangeEvent[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = listenToChanges((event) => {
      if (!wanted.has(event.kind)) return;
      gathered.push(event);
      timer ??= setTimeout(() => {
        const events = gathered;
        gathered = [];
        timer = null;
        latest.current(events);
      }, GATHER_MS);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [key]);
}

import { useEffect, useState } from 'react';
import { CHANGE_KINDS } from '../../db/model/change-event';
import { useLiveChanges } from '../hooks/use-live-changes';
import { noticeOf } from '../live/change-notice';

/** how long the line stays */
const SHOWN_MS = 6_000;

/** A quiet line in the header saying who changed what a moment ago; it goes by itself. */
export function LiveNotice() {
  const [notice, setNotice] = useState<{ text: string; at: number } | null>(null);
  useLiveChanges(CHANGE_KINDS, (events) => setNotice({ text: noticeOf(events[events.length - 1]), at: Date.now() }));
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <span className="app-live-notice" role="status" aria-live="polite">
      {notice?.text}
    </span>
  );
}

import { useCallback, useState } from 'react';
import { ApiError } from '../../api';

/** What became of a box's last save, shown beside it. */
export type SaveOutcome =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'refused'; message: string };

/**
 * One box's saves: `run` calls the server and keeps the outcome. A refusal keeps its Chinese message (the box
 * keeps what was typed); the answer is true when the save went through.
 */
export function useSave() {
  const [outcome, setOutcome] = useState<SaveOutcome>({ kind: 'idle' });
  const run = useCallback(async (work: () => Promise<string | undefined>): Promise<boolean> => {
    setOutcome({ kind: 'saving' });
    try {
      const at = await work();
      setOutcome({ kind: 'saved', at: at ?? new Date().toISOString() });
      return true;
    } catch (error) {
      const message = error instanceof ApiError ? error.message : `保存未完成：${(error as Error).message}`;
      setOutcome({ kind: 'refused', message });
      return false;
    }
  }, []);
  return { outcome, run };
}

/**
 * A box's text against the server's: it follows the server's value (a reload after another save) while the
 * clerk has not changed it, and keeps the clerk's text otherwise.
 */
export function useDraft(server: string) {
  const [draft, setDraft] = useState(server);
  const [base, setBase] = useState(server);
  if (server !== base) {
    setBase(server);
    if (draft === base) setDraft(server);
  }
  /** the server took `saved`: the box shows it and is clean again */
  const accept = useCallback((saved: string) => {
    setBase(saved);
    setDraft(saved);
  }, []);
  return { draft, setDraft, accept, dirty: draft !== base };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { MonthGridRow } from '../../../electron/api-spec';
import { formatWan, parseWan } from '../../../db/model/money';
import { invoke } from '../../api';
import { cellKey, type Draft } from './investment-model';

/** How long a cell keeps its “saved” mark after the server took the amount. */
const SAVED_MARK_MS = 2500;

export interface LastSave {
  projectName: string;
  month: number;
  yuan: number | null;
  at: Date;
}

export interface MonthDrafts {
  drafts: ReadonlyMap<string, Draft>;
  /** cells saved a moment ago */
  saved: ReadonlySet<string>;
  lastSave: LastSave | null;
  type(row: MonthGridRow, month: number, text: string): void;
  /** Esc: back to the stored amount */
  revert(row: MonthGridRow, month: number): void;
  /** on leaving a cell: false when the text is refused (the text stays, with the reason) */
  commit(row: MonthGridRow, month: number): Promise<boolean>;
}

function errorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : '保存失败，请重试';
}

/**
 * The grid's unsaved text per cell. Each cell is saved on leave; what the server refuses stays typed,
 * with its Chinese reason, until the clerk corrects it or presses Esc.
 */
export function useMonthDrafts(
  year: number,
  onSaved: (projectId: number, month: number, yuan: number | null) => void,
): MonthDrafts {
  const [drafts, setDrafts] = useState<ReadonlyMap<string, Draft>>(new Map());
  const [saved, setSaved] = useState<ReadonlySet<string>>(new Set());
  const [lastSave, setLastSave] = useState<LastSave | null>(null);
  // the drafts as of the last keystroke; commit() may run before React has rendered it
  const draftsRef = useRef(drafts);
  const rowsRef = useRef(new Map<string, MonthGridRow>());

  const patch = useCallback((key: string, update: (draft: Draft | undefined) => Draft | undefined) => {
    const next = new Map(draftsRef.current);
    const value = update(next.get(key));
    if (value) next.set(key, value);
    else next.delete(key);
    draftsRef.current = next;
    setDrafts(next);
  }, []);

  const markSaved = useCallback((key: string) => {
    setSaved((old) => new Set(old).add(key));
    setTimeout(() => {
      setSaved((old) => {
        const next = new Set(old);
        next.delete(key);
        return next;
      });
    }, SAVED_MARK_MS);
  }, []);

  // commit() calls itself through this when the clerk typed on during a save
  const commitRef = useRef<(row: MonthGridRow, month: number) => Promise<boolean>>(async () => true);

  const type = useCallback(
    (row: MonthGridRow, month: number, text: string) => {
      rowsRef.current.set(cellKey(row.projectId, month), row);
      patch(cellKey(row.projectId, month), (old) => ({ text, saving: old?.saving, resave: old?.resave }));
    },
    [patch],
  );

  const revert = useCallback(
    (row: MonthGridRow, month: number) => patch(cellKey(row.projectId, month), () => undefined),
    [patch],
  );

  const commit = useCallback(
    async (row: MonthGridRow, month: number) => {
      const key = cellKey(row.projectId, month);
      const draft = draftsRef.current.get(key);
      if (!draft) return true;
      if (draft.saving) {
        patch(key, (old) => old && { ...old, resave: true });
        return true;
      }
      const parsed = parseWan(draft.text);
      if (!parsed.ok) {
        patch(key, (old) => old && { ...old, error: parsed.message });
        return false;
      }
      const stored = row.months[month - 1];
      if (parsed.yuan === stored) {
        patch(key, (old) => (old?.text === draft.text ? undefined : old));
        return true;
      }
      patch(key, (old) => old && { ...old, saving: true, error: undefined });
      try {
        await invoke('projects.setMonthlyInvestment', {
          projectId: row.projectId,
          year,
          month,
          amountYuan: parsed.yuan,
          readAmountYuan: stored,
        });
      } catch (error) {
        patch(key, (old) => old && { ...old, saving: false, error: errorMessage(error) });
        return false;
      }
      onSaved(row.projectId, month, parsed.yuan);
      markSaved(key);
      setLastSave({ projectName: row.name, month, yuan: parsed.yuan, at: new Date() });
      // the clerk may have typed on while the save was under way: that newer text stays a draft,
      // and is saved in turn if the clerk has already left the cell again
      const newer = draftsRef.current.get(key);
      const typedOn = newer !== undefined && newer.text !== draft.text;
      patch(key, () => (typedOn ? { text: newer.text } : undefined));
      if (typedOn && newer.resave) {
        return commitRef.current(
          { ...row, months: row.months.map((v, i) => (i === month - 1 ? parsed.yuan : v)) },
          month,
        );
      }
      return true;
    },
    [year, onSaved, patch, markSaved],
  );

  useEffect(() => {
    commitRef.current = commit;
  }, [commit]);
  // Leaving the tab with a cell still open must not lose its amount: whatever reads as one is sent.
  useEffect(
    () => () => {
      for (const [key, draft] of draftsRef.current) {
        const row = rowsRef.current.get(key);
        // a refused amount stays refused; only what the clerk had not yet left is sent
        if (row && !draft.error) void commitRef.current(row, Number(key.split(':')[1]));
      }
    },
    [],
  );

  return { drafts, saved, lastSave, type, revert, commit };
}

/** 1,234.56万元 / 清空 — how the status line names a saved amount. */
export function savedAmountText(yuan: number | null): string {
  return yuan === null ? '已清空' : `${formatWan(yuan)}万元`;
}

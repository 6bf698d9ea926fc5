import { useRef, type KeyboardEvent } from 'react';
import type { MonthGridRow } from '../../../electron/api-spec';
import { formatWan, parseWan } from '../../../db/model/money';
import type { MonthDrafts } from './investment-drafts';
import { cellKey } from './investment-model';
import { useMayCall } from '../../app/session/session';

export type CellMove = 'next' | 'previous' | 'down' | 'up';

interface MonthCellProps {
  row: MonthGridRow;
  rowIndex: number;
  month: number;
  future: boolean;
  editor: MonthDrafts;
  onMove(move: CellMove): void;
}

const KEY_MOVES: Record<string, { plain: CellMove; shifted: CellMove }> = {
  Tab: { plain: 'next', shifted: 'previous' },
  Enter: { plain: 'down', shifted: 'up' },
  ArrowDown: { plain: 'down', shifted: 'down' },
  ArrowUp: { plain: 'up', shifted: 'up' },
};

/** One month of one project: typed like a spreadsheet cell, saved when the clerk leaves it. */
export function MonthCell({ row, rowIndex, month, future, editor, onMove }: MonthCellProps) {
  // a click into the cell selects its amount, as in a spreadsheet; the click's own mouseup must not undo that
  const selectedOnFocus = useRef(false);
  const mayReport = useMayCall()('projects.setMonthlyInvestment');
  const key = cellKey(row.projectId, month);
  const draft = editor.drafts.get(key);
  const stored = row.months[month - 1];
  const text = draft ? draft.text : formatWan(stored);
  const state = draft?.error
    ? 'is-error'
    : draft?.saving
      ? 'is-saving'
      : draft
        ? 'is-dirty'
        : editor.saved.has(key)
          ? 'is-saved'
          : '';

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      const input = event.currentTarget;
      editor.revert(row, month);
      requestAnimationFrame(() => input.select());
      return;
    }
    const move = KEY_MOVES[event.key];
    if (!move || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void editor.commit(row, month);
    // text that is not an amount keeps the clerk in the cell, with the reason beside it
    if (draft && !parseWan(draft.text).ok) return;
    onMove(event.shiftKey ? move.shifted : move.plain);
  }

  return (
    <div className={`inv-cell ${state}${future ? ' is-future' : ''}`}>
      <input
        className="inv-cell-input num"
        data-row={rowIndex}
        data-month={month}
        aria-label={`${row.name} ${month}月完成投资（万元）`}
        aria-invalid={draft?.error ? true : undefined}
        // a month that has not begun takes no figure; one typed there early can still be cleared
        readOnly={!mayReport || (future && stored === null && !draft)}
        title={!mayReport ? '只读：您的角色不能填报' : future ? '该月尚未开始，不能填报' : undefined}
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onFocus={(event) => {
          event.currentTarget.select();
          selectedOnFocus.current = true;
        }}
        onMouseUp={(event) => {
          if (selectedOnFocus.current) event.preventDefault();
          selectedOnFocus.current = false;
        }}
        onChange={(event) => editor.type(row, month, event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => void editor.commit(row, month)}
      />
      {draft?.error && (
        <span className="inv-cell-error zd-small zd-nowrap" role="alert">
          {draft.error}
        </span>
      )}
    </div>
  );
}

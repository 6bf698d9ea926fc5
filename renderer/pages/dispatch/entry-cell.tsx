import { useLayoutEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { DISPATCH_TEXT_MAX, type DispatchField } from '../../../db/model/dispatch';
import { isCopied, isDirty, shownText, type EntryState, type EntryStore } from './entry-store';

/** nav: the cell is selected and typing replaces it (as in Excel); edit: the caret is inside the text. */
export type CellMode = 'nav' | 'edit';
export type Move = 'next' | 'prev' | 'enter' | 'up' | 'down' | 'left' | 'right';

/** What a cell may ask of its grid. */
export interface GridNav {
  activate(index: number, col: number, mode: CellMode): void;
  move(index: number, col: number, move: Move): void;
  /** whether the grid asked this cell to take the keyboard (once) */
  takeFocus(projectId: number, col: number): boolean;
}

const ARROWS: Record<string, Move> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
/** near the limit the clerk sees how much room is left */
const COUNTER_FROM = DISPATCH_TEXT_MAX - 50;

interface TextCellProps {
  store: EntryStore;
  state: EntryState;
  field: DispatchField;
  label: string;
  index: number;
  col: number;
  active: boolean;
  mode: CellMode;
  nav: GridNav;
  /** a role that reads the week but may not report it: the text can be selected and copied, not changed */
  readOnly?: boolean;
}

/** One editable text cell of the entry grid: a textarea that grows with its text. */
export function TextCell({ store, state, field, label, index, col, active, mode, nav, readOnly }: TextCellProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const afterRender = useRef<((el: HTMLTextAreaElement) => void) | null>(null);
  const id = state.row.projectId;
  const text = shownText(state, field);
  const refusal = state.refusals[field];
  const dirty = isDirty(state, field);
  const copied = isCopied(state.row) && !dirty;
  const length = text.trim().length;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !active) return;
    if (nav.takeFocus(id, col)) el.focus({ preventScroll: true });
    if (mode === 'nav' && document.activeElement === el) el.select();
  }, [active, mode, nav, id, col]);

  // caret or selection after a change the code made (Esc, Alt+Enter), once React has written the value
  useLayoutEffect(() => {
    const el = ref.current;
    const run = afterRender.current;
    afterRender.current = null;
    if (el && run) run(el);
  });

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // the input method is still composing: Enter and the arrows belong to it
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    const el = event.currentTarget;
    const plain = !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey;
    if (event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      nav.move(index, col, event.shiftKey ? 'prev' : 'next');
    } else if (event.key === 'Enter' && event.altKey && !readOnly) {
      event.preventDefault();
      const at = el.selectionStart;
      store.edit(id, field, `${el.value.slice(0, at)}\n${el.value.slice(el.selectionEnd)}`);
      afterRender.current = (target) => target.setSelectionRange(at + 1, at + 1);
      nav.activate(index, col, 'edit');
    } else if (event.key === 'Enter' && plain) {
      event.preventDefault();
      nav.move(index, col, 'enter');
    } else if (event.key === 'Enter' && event.shiftKey) {
      nav.activate(index, col, 'edit');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      store.revert(id, field);
      afterRender.current = (target) => target.select();
      nav.activate(index, col, 'nav');
    } else if (event.key === 'F2') {
      event.preventDefault();
      el.setSelectionRange(el.value.length, el.value.length);
      nav.activate(index, col, 'edit');
    } else if (mode === 'nav' && plain && event.key in ARROWS) {
      event.preventDefault();
      nav.move(index, col, ARROWS[event.key]);
    } else if (mode === 'nav' && (event.key === 'Home' || event.key === 'End')) {
      nav.activate(index, col, 'edit');
    }
  }

  function onMouseDown(event: MouseEvent<HTMLElement>) {
    if (event.button !== 0) return;
    if (!active) {
      // the first click selects the cell as a whole, as in Excel; the second places the caret
      event.preventDefault();
      nav.activate(index, col, 'nav');
    } else if (mode === 'nav' && event.target === ref.current) {
      nav.activate(index, col, 'edit');
    } else if (event.target !== ref.current) {
      event.preventDefault();
      ref.current?.focus({ preventScroll: true });
    }
  }

  const classes = [
    'entries-cell',
    active ? 'is-active' : '',
    active && mode === 'edit' ? 'is-editing' : '',
    copied ? 'is-copied' : '',
    dirty ? 'is-dirty' : '',
    refusal ? 'is-refused' : '',
  ];
  return (
    <td className={classes.filter(Boolean).join(' ')} onMouseDown={onMouseDown}>
      <textarea
        ref={ref}
        className="entries-text"
        aria-label={label}
        aria-invalid={refusal ? true : undefined}
        rows={1}
        spellCheck={false}
        value={text}
        readOnly={readOnly}
        onFocus={() => {
          store.hold(id, field);
          if (!active) nav.activate(index, col, 'nav');
        }}
        onBlur={() => store.leave(id, field)}
        onChange={(event) => {
          store.edit(id, field, event.target.value);
          if (mode === 'nav') nav.activate(index, col, 'edit');
        }}
        onCompositionStart={() => mode === 'nav' && nav.activate(index, col, 'edit')}
        onDoubleClick={() => mode === 'nav' && nav.activate(index, col, 'edit')}
        onKeyDown={onKeyDown}
      />
      {(refusal || length > COUNTER_FROM) && (
        <div className="entries-cell-note zd-small">
          {refusal && <span className="zd-gap zd-text-red">{refusal.message}</span>}
          {length > COUNTER_FROM && (
            <span className={`entries-cell-count zd-faint num${length > DISPATCH_TEXT_MAX ? ' is-over' : ''}`}>
              {length}/{DISPATCH_TEXT_MAX}
            </span>
          )}
        </div>
      )}
    </td>
  );
}

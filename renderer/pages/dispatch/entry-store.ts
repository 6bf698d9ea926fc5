import { DISPATCH_FIELDS, type DispatchField, type DispatchRow } from '../../../db/model/dispatch';
import type { MethodInput } from '../../../electron/api-spec';
import { ApiError, invoke } from '../../api';
import { saveOnExit } from './save-on-exit';

/** How long typing may pause before the cell saves on its own. */
export const SAVE_PAUSE_MS = 800;

export type SaveState =
  | { kind: 'idle' }
  /** typed, waiting for the pause or for the clerk to leave the cell */
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'failed'; message: string };

export interface CellRefusal {
  message: string;
  /** the text the server refused: it is not sent again until the clerk changes it */
  text: string;
}

export interface EntryState {
  /** the row as the server last returned it */
  row: DispatchRow;
  /** what the clerk typed and the server has not confirmed yet (or the focused cell's own text) */
  drafts: Partial<Record<DispatchField, string>>;
  refusals: Partial<Record<DispatchField, CellRefusal>>;
  save: SaveState;
}

export interface EntryCounts {
  active: number;
  confirmed: number;
  unreported: number;
  /** rows that show last week's text and wait for confirmation */
  waiting: ReadonlySet<number>;
}

export interface SaveActivity {
  busy: number;
  failed: number;
}

type SaveInput = MethodInput<'dispatch.saveEntry'>;

export const isCopied = (row: DispatchRow) => !row.confirmed && row.copiedFromWeek !== null;

export function isDirty(state: EntryState, field: DispatchField): boolean {
  const draft = state.drafts[field];
  return draft !== undefined && draft.trim() !== state.row[field];
}

export function shownText(state: EntryState, field: DispatchField): string {
  return state.drafts[field] ?? state.row[field];
}

/**
 * The week's entries as the grid edits them. Every cell change is kept here first (so a row scrolled out of
 * view keeps its text), saved after a pause or when the clerk leaves the cell, one request per row at a time,
 * and the server's answer replaces the row so another window's newer text is never hidden.
 */
export class EntryStore {
  readonly week: string;
  private readonly states = new Map<number, EntryState>();
  private readonly order: number[];
  private readonly listeners = new Set<() => void>();
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();
  private readonly running = new Map<number, Promise<void>>();
  private readonly again = new Set<number>();
  private held: { id: number; field: DispatchField; original: string } | null = null;
  private countsCache: EntryCounts | null = null;
  private activityCache: SaveActivity | null = null;
  private lastActivity: SaveActivity = { busy: 0, failed: 0 };
  /** what went out as the window closed (pagehide and beforeunload both fire) */
  private readonly sentOnExit = new Map<number, string>();
  /**
   * Rows whose save was refused because someone else saved the entry meanwhile: the entry's version now. Only
   * 重试, the clerk's choice after reading who changed it, saves over it with that version.
   */
  private readonly conflicts = new Map<number, number>();
  private readonly savingOver = new Map<number, number>();

  constructor(week: string, rows: readonly DispatchRow[]) {
    this.week = week;
    this.order = rows.map((r) => r.projectId);
    for (const row of rows) this.states.set(row.projectId, { row, drafts: {}, refusals: {}, save: { kind: 'idle' } });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (id: number): EntryState => {
    const state = this.states.get(id);
    if (!state) throw new Error(`no dispatch row for project ${id}`);
    return state;
  };

  counts = (): EntryCounts => {
    if (!this.countsCache) {
      let confirmed = 0;
      const waiting = new Set<number>();
      for (const id of this.order) {
        const { row } = this.get(id);
        if (row.confirmed) confirmed++;
        else if (isCopied(row)) waiting.add(id);
      }
      this.countsCache = { active: this.order.length, confirmed, unreported: this.order.length - confirmed, waiting };
    }
    return this.countsCache;
  };

  activity = (): SaveActivity => {
    if (!this.activityCache) {
      let busy = 0;
      let failed = 0;
      for (const state of this.states.values()) {
        if (state.save.kind === 'failed') failed++;
        else if (state.save.kind === 'saving' || state.save.kind === 'pending') busy++;
      }
      const last = this.lastActivity;
      // the page re-renders only when the numbers change, not on every keystroke
      this.activityCache = last.busy === busy && last.failed === failed ? last : { busy, failed };
      this.lastActivity = this.activityCache;
    }
    return this.activityCache;
  };

  unreportedIds(): Set<number> {
    return new Set(this.order.filter((id) => !this.get(id).row.confirmed));
  }

  /** The clerk entered a cell: Esc brings back what it showed now. */
  hold(id: number, field: DispatchField): void {
    if (this.held?.id === id && this.held.field === field) return;
    this.held = { id, field, original: shownText(this.get(id), field) };
  }

  edit(id: number, field: DispatchField, text: string): void {
    const state = this.get(id);
    const next = { ...state, drafts: { ...state.drafts, [field]: text } };
    const waiting = this.sendable(next).length > 0;
    this.set(id, { ...next, save: waiting ? { kind: 'pending' } : this.settled(next) });
    this.clearTimer(id);
    if (waiting)
      this.timers.set(
        id,
        setTimeout(() => this.flush(id), SAVE_PAUSE_MS),
      );
  }

  /** Esc: the cell goes back to the text it had when the clerk entered it (saved again if a pause saved the new one). */
  revert(id: number, field: DispatchField): void {
    if (this.held?.id !== id || this.held.field !== field) return;
    this.edit(id, field, this.held.original);
  }

  /** The clerk left the cell: save now, and show the server's text from here on. */
  leave(id: number, field: DispatchField): void {
    if (this.held?.id === id && this.held.field === field) this.held = null;
    const state = this.get(id);
    if (state.drafts[field] !== undefined && !isDirty(state, field) && !state.refusals[field]) {
      this.set(id, { ...state, drafts: withoutKey(state.drafts, field) });
    }
    this.flush(id);
  }

  flush(id: number): Promise<void> {
    this.clearTimer(id);
    return this.save(id, false);
  }

  flushAll(): Promise<void> {
    return Promise.all(this.order.filter((id) => this.sendable(this.get(id)).length).map((id) => this.flush(id))).then(
      () => undefined,
    );
  }

  /** Confirms the row as shown: its unsaved text, or last week's copied text as it is. */
  confirm(id: number): Promise<void> {
    this.clearTimer(id);
    return this.save(id, true);
  }

  /** 重试 after a refusal or a lost connection: everything the row holds is sent again. */
  retry(id: number): Promise<void> {
    const theirs = this.conflicts.get(id);
    if (theirs !== undefined) this.savingOver.set(id, theirs);
    const state = this.get(id);
    this.set(id, { ...state, refusals: {} });
    return this.flush(id);
  }

  /** Rows the server returned from a batch confirmation; the clerk's unsaved text stays on top. */
  replaceRows(rows: readonly DispatchRow[]): void {
    for (const row of rows) {
      const state = this.states.get(row.projectId);
      if (state) this.states.set(row.projectId, { ...state, row });
    }
    this.changed(true);
  }

  /** The window is closing: every unsaved cell goes out now, without waiting for answers. */
  saveOnExit(): void {
    for (const id of this.order) {
      const state = this.get(id);
      const fields = this.sendable(state);
      if (!fields.length) continue;
      // no version: the window is going, and its last text must not be refused for a save still on its way
      const { version: _unchecked, ...input } = this.inputOf(state, fields);
      const key = JSON.stringify(input);
      if (this.sentOnExit.get(id) === key) continue;
      this.sentOnExit.set(id, key);
      saveOnExit(input);
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private save(id: number, confirming: boolean): Promise<void> {
    const running = this.running.get(id);
    if (running) {
      this.again.add(id);
      return running;
    }
    const state = this.get(id);
    const fields = this.sendable(state);
    if (!fields.length && !(confirming && !state.row.confirmed)) {
      if (state.save.kind === 'pending') this.set(id, { ...state, save: this.settled(state) });
      return Promise.resolve();
    }
    const input = this.inputOf(state, fields);
    this.set(id, { ...state, save: { kind: 'saving' } });
    const task = invoke('dispatch.saveEntry', input)
      .then(
        (row) => this.saved(id, row, fields),
        (error: unknown) => this.refused(id, fields, input, error),
      )
      .finally(() => {
        this.running.delete(id);
        if (this.again.delete(id)) void this.save(id, false);
      });
    this.running.set(id, task);
    return task;
  }

  private saved(id: number, row: DispatchRow, fields: DispatchField[]): void {
    this.conflicts.delete(id);
    this.savingOver.delete(id);
    const state = this.get(id);
    const drafts = { ...state.drafts };
    const refusals = { ...state.refusals };
    for (const field of fields) delete refusals[field];
    for (const field of DISPATCH_FIELDS) {
      const held = this.held?.id === id && this.held.field === field;
      // the focused cell keeps the clerk's own text (a trailing space the server trims must not vanish mid-typing)
      if (drafts[field] !== undefined && !held && drafts[field].trim() === row[field]) delete drafts[field];
    }
    const next: EntryState = { row, drafts, refusals, save: { kind: 'saved' } };
    if (this.sendable(next).length) next.save = { kind: 'pending' };
    this.set(id, next, true);
  }

  private refused(id: number, fields: DispatchField[], input: SaveInput, error: unknown): void {
    const message = error instanceof ApiError ? error.message : '保存失败，请检查后重试';
    const perField = error instanceof ApiError ? error.fieldErrors : {};
    if (error instanceof ApiError && error.conflict) this.conflicts.set(id, error.conflict.version);
    const named = fields.filter((f) => perField[f]);
    const refusals = { ...this.get(id).refusals };
    for (const field of named.length ? named : fields) {
      refusals[field] = { message: perField[field] ?? message, text: input[field] ?? '' };
    }
    const state = { ...this.get(id), refusals };
    const first = named.length ? perField[named[0]] : message;
    this.set(id, { ...state, save: { kind: 'failed', message: first } });
    // the other cells of the row need not wait for the refused one
    if (this.sendable(state).length)
      this.timers.set(
        id,
        setTimeout(() => this.flush(id), SAVE_PAUSE_MS),
      );
  }

  /** Cells whose text differs from the server's, except text the server already refused. */
  private sendable(state: EntryState): DispatchField[] {
    return DISPATCH_FIELDS.filter((f) => isDirty(state, f) && state.refusals[f]?.text !== state.drafts[f]);
  }

  private settled(state: EntryState): SaveState {
    const refusal = DISPATCH_FIELDS.map((f) => state.refusals[f]).find(Boolean);
    if (refusal) return { kind: 'failed', message: refusal.message };
    return state.save.kind === 'pending' ? { kind: 'idle' } : state.save;
  }

  private inputOf(state: EntryState, fields: DispatchField[]): SaveInput {
    const input: SaveInput = {
      projectId: state.row.projectId,
      week: this.week,
      // one save per row at a time, each answered with the entry's new version: a row never refuses its own saves
      version: this.savingOver.get(state.row.projectId) ?? state.row.entryVersion,
    };
    for (const field of fields) input[field] = state.drafts[field];
    return input;
  }

  private clearTimer(id: number): void {
    const timer = this.timers.get(id);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(id);
  }

  private set(id: number, state: EntryState, rowChanged = false): void {
    this.states.set(id, state);
    this.changed(rowChanged);
  }

  private changed(rowChanged: boolean): void {
    if (rowChanged) this.countsCache = null;
    this.activityCache = null;
    for (const listener of this.listeners) listener();
  }
}

function withoutKey<T extends object, K extends keyof T>(object: T, key: K): T {
  const copy = { ...object };
  delete copy[key];
  return copy;
}

import type { ChangeKind } from '../../../db/model/change-event';

/** What a write method's success tells the open screens (the table: electron/access/write-events.ts). */
export interface WriteEvent<I, O> {
  kind: ChangeKind;
  /** the records changed (project ids; problem ids for `problem`), from the input or the answer */
  ids?: (input: I, output: O) => readonly number[];
  /** false when this call of the method wrote nothing (a preview) */
  writes?: (input: I) => boolean;
}

/** A read, or a write no shared screen shows: nothing is published. */
export const NO_EVENT = 'none';

export type WriteEventRule = WriteEvent<unknown, unknown> | typeof NO_EVENT;

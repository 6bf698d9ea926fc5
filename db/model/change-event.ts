// What changed, as the office's open screens are told (issue #15, live refresh): published by the server
// (electron/services/live/), read by the renderer (renderer/live/).

/** Which screens' data a change touches. `library`: many records at once (an import, the rollover, a restore). */
export const CHANGE_KINDS = [
  'project',
  'dispatch',
  'investment',
  'problem',
  'milestone',
  'reference',
  'settings',
  'library',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ChangeEvent {
  /** counts up from 1 in this app server's run; a client that missed some asks from the last it saw */
  seq: number;
  kind: ChangeKind;
  /** the records changed where known: project ids, or problem ids for `problem`; empty for many or unknown */
  ids: number[];
  /** the projects' names (of the problems' projects for `problem`), beside `ids`, when few enough to name */
  names: string[];
  /** the method that wrote it; '' in a bare refresh */
  method: string;
  /** who: the user's display name, or the single PC's clerk; '' in a bare refresh */
  by: string;
  /** when, ISO */
  at: string;
}

/** The event as it is published, before the bus numbers it. */
export type ChangeDraft = Omit<ChangeEvent, 'seq'>;

import type { MethodInput } from '../../../electron/api-spec';
import type { Milestone } from '../../../db/model/milestones';

export type MilestoneInput = MethodInput<'milestones.save'>['nodes'][number];

/** One row of the node table while the clerk edits it; `key` tells rows apart before they have an id. */
export interface DraftNode {
  key: string;
  id?: number;
  /** the saved node's version, sent back so a node someone changed meanwhile is not overwritten */
  version?: number;
  name: string;
  stage: Milestone['stage'];
  plannedDate: string | null;
  actualDate: string | null;
  unitId: number | null;
  note: string;
}

export type DraftPatch = Partial<Pick<DraftNode, 'name' | 'plannedDate' | 'actualDate' | 'unitId' | 'note'>>;

let lastNewKey = 0;

export function draftOf(saved: readonly Milestone[]): DraftNode[] {
  return saved.map((m) => ({
    key: `saved-${m.id}`,
    id: m.id,
    version: m.version,
    name: m.name,
    stage: m.stage,
    plannedDate: m.plannedDate,
    actualDate: m.actualDate,
    unitId: m.unitId,
    note: m.note,
  }));
}

/** A node the clerk adds by hand belongs to no template stage, so regenerating a stage's template keeps it. */
export function blankNode(): DraftNode {
  lastNewKey += 1;
  return {
    key: `new-${lastNewKey}`,
    name: '',
    stage: null,
    plannedDate: null,
    actualDate: null,
    unitId: null,
    note: '',
  };
}

export function toInput(node: DraftNode): MilestoneInput {
  return {
    ...(node.id !== undefined ? { id: node.id, version: node.version } : {}),
    name: node.name.trim(),
    stage: node.stage,
    plannedDate: node.plannedDate,
    actualDate: node.actualDate,
    unitId: node.unitId,
    note: node.note.trim(),
  };
}

const sameNode = (a: DraftNode, b: DraftNode) => JSON.stringify(toInput(a)) === JSON.stringify(toInput(b));

/** Keys of rows that differ from what is saved: new or edited. */
export function changedKeys(draft: readonly DraftNode[], saved: readonly DraftNode[]): Set<string> {
  const byKey = new Map(saved.map((n) => [n.key, n]));
  return new Set(draft.filter((n) => !byKey.has(n.key) || !sameNode(n, byKey.get(n.key)!)).map((n) => n.key));
}

/** Unsaved when anything was edited, added, removed or reordered. */
export function isDirty(draft: readonly DraftNode[], saved: readonly DraftNode[]): boolean {
  return draft.length !== saved.length || draft.some((n, i) => n.key !== saved[i].key || !sameNode(n, saved[i]));
}

export function moveNode(draft: readonly DraftNode[], key: string, by: -1 | 1): DraftNode[] {
  const from = draft.findIndex((n) => n.key === key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= draft.length) return [...draft];
  const next = [...draft];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

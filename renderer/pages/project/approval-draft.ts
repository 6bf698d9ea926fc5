import { isOpenApproval, type ApprovalItem, type ApprovalTemplateItem } from '../../../db/model/approvals';
import type { MethodInput } from '../../../electron/api-spec';
import { milestoneStatus, type MilestoneStatus } from './milestone-status';

export type ApprovalInput = MethodInput<'approvals.save'>['items'][number];

/** One row of the checklist while the clerk edits it; `key` tells rows apart before they have an id. */
export interface DraftApproval extends Omit<ApprovalInput, 'id' | 'version'> {
  key: string;
  id?: number;
  /** the saved item's version, sent back so an item someone changed meanwhile is not overwritten */
  version?: number;
  department: string;
  docNumber: string;
  note: string;
}

export type ApprovalPatch = Partial<
  Pick<DraftApproval, 'name' | 'department' | 'plannedDate' | 'actualDate' | 'docNumber' | 'status' | 'note'>
>;

let lastNewKey = 0;
const newKey = () => `new-${++lastNewKey}`;

export function draftOfApprovals(saved: readonly ApprovalItem[]): DraftApproval[] {
  return saved.map((i) => ({
    key: `saved-${i.id}`,
    id: i.id,
    version: i.version,
    name: i.name,
    department: i.department,
    plannedDate: i.plannedDate,
    actualDate: i.actualDate,
    docNumber: i.docNumber,
    status: i.status,
    note: i.note,
  }));
}

/** The category's template as a new, unsaved checklist: every item 未启动 with its usual 审批部门. */
export function draftOfTemplate(template: readonly ApprovalTemplateItem[]): DraftApproval[] {
  return template.map((t) => ({ ...blankApproval(), name: t.name, department: t.department }));
}

export function blankApproval(): DraftApproval {
  return {
    key: newKey(),
    name: '',
    department: '',
    plannedDate: null,
    actualDate: null,
    docNumber: '',
    status: 'not_started',
    note: '',
  };
}

/**
 * A clerk's edit with what goes with it: an 实际办结 makes the item 已办结, and clearing it puts the item back to
 * 办理中; marking it 已办结 dates it today until the clerk picks the day; taking it out of 已办结 clears the date
 * (the server refuses either mismatch).
 */
export function patchApproval(item: DraftApproval, patch: ApprovalPatch, today: string): DraftApproval {
  const next = { ...item, ...patch };
  if (patch.actualDate) next.status = 'done';
  if (patch.actualDate === null && item.status === 'done' && patch.status === undefined) next.status = 'in_progress';
  if (patch.status === 'done' && !next.actualDate) next.actualDate = today;
  if (patch.status !== undefined && patch.status !== 'done') next.actualDate = null;
  return next;
}

export function toApprovalInput(item: DraftApproval): ApprovalInput {
  return {
    ...(item.id !== undefined ? { id: item.id, version: item.version } : {}),
    name: item.name.trim(),
    department: item.department.trim(),
    plannedDate: item.plannedDate,
    actualDate: item.actualDate,
    docNumber: item.docNumber.trim(),
    status: item.status,
    note: item.note.trim(),
  };
}

const same = (a: DraftApproval, b: DraftApproval) =>
  JSON.stringify(toApprovalInput(a)) === JSON.stringify(toApprovalInput(b));

export function changedApprovalKeys(draft: readonly DraftApproval[], saved: readonly DraftApproval[]): Set<string> {
  const byKey = new Map(saved.map((i) => [i.key, i]));
  return new Set(draft.filter((i) => !byKey.has(i.key) || !same(i, byKey.get(i.key)!)).map((i) => i.key));
}

export function approvalsDirty(draft: readonly DraftApproval[], saved: readonly DraftApproval[]): boolean {
  return draft.length !== saved.length || draft.some((i, n) => i.key !== saved[n].key || !same(i, saved[n]));
}

export function moveApproval(draft: readonly DraftApproval[], key: string, by: -1 | 1): DraftApproval[] {
  const from = draft.findIndex((i) => i.key === key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= draft.length) return [...draft];
  const next = [...draft];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

/** 提示 column: by the light's own rule for open items; 已办结 and 不需办理 need no warning. */
export function approvalHint(item: DraftApproval, today: string, dueDays: number): MilestoneStatus {
  if (item.actualDate && item.actualDate > today) return { state: 'late', label: '日期有误' };
  if (!isOpenApproval(item.status)) return { state: 'pending', label: '' };
  const status = milestoneStatus({ plannedDate: item.plannedDate, actualDate: null }, today, dueDays);
  return status.state === 'pending' || status.state === 'unscheduled' ? { ...status, label: '' } : status;
}

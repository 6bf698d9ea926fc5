// 动态管理 (issue #17 item 5): a project's stays on the key lists (省重点, 湘潭市重点 …) and its 停建/缓建 spells.
// Pure rules, shared by the server and the renderer; "today" is always passed in.

/** One stay of a project on one list: 调入 on joinedOn, 调出 on leftOn (the first day off the list). */
export interface ListStay {
  id: number;
  levelId: number;
  levelName: string;
  /** null: on the list since before dates were kept (stays recorded before 动态管理, and new projects' lists) */
  joinedOn: string | null;
  joinReason: string;
  /** null: still on the list */
  leftOn: string | null;
  leaveReason: string;
}

export type TransferDirection = 'in' | 'out';
export const TRANSFER_LABELS: Record<TransferDirection, string> = { in: '调入', out: '调出' };

/** Whether a stay counts on `date`: joined on or before it, not yet left (the 调出 day is already off the list). */
export function onListAt(stay: Pick<ListStay, 'joinedOn' | 'leftOn'>, date: string): boolean {
  return (stay.joinedOn === null || stay.joinedOn <= date) && (stay.leftOn === null || stay.leftOn > date);
}

/** The lists a project is on at `date`, ascending, from its stays. */
export function levelIdsAt(
  stays: readonly Pick<ListStay, 'levelId' | 'joinedOn' | 'leftOn'>[],
  date: string,
): number[] {
  return [...new Set(stays.filter((s) => onListAt(s, date)).map((s) => s.levelId))].sort((a, b) => a - b);
}

export interface TransferRequest {
  levelId: number;
  direction: TransferDirection;
  date: string;
  reason: string;
}

/**
 * Why a 调入/调出 cannot be recorded, or null. A project is on a list at most once at a time; a stay ends after
 * it began; a rejoin begins no earlier than the last stay ended; no move is dated after today (a list changes
 * when it is announced, and the lights and counts of today would otherwise read a future list).
 */
export function transferIssue(
  stays: readonly Pick<ListStay, 'levelId' | 'levelName' | 'joinedOn' | 'leftOn'>[],
  request: TransferRequest,
  today: string,
): { field: 'levelId' | 'date' | 'reason'; message: string } | null {
  if (!request.reason.trim()) {
    return { field: 'reason', message: `请填写${TRANSFER_LABELS[request.direction]}原因` };
  }
  if (request.date > today) return { field: 'date', message: `${TRANSFER_LABELS[request.direction]}日期不能晚于今天` };
  const onList = stays.filter((s) => s.levelId === request.levelId);
  const open = onList.find((s) => s.leftOn === null);
  if (request.direction === 'in') {
    if (open) return { field: 'levelId', message: `该项目已在${open.levelName}名单上，不能重复调入` };
    const lastLeft = onList.reduce<string | null>(
      (last, s) => (last === null || s.leftOn! > last ? s.leftOn : last),
      null,
    );
    if (lastLeft !== null && request.date < lastLeft) {
      return { field: 'date', message: `调入日期不能早于上次调出日期（${lastLeft}）` };
    }
    return null;
  }
  if (!open) return { field: 'levelId', message: '该项目不在这个名单上，无需调出' };
  if (open.joinedOn !== null && request.date <= open.joinedOn) {
    return { field: 'date', message: `调出日期须晚于调入日期（${open.joinedOn}）` };
  }
  return null;
}

/** The line 变更记录 keeps of a move: “调入 省重点 2026-07-01：列入省重点项目名单”. */
export function transferText(direction: TransferDirection, levelName: string, date: string, reason: string): string {
  return `${TRANSFER_LABELS[direction]} ${levelName} ${date}：${reason}`;
}

/** The reasons the project form's level picker gives the moves it makes (dated the day of the edit). */
export const FORM_JOIN_REASON = '修改项目信息时列入';
export const FORM_LEAVE_REASON = '修改项目信息时移出';

// ——— 停建 / 缓建 ———

export type SuspensionKind = 'halted' | 'deferred';
export const SUSPENSION_KINDS: readonly SuspensionKind[] = ['halted', 'deferred'];
export const SUSPENSION_LABELS: Record<SuspensionKind, string> = { halted: '停建', deferred: '缓建' };
/** The library's filter and the ledger's column call both 停缓建. */
export const SUSPENDED_LABEL = '停缓建';

/** A project's current 停建/缓建: what the lights, lists and the ledger show instead of a light. */
export interface CurrentSuspension {
  kind: SuspensionKind;
  since: string;
  reason: string;
}

/** One 停建/缓建 spell, ended by 复工 (resumedOn) or still running. */
export interface SuspensionSpell extends CurrentSuspension {
  id: number;
  resumedOn: string | null;
  resumeNote: string;
}

/** Why a project cannot be marked 停建/缓建 now, or null. A 停建 may turn 缓建 (and back) without a 复工. */
export function suspendIssue(
  current: CurrentSuspension | null,
  spells: readonly Pick<SuspensionSpell, 'resumedOn'>[],
  request: { kind: SuspensionKind; date: string; reason: string },
  today: string,
): { field: 'kind' | 'date' | 'reason'; message: string } | null {
  const label = SUSPENSION_LABELS[request.kind];
  if (!request.reason.trim()) return { field: 'reason', message: `请填写${label}原因` };
  if (request.date > today) return { field: 'date', message: `${label}日期不能晚于今天` };
  if (current?.kind === request.kind) return { field: 'kind', message: `该项目已是${label}状态` };
  if (current && request.date < current.since) {
    return { field: 'date', message: `日期不能早于现在的${SUSPENSION_LABELS[current.kind]}日期（${current.since}）` };
  }
  const lastResumed = spells.reduce<string | null>(
    (last, s) => (s.resumedOn !== null && (last === null || s.resumedOn > last) ? s.resumedOn : last),
    null,
  );
  if (!current && lastResumed !== null && request.date < lastResumed) {
    return { field: 'date', message: `${label}日期不能早于上次复工日期（${lastResumed}）` };
  }
  return null;
}

/** Why a 复工 cannot be recorded, or null. */
export function resumeIssue(
  current: CurrentSuspension | null,
  date: string,
  today: string,
): { field: 'date' | 'projectId'; message: string } | null {
  if (!current) return { field: 'projectId', message: '该项目没有停建或缓建，无需复工' };
  if (date > today) return { field: 'date', message: '复工日期不能晚于今天' };
  if (date < current.since) {
    return { field: 'date', message: `复工日期不能早于${SUSPENSION_LABELS[current.kind]}日期（${current.since}）` };
  }
  return null;
}

/** How a current 停建/缓建 reads in a list or a ledger cell: “缓建（2026-05-10起：资金未落实）”. */
export function suspensionText(s: CurrentSuspension): string {
  return `${SUSPENSION_LABELS[s.kind]}（${s.since}起${s.reason ? `：${s.reason}` : ''}）`;
}

/** `levels.history`: what the project page's 名单与停缓建 panel shows. */
export interface MembershipHistory {
  projectId: number;
  stays: ListStay[];
  suspensions: SuspensionSpell[];
  /** the open spell, if any */
  suspended: CurrentSuspension | null;
}

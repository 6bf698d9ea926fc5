import { formatWan } from '../../db/model/money';
import { PROBLEM_NOTE_KIND_LABELS } from '../../db/model/problems';
import type { MethodName } from '../../electron/api-spec';
import { LOAD_TODAY, LOAD_WEEK, type LoadOffice, type LoadSession } from './office-load-sessions';

// What each role does on the office server, one step at a time: the clerks edit and read everything, the
// leaders only read and print, a unit fills in its own projects (reading its page) and now and then tries another
// unit's.

/** A field one write sets: a project's, its row of the week, or its figure of the month. */
export type FieldKind = 'note' | 'progressText' | 'entry.progress' | 'entry.coordination' | 'monthly';

export const LOAD_MONTH = { year: 2026, month: 11 } as const;

export interface PlannedWrite {
  kind: FieldKind | 'problemNote';
  /** the project (or, for a problem note, the problem) written */
  targetId: number;
  /** the text written, or the month's figure as the change history shows it */
  value: string;
  amountYuan?: number;
  /** a problem note's problem: its line of 变更记录 is in the project's history */
  problem?: { projectId: number; code: string };
  /** a unit's attempt on a project that is not its unit's: the server must refuse it */
  offScope: boolean;
}

export interface Action {
  method: MethodName;
  input: Record<string, unknown>;
  write?: PlannedWrite;
}

/** The line of 变更记录 a write leaves: whose history (the project), the field's name and the new value. */
export function auditLineOf(write: PlannedWrite): { entityId: number; field: string; newValue: string } {
  const projectLine = (field: string) => ({ entityId: write.targetId, field, newValue: write.value });
  switch (write.kind) {
    case 'note':
    case 'progressText':
      return projectLine(write.kind);
    case 'entry.progress':
      return projectLine(`dispatch:${LOAD_WEEK}:progress`);
    case 'entry.coordination':
      return projectLine(`dispatch:${LOAD_WEEK}:coordination`);
    case 'monthly':
      return projectLine(`monthly:${LOAD_MONTH.year}-${LOAD_MONTH.month}`);
    case 'problemNote':
      return {
        entityId: write.problem!.projectId,
        field: `problem:${write.problem!.code}`,
        newValue: `${PROBLEM_NOTE_KIND_LABELS.progress}（${LOAD_TODAY}）：${write.value}`,
      };
  }
}

const NOT_STARTED = new Set(['reserve', 'preliminary']);

export interface Chooser {
  random(): number;
  pick<T>(items: readonly T[]): T;
}

/** The steps of one session; `n` numbers its steps, so every value it sends is its own. */
export function actionsOf(session: LoadSession, office: LoadOffice, choose: Chooser): (n: number) => Action {
  const tag = (n: number) => `负载-${session.login}-${n}`;
  const allIds = office.projects.map((p) => p.id);
  if (session.role === 'leader') {
    return () =>
      choose.pick<Action>([
        { method: 'projects.list', input: {} },
        { method: 'dispatch.week', input: { week: LOAD_WEEK } },
        { method: 'dispatch.printData', input: { week: LOAD_WEEK } },
        { method: 'overview.dashboard', input: {} },
      ]);
  }
  if (session.role === 'office') {
    return (n) => {
      const roll = choose.random();
      const id = choose.pick(allIds);
      if (roll < 0.15) return projectText('note', id, tag(n));
      if (roll < 0.25) return projectText('progressText', id, tag(n));
      if (roll < 0.45) return entryText('entry.coordination', id, tag(n));
      if (roll < 0.6) {
        const { id: problemId, ...problem } = choose.pick(office.openProblems);
        return {
          method: 'problems.addNote',
          input: { id: problemId, kind: 'progress', text: tag(n) },
          write: { kind: 'problemNote', targetId: problemId, value: tag(n), problem, offScope: false },
        };
      }
      return choose.pick<Action>([
        { method: 'projects.list', input: {} },
        { method: 'dispatch.week', input: { week: LOAD_WEEK } },
        { method: 'problems.list', input: {} },
        { method: 'projects.get', input: { id } },
      ]);
    };
  }
  const own = office.projects.filter((p) => p.unitIds.includes(session.unitId!));
  const started = own.filter((p) => !NOT_STARTED.has(p.stage));
  const others = office.projects.filter((p) => !p.unitIds.includes(session.unitId!)).map((p) => p.id);
  const amount = (n: number, base: number) => base + (session.index * 10_000 + n) * 100;
  return (n) => {
    const roll = choose.random();
    const mine = choose.pick(own).id;
    if (roll < 0.06) {
      // another unit's project: each kind of the unit's writes, each refused
      const theirs = choose.pick(others);
      const attempt = choose.pick([
        entryText('entry.progress', theirs, `越权-${tag(n)}`),
        projectText('progressText', theirs, `越权-${tag(n)}`),
        monthly(theirs, amount(n, 7_000_000_000)),
      ]);
      return { ...attempt, write: { ...attempt.write!, offScope: true } };
    }
    if (roll < 0.36) return entryText('entry.progress', mine, tag(n));
    if (roll < 0.58) return projectText('progressText', mine, tag(n));
    if (roll < 0.8 && started.length) return monthly(choose.pick(started).id, amount(n, 1_000_000));
    return choose.pick<Action>([
      { method: 'unitDesk.get', input: { week: LOAD_WEEK } },
      { method: 'projects.get', input: { id: mine } },
      { method: 'projects.history', input: { id: mine } },
    ]);
  };
}

function projectText(kind: 'note' | 'progressText', id: number, value: string): Action {
  return {
    method: 'projects.update',
    input: { id, [kind]: value },
    write: { kind, targetId: id, value, offScope: false },
  };
}

function entryText(kind: 'entry.progress' | 'entry.coordination', projectId: number, value: string): Action {
  const field = kind === 'entry.progress' ? 'progress' : 'coordination';
  return {
    method: 'dispatch.saveEntry',
    input: { projectId, week: LOAD_WEEK, [field]: value },
    write: { kind, targetId: projectId, value, offScope: false },
  };
}

function monthly(projectId: number, amountYuan: number): Action {
  return {
    method: 'projects.setMonthlyInvestment',
    input: { projectId, ...LOAD_MONTH, amountYuan },
    write: { kind: 'monthly', targetId: projectId, value: `${formatWan(amountYuan)}万元`, amountYuan, offScope: false },
  };
}

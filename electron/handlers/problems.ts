import { AppError } from '../../db/errors';
import { yearOf } from '../../db/model/dates';
import {
  canChase,
  CHASE_BEFORE_ASSIGN,
  DEADLINE_BEFORE_ASSIGNED,
  isOpen,
  PROBLEM_ACTION_LABELS,
  PROBLEM_NOTE_KIND_LABELS,
  PROBLEM_STATUS_LABELS,
  problemCode,
  transition,
  type Problem,
  type ProblemCount,
  type ProblemListRow,
} from '../../db/model/problems';
import {
  getStoredProblem,
  insertNote,
  insertProblem,
  listStoredProblems,
  nextProblemSequence,
  notesOf,
  updateProblem,
  writeProblemHistory,
  type ProblemValues,
  type StoredProblemWithUnits,
} from '../../db/queries/problems';
import { projectExists } from '../../db/queries/projects-read';
import { referenceName } from '../../db/queries/reference';
import type { ParsedInput, ProblemPrint, ProblemSummary } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { problemPrintData, problemRow, problemUnits } from '../services/print-data';
import { refuseIfChanged } from '../services/record-versions';
import { writeMeta } from '../services/session';

/** The problem workflow only reads and writes the library: PostgreSQL may run it again after a conflict. */
const IDEMPOTENT = { idempotent: true };

function row(ctx: AppContext, stored: StoredProblemWithUnits): ProblemListRow {
  return problemRow(stored, ctx.today());
}

/** The problem with its notes, read at one moment. */
function loadProblem(ctx: AppContext, id: number): Promise<Problem> {
  return ctx.store.snapshot(async () => {
    const stored = await getStoredProblem(ctx.store, id);
    if (!stored) throw new AppError('not_found', '找不到该问题，可能已被删除');
    return { ...row(ctx, stored), notes: await notesOf(ctx.store, id) };
  });
}

function valuesOf(p: StoredProblemWithUnits): ProblemValues {
  return {
    projectId: p.projectId,
    sourceWeek: p.sourceWeek,
    source: p.source,
    description: p.description,
    category: p.category,
    leadUnitId: p.leadUnitId,
    responsibleUnitIds: p.responsibleUnitIds,
    responsiblePerson: p.responsiblePerson,
    raisedOn: p.raisedOn,
    assignedOn: p.assignedOn,
    deadline: p.deadline,
    status: p.status,
    resolution: p.resolution,
    resolvedOn: p.resolvedOn,
  };
}

async function checkUnits(ctx: AppContext, ids: readonly (number | null)[]): Promise<void> {
  for (const id of ids) {
    if (id !== null && (await referenceName(ctx.store, 'unit', id)) === undefined) {
      throw new AppError('invalid_input', '所选单位不存在，请重新选择', 'responsibleUnitIds');
    }
  }
}

function checkDates(v: ProblemValues, today: string): void {
  if (v.raisedOn > today) throw new AppError('invalid_input', '登记日期不能晚于今天', 'raisedOn');
  if (v.deadline && v.deadline < v.raisedOn) {
    throw new AppError('invalid_input', '办结时限不能早于登记日期', 'deadline');
  }
}

function counts(rows: readonly ProblemListRow[], keysOf: (p: ProblemListRow) => { key: string; label: string }[]) {
  const byKey = new Map<string, ProblemCount>();
  for (const p of rows) {
    for (const { key, label } of keysOf(p)) {
      const count = byKey.get(key) ?? { key, label, open: 0, overdue: 0, closed: 0 };
      if (isOpen(p.status)) count.open += 1;
      else count.closed += 1;
      if (p.daysOverdue > 0) count.overdue += 1;
      byKey.set(key, count);
    }
  }
  return [...byKey.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open);
}

export const problemHandlers = {
  'problems.list': async (ctx: AppContext, input: ParsedInput<'problems.list'>) => {
    const today = ctx.today();
    // the problems and their units are two statements: one snapshot
    const stored = await ctx.store.snapshot(() => listStoredProblems(ctx.store, input.projectId));
    return stored
      .map((p) => problemRow(p, today))
      .filter(
        (p) =>
          (!input.status || p.status === input.status) &&
          (!input.openOnly || isOpen(p.status)) &&
          (!input.category || p.category === input.category) &&
          (!input.chainLead || p.chainLead === input.chainLead) &&
          (!input.unitId || p.leadUnitId === input.unitId || p.responsibleUnitIds.includes(input.unitId)) &&
          (!input.overdueOnly || p.daysOverdue > 0),
      );
  },

  'problems.get': async (ctx: AppContext, input: ParsedInput<'problems.get'>) => loadProblem(ctx, input.id),

  'problems.create': async (ctx: AppContext, input: ParsedInput<'problems.create'>) => {
    const meta = await writeMeta(ctx);
    const today = ctx.today();
    const id = await ctx.store.transaction(async () => {
      if (!(await projectExists(ctx.store, input.projectId))) {
        throw new AppError('not_found', '找不到该项目，不能登记问题', 'projectId');
      }
      const values: ProblemValues = {
        ...input,
        raisedOn: input.raisedOn ?? today,
        assignedOn: null,
        status: 'pending',
        resolution: '',
        resolvedOn: null,
      };
      checkDates(values, today);
      await checkUnits(ctx, [values.leadUnitId, ...values.responsibleUnitIds]);
      const year = yearOf(values.raisedOn);
      const code = problemCode(year, await nextProblemSequence(ctx.store, year));
      const newId = await insertProblem(ctx.store, code, values, meta);
      await insertNote(
        ctx.store,
        newId,
        { notedOn: values.raisedOn, kind: 'transition', text: `登记：${values.source || '办公室登记'}` },
        meta.operator,
        meta.now,
      );
      return newId;
    }, IDEMPOTENT);
    return loadProblem(ctx, id);
  },

  'problems.update': async (ctx: AppContext, input: ParsedInput<'problems.update'>) => {
    const meta = await writeMeta(ctx);
    await ctx.store.transaction(async () => {
      const stored = await getStoredProblem(ctx.store, input.id);
      if (!stored) throw new AppError('not_found', '找不到该问题，可能已被删除');
      const { id, version, ...patch } = input;
      await refuseIfChanged(ctx, version, stored.version, {
        entity: 'project',
        entityId: stored.projectId,
        field: `problem:${stored.code}`,
      });
      if (stored.status === 'closed') throw new AppError('stage_rule', '已销号的问题不能修改，如需重新办理请先退回');
      const values = { ...valuesOf(stored), ...patch };
      checkDates(values, ctx.today());
      await checkUnits(ctx, [values.leadUnitId, ...values.responsibleUnitIds]);
      const history = { oldValue: stored.description, newValue: `修改问题：${values.description}` };
      await updateProblem(ctx.store, { id, code: stored.code }, values, history, meta);
    }, IDEMPOTENT);
    return loadProblem(ctx, input.id);
  },

  'problems.act': async (ctx: AppContext, input: ParsedInput<'problems.act'>) => {
    const meta = await writeMeta(ctx);
    const today = ctx.today();
    await ctx.store.transaction(async () => {
      const stored = await getStoredProblem(ctx.store, input.id);
      if (!stored) throw new AppError('not_found', '找不到该问题，可能已被删除');
      const moved = transition(stored.status, input.action);
      if (!moved.ok) throw new AppError('workflow', moved.message, 'action');
      const date = input.date ?? today;
      if (date > today) throw new AppError('invalid_input', '办理日期不能晚于今天', 'date');
      const values: ProblemValues = { ...valuesOf(stored), status: moved.to };
      if (input.action === 'assign') {
        values.leadUnitId = input.leadUnitId === undefined ? values.leadUnitId : input.leadUnitId;
        values.responsibleUnitIds = input.responsibleUnitIds ?? values.responsibleUnitIds;
        values.deadline = input.deadline ?? values.deadline;
        values.assignedOn = date;
        if (date < stored.raisedOn) throw new AppError('invalid_input', '交办日期不能早于登记日期', 'date');
        if (!values.responsibleUnitIds.length && values.leadUnitId === null) {
          throw new AppError('invalid_input', '交办须指定牵头单位或责任单位', 'responsibleUnitIds');
        }
        if (!values.deadline) throw new AppError('invalid_input', '交办须填写办结时限', 'deadline');
        if (values.deadline < date) throw new AppError('invalid_input', DEADLINE_BEFORE_ASSIGNED, 'deadline');
        await checkUnits(ctx, [values.leadUnitId, ...values.responsibleUnitIds]);
      }
      if (input.action === 'requestClose') {
        if (!input.text.trim()) throw new AppError('invalid_input', '申请销号须写明办理结果', 'text');
        values.resolution = input.text;
      }
      if (input.action === 'return' && !input.text.trim()) {
        throw new AppError('invalid_input', '退回须写明原因', 'text');
      }
      if (input.action === 'close') values.resolvedOn = date;
      if (input.action === 'return') values.resolvedOn = null;
      checkDates(values, today);
      const history = { oldValue: PROBLEM_STATUS_LABELS[stored.status], newValue: PROBLEM_STATUS_LABELS[moved.to] };
      await updateProblem(ctx.store, stored, values, history, meta);
      const label = PROBLEM_ACTION_LABELS[input.action];
      await insertNote(
        ctx.store,
        stored.id,
        { notedOn: date, kind: 'transition', text: input.text ? `${label}：${input.text}` : label },
        meta.operator,
        meta.now,
      );
    }, IDEMPOTENT);
    return loadProblem(ctx, input.id);
  },

  'problems.addNote': async (ctx: AppContext, input: ParsedInput<'problems.addNote'>) => {
    const meta = await writeMeta(ctx);
    const today = ctx.today();
    await ctx.store.transaction(async () => {
      const stored = await getStoredProblem(ctx.store, input.id);
      if (!stored) throw new AppError('not_found', '找不到该问题，可能已被删除');
      if (stored.status === 'closed') throw new AppError('workflow', '已销号的问题不再记录进展，如需重新办理请先退回');
      if (input.kind === 'chase' && !canChase(stored.status)) throw new AppError('workflow', CHASE_BEFORE_ASSIGN);
      const notedOn = input.notedOn ?? today;
      if (notedOn > today) throw new AppError('invalid_input', '日期不能晚于今天', 'notedOn');
      await insertNote(ctx.store, stored.id, { notedOn, kind: input.kind, text: input.text }, meta.operator, meta.now);
      // in the project's change history too, as every other step of a problem: who wrote what, and when
      const line = `${PROBLEM_NOTE_KIND_LABELS[input.kind]}（${notedOn}）：${input.text}`;
      await writeProblemHistory(ctx.store, stored, null, line, meta);
    }, IDEMPOTENT);
    return loadProblem(ctx, input.id);
  },

  'problems.summary': async (ctx: AppContext): Promise<ProblemSummary> => {
    const rows = (await ctx.store.snapshot(() => listStoredProblems(ctx.store))).map((p) => row(ctx, p));
    return {
      byUnit: counts(rows, problemUnits),
      byChainLead: counts(rows, (p) => [{ key: p.chainLead || '未设链长', label: p.chainLead || '未设链长' }]),
    };
  },

  'problems.printData': async (ctx: AppContext, input: ParsedInput<'problems.printData'>): Promise<ProblemPrint> =>
    ctx.store.snapshot(() => problemPrintData(ctx.store, ctx.today(), input)),
};

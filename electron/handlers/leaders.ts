import { AppError } from '../../db/errors';
import {
  byUrgency,
  instructionDaysOverdue,
  instructionTitle,
  type ContactLeaderCard,
  type ContactLeaderOverview,
  type FlaggedProject,
  type InstructionRow,
} from '../../db/model/instructions';
import { countedLight } from '../../db/model/lights';
import { problemCode, type ProblemCategory } from '../../db/model/problems';
import {
  contactLeaderIdByName,
  getInstruction,
  insertInstruction,
  linkProblem,
  listInstructions,
  updateInstruction,
  type StoredInstruction,
} from '../../db/queries/instructions';
import { insertNote, insertProblem, nextProblemSequence, type ProblemValues } from '../../db/queries/problems';
import { getProject, projectExists } from '../../db/queries/projects-read';
import { listContactLeaders } from '../../db/queries/reference';
import { yearOf } from '../../db/model/dates';
import type { ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { lightThresholdsOf } from '../services/project-lights';
import { litListSources } from '../services/project-list';
import { refuseIfChanged } from '../services/record-versions';
import { planYearOf, writeMeta } from '../services/session';

/** 批示 only read and write the library: PostgreSQL may run a write again after a conflict. */
const IDEMPOTENT = { idempotent: true };
const NOT_FOUND = '找不到该领导批示，可能已被删除';
/** the category a 批示 turned into a problem is registered under; the clerk may change it at 交办 */
const PROBLEM_CATEGORY: ProblemCategory = 'other';

const rowOf = (stored: StoredInstruction, today: string): InstructionRow => ({
  ...stored,
  daysOverdue: instructionDaysOverdue(stored, today),
});

async function loadRow(ctx: AppContext, id: number): Promise<InstructionRow> {
  const stored = await getInstruction(ctx.store, id);
  if (!stored) throw new AppError('not_found', NOT_FOUND);
  return rowOf(stored, ctx.today());
}

async function storedOf(ctx: AppContext, id: number, version?: number): Promise<StoredInstruction> {
  const stored = await getInstruction(ctx.store, id);
  if (!stored) throw new AppError('not_found', NOT_FOUND);
  await refuseIfChanged(ctx, version, stored.version, {
    entity: 'project',
    entityId: stored.projectId,
    field: `instruction:${stored.id}`,
  });
  return stored;
}

function checkDates(issuedOn: string, deadline: string | null, closedOn: string | null, today: string): void {
  if (issuedOn > today) throw new AppError('invalid_input', '批示日期不能晚于今天', 'issuedOn');
  if (deadline !== null && deadline < issuedOn) {
    throw new AppError('invalid_input', '办理时限不能早于批示日期', 'deadline');
  }
  if (closedOn !== null && closedOn < issuedOn) {
    throw new AppError('invalid_input', '办结日期不能早于批示日期', 'closedOn');
  }
  if (closedOn !== null && closedOn > today) throw new AppError('invalid_input', '办结日期不能晚于今天', 'closedOn');
}

/** Registers the problem a 批示 becomes: its words, its project's units, its deadline while that is still ahead. */
async function raiseFrom(ctx: AppContext, stored: StoredInstruction, today: string) {
  const meta = await writeMeta(ctx);
  const project = await getProject(ctx.store, stored.projectId, await planYearOf(ctx));
  if (!project) throw new AppError('not_found', '找不到该批示的项目');
  const title = instructionTitle(stored, today);
  const values: ProblemValues = {
    projectId: stored.projectId,
    sourceWeek: null,
    source: `领导批示（${stored.leaderName} ${stored.issuedOn}）`,
    description: `${title}：${stored.content}`,
    category: PROBLEM_CATEGORY,
    leadUnitId: project.leadUnitId,
    responsibleUnitIds: project.responsibleUnitIds,
    responsiblePerson: project.responsiblePerson,
    raisedOn: today,
    assignedOn: null,
    // a 办理时限 already past cannot be a new problem's 办结时限: the office sets one when it 交办s
    deadline: stored.deadline !== null && stored.deadline >= today ? stored.deadline : null,
    status: 'pending',
    resolution: '',
    resolvedOn: null,
  };
  const year = yearOf(today);
  const code = problemCode(year, await nextProblemSequence(ctx.store, year));
  const id = await insertProblem(ctx.store, code, values, meta);
  await insertNote(
    ctx.store,
    id,
    { notedOn: today, kind: 'transition', text: `登记：${title}转为问题` },
    meta.operator,
    meta.now,
  );
  await linkProblem(ctx.store, stored, { id, code }, meta);
}

function flaggedOf(rows: readonly { id: number; code: string; name: string; light: string; lightReasons: string[] }[]) {
  const flagged: FlaggedProject[] = [];
  for (const light of ['red', 'yellow'] as const) {
    for (const row of rows) {
      if (row.light === light)
        flagged.push({ id: row.id, code: row.code, name: row.name, light, reasons: row.lightReasons });
    }
  }
  return flagged;
}

export const leadersHandlers = {
  'instructions.list': async (ctx: AppContext, input: ParsedInput<'instructions.list'>) => {
    const today = ctx.today();
    const stored = await ctx.store.snapshot(() => listInstructions(ctx.store, input));
    return stored.map((s) => rowOf(s, today)).filter((row) => !input.overdueOnly || row.daysOverdue > 0);
  },

  'instructions.save': async (ctx: AppContext, input: ParsedInput<'instructions.save'>) => {
    const meta = await writeMeta(ctx);
    const today = ctx.today();
    const { id, version, ...fields } = input;
    const savedId = await ctx.store.transaction(async () => {
      const leaderId = await contactLeaderIdByName(ctx.store, fields.leaderName);
      if (id === undefined) {
        if (!(await projectExists(ctx.store, fields.projectId))) {
          throw new AppError('not_found', '找不到该项目，不能登记批示', 'projectId');
        }
        checkDates(fields.issuedOn, fields.deadline, null, today);
        return insertInstruction(ctx.store, { ...fields, leaderId }, meta);
      }
      const before = await storedOf(ctx, id, version);
      if (before.projectId !== fields.projectId) {
        throw new AppError('invalid_input', '批示不能改到其他项目，请在该项目下另行登记', 'projectId');
      }
      checkDates(fields.issuedOn, fields.deadline, before.closedOn, today);
      // a save that changes nothing writes nothing: no line, the version as it was
      const unchanged = (['issuedOn', 'leaderName', 'content', 'deadline', 'progress'] as const).every(
        (key) => before[key] === fields[key],
      );
      if (unchanged) return id;
      await updateInstruction(
        ctx.store,
        before,
        { ...fields, leaderId, status: before.status, closedOn: before.closedOn },
        meta,
      );
      return id;
    }, IDEMPOTENT);
    return loadRow(ctx, savedId);
  },

  'instructions.close': async (ctx: AppContext, input: ParsedInput<'instructions.close'>) => {
    const meta = await writeMeta(ctx);
    const today = ctx.today();
    await ctx.store.transaction(async () => {
      const before = await storedOf(ctx, input.id, input.version);
      if (before.status === 'closed') throw new AppError('stage_rule', `该批示已于${before.closedOn}办结`);
      const closedOn = input.closedOn ?? today;
      checkDates(before.issuedOn, before.deadline, closedOn, today);
      await updateInstruction(
        ctx.store,
        before,
        { ...before, progress: input.progress ?? before.progress, status: 'closed', closedOn },
        meta,
      );
    }, IDEMPOTENT);
    return loadRow(ctx, input.id);
  },

  'instructions.reopen': async (ctx: AppContext, input: ParsedInput<'instructions.reopen'>) => {
    const meta = await writeMeta(ctx);
    await ctx.store.transaction(async () => {
      const before = await storedOf(ctx, input.id, input.version);
      if (before.status === 'open') throw new AppError('stage_rule', '该批示尚未办结，不必重新办理');
      await updateInstruction(ctx.store, before, { ...before, status: 'open', closedOn: null }, meta);
    }, IDEMPOTENT);
    return loadRow(ctx, input.id);
  },

  'instructions.toProblem': async (ctx: AppContext, input: ParsedInput<'instructions.toProblem'>) => {
    const today = ctx.today();
    await ctx.store.transaction(async () => {
      const stored = await storedOf(ctx, input.id);
      if (stored.problemId !== null) {
        throw new AppError('stage_rule', `该批示已转为问题${stored.problemCode ?? ''}，不能重复转`);
      }
      if (stored.status === 'closed') throw new AppError('stage_rule', '已办结的批示不能转为问题');
      await raiseFrom(ctx, stored, today);
    }, IDEMPOTENT);
    return loadRow(ctx, input.id);
  },

  'overview.contactLeaders': async (ctx: AppContext): Promise<ContactLeaderOverview> => {
    const today = ctx.today();
    const read = await ctx.store.snapshot(async () => {
      const planYear = await planYearOf(ctx);
      return {
        rows: await litListSources(ctx.store, planYear, today),
        leaders: await listContactLeaders(ctx.store),
        open: await listInstructions(ctx.store, { status: 'open' }),
        thresholds: await lightThresholdsOf(ctx.store),
      };
    });
    const rowsOf = new Map<number | null, typeof read.rows>();
    for (const row of read.rows) {
      const list = rowsOf.get(row.contactLeaderId);
      if (list) list.push(row);
      else rowsOf.set(row.contactLeaderId, [row]);
    }
    const open = read.open.map((s) => rowOf(s, today));
    const card = (leaderId: number | null, name: string, title: string, retired: boolean): ContactLeaderCard => {
      const rows = rowsOf.get(leaderId) ?? [];
      const byLight = { red: 0, yellow: 0, green: 0 };
      // a 停建/缓建 project is listed but counted in no light
      for (const row of rows) {
        const light = countedLight(row);
        if (light) byLight[light] += 1;
      }
      const instructions = open
        .filter((i) => i.contactLeaderId === leaderId || (leaderId !== null && i.leaderId === leaderId))
        .sort(byUrgency);
      return {
        leaderId,
        name,
        title,
        retired,
        projectCount: rows.length,
        totalInvestmentYuan: rows.reduce((sum, row) => sum + row.totalInvestmentYuan, 0),
        byLight,
        flagged: flaggedOf(rows),
        openInstructions: instructions,
        overdueInstructions: instructions.filter((i) => i.daysOverdue > 0).length,
      };
    };
    const cards = read.leaders
      .map((l) => card(l.id, l.name, l.title, l.retired))
      // a retired leader keeps a card only while projects or 批示 still name them
      .filter((c) => !c.retired || c.projectCount > 0 || c.openInstructions.length > 0);
    // the key projects (on a list of key projects) without a 包挂领导: the office's to-do, last
    const unassigned = card(null, '未设包挂领导', '', false);
    const keyRows = (rowsOf.get(null) ?? []).filter((row) => row.levelIds.length > 0);
    if (read.leaders.length > 0 && (keyRows.length > 0 || unassigned.openInstructions.length > 0)) {
      const byLight = { red: 0, yellow: 0, green: 0 };
      for (const row of keyRows) {
        const light = countedLight(row);
        if (light) byLight[light] += 1;
      }
      cards.push({
        ...unassigned,
        projectCount: keyRows.length,
        totalInvestmentYuan: keyRows.reduce((sum, row) => sum + row.totalInvestmentYuan, 0),
        byLight,
        flagged: flaggedOf(keyRows),
      });
    }
    return { today, cards, instructionRedDays: read.thresholds.instructionRedDays };
  },
};

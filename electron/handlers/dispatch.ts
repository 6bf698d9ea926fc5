import { addDays, parseISO } from 'date-fns';
import { AppError } from '../../db/errors';
import { toIsoDate } from '../../db/model/dates';
import { DISPATCH_FIELDS, type DispatchTexts, type WeekChange } from '../../db/model/dispatch';
import { describeChanges, type WeekState } from '../../db/model/week-changes';
import { parseWeek, shiftWeek, weekOf, type DispatchWeek } from '../../db/model/weeks';
import type { ProjectRow } from '../../db/model/project';
import { entriesOfWeek, saveEntry } from '../../db/queries/dispatch';
import { getProject } from '../../db/queries/projects-read';
import type { ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import {
  dispatchRowOf,
  dispatchWeekRows,
  dispatchWeekView,
  firstWeekRows,
  type ProjectWeekRow,
} from '../services/dispatch-week';
import { dispatchPrintData } from '../services/print-data';
import { refuseIfChanged } from '../services/record-versions';
import { planYearOf, writeMeta } from '../services/session';

/** A week that exists and is not more than a year ahead (a typo, not a plan). */
export function weekFor(ctx: AppContext, key: string | undefined): DispatchWeek {
  const today = ctx.today();
  const week = key ? parseWeek(key) : weekOf(today);
  if (!week) throw new AppError('invalid_input', '调度周格式不正确，或该年没有这一周', 'week');
  if (week.start > toIsoDate(addDays(parseISO(today), 365))) {
    throw new AppError('invalid_input', '不能填报一年以后的调度周', 'week');
  }
  return week;
}

async function rowOf(ctx: AppContext, week: DispatchWeek, project: ProjectRow): Promise<ProjectWeekRow> {
  const row = await dispatchRowOf(ctx.store, week, project.id, await planYearOf(ctx), ctx.today(), project);
  if (!row) throw new AppError('not_found', '找不到该项目，可能已被删除', 'projectId');
  return row;
}

async function projectOf(ctx: AppContext, projectId: number): Promise<ProjectRow> {
  const project = await getProject(ctx.store, projectId, await planYearOf(ctx));
  if (!project) throw new AppError('not_found', '找不到该项目，可能已被删除', 'projectId');
  return project;
}

export const dispatchHandlers = {
  'dispatch.week': async (ctx: AppContext, input: ParsedInput<'dispatch.week'>) => {
    const week = weekFor(ctx, input.week);
    return ctx.store.snapshot(async () => {
      const planYear = await planYearOf(ctx);
      return input.first === undefined
        ? dispatchWeekView(ctx.store, week, planYear, ctx.today())
        : firstWeekRows(ctx.store, week, planYear, ctx.today(), input.first);
    });
  },

  'dispatch.saveEntry': async (ctx: AppContext, input: ParsedInput<'dispatch.saveEntry'>) => {
    const meta = await writeMeta(ctx);
    const week = weekFor(ctx, input.week);
    // a weekly entry changes nothing the project row holds: read once, lit before and after the save
    return ctx.store.transaction(
      async () => {
        const project = await projectOf(ctx, input.projectId);
        // the row as the grid shows it: the project's lights (its snapshot) and the text the clerk started from
        const { row: current, snapshot, afterSave } = await rowOf(ctx, week, project);
        await refuseIfChanged(ctx, input.version, current.entryVersion, {
          entity: 'project',
          entityId: input.projectId,
          fieldPrefix: `dispatch:${week.key}:`,
        });
        if (current.stage === 'completed' && !current.entryId) {
          throw new AppError('stage_rule', '已竣工项目不再参加周调度', 'projectId');
        }
        const texts = Object.fromEntries(
          DISPATCH_FIELDS.map((field) => [field, input[field] ?? current[field]]),
        ) as unknown as DispatchTexts;
        await saveEntry(ctx.store, input.projectId, week.key, texts, snapshot, meta, current);
        return afterSave();
      },
      { idempotent: true },
    );
  },

  'dispatch.confirm': async (ctx: AppContext, input: ParsedInput<'dispatch.confirm'>) => {
    const meta = await writeMeta(ctx);
    const week = weekFor(ctx, input.week);
    const planYear = await planYearOf(ctx);
    await ctx.store.transaction(
      async () => {
        const chosen = new Set(input.projectIds);
        const { view, snapshots } = await dispatchWeekRows(ctx.store, week, planYear, ctx.today(), chosen);
        const missing = input.projectIds.filter((id) => !view.rows.some((r) => r.projectId === id));
        if (missing.length)
          throw new AppError('invalid_input', '所选项目中有已竣工或不存在的项目，未确认', 'projectIds');
        for (const row of view.rows.filter((r) => !r.confirmed)) {
          await saveEntry(ctx.store, row.projectId, week.key, row, snapshots.get(row.projectId)!, meta, row);
        }
      },
      { idempotent: true },
    );
    return ctx.store.snapshot(async () => dispatchWeekView(ctx.store, week, planYear, ctx.today()));
  },

  'dispatch.changes': async (ctx: AppContext, input: ParsedInput<'dispatch.changes'>) => {
    const week = weekFor(ctx, input.week);
    const previousWeek = shiftWeek(week.key, -1);
    // the rows and both weeks' entries as they stood at one moment
    const { view, snapshots, entries, previous } = await ctx.store.snapshot(async () => ({
      ...(await dispatchWeekRows(ctx.store, week, await planYearOf(ctx), ctx.today())),
      entries: await entriesOfWeek(ctx.store, week.key),
      previous: await entriesOfWeek(ctx.store, previousWeek.key),
    }));
    const projects: WeekChange[] = [];
    for (const row of view.rows) {
      const entry = entries.get(row.projectId);
      const before = previous.get(row.projectId);
      // this week's state is the live one; a past week's is what its entry recorded
      const after: WeekState | null = view.isCurrentWeek
        ? { ...snapshots.get(row.projectId)!, progress: entry?.confirmed ? entry.progress : null }
        : entry
          ? { ...entry.snapshot, progress: entry.progress }
          : null;
      if (!after) continue;
      const changes = describeChanges(before ? { ...before.snapshot, progress: before.progress } : null, after);
      if (changes.length) {
        projects.push({
          projectId: row.projectId,
          code: row.code,
          name: row.name,
          chainName: row.chainName,
          chainLead: row.chainLead,
          changes,
        });
      }
    }
    return { week, label: view.label, previousWeek, projects };
  },

  'dispatch.printData': async (ctx: AppContext, input: ParsedInput<'dispatch.printData'>) => {
    const week = weekFor(ctx, input.week);
    return ctx.store.snapshot(async () =>
      dispatchPrintData(ctx.store, week, await planYearOf(ctx), ctx.today(), input),
    );
  },
};

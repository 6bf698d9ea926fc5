import { STAGE_LABELS, type Stage } from '../../../db/model/stages';
import { parseWeek } from '../../../db/model/weeks';
import { AppError } from '../../../db/errors';
import { monthlyFiguresOf } from '../../../db/queries/office-figures';
import { listProjects } from '../../../db/queries/projects-read';
import { listUnits, projectUnitPairs } from '../../../db/queries/reference';
import { planYearOf } from '../session';
import type { AppContext } from '../app-context';
import { dispatchWeekView } from '../dispatch-week';
import { fenOfWan, type CellInput } from '../xlsx-sheet';
import type { FillinColumn, FillinPeriod } from './fillin-layout';

// Which units get a sheet for a period and what each sheet starts from: for a week, each project's dispatch
// text as the grid shows it (last week's, until someone writes this week's); for a month, its figures.

export interface FillinSourceRow {
  projectId: number;
  stage: Stage;
  /** a week's entry already confirmed (a returned sheet that changes nothing then changes nothing) */
  confirmed: boolean;
  /** by column key; money in 分 of 万元 as the sheet writer takes it */
  values: Record<string, CellInput>;
}

export interface FillinUnit {
  unitId: number;
  unitName: string;
  projectIds: number[];
}

export interface FillinScope {
  units: FillinUnit[];
  rows: Map<number, FillinSourceRow>;
}

async function weekRows(ctx: AppContext, week: string): Promise<FillinSourceRow[]> {
  const parsed = parseWeek(week);
  if (!parsed) throw new AppError('invalid_input', '调度周不正确', 'week');
  const view = await dispatchWeekView(ctx.store, parsed, await planYearOf(ctx), ctx.today());
  return view.rows
    .filter((r) => r.stage !== 'completed')
    .map((r) => ({
      projectId: r.projectId,
      stage: r.stage,
      confirmed: r.confirmed,
      values: {
        code: r.code,
        name: r.name,
        stage: STAGE_LABELS[r.stage],
        progress: r.progress,
        problems: r.problems,
        coordination: r.coordination,
        nextPlan: r.nextPlan,
      },
    }));
}

async function monthRows(ctx: AppContext, year: number, month: number): Promise<FillinSourceRow[]> {
  const planYear = await planYearOf(ctx);
  if (year !== planYear) throw new AppError('invalid_input', `只能生成计划年度（${planYear}年）的月度填报表`, 'year');
  const figures = await monthlyFiguresOf(ctx.store, year);
  return (await listProjects(ctx.store, year))
    .filter((p) => p.stage === 'new_start' || p.stage === 'continuing')
    .map((p) => {
      const months = figures.get(p.id) ?? [];
      const before = months.slice(0, month - 1).reduce<number>((sum, v) => sum + (v ?? 0), 0);
      const current = months[month - 1] ?? null;
      return {
        projectId: p.id,
        stage: p.stage,
        confirmed: true,
        values: {
          code: p.code,
          name: p.name,
          stage: STAGE_LABELS[p.stage],
          annualPlan: fenOfWan(p.annualPlanYuan),
          before: fenOfWan(before),
          amount: current === null ? null : fenOfWan(current),
          progressText: p.progressText,
          actualStartDate: p.actualStartDate,
          inStatistics: p.inStatistics ? '是' : '否',
        },
      };
    });
}

/** Who gets a sheet and what it starts from, read as of one moment (the whole answer of `fillin.units`). */
export async function fillinScope(ctx: AppContext, period: FillinPeriod): Promise<FillinScope> {
  return ctx.store.snapshot(() => scopeOf(ctx, period));
}

async function scopeOf(ctx: AppContext, period: FillinPeriod): Promise<FillinScope> {
  const rows =
    period.kind === 'week' ? await weekRows(ctx, period.week) : await monthRows(ctx, period.year, period.month);
  const byId = new Map(rows.map((r) => [r.projectId, r]));
  const projectsOf = new Map<number, number[]>();
  for (const pair of await projectUnitPairs(ctx.store)) {
    if (!byId.has(pair.projectId)) continue;
    const list = projectsOf.get(pair.unitId) ?? [];
    if (!list.includes(pair.projectId)) list.push(pair.projectId);
    projectsOf.set(pair.unitId, list);
  }
  const order = new Map(rows.map((r, i) => [r.projectId, i]));
  const units = (await listUnits(ctx.store))
    .filter((u) => projectsOf.has(u.id))
    .map((u) => ({
      unitId: u.id,
      unitName: u.name,
      projectIds: (projectsOf.get(u.id) ?? []).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
    }));
  return { units, rows: byId };
}

/** A locked cell as text, the same whether it is being written (a CellInput) or was read back. */
export function normalisedLocked(column: FillinColumn, value: CellInput): string {
  if (value === null || value === '') return '';
  if (column.kind === 'wan') return String(Math.round(Number(value)));
  return String(value).trim();
}

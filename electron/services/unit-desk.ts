import { addDays, endOfMonth, getISODay, parseISO } from 'date-fns';
import { AppError } from '../../db/errors';
import { toIsoDate } from '../../db/model/dates';
import { COPY_FORWARD_WEEKS, type DispatchEntry, type DispatchRow } from '../../db/model/dispatch';
import { WEEKDAY_LABELS } from '../../db/model/lights';
import { monthsBegun } from '../../db/model/month-closing';
import { problemAges } from '../../db/model/problems';
import { UNIT_DESK_NOTES, type Deadline, type UnitDesk, type UnitDeskProject } from '../../db/model/unit-desk';
import { shiftWeek, type DispatchWeek } from '../../db/model/weeks';
import { latestEntriesBefore } from '../../db/queries/dispatch';
import { closedThroughMonth } from '../../db/queries/month-closings';
import { latestNotesOf, openProblemsOfUnit } from '../../db/queries/problems';
import { referenceNames } from '../../db/queries/reference-names';
import { monthlyFiguresOfProjects, progressTextsOf } from '../../db/queries/unit-desk';
import { unitProjectIds } from '../../db/queries/unit-scope';
import type { AppContext } from './app-context';
import { dispatchWeekRows } from './dispatch-week';
import { lightThresholdsOf } from './project-lights';
import { planYearOf } from './session';

// 责任单位填报: one unit's page — its projects' week and month, and the problems it answers — read at one moment.
// The rows are the 周调度 grid's own (dispatchWeekRows), narrowed to the unit, so 已报送 means the same on both.

const deadlineOn = (date: string): Deadline => ({ date, weekday: WEEKDAY_LABELS[getISODay(parseISO(date))] });

/** The month the page opens on: today's month in the plan year, else the plan year's nearer end (as 填报表 do). */
function unitDeskMonth(planYear: number, today: string): number {
  return Math.max(1, monthsBegun(planYear, today));
}

/** The text before this week: the row's own copy while it has no entry, else the latest entry before the week. */
function lastWeekText(row: DispatchRow, before: ReadonlyMap<number, DispatchEntry>): UnitDeskProject['lastWeek'] {
  if (row.copiedFromWeek !== null) return { week: row.copiedFromWeek, progress: row.progress };
  const entry = before.get(row.projectId);
  return entry ? { week: entry.week, progress: entry.progress } : null;
}

function thisWeekText(row: DispatchRow, week: DispatchWeek): UnitDeskProject['thisWeek'] {
  if (row.entryId === null) return null;
  return { week: week.key, progress: row.progress, updatedAt: row.updatedAt ?? '', updatedBy: row.updatedBy ?? '' };
}

export interface UnitDeskAsked {
  unitId: number;
  asUnit: boolean;
  week: DispatchWeek;
  month?: number;
}

export function unitDeskOf(ctx: AppContext, asked: UnitDeskAsked): Promise<UnitDesk> {
  return ctx.store.snapshot(() => readUnitDesk(ctx, asked));
}

async function readUnitDesk(ctx: AppContext, { unitId, asUnit, week, month: monthAsked }: UnitDeskAsked) {
  const store = ctx.store;
  const unitName = (await referenceNames(store)).units.get(unitId);
  if (unitName === undefined) throw new AppError('not_found', '找不到该责任单位，可能已被删除', 'unitId');
  const today = ctx.today();
  const year = await planYearOf(ctx);
  const month = monthAsked ?? unitDeskMonth(year, today);
  const ids = await unitProjectIds(store, unitId);
  // completed projects no longer report, as on the fill-in sheets
  const rows = ids.length
    ? (await dispatchWeekRows(store, week, year, today, new Set(ids))).view.rows.filter((r) => r.stage !== 'completed')
    : [];
  const rowIds = rows.map((r) => r.projectId);
  // a row without its own entry already shows the copy its week started from; only the others look back
  const withEntry = rows.filter((r) => r.entryId !== null).map((r) => r.projectId);
  const before = withEntry.length
    ? await latestEntriesBefore(store, shiftWeek(week.key, -COPY_FORWARD_WEEKS).key, week.key, withEntry)
    : new Map<number, DispatchEntry>();
  const figures = await monthlyFiguresOfProjects(store, rowIds, year);
  const progressTexts = await progressTextsOf(store, rowIds);
  const projects = rows.map((row): UnitDeskProject => {
    const months = figures.get(row.projectId) ?? [];
    return {
      projectId: row.projectId,
      code: row.code,
      name: row.name,
      stage: row.stage,
      light: row.light,
      lightReasons: row.lightReasons,
      lastWeek: lastWeekText(row, before),
      thisWeek: thisWeekText(row, week),
      reported: row.confirmed,
      reportsMonth: row.stage === 'new_start' || row.stage === 'continuing',
      monthAmountYuan: months[month - 1] ?? null,
      annualPlanYuan: row.annualPlanYuan,
      throughMonthYuan: months.slice(0, month).reduce<number>((sum, v) => sum + (v ?? 0), 0),
      progressText: progressTexts.get(row.projectId) ?? '',
    };
  });
  const stored = await openProblemsOfUnit(store, unitId);
  const notes = await latestNotesOf(
    store,
    stored.map((p) => p.id),
    UNIT_DESK_NOTES,
  );
  const monthly = projects.filter((p) => p.reportsMonth);
  const reported = projects.filter((p) => p.reported).length;
  const filled = monthly.filter((p) => p.monthAmountYuan !== null).length;
  const reportWeekday = (await lightThresholdsOf(store)).reportDeadlineWeekday;
  return {
    unitId,
    unitName,
    asUnit,
    week,
    weekDeadline: deadlineOn(toIsoDate(addDays(parseISO(week.start), reportWeekday - 1))),
    year,
    month,
    monthDeadline: deadlineOn(toIsoDate(endOfMonth(new Date(year, month - 1, 1)))),
    monthClosed: (await closedThroughMonth(store, year)) >= month,
    today,
    projects,
    counts: {
      weekReported: reported,
      weekUnreported: projects.length - reported,
      monthFilled: filled,
      monthUnfilled: monthly.length - filled,
    },
    problems: stored.map((p) => ({
      id: p.id,
      code: p.code,
      projectId: p.projectId,
      projectCode: p.projectCode,
      projectName: p.projectName,
      description: p.description,
      status: p.status,
      deadline: p.deadline,
      daysOverdue: problemAges(p, today).daysOverdue,
      leadUnitName: p.leadUnitName,
      responsibleUnitNames: p.responsibleUnitNames,
      notes: notes.get(p.id)?.notes ?? [],
      noteCount: notes.get(p.id)?.total ?? 0,
    })),
  } satisfies UnitDesk;
}

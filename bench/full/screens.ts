import { weekCode } from '../../db/dispatch-format';
import { shiftWeek, weekOf } from '../../db/model/weeks';
import { dispatch } from '../../electron/contract';
import type { SqliteAppContext } from '../../electron/services/app-context';
import { benchAudit } from '../audit';
import { benchDispatch } from '../dispatch';
import { benchLedger } from '../ledger';
import { benchImportUpdates } from '../ledger-import';
import { benchLibrary } from '../library';
import { benchSingleItems } from '../single-item';
import { medianMs, medianMsCapped, reportFigure, type Figure } from '../timing';
import { addGoal } from './goals';
import { activeProject } from './method-calls';
import { SEARCH_TERMS } from './office-texts';

const SCREEN_MS = 200;
const SCREEN_RATIO = 2;

function screenGoal(figure: Figure, name: string, limit = SCREEN_MS): void {
  addGoal({
    name,
    figure: figure.ms,
    unit: 'ms',
    limit,
    maxRatio: SCREEN_RATIO,
    baseline: { label: figure.baselineLabel, value: figure.baselineMs },
  });
}

/** 工作台, 督办 and the problem ledger, each beside bare SELECTs of the rows it is made from. */
async function benchOverviews(ctx: SqliteAppContext, today: string): Promise<Record<string, Figure>> {
  const db = ctx.db;
  const year = Number(today.slice(0, 4));
  const projects = db.prepare('SELECT * FROM projects');
  const months = db.prepare('SELECT * FROM monthly_investments WHERE year = ?');
  const openNodes = db.prepare('SELECT * FROM milestones WHERE actual_date IS NULL');
  const lights = db.prepare('SELECT project_id, week, light FROM dispatch_rows WHERE week >= ?');
  const problems = db.prepare('SELECT * FROM problems');
  const plans = db.prepare('SELECT annual_plan_yuan FROM projects');
  const problemRows = db.prepare('SELECT q.*, p.code, p.name FROM problems q JOIN projects p ON p.id = q.project_id');
  const yearBack = shiftWeek(weekOf(today).key, -52).key;
  const twelveWeeksBack = shiftWeek(weekOf(today).key, -11).key;
  const measure = async (label: string, method: string, baselineLabel: string, bare: () => unknown) =>
    reportFigure({
      label,
      ms: await medianMsCapped(7, () => dispatch(ctx, method, {})),
      baselineLabel,
      baselineMs: await medianMs(7, bare),
    });
  return {
    dashboard: await measure(
      'overview.dashboard',
      'overview.dashboard',
      "bare projects + year's months + open nodes",
      () => [projects.all(), months.all(year), openNodes.all()],
    ),
    chainLeads: await measure('overview.chainLeads', 'overview.chainLeads', 'bare projects + open nodes', () => [
      projects.all(),
      openNodes.all(),
    ]),
    lightTrend: await measure('overview.lightTrend (12 weeks)', 'overview.lightTrend', 'bare 12 weeks of lights', () =>
      lights.all(weekCode(twelveWeeksBack)),
    ),
    monthlyInvestment: await measure(
      'overview.monthlyInvestment',
      'overview.monthlyInvestment',
      "bare year's months + projects' plans",
      () => [months.all(year), plans.all()],
    ),
    supervision: await measure(
      'supervision.overview',
      'supervision.overview',
      'bare projects + 52 weeks of lights + problems',
      () => [projects.all(), lights.all(weekCode(yearBack)), problems.all()],
    ),
    problems: await measure('problems.list', 'problems.list', 'bare SELECT problems JOIN projects', () =>
      problemRows.all(),
    ),
    stats: reportFigure({
      label: 'stats.ranking by unit',
      ms: await medianMsCapped(7, () =>
        dispatch(ctx, 'stats.ranking', { year, month: Number(today.slice(5, 7)), by: 'unit' }),
      ),
      baselineLabel: "bare projects + year's months",
      baselineMs: await medianMs(7, () => [projects.all(), months.all(year)]),
    }),
  };
}

/** Every method of issue #13 on the full office, each a goal beside its bare baseline. */
export async function benchScreens(ctx: SqliteAppContext, today: string): Promise<void> {
  const week = weekOf(today).key;
  console.log('\nScreens and single items (median of 7–15 runs after one warm-up):');
  const library = await benchLibrary(ctx, [SEARCH_TERMS.three, SEARCH_TERMS.two]);
  screenGoal(library.list, '项目库: projects.list {}', 100);
  screenGoal(library.searches[0], `search “${SEARCH_TERMS.three}” (3 characters)`, 20);
  screenGoal(library.searches[1], `search “${SEARCH_TERMS.two}” (2 characters)`, 20);
  const single = await benchSingleItems(ctx);
  screenGoal(single.get, 'projects.get');
  screenGoal(single.save, 'dispatch.saveEntry');
  const grid = await benchDispatch(ctx, week);
  screenGoal(grid.grid, '本周调度: dispatch.week');
  screenGoal(grid.printData, '周调度表: dispatch.printData');
  const overviews = await benchOverviews(ctx, today);
  screenGoal(overviews.dashboard, '工作台: overview.dashboard');
  screenGoal(overviews.chainLeads, '链长视图: overview.chainLeads');
  screenGoal(overviews.lightTrend, '工作台 lights by week: overview.lightTrend');
  screenGoal(overviews.monthlyInvestment, '工作台 money by month: overview.monthlyInvestment');
  screenGoal(overviews.supervision, '督办: supervision.overview');
  screenGoal(overviews.problems, '问题督办: problems.list');
  screenGoal(overviews.stats, '统计排名: stats.ranking');

  console.log('\n变更记录 (audit.list, pages of 200):');
  for (const figure of await benchAudit(ctx, activeProject(ctx.db), true)) {
    screenGoal(figure, figure.label.replace('audit.list, ', '变更记录: '), 50);
  }

  console.log('\nExcel 项目台账 of the full office:');
  const ledger = await benchLedger(ctx);
  addGoal({
    name: 'ledger.export',
    figure: ledger.write.ms,
    unit: 'ms',
    maxRatio: 1.5,
    baseline: { label: 'bare exceljs write', value: ledger.write.baselineMs },
  });
  const trip = await benchImportUpdates(ctx, ledger.file);
  addGoal({
    name: 'ledger.previewImport of the export (all updates)',
    figure: trip.preview.ms,
    unit: 'ms',
    maxRatio: 2,
    baseline: { label: 'bare exceljs read', value: trip.preview.baselineMs },
  });
  console.log(
    `  round trip: ${trip.exported.toLocaleString('en-US')} rows exported of ${trip.projects.toLocaleString('en-US')} ` +
      `projects, ${trip.applied.toLocaleString('en-US')} applied, ${trip.refused} refused, ` +
      `${trip.notRestored} projects without the file's text afterwards`,
  );
  for (const [message, count] of trip.refusals.slice(0, 5)) console.log(`    refused ${count}×: ${message}`);
  addGoal({
    name: 'export → import round-trips every project',
    figure: trip.applied,
    unit: 'rows',
    met: trip.applied === trip.projects && trip.exported === trip.projects && trip.notRestored === 0,
    note: `${trip.exported} exported, ${trip.applied} applied, ${trip.projects} projects, ${trip.notRestored} not restored`,
  });
}

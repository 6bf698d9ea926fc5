import { countedLight } from '../../db/model/lights';
import { addDays, endOfISOWeek, parseISO } from 'date-fns';
import { toIsoDate } from '../../db/model/dates';
import {
  byRank,
  DASHBOARD_NODES,
  UNASSIGNED_LEAD,
  type Assessed,
  type ChainLeadOverview,
  type DashboardSummary,
  type DueMilestone,
  type YearContext,
} from '../../db/model/overview';
import { countOpenMilestonesUntil, openMilestonesUntil } from '../../db/queries/milestones';
import { everNewStartIds } from '../../db/queries/projects-read';
import { listChains } from '../../db/queries/reference';
import type { AppContext } from '../services/app-context';
import { dashboardFigures } from '../services/dashboard-figures';
import { lightContextOf } from '../services/project-lights';
import { litListSources, type LitListSource } from '../services/project-list';
import { planYearOf } from '../services/session';
import { cardCounts } from '../services/chain-lead-cards';
import { currentStatsMonth, isCurrentMonth, statsAtMonth } from '../services/stats-ranking';
import type { StatsRanking } from '../../db/model/stat-ranking';
import { UNFILLED_GROUP } from '../../db/model/stat-grouping';
import { groupBy } from '../../db/model/group-by';

const DUE_WITHIN_DAYS = 14;

function shiftDays(isoDate: string, amount: number): string {
  return toIsoDate(addDays(parseISO(isoDate), amount));
}

function litRows(ctx: AppContext, planYear: number): Promise<LitListSource[]> {
  return litListSources(ctx.store, planYear, ctx.today());
}

async function yearContext(ctx: AppContext, planYear: number): Promise<YearContext> {
  return { planYear, wasNewStart: await everNewStartIds(ctx.store) };
}

const leadOf = (item: { chainLead: string }) => item.chainLead || UNASSIGNED_LEAD;

/** A group's place and figures in 统计排名, looked up by its key there; nothing when it has no row. */
function assessedIn(ranking: StatsRanking | undefined): (key: string) => Assessed {
  const rows = new Map(ranking?.rows.map((r) => [r.group.key, r]));
  return (key) => {
    const row = rows.get(key);
    return { rank: row?.rank ?? null, figures: row?.figures ?? null };
  };
}

export const overviewHandlers = {
  'overview.dashboard': async (ctx: AppContext): Promise<DashboardSummary> =>
    ctx.store.snapshot(async () => {
      const today = ctx.today();
      const planYear = await planYearOf(ctx);
      const weekEnd = toIsoDate(endOfISOWeek(parseISO(today)));
      const yesterday = shiftDays(today, -1);
      return {
        planYear,
        today,
        ...(await dashboardFigures(ctx.store, await yearContext(ctx, planYear), today)),
        timeProgress: (await lightContextOf(ctx.store, planYear, today)).timeProgress,
        dueThisWeek: await openMilestonesUntil(ctx.store, weekEnd, today, DASHBOARD_NODES),
        dueThisWeekCount: await countOpenMilestonesUntil(ctx.store, weekEnd, today),
        overdue: await openMilestonesUntil(ctx.store, yesterday, null, DASHBOARD_NODES),
        overdueCount: await countOpenMilestonesUntil(ctx.store, yesterday),
      };
    }),

  'overview.chainLeads': async (ctx: AppContext): Promise<ChainLeadOverview> => {
    const today = ctx.today();
    const read = await ctx.store.snapshot(async () => {
      const planYear = await planYearOf(ctx);
      const statsMonth = currentStatsMonth(planYear, today);
      const year = await yearContext(ctx, planYear);
      const cards = cardCounts(year);
      // in the current month the ranking's lights are today's: the cards count in the same pass
      const sharedPass = statsMonth !== null && isCurrentMonth(planYear, statsMonth, today);
      const stats =
        statsMonth === null
          ? undefined
          : await statsAtMonth(ctx.store, planYear, statsMonth, today, ['chainLead', 'chain'], (p, light) => {
              // today's lights are never unknown: null is a 停建/缓建 project, counted in no light
              if (sharedPass) cards.add(p, light);
            });
      if (!sharedPass) for (const row of await litRows(ctx, planYear)) cards.add(row, countedLight(row));
      return {
        statsMonth,
        stats,
        cards,
        dueSoon: await openMilestonesUntil(ctx.store, shiftDays(today, DUE_WITHIN_DAYS), today),
        overdue: await openMilestonesUntil(ctx.store, shiftDays(today, -1)),
        allChains: await listChains(ctx.store),
      };
    });
    const { cards, allChains } = read;
    const leadAssessed = assessedIn(read.stats?.rankings.chainLead);
    const chainAssessed = assessedIn(read.stats?.rankings.chain);
    const dueSoon = groupBy(read.dueSoon, leadOf);
    const overdue = groupBy(read.overdue, leadOf);
    const none: DueMilestone[] = [];
    const leads = [...cards.leads()].map(([chainLead, { chainIds, counts }]) => ({
      chainLead,
      // in the office's order of chains
      chains: allChains.filter((c) => chainIds.has(c.id)).map((c) => ({ id: c.id, name: c.name })),
      ...counts,
      ...leadAssessed(chainLead === UNASSIGNED_LEAD ? UNFILLED_GROUP.key : chainLead),
      dueSoon: dueSoon.get(chainLead) ?? none,
      overdue: overdue.get(chainLead) ?? none,
    }));
    const chains = allChains
      .filter((c) => !c.retired || c.projectCount > 0)
      .map((c) => ({
        chainId: c.id,
        chainName: c.name,
        chainLead: c.chainLead || UNASSIGNED_LEAD,
        target2025Yuan: c.target2025Yuan,
        ...cards.chain(c.id),
        ...chainAssessed(String(c.id)),
      }));
    return {
      today,
      statsMonth: read.statsMonth,
      dueWithinDays: DUE_WITHIN_DAYS,
      leads: leads.sort(byRank),
      chains: chains.sort(byRank),
    };
  },
};

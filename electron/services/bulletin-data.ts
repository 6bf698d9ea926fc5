import { honourLists, type BulletinPrint, type BulletinText } from '../../db/model/bulletin';
import { nextDocNumber } from '../../db/model/bulletin-doc-number';
import { composeSummary } from '../../db/model/bulletin-summary';
import type { GroupFigures } from '../../db/model/stat-figures';
import type { StatsBy } from '../../db/model/stat-grouping';
import { docNumberBefore, storedBulletinText } from '../../db/queries/bulletin-texts';
import { monthlyTotalsOf } from '../../db/queries/office-trends';
import { getSetting } from '../../db/queries/settings';
import type { Store } from '../../db/store/store';
import { bulletinRedProjects } from './bulletin-red';
import { statsRankings } from './stats-ranking';

export interface BulletinQuestion {
  year: number;
  month: number;
  /** how many units the 红榜 and the 黑榜 each name */
  honourSize: number;
}

/** The bulletin's second ranking, by area: 园区 (`'township'` ranks by 乡镇/街道 instead; the office to choose). */
export const BULLETIN_AREA_BY: StatsBy = 'park';

/** The month's texts: the clerk's where entered, else the composed paragraph and the 文号 counted on. */
export async function bulletinTextOf(
  store: Store,
  year: number,
  month: number,
  total: GroupFigures,
): Promise<BulletinText> {
  const stored = await storedBulletinText(store, year, month);
  const autoSummary = composeSummary(month, total);
  const summary = stored?.summary ?? null;
  return {
    summary: summary ?? autoSummary,
    autoSummary,
    summaryEdited: summary !== null,
    docNumber: stored ? stored.docNumber : nextDocNumber(await docNumberBefore(store, year, month), year),
    docNumberSaved: stored !== undefined,
    version: stored?.version ?? 0,
  };
}

/** Everything of one month's bulletin, read at one moment (call it inside a snapshot). */
export async function bulletinPrintData(
  store: Store,
  question: BulletinQuestion,
  planYear: number,
  today: string,
): Promise<BulletinPrint> {
  const { year, month } = question;
  const rankings = await statsRankings(store, { year, month }, ['unit', BULLETIN_AREA_BY], planYear, today);
  const byUnit = rankings.unit;
  const byArea = rankings[BULLETIN_AREA_BY];
  const monthlyYuan = (await monthlyTotalsOf(store, year)).map((yuan, i) => (i < month ? yuan : null));
  const city = (await getSetting(store, 'cityName')) ?? '';
  return {
    year,
    month,
    title: `${city}重点项目建设月度通报`,
    text: await bulletinTextOf(store, year, month, byUnit.total),
    printedOn: today,
    byUnit,
    byArea,
    honour: { size: question.honourSize, ...honourLists(byUnit.rows, question.honourSize) },
    redProjects: await bulletinRedProjects(store, year, month, byUnit.lightsFrom),
    trend: { year, annualPlanYuan: byUnit.total.annualPlanYuan, monthlyYuan },
  };
}

import type { MonthlyInvestmentTrend } from './office-trends';
import type { StatsRanking, StatsRow } from './stat-ranking';

export const BULLETIN_HONOUR_DEFAULT = 5;
export const BULLETIN_HONOUR_MAX = 20;
export const BULLETIN_SUMMARY_MAX = 2000;
export const BULLETIN_DOC_NUMBER_MAX = 50;

/** The month's kept texts: what the clerk entered, or the app's own when nothing is entered. */
export interface BulletinText {
  /** the paragraph printed: the clerk's, else the composed one */
  summary: string;
  /** the paragraph composed from the figures, to compare with or go back to */
  autoSummary: string;
  summaryEdited: boolean;
  docNumber: string;
  /** false: the 文号 is proposed from an earlier month's, not yet entered for this one */
  docNumberSaved: boolean;
  /** 0 before the month's texts are first saved */
  version: number;
}

/** A red project of the month with its lights' reasons, as the 周调度表 prints them. */
export interface BulletinRedProject {
  projectId: number;
  code: string;
  name: string;
  leadUnitName: string;
  chainLead: string;
  reasons: string[];
}

/** 月度通报: everything the paper, the screen's preview and the xlsx show, read at one moment. */
export interface BulletinPrint {
  year: number;
  month: number;
  title: string;
  text: BulletinText;
  /** the date under the 文号: the day it is printed */
  printedOn: string;
  /** the rankings, each exactly `stats.ranking`'s answer */
  byUnit: StatsRanking;
  /** by 乡镇 when the office keeps them, else by 园区 */
  byArea: StatsRanking;
  /** 红榜 and 黑榜: the units' first and last N in 考核 order (未填写 never in either) */
  honour: { size: number; top: StatsRow[]; bottom: StatsRow[] };
  redProjects: BulletinRedProject[];
  /** the office's month by month, for the chart of investment against 序时进度 (months after N empty) */
  trend: MonthlyInvestmentTrend;
}

/**
 * 红榜 the first N ranked, 黑榜 the last N, worst last as ranked; when there are fewer than 2N the two share none:
 * the 黑榜 takes only what the 红榜 left.
 */
export function honourLists(rows: readonly StatsRow[], size: number): { top: StatsRow[]; bottom: StatsRow[] } {
  const ranked = rows.filter((row) => row.rank !== null);
  const top = ranked.slice(0, size);
  const rest = ranked.slice(top.length);
  return { top, bottom: rest.slice(Math.max(rest.length - size, 0)) };
}

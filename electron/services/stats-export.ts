import { formatChineseDate } from '../../db/model/dates';
import type { ExportedFile } from '../../db/model/exported-file';
import { STATS_BY_LABELS } from '../../db/model/stat-grouping';
import type { StatsRanking, StatsRow } from '../../db/model/stat-ranking';
import {
  lightCountText,
  lightsNote,
  monthsText,
  signedPointsText,
  STAT_COLUMNS,
  type StatCellKind,
} from '../../db/model/stat-table';
import {
  addTableSheet,
  exportedFile,
  fenOfWan,
  newWorkbook,
  type CellInput,
  type ColumnKind,
  type SheetColumn,
  type SheetLine,
} from './xlsx-sheet';

const SHEET_KIND: Record<StatCellKind, ColumnKind> = {
  rank: 'integer',
  text: 'text',
  integer: 'integer',
  wan: 'wan',
  percent: 'percent',
  points: 'center',
  light: 'integer',
};

const WIDTHS: Record<StatCellKind, [number, number]> = {
  rank: [5, 6],
  text: [12, 24],
  integer: [6, 8],
  wan: [11, 14],
  percent: [8, 10],
  points: [10, 12],
  light: [5, 7],
};

/** A cell as the screen shows it: money in 分 of 万元, points signed, a light count or 无记录. */
function cellOf(kind: StatCellKind, value: number | string | null): CellInput {
  if (kind === 'wan') return typeof value === 'number' ? fenOfWan(value) : null;
  if (kind === 'points') return signedPointsText(value as number | null);
  if (kind === 'light') return value === null ? lightCountText(null) : value;
  return value;
}

export interface StatsSheetText {
  cityName: string;
  today: string;
}

/** 统计排名 as a workbook: the page's table, column for column, with the office's 合计 under it. */
export async function exportStatsRanking(ranking: StatsRanking, text: StatsSheetText): Promise<ExportedFile> {
  const columns: SheetColumn[] = STAT_COLUMNS.map((c) => ({
    header: c.header(ranking),
    kind: SHEET_KIND[c.kind],
    min: WIDTHS[c.kind][0],
    max: WIDTHS[c.kind][1],
  }));
  const cells = (row: Pick<StatsRow, 'group' | 'rank' | 'figures'>) =>
    STAT_COLUMNS.map((c) => cellOf(c.kind, c.value(row)));
  const lines: SheetLine[] = ranking.rows.map((row) => ({ kind: 'row', cells: cells(row) }));
  if (!ranking.rows.length) lines.push({ kind: 'empty', text: '没有项目' });
  const total = cells({ group: { key: '', name: '' }, rank: null, figures: ranking.total });
  total[0] = '合计';
  lines.push({ kind: 'total', labelSpan: 2, cells: total });
  const byLabel = STATS_BY_LABELS[ranking.by];
  const period = `${ranking.year}年${monthsText(ranking.month)}`;
  const workbook = newWorkbook();
  addTableSheet(workbook, {
    name: '统计排名',
    title: `${text.cityName}重点项目统计排名（按${byLabel}）`,
    subhead: {
      left: `${period}\u3000序时进度${(ranking.timeProgress * 100).toFixed(1)}%`,
      center: lightsNote(ranking),
      right: `截至日期：${formatChineseDate(text.today)}`,
    },
    columns,
    lines,
    paper: 'A4',
    freezeColumns: 2,
  });
  return exportedFile(
    workbook,
    `${text.cityName}重点项目统计排名（按${byLabel}，${period}）.xlsx`,
    ranking.rows.length,
  );
}

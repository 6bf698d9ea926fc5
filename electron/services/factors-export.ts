import { formatChineseDate } from '../../db/model/dates';
import type { ExportedFile } from '../../db/model/exported-file';
import { FUND_SOURCE_LABELS, LAND_STATUS_LABELS, SHORTFALL_KIND_LABELS, type Shortfalls } from '../../db/model/factors';
import { formatWan } from '../../db/model/money';
import { STAGE_LABELS } from '../../db/model/stages';
import {
  addTableSheet,
  exportedFile,
  fenOfWan,
  newWorkbook,
  type CellInput,
  type SheetColumn,
  type SheetLine,
} from './xlsx-sheet';

const HEADS = {
  land: { need: '需求', have: '已供', detail: '报批状态' },
  funds: { need: '计划', have: '到位', detail: '未到位的来源（万元）' },
  energy: { need: '需求指标', have: '已批指标', detail: '' },
} as const;

/**
 * 要素保障's shortfall list as a workbook: the screen's table, column for column, with its 合计. Mu and tonnes are
 * hundredths, which the kit's 'wan' column writes as they are held (÷100, two decimals), as it does 分 of 万元.
 */
export async function exportShortfalls(
  list: Shortfalls,
  text: { cityName: string; today: string },
): Promise<ExportedFile> {
  const heads = HEADS[list.kind];
  const figure = (value: number): CellInput => (list.kind === 'funds' ? fenOfWan(value) : value);
  const withDetail = heads.detail !== '';
  const columns: SheetColumn[] = [
    { header: '序号', kind: 'serial', min: 5, max: 6 },
    { header: '项目编号', kind: 'text', min: 12, max: 14 },
    { header: '项目名称', kind: 'text', min: 20, max: 44 },
    { header: '阶段', kind: 'center', min: 6, max: 8 },
    { header: '牵头单位', kind: 'text', min: 12, max: 24 },
    { header: '链长', kind: 'text', min: 10, max: 24 },
    { header: `${heads.need}（${list.unit}）`, kind: 'wan', min: 12, max: 16 },
    { header: `${heads.have}（${list.unit}）`, kind: 'wan', min: 12, max: 16 },
    { header: `缺口（${list.unit}）`, kind: 'wan', min: 12, max: 16 },
    ...(withDetail ? [{ header: heads.detail, kind: 'text' as const, min: 10, max: 40 }] : []),
    { header: '已转问题', kind: 'text', min: 12, max: 16 },
  ];
  const lines: SheetLine[] = list.rows.map((row, i) => ({
    kind: 'row',
    tones: { 8: 'red' },
    cells: [
      i + 1,
      row.code,
      row.name,
      STAGE_LABELS[row.stage],
      row.leadUnitName ?? '',
      row.chainLead,
      figure(row.need),
      figure(row.have),
      figure(row.gap),
      ...(withDetail
        ? [
            list.kind === 'land'
              ? row.landStatus
                ? LAND_STATUS_LABELS[row.landStatus]
                : ''
              : row.sources.map((s) => `${FUND_SOURCE_LABELS[s.source]} ${formatWan(s.gapYuan)}`).join('；'),
          ]
        : []),
      row.raised.map((p) => p.code).join('、'),
    ],
  }));
  if (!list.rows.length) lines.push({ kind: 'empty', text: `没有${SHORTFALL_KIND_LABELS[list.kind]}` });
  lines.push({
    kind: 'total',
    labelSpan: 6,
    cells: [
      `合计（${list.total.count}个项目）`,
      null,
      null,
      null,
      null,
      null,
      figure(list.total.need),
      figure(list.total.have),
      figure(list.total.gap),
      ...(withDetail ? [null] : []),
      null,
    ],
  });
  const title =
    list.kind === 'funds' ? `${list.year}年${SHORTFALL_KIND_LABELS.funds}` : SHORTFALL_KIND_LABELS[list.kind];
  const workbook = newWorkbook();
  addTableSheet(workbook, {
    name: SHORTFALL_KIND_LABELS[list.kind],
    title: `${text.cityName}重点项目要素保障·${title}`,
    subhead: {
      left: `单位：${list.unit}`,
      right: `截至日期：${formatChineseDate(text.today)}`,
    },
    columns,
    lines,
    paper: 'A4',
    freezeColumns: 3,
  });
  return exportedFile(workbook, `${text.cityName}重点项目${title}.xlsx`, list.rows.length);
}

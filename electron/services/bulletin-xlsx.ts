import type { BulletinPrint } from '../../db/model/bulletin';
import { percentCellValue, signedPointsText } from '../../db/model/bulletin-numbers';
import { throughMonthLabel } from '../../db/model/bulletin-summary';
import { formatChineseDate } from '../../db/model/dates';
import { STATS_BY_LABELS } from '../../db/model/stat-grouping';
import type { StatsRanking, StatsRow } from '../../db/model/stat-ranking';
import type { ExportedFile } from '../../db/model/exported-file';
import { addTableSheet, exportedFile, fenOfWan, newWorkbook, type SheetColumn, type SheetLine } from './xlsx-sheet';

// The bulletin's tables as a workbook, one sheet each, read from the same answer the paper prints.

function rankingColumns(groupLabel: string, month: number): SheetColumn[] {
  const percent = (header: string): SheetColumn => ({ header, kind: 'percent', min: 9, max: 11 });
  const count = (header: string): SheetColumn => ({ header, kind: 'integer', min: 6, max: 8 });
  return [
    { header: '名次', kind: 'center', min: 5, max: 6 },
    { header: groupLabel, kind: 'text', min: 14, max: 28 },
    count('项目数'),
    { header: '本年计划\n（万元）', kind: 'wan', min: 11, max: 16 },
    { header: `${throughMonthLabel(month)}完成\n（万元）`, kind: 'wan', min: 11, max: 16 },
    percent('投资完成率'),
    { header: '与序时进度差\n（百分点）', kind: 'center', min: 10, max: 12 },
    percent('开工率'),
    percent('按期竣工率'),
    percent('纳统率'),
    count('红灯'),
    count('黄灯'),
  ];
}

function rankingLine(row: StatsRow): SheetLine {
  const f = row.figures;
  return {
    kind: 'row',
    cells: [
      row.rank === null ? '—' : String(row.rank),
      row.group.name,
      f.projectCount,
      fenOfWan(f.annualPlanYuan),
      fenOfWan(f.completedYuan),
      percentCellValue(f.investmentRate.value),
      signedPointsText(f.gapPoints),
      percentCellValue(f.startRate.value),
      percentCellValue(f.onTimeCompletionRate.value),
      percentCellValue(f.statisticsRate.value),
      f.red,
      f.yellow,
    ],
    tones: row.figures.gapPoints !== null && row.figures.gapPoints < 0 ? { 6: 'red' } : undefined,
  };
}

function totalLine(ranking: StatsRanking): SheetLine {
  const f = ranking.total;
  return {
    kind: 'total',
    labelSpan: 2,
    cells: [
      '全市合计',
      null,
      f.projectCount,
      fenOfWan(f.annualPlanYuan),
      fenOfWan(f.completedYuan),
      percentCellValue(f.investmentRate.value),
      signedPointsText(f.gapPoints),
      percentCellValue(f.startRate.value),
      percentCellValue(f.onTimeCompletionRate.value),
      percentCellValue(f.statisticsRate.value),
      f.red,
      f.yellow,
    ],
  };
}

export async function exportBulletin(data: BulletinPrint): Promise<ExportedFile> {
  const { year, month } = data;
  const period = `${year}年${throughMonthLabel(month)}`;
  const subhead = (left: string) => ({
    left,
    center: `统计时段：${period}`,
    right: `截至${month}月底\u3000单位：万元`,
  });
  const workbook = newWorkbook();
  const footnote = `文号：${data.text.docNumber || '（未填）'}\u3000\u3000印发日期：${formatChineseDate(data.printedOn)}`;
  const rankingSheet = (name: string, ranking: StatsRanking, selected: boolean) => {
    const label = ranking.by === 'unit' ? '责任单位（牵头）' : STATS_BY_LABELS[ranking.by];
    addTableSheet(workbook, {
      name,
      title: `${data.title}：按${label}排名`,
      subhead: subhead('按考核顺序排名'),
      columns: rankingColumns(label, month),
      lines: [...ranking.rows.map(rankingLine), totalLine(ranking)],
      footnote,
      paper: 'A4',
      freezeColumns: 2,
      selected,
    });
  };
  rankingSheet('按责任单位排名', data.byUnit, true);
  rankingSheet(`按${STATS_BY_LABELS[data.byArea.by]}排名`, data.byArea, false);
  addTableSheet(workbook, {
    name: '红榜黑榜',
    title: `${data.title}：红榜、黑榜`,
    subhead: subhead(`各取${data.honour.size}个责任单位`),
    columns: rankingColumns('责任单位（牵头）', month),
    lines: [
      { kind: 'section', text: '红榜' },
      ...data.honour.top.map(rankingLine),
      { kind: 'section', text: '黑榜' },
      ...data.honour.bottom.map(rankingLine),
    ],
    footnote,
    paper: 'A4',
    freezeColumns: 2,
  });
  addTableSheet(workbook, {
    name: '红灯项目',
    title: `${data.title}：红灯项目`,
    subhead: subhead(`红灯项目${data.redProjects.length}个`),
    columns: [
      { header: '序号', kind: 'serial', min: 5, max: 7 },
      { header: '项目编号', kind: 'center', min: 12, max: 16 },
      { header: '项目名称', kind: 'text', min: 16, max: 30 },
      { header: '牵头单位', kind: 'text', min: 12, max: 20 },
      { header: '链长', kind: 'text', min: 8, max: 12 },
      { header: '红灯原因', kind: 'text', min: 24, max: 48 },
    ],
    lines: data.redProjects.length
      ? data.redProjects.map((p, i) => ({
          kind: 'row' as const,
          cells: [i + 1, p.code, p.name, p.leadUnitName, p.chainLead, p.reasons.join('；')],
        }))
      : [{ kind: 'empty', text: '本月没有红灯项目' }],
    footnote,
    paper: 'A4',
    freezeColumns: 0,
  });
  return exportedFile(workbook, `${data.title}（${year}年${month}月）.xlsx`, data.byUnit.rows.length);
}

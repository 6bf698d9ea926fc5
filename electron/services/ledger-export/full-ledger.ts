import type { ProjectRow } from '../../../db/model/project';
import { fenOfWan, sumOf, type CellInput, type SheetColumn, type SheetLine } from '../xlsx-sheet';

// The columns of the full 项目台账 sheet (every ledger field, in DOMAIN.md's order; 项目级别 and 所在乡镇, added
// later, after 项目编号 so that sheets made to the earlier layout keep their columns; 包挂领导 last of all, for
// the same reason) and its 小计/合计 rows.

export function completedHeader(months: number): string {
  if (months <= 0) return '本年完成投资';
  return months === 1 ? '1月完成投资' : `1—${months}月完成投资`;
}

export function ledgerColumns(months: number, totalUnit: 'wan' | 'yi'): SheetColumn[] {
  const text = (header: string, min: number, max: number): SheetColumn => ({ header, kind: 'text', min, max });
  const center = (header: string, min: number, max: number): SheetColumn => ({ header, kind: 'center', min, max });
  const wan = (header: string): SheetColumn => ({ header, kind: 'wan', min: 11, max: 16 });
  const date = (header: string): SheetColumn => ({ header, kind: 'date', min: 11, max: 11 });
  return [
    { header: '序号', kind: 'serial', min: 5, max: 7 },
    text('项目名称', 16, 30),
    text('建设单位', 12, 24),
    text('建设地点', 10, 20),
    center('建设性质', 6, 8),
    text('建设内容及规模', 20, 40),
    center('建设起止年限', 11, 12),
    totalUnit === 'yi' ? { header: '总投资（亿元）', kind: 'yi', min: 10, max: 14 } : wan('总投资'),
    wan('本年计划投资'),
    wan(completedHeader(months)),
    { header: '完成率', kind: 'percent', min: 8, max: 9 },
    wan('自开工累计完成'),
    text('形象进度', 16, 30),
    text('存在问题', 16, 30),
    center('产业链', 8, 14),
    center('链长', 8, 12),
    text('牵头单位', 10, 16),
    text('责任单位', 10, 20),
    date('计划开工'),
    date('实际开工'),
    date('计划竣工'),
    date('实际竣工'),
    center('是否纳统', 6, 8),
    text('预警', 8, 24),
    text('备注', 8, 20),
    text('项目编号', 12, 16),
    text('项目级别', 10, 20),
    center('所在乡镇', 8, 10),
    center('是否招商引资', 6, 8),
    date('签约日期'),
    date('注册日期'),
    date('投产日期'),
    wan('合同投资'),
    wan('到位资金'),
    // issue #17: last, so every column before it stays where other offices' tools read it
    text('停缓建', 10, 28),
    center('包挂领导', 8, 14),
    // 前期手续 progress, export only: an import reads no field from it (tests/services/ledger-import*)
    text('前期手续', 16, 30),
  ];
}

/**
 * 是否招商引资, 签约, 注册, 投产, 合同投资 and 到位资金, last so every column before them stays where other
 * offices' tools read it; the money is blank, not 0, for a project that is not 招商引资 and holds none.
 */
export function attractionCells(p: ProjectRow): CellInput[] {
  const money = p.isInvestmentPromotion || p.contractInvestmentYuan > 0 || p.fundsInPlaceYuan > 0;
  return [
    p.isInvestmentPromotion ? '是' : '否',
    p.signingDate,
    p.registrationDate,
    p.productionDate,
    money ? fenOfWan(p.contractInvestmentYuan) : null,
    money ? fenOfWan(p.fundsInPlaceYuan) : null,
  ];
}

/** Where each column of `ledgerColumns` sits (counted from 0), for the 打印版 and the totals. */
export const LEDGER_COLUMN = {
  serial: 0,
  name: 1,
  owner: 2,
  content: 5,
  total: 7,
  plan: 8,
  completed: 9,
  rate: 10,
  sinceStart: 11,
  progress: 12,
  problems: 13,
  chainLead: 15,
  responsibleUnits: 17,
  light: 23,
} as const;

/** 小计/合计 spans the columns before 总投资. */
const LEDGER_LABEL_SPAN = LEDGER_COLUMN.total;

export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** 小计/合计 of money columns, summed in integer 分 of 万元 so the total is the sum of the figures shown. */
export function totalsLine(kind: 'subtotal' | 'total', label: string, rows: CellInput[][], width: number): SheetLine {
  const cells: CellInput[] = new Array<CellInput>(width).fill(null);
  cells[0] = label;
  for (const column of [LEDGER_COLUMN.total, LEDGER_COLUMN.plan, LEDGER_COLUMN.completed, LEDGER_COLUMN.sinceStart]) {
    cells[column] = sumOf(rows.map((r) => r[column]));
  }
  cells[LEDGER_COLUMN.rate] = ratio(cells[LEDGER_COLUMN.completed] as number, cells[LEDGER_COLUMN.plan] as number);
  return { kind, labelSpan: LEDGER_LABEL_SPAN, cells };
}

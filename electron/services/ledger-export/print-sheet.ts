import type { CellInput, SheetColumn, SheetLine, Tone } from '../xlsx-sheet';
import { LEDGER_COLUMN as L } from './full-ledger';

// The 打印版: the same projects, sections, 小计 and 合计 as the 项目台账 sheet, in the twelve columns leaders
// read at a meeting, wide enough to print at nearly full size on A3 landscape (the full ledger's 26 columns
// print at about half size). Chosen: which project (序号, 项目名称), who builds it and what it is (建设单位,
// 建设内容及规模), the money against the year's plan (总投资, 本年计划, 1—N月完成, 完成率), where it stands and
// what blocks it (形象进度, 存在问题), who answers for it (链长 and 责任单位 in one cell) and its light with the
// reasons (预警). Left out, kept on the full sheet: 建设地点, 建设性质 and 建设起止年限 (the content says what it
// is), 自开工累计完成 (a statistics figure, not the year's plan), 产业链 (its 链长 is named), 牵头单位, the four
// dates (a late start or node already shows in 预警), 是否纳统, 备注 and 项目编号 (the office's key, not a
// leader's). Every cell is taken from the full sheet's line, so both sheets carry the same figures and totals.

/** The sheet's name; the ledger importer skips a sheet of this name (it repeats the 项目台账's rows). */
export const PRINT_SHEET_NAME = '打印版';

/** Body rows are at least this many lines tall: long texts wrap into two lines (more where they need it). */
export const PRINT_ROW_LINES = 2;

interface PrintColumn {
  column: SheetColumn;
  /** the full sheet's columns this one shows, joined by a line break when more than one */
  from: readonly number[];
}

function printColumns(completedHeader: string, totalUnit: 'wan' | 'yi'): PrintColumn[] {
  // text columns have a fixed width (min = max) so the page is laid out the same whatever the texts
  const text = (header: string, width: number, from: number[]): PrintColumn => ({
    column: { header, kind: 'text', min: width, max: width },
    from,
  });
  const wan = (header: string, from: number): PrintColumn => ({
    column: { header, kind: 'wan', min: 11, max: 14 },
    from: [from],
  });
  return [
    { column: { header: '序号', kind: 'serial', min: 5, max: 6 }, from: [L.serial] },
    text('项目名称', 20, [L.name]),
    text('建设单位', 16, [L.owner]),
    text('建设内容及规模', 34, [L.content]),
    totalUnit === 'yi'
      ? { column: { header: '总投资\n（亿元）', kind: 'yi', min: 10, max: 12 }, from: [L.total] }
      : wan('总投资', L.total),
    wan('本年计划', L.plan),
    wan(completedHeader.replace(/投资$/, ''), L.completed),
    { column: { header: '完成率', kind: 'percent', min: 8, max: 8 }, from: [L.rate] },
    text('形象进度', 26, [L.progress]),
    text('存在问题', 26, [L.problems]),
    text('链长/\n责任单位', 18, [L.chainLead, L.responsibleUnits]),
    text('预警', 22, [L.light]),
  ];
}

/** 小计/合计 span the columns before 总投资, as on the full sheet. */
const PRINT_LABEL_SPAN = 4;

function pick(cells: readonly CellInput[], from: readonly number[]): CellInput {
  if (from.length === 1) return cells[from[0]] ?? null;
  const parts = from.map((i) => cells[i]).filter((v): v is string | number => v !== null && v !== '');
  return parts.length ? parts.join('\n') : null;
}

/** The 打印版's columns and lines, made from the full sheet's lines. */
export function printSheet(
  completedHeader: string,
  totalUnit: 'wan' | 'yi',
  fullLines: readonly SheetLine[],
): { columns: SheetColumn[]; lines: SheetLine[] } {
  const layout = printColumns(completedHeader, totalUnit);
  const lines = fullLines.map((line): SheetLine => {
    if (line.kind === 'section' || line.kind === 'empty') return line;
    const cells = layout.map((c) => pick(line.cells, c.from));
    if (line.kind !== 'row') return { kind: line.kind, labelSpan: PRINT_LABEL_SPAN, cells };
    const tones: Partial<Record<number, Tone>> = {};
    layout.forEach((c, i) => {
      const tone = c.from.length === 1 ? line.tones?.[c.from[0]] : undefined;
      if (tone) tones[i] = tone;
    });
    return { kind: 'row', cells, tones };
  });
  return { columns: layout.map((c) => c.column), lines };
}

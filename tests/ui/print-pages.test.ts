import { describe, expect, it } from 'vitest';
import type { PrintGroup } from '../../db/model/dispatch-print';
import type { DispatchPrint } from '../../electron/api-spec';
import { PAGE_SLACK_PX, paginate, type SheetMeasure } from '../../renderer/print/print-pages';
import { measuredLines, type SheetLine } from '../../renderer/print/print-dispatch-lines';

// The 周调度表's pages without a browser: made-up heights, the same rules the paper route prints by.

function group(key: string, serials: number[]): PrintGroup {
  return {
    key,
    title: `${key}组`,
    rows: serials.map((serial) => ({ serial, projectId: serial, name: `项目${serial}` })) as PrintGroup['rows'],
    subtotal: { count: serials.length, totalInvestmentYuan: 0, annualPlanYuan: 0, yearCompletedYuan: 0 },
  };
}

function sheet(groups: PrintGroup[]): DispatchPrint {
  return { groups, total: { count: groups.reduce((n, g) => n + g.rows.length, 0) } } as DispatchPrint;
}

/** Every line 10 px, a “（续）” heading 12 px, no title; the header 10 px. */
function measure(lines: SheetLine[]): SheetMeasure {
  return { title: 0, head: 10, sign: 0, lines: lines.map((line) => (line.kind === 'continued' ? 12 : 10)) };
}

const describeLine = (line: SheetLine): string => {
  switch (line.kind) {
    case 'group':
      return line.group.key;
    case 'continued':
      return `${line.group.key}（续）`;
    case 'row':
      return String(line.row.serial);
    default:
      return line.kind;
  }
};

function pagesOf(groups: PrintGroup[], rowsPerPage: number): string[][] {
  const lines = measuredLines(sheet(groups));
  // room for the header and `rowsPerPage` lines of 10 px
  const height = 10 + rowsPerPage * 10 + PAGE_SLACK_PX;
  return paginate(lines, measure(lines), height).map((page) => page.lines.map(describeLine));
}

const serials = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

describe('周调度表分页', () => {
  it('一组跨页时，续页先印该组的分组行加“（续）”；小计、合计和签字行带着组的最后一行', () => {
    expect(pagesOf([group('A', [1, 2, 3, 4, 5, 6, 7])], 8)).toEqual([
      ['A', ...serials(1, 6)],
      ['A（续）', '7', 'subtotal', 'total', 'sign'],
    ]);
  });

  it('分组行不落在页尾：放不下它的第一行时一起移到下一页，那页不加（续）', () => {
    expect(pagesOf([group('A', [1, 2, 3, 4, 5]), group('B', [6, 7])], 8)).toEqual([
      ['A', ...serials(1, 5), 'subtotal'],
      ['B', '6', '7', 'subtotal', 'total', 'sign'],
    ]);
  });

  it('（续）行的高度算在页内：续页比首页少放一行', () => {
    // eight 10 px lines of room: the first page takes the heading and seven rows, a later one 12 px and six
    const rows = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(pagesOf([group('A', rows)], 8)).toEqual([
      ['A', ...serials(1, 7)],
      ['A（续）', ...serials(8, 13)],
      ['A（续）', ...serials(14, 19)],
      ['A（续）', '20', 'subtotal', 'total', 'sign'],
    ]);
  });

  it('没有项目时只有一页', () => {
    expect(pagesOf([], 8)).toEqual([['empty', 'sign']]);
  });
});

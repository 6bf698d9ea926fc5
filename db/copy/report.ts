import { AppError } from '../errors';
import type { TableSums } from './rows';
import type { CopiedTable } from './tables';

// The per-table report of a copy: the rows and the checksum of each table on both sides, printed in aligned
// columns (a Chinese character takes two columns of a terminal).

export interface TableLine {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceSum: string;
  targetSum: string;
  same: boolean;
}

export interface CopyReport {
  from: string;
  to: string;
  lines: TableLine[];
}

export function compareSums(tables: readonly CopiedTable[], source: TableSums, target: TableSums): TableLine[] {
  return tables.map(({ name }) => {
    const from = source.get(name) ?? { rows: 0, sha256: '' };
    const to = target.get(name) ?? { rows: 0, sha256: '' };
    return {
      table: name,
      sourceRows: from.rows,
      targetRows: to.rows,
      sourceSum: from.sha256,
      targetSum: to.sha256,
      same: from.rows === to.rows && from.sha256 === to.sha256,
    };
  });
}

/** The copy's check found a table that differs: nothing was kept, and the report says which. */
export class CopyMismatchError extends AppError {
  constructor(
    readonly report: CopyReport,
    outcome: string,
  ) {
    const differing = report.lines.filter((l) => !l.same).map((l) => l.table);
    super('copy_mismatch', `复制后逐表核对不一致（${differing.join('、')}）：${outcome}`);
    this.name = 'CopyMismatchError';
  }
}

const wide = (c: string) => (c.codePointAt(0) ?? 0) >= 0x2e80;
const widthOf = (text: string) => [...text].reduce((sum, c) => sum + (wide(c) ? 2 : 1), 0);
const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - widthOf(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - widthOf(text))) + text;

const SUM_SHOWN = 16;

export function formatReport(report: CopyReport): string {
  const header = ['数据表', '源库行数', '目标行数', '源库校验和', '目标校验和', '核对'];
  const rows = report.lines.map((l) => [
    l.table,
    l.sourceRows.toLocaleString('en-US'),
    l.targetRows.toLocaleString('en-US'),
    l.sourceSum.slice(0, SUM_SHOWN),
    l.targetSum.slice(0, SUM_SHOWN),
    l.same ? '一致' : '不一致',
  ]);
  const widths = header.map((h, i) => Math.max(widthOf(h), ...rows.map((r) => widthOf(r[i]))));
  const numeric = [false, true, true, false, false, false];
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? padStart(cell, widths[i]) : padEnd(cell, widths[i])))
      .join('  ')
      .trimEnd();
  const differing = report.lines.filter((l) => !l.same).length;
  const total = report.lines.reduce((sum, l) => sum + l.sourceRows, 0);
  return [
    `源：${report.from}`,
    `目标：${report.to}`,
    line(header),
    ...rows.map(line),
    differing
      ? `${differing} 张表不一致（共 ${report.lines.length} 张表）`
      : `${report.lines.length} 张表、${total.toLocaleString('en-US')} 行全部一致（行数及 SHA-256 校验和）`,
  ].join('\n');
}

import type { PrintGroup } from '../../db/model/dispatch-print';
import type { DispatchPrint } from '../../electron/api-spec';

export type PrintRow = PrintGroup['rows'][number];

/** The table body as a flat list of lines, so the preview and the paper route can deal them out to pages. */
export type SheetLine =
  | { kind: 'group'; key: string; group: PrintGroup }
  /** the group's heading again, with “（续）”, at the top of a page the group continues on: no 序号, no count */
  | { kind: 'continued'; key: string; group: PrintGroup }
  | { kind: 'row'; key: string; row: PrintRow }
  | { kind: 'subtotal'; key: string; group: PrintGroup }
  | { kind: 'total'; key: string }
  | { kind: 'empty'; key: string }
  /** 填表人 / 审核人 / 联系电话 / 填报日期, in the table's last row so it never stands alone on a page */
  | { kind: 'sign'; key: string };

export const CONTINUED = '（续）';

export function continuedLine(group: PrintGroup): SheetLine {
  return { kind: 'continued', key: `continued-${group.key}`, group };
}

/** The sheet's lines in order, the sign line last. */
export function sheetLines(data: DispatchPrint): SheetLine[] {
  const lines: SheetLine[] = [];
  if (data.groups.length === 0) lines.push({ kind: 'empty', key: 'empty' });
  else {
    for (const group of data.groups) {
      lines.push({ kind: 'group', key: `group-${group.key}`, group });
      for (const row of group.rows) lines.push({ kind: 'row', key: `row-${row.projectId}`, row });
      lines.push({ kind: 'subtotal', key: `subtotal-${group.key}`, group });
    }
    lines.push({ kind: 'total', key: 'total' });
  }
  lines.push({ kind: 'sign', key: 'sign' });
  return lines;
}

/**
 * What is laid out once to be measured: the sheet's lines, then every group's “（续）” heading (its text may
 * wrap differently from the heading's), which `paginate` places only where a page begins inside the group.
 */
export function measuredLines(data: DispatchPrint): SheetLine[] {
  return [...sheetLines(data), ...data.groups.map(continuedLine)];
}

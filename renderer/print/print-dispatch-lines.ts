import type { PrintGroup } from '../../db/model/dispatch-print';
import type { DispatchPrint } from '../../electron/api-spec';

export type PrintRow = PrintGroup['rows'][number];

/** The table body as a flat list of lines, so the preview can deal them out to pages. */
export type SheetLine =
  | { kind: 'group'; key: string; group: PrintGroup }
  | { kind: 'row'; key: string; row: PrintRow }
  | { kind: 'subtotal'; key: string; group: PrintGroup }
  | { kind: 'total'; key: string }
  | { kind: 'empty'; key: string };

export function sheetLines(data: DispatchPrint): SheetLine[] {
  if (data.groups.length === 0) return [{ kind: 'empty', key: 'empty' }];
  const lines: SheetLine[] = [];
  for (const group of data.groups) {
    lines.push({ kind: 'group', key: `group-${group.key}`, group });
    for (const row of group.rows) lines.push({ kind: 'row', key: `row-${row.projectId}`, row });
    lines.push({ kind: 'subtotal', key: `subtotal-${group.key}`, group });
  }
  lines.push({ kind: 'total', key: 'total' });
  return lines;
}

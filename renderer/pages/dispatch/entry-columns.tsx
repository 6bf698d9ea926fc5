import { createColumnHelper, metaHelper, tableFeatures } from '@tanstack/react-table';
import { Checkbox } from 'antd';
import { DISPATCH_FIELDS, DISPATCH_FIELD_LABELS, type DispatchRow } from '../../../db/model/dispatch';
import type { GridColumnMeta } from '../../ui/DataGrid';

export const entryFeatures = tableFeatures({ columnMeta: metaHelper<GridColumnMeta>() });
export type EntryFeatures = typeof entryFeatures;

/** The header box: all, some or none of the rows waiting for confirmation are selected. */
export interface SelectAll {
  checked: boolean;
  indeterminate: boolean;
  disabled: boolean;
  onChange(): void;
}

const col = createColumnHelper<EntryFeatures, DispatchRow>();

/**
 * The columns of the week's entries. Their cells are drawn by EntryRow, which keeps each row's editing state;
 * here are the headings and widths. The text columns share what the others leave, 工作进展 a little more.
 */
export function entryColumns(selectAll: SelectAll) {
  return col.columns([
    col.display({
      id: 'check',
      header: () => (
        <Checkbox
          checked={selectAll.checked}
          indeterminate={selectAll.indeterminate}
          disabled={selectAll.disabled}
          onChange={selectAll.onChange}
          aria-label="选择列表中全部待确认的项目"
        />
      ),
      meta: { width: 30 },
    }),
    col.display({ id: 'serial', header: '序号', meta: { label: '序号', width: 42, num: true } }),
    col.display({ id: 'project', header: '项目名称', meta: { label: '项目名称', width: 232 } }),
    col.display({ id: 'stage', header: '阶段', meta: { label: '阶段', width: 56 } }),
    ...DISPATCH_FIELDS.map((field) =>
      col.display({
        id: field,
        header: DISPATCH_FIELD_LABELS[field],
        meta: { label: DISPATCH_FIELD_LABELS[field], width: field === 'progress' ? '21%' : undefined },
      }),
    ),
    col.display({ id: 'status', header: '状态', meta: { label: '状态', width: 140 } }),
  ]);
}

import { Checkbox, Radio, Select } from 'antd';
import { PrintField } from '../../components/PrintField';
import { PRINT_GROUPINGS, type PrintGrouping } from '../../../db/model/dispatch-print';
import {
  DISPATCH_PRINT_COLUMN_LABELS,
  DISPATCH_PRINT_COLUMNS,
  orderedColumns,
  PAPER_SIZES,
  PRINT_SCOPE_LABELS,
  PRINT_SCOPES,
  type DispatchPrintOptions,
} from '../../print/print-options';
import { PAPER_LABELS } from '../../print/print-paper';

const GROUP_LABELS: Record<PrintGrouping, string> = {
  chainLead: '按链长',
  chain: '按产业链',
  stage: '按阶段',
  park: '按园区',
};

export function PrintOptionsPanel({
  options,
  leads,
  onChange,
}: {
  options: DispatchPrintOptions;
  leads: string[];
  onChange(next: DispatchPrintOptions): void;
}) {
  const set = <K extends keyof DispatchPrintOptions>(key: K, value: DispatchPrintOptions[K]) =>
    onChange({ ...options, [key]: value });
  return (
    <div className="print-options">
      <PrintField label="纸张" id="print-paper">
        <Radio.Group
          optionType="button"
          value={options.paper}
          onChange={(e) => set('paper', e.target.value)}
          options={PAPER_SIZES.map((paper) => ({ value: paper, label: PAPER_LABELS[paper] }))}
        />
      </PrintField>
      <PrintField label="范围" id="print-scope">
        <Radio.Group
          optionType="button"
          value={options.scope}
          onChange={(e) => set('scope', e.target.value)}
          options={PRINT_SCOPES.map((scope) => ({ value: scope, label: PRINT_SCOPE_LABELS[scope] }))}
        />
      </PrintField>
      <PrintField label="链长" id="print-lead">
        <Select
          aria-labelledby="print-lead"
          value={options.lead}
          onChange={(value) => set('lead', value)}
          options={[{ value: '', label: '全部链长' }, ...leads.map((lead) => ({ value: lead, label: lead }))]}
          popupMatchSelectWidth={false}
          style={{ width: '100%' }}
        />
      </PrintField>
      <PrintField label="分组" id="print-group">
        <Select
          aria-labelledby="print-group"
          value={options.group}
          onChange={(value) => set('group', value)}
          options={PRINT_GROUPINGS.map((group) => ({ value: group, label: GROUP_LABELS[group] }))}
          style={{ width: '100%' }}
        />
      </PrintField>
      <PrintField label="列（序号、项目名称总是打印）" id="print-cols">
        <Checkbox.Group
          className="print-columns"
          value={options.cols}
          onChange={(values) => set('cols', orderedColumns(values))}
          options={DISPATCH_PRINT_COLUMNS.map((column) => ({
            value: column,
            label: DISPATCH_PRINT_COLUMN_LABELS[column],
          }))}
        />
      </PrintField>
    </div>
  );
}

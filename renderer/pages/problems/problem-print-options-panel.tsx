import { Radio } from 'antd';
import { PrintField } from '../../components/PrintField';
import { PAPER_SIZES } from '../../print/print-options';
import { PAPER_LABELS } from '../../print/print-paper';
import {
  PROBLEM_PRINT_GROUP_LABELS,
  PROBLEM_PRINT_GROUPS,
  PROBLEM_PRINT_SCOPE_LABELS,
  PROBLEM_PRINT_SCOPES,
  type ProblemListPrintOptions,
} from '../../print/problem-print-options';

/** 问题清单: 分组, 范围 and 纸张. */
export function ProblemListOptionsPanel({
  options,
  onChange,
}: {
  options: ProblemListPrintOptions;
  onChange(next: ProblemListPrintOptions): void;
}) {
  const set = <K extends keyof ProblemListPrintOptions>(key: K, value: ProblemListPrintOptions[K]) =>
    onChange({ ...options, [key]: value });
  return (
    <>
      <PrintField label="分组" id="problem-print-group">
        <Radio.Group
          optionType="button"
          value={options.group}
          onChange={(e) => set('group', e.target.value)}
          options={PROBLEM_PRINT_GROUPS.map((g) => ({ value: g, label: PROBLEM_PRINT_GROUP_LABELS[g] }))}
        />
      </PrintField>
      <PrintField label="范围" id="problem-print-scope">
        <Radio.Group
          optionType="button"
          value={options.scope}
          onChange={(e) => set('scope', e.target.value)}
          options={PROBLEM_PRINT_SCOPES.map((s) => ({ value: s, label: PROBLEM_PRINT_SCOPE_LABELS[s] }))}
        />
      </PrintField>
      <PrintField label="纸张" id="problem-print-paper">
        <Radio.Group
          optionType="button"
          value={options.paper}
          onChange={(e) => set('paper', e.target.value)}
          options={PAPER_SIZES.map((paper) => ({ value: paper, label: PAPER_LABELS[paper] }))}
        />
      </PrintField>
    </>
  );
}

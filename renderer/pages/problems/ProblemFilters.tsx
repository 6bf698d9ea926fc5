import { PlusOutlined, PrinterOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Input, Select, Switch } from 'antd';
import type { ProblemSummary } from '../../../electron/api-spec';
import { PROBLEM_CATEGORIES, PROBLEM_CATEGORY_LABELS, type ProblemCategory } from '../../../db/model/problems';
import { STATUS_FILTER_OPTIONS, type ProblemFilters as Filters, type StatusFilter } from './problem-filters';
import { useMayCall } from '../../app/session/session';

interface ProblemFiltersProps {
  filters: Filters;
  summary: ProblemSummary | undefined;
  searchText: string;
  shown: number;
  shownOverdue: number;
  canClear: boolean;
  onSearch(text: string): void;
  /** Enter or ↓ in the search box: on to the list */
  onLeaveSearch(): void;
  onChange(patch: Partial<Filters>): void;
  onClear(): void;
  onRaise(): void;
  /** how many problems are ticked for 交办单 */
  slipCount: number;
  onPrintSlips(): void;
}

const CATEGORY_OPTIONS = PROBLEM_CATEGORIES.map((c) => ({ value: c, label: PROBLEM_CATEGORY_LABELS[c] }));

/** Search, the four choices and 只看超期 above the 问题清单. */
export function ProblemFilters({
  filters,
  summary,
  searchText,
  shown,
  shownOverdue,
  canClear,
  onSearch,
  onLeaveSearch,
  onChange,
  onClear,
  onRaise,
  slipCount,
  onPrintSlips,
}: ProblemFiltersProps) {
  const mayCall = useMayCall();
  const unitOptions = (summary?.byUnit ?? []).map((u) => ({ value: u.key, label: u.label }));
  const leadOptions = (summary?.byChainLead ?? []).map((l) => ({ value: l.key, label: l.label }));
  return (
    <div className="zd-toolbar pb-toolbar">
      <Input
        className="pb-search"
        allowClear
        prefix={<SearchOutlined />}
        placeholder="搜索编号、项目、问题、单位"
        aria-label="搜索问题"
        value={searchText}
        onChange={(event) => onSearch(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === 'ArrowDown') {
            event.preventDefault();
            onLeaveSearch();
          }
        }}
      />
      <Select<StatusFilter>
        className="pb-filter-status"
        aria-label="状态"
        value={filters.status}
        options={STATUS_FILTER_OPTIONS}
        onChange={(status) => onChange({ status })}
      />
      <Select<string>
        className="pb-filter"
        aria-label="单位"
        placeholder="单位"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={filters.unit ?? undefined}
        options={unitOptions}
        onChange={(unit) => onChange({ unit: unit ?? null })}
        popupMatchSelectWidth={false}
      />
      <Select<string>
        className="pb-filter"
        aria-label="链长"
        placeholder="链长"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={filters.lead ?? undefined}
        options={leadOptions}
        onChange={(lead) => onChange({ lead: lead ?? null })}
        popupMatchSelectWidth={false}
      />
      <Select<ProblemCategory>
        className="pb-filter-category"
        aria-label="类别"
        placeholder="类别"
        allowClear
        value={filters.category ?? undefined}
        options={CATEGORY_OPTIONS}
        onChange={(category) => onChange({ category: category ?? null })}
      />
      <label className="pb-switch">
        <Switch
          size="small"
          checked={filters.overdue}
          onChange={(overdue) => onChange({ overdue })}
          aria-label="只看超期"
        />
        只看超期
      </label>
      {canClear && (
        <Button size="small" type="link" onClick={onClear}>
          清除筛选
        </Button>
      )}
      <span className="zd-gap" />
      <span className="pb-shown" aria-label="筛选结果">
        共 <b className="num">{shown}</b> 条
        {shownOverdue > 0 && (
          <>
            ，超期 <b className="num is-overdue">{shownOverdue}</b> 条
          </>
        )}
      </span>
      {slipCount > 0 && (
        <Button icon={<PrinterOutlined />} onClick={onPrintSlips}>
          打印交办单（{slipCount}）
        </Button>
      )}
      {mayCall('problems.create') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={onRaise}>
          登记问题
        </Button>
      )}
    </div>
  );
}

import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Select, Switch } from 'antd';
import { useMemo } from 'react';
import type { DispatchRow } from '../../../db/model/dispatch';
import type { Stage } from '../../../db/model/stages';
import { filterOptions, type EntryFilters } from './entry-filters';

interface EntriesToolbarProps {
  rows: readonly DispatchRow[];
  filters: EntryFilters;
  searchText: string;
  onSearch(text: string): void;
  /** ↓ or Enter in the search box: into the first cell */
  onLeaveSearch(): void;
  onChange(patch: Partial<EntryFilters>): void;
  onUnreportedOnly(on: boolean): void;
  onClear(): void;
}

export function EntriesToolbar({
  rows,
  filters,
  searchText,
  onSearch,
  onLeaveSearch,
  onChange,
  onUnreportedOnly,
  onClear,
}: EntriesToolbarProps) {
  const options = useMemo(() => filterOptions(rows), [rows]);
  const multi = {
    mode: 'multiple' as const,
    allowClear: true,
    maxTagCount: 'responsive' as const,
    showSearch: { optionFilterProp: 'label' },
    popupMatchSelectWidth: false,
    className: 'entries-filter',
  };
  const filtered =
    filters.leads.length + filters.chainIds.length + filters.stages.length + filters.units.length > 0 ||
    searchText.trim() !== '' ||
    filters.unreported !== null;
  return (
    <div className="zd-toolbar">
      <Input
        className="entries-search"
        prefix={<SearchOutlined />}
        placeholder="搜索项目名称、编号、单位"
        aria-label="搜索项目"
        allowClear
        value={searchText}
        onChange={(e) => onSearch(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onSearch('');
          if (e.key === 'ArrowDown' || e.key === 'Enter') {
            e.preventDefault();
            onLeaveSearch();
          }
        }}
      />
      <Select<string[]>
        {...multi}
        aria-label="按链长筛选"
        placeholder="链长"
        options={options.leads}
        value={filters.leads}
        onChange={(leads) => onChange({ leads })}
      />
      <Select<number[]>
        {...multi}
        aria-label="按产业链筛选"
        placeholder="产业链"
        options={options.chains}
        value={filters.chainIds}
        onChange={(chainIds) => onChange({ chainIds })}
      />
      <Select<Stage[]>
        {...multi}
        aria-label="按阶段筛选"
        placeholder="阶段"
        options={options.stages}
        value={filters.stages}
        onChange={(stages) => onChange({ stages })}
      />
      <Select<string[]>
        {...multi}
        aria-label="按责任单位筛选"
        placeholder="责任单位"
        options={options.units}
        value={filters.units}
        onChange={(units) => onChange({ units })}
      />
      <label className="entries-unreported-switch">
        <Switch size="small" checked={filters.unreported !== null} onChange={onUnreportedOnly} />
        只看未报送
      </label>
      {filtered && (
        <Button type="link" size="small" onClick={onClear}>
          清除筛选
        </Button>
      )}
    </div>
  );
}

import { Select, Switch } from 'antd';
import { useMemo } from 'react';
import type { DispatchRow } from '../../../db/model/dispatch';
import type { Stage } from '../../../db/model/stages';
import { FilterBar } from '../../ui/filters/FilterBar';
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
  const filtered =
    filters.leads.length + filters.chainIds.length + filters.stages.length + filters.units.length > 0 ||
    searchText.trim() !== '' ||
    filters.unreported !== null;
  return (
    <FilterBar
      className="entries-toolbar"
      search={{
        value: searchText,
        placeholder: '搜索项目名称、编号、单位',
        onChange: onSearch,
        onKeyDown: (e) => {
          if (e.key === 'ArrowDown' || e.key === 'Enter') {
            e.preventDefault();
            onLeaveSearch();
          }
        },
      }}
      selects={[
        {
          key: 'leads',
          options: options.leads,
          value: filters.leads,
          onChange: (v) => onChange({ leads: v as string[] }),
        },
        {
          key: 'chainIds',
          options: options.chains,
          value: filters.chainIds,
          onChange: (v) => onChange({ chainIds: v as number[] }),
        },
        {
          key: 'stages',
          options: options.stages,
          value: filters.stages,
          onChange: (v) => onChange({ stages: v as Stage[] }),
        },
      ]}
      filtered={filtered}
      onClear={onClear}
    >
      <Select<string[]>
        className="zd-filter-select"
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        showSearch={{ optionFilterProp: 'label' }}
        popupMatchSelectWidth={false}
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
    </FilterBar>
  );
}

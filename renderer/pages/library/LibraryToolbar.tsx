import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Input, Select, type InputRef } from 'antd';
import { useMemo, type ReactNode, type RefObject } from 'react';
import type { ProjectRow } from '../../../db/model/project';
import type { ReferenceData } from '../../../db/model/reference';
import type { LibraryFilters, LightChoice, LightCounts } from './library-filters';
import { LightFilter } from './LightFilter';

interface Option<V> {
  value: V;
  label: string;
}

const collator = new Intl.Collator('zh-Hans-CN');

/** Retired entries stay selectable only while some project still uses them. */
function filterOptions(projects: readonly ProjectRow[], reference: ReferenceData) {
  const usedChains = new Set(projects.map((p) => p.chainId));
  const usedParks = new Set(projects.map((p) => p.parkId));
  const leads = new Set<string>();
  for (const chain of reference.chains) if (chain.chainLead && !chain.retired) leads.add(chain.chainLead);
  for (const project of projects) if (project.chainLead) leads.add(project.chainLead);
  return {
    chains: reference.chains
      .filter((c) => !c.retired || usedChains.has(c.id))
      .map((c): Option<number> => ({ value: c.id, label: c.name })),
    leads: [...leads].sort(collator.compare).map((lead): Option<string> => ({ value: lead, label: lead })),
    parks: reference.parks
      .filter((p) => !p.retired || usedParks.has(p.id))
      .map((p): Option<number> => ({ value: p.id, label: p.name })),
  };
}

interface LibraryToolbarProps {
  projects: readonly ProjectRow[];
  reference: ReferenceData;
  filters: LibraryFilters;
  searchText: string;
  searchRef: RefObject<InputRef | null>;
  onSearch(text: string): void;
  /** ↓ or Enter in the search box: on to the list */
  onLeaveSearch(): void;
  onChains(ids: number[]): void;
  onLeads(leads: string[]): void;
  onParks(ids: number[]): void;
  lightCounts: LightCounts;
  onLights(lights: LightChoice[]): void;
  onCreate(): void;
  columnChooser: ReactNode;
}

export function LibraryToolbar({
  projects,
  reference,
  filters,
  searchText,
  searchRef,
  onSearch,
  onLeaveSearch,
  onChains,
  onLeads,
  onParks,
  lightCounts,
  onLights,
  onCreate,
  columnChooser,
}: LibraryToolbarProps) {
  const options = useMemo(() => filterOptions(projects, reference), [projects, reference]);
  const multi = {
    mode: 'multiple' as const,
    allowClear: true,
    maxTagCount: 'responsive' as const,
    showSearch: { optionFilterProp: 'label' },
    popupMatchSelectWidth: false,
    className: 'library-filter',
  };
  return (
    <div className="zd-toolbar library-toolbar">
      <h1 className="zd-page-title library-title">
        项目库<span className="zd-page-title-note">共 {projects.length} 个项目</span>
      </h1>
      <Input
        ref={searchRef}
        className="library-search"
        prefix={<SearchOutlined />}
        placeholder="搜索项目名称、编号、建设单位、地点…"
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
      <Select<number[]>
        {...multi}
        aria-label="按产业链筛选"
        placeholder="产业链"
        options={options.chains}
        value={filters.chainIds}
        onChange={onChains}
      />
      <Select<string[]>
        {...multi}
        aria-label="按链长筛选"
        placeholder="链长"
        options={options.leads}
        value={filters.leads}
        onChange={onLeads}
        notFoundContent="尚未设置链长"
      />
      <Select<number[]>
        {...multi}
        aria-label="按园区/片区筛选"
        placeholder="园区/片区"
        options={options.parks}
        value={filters.parkIds}
        onChange={onParks}
      />
      <LightFilter lights={filters.lights} counts={lightCounts} onChange={onLights} />
      <span className="zd-gap" />
      {columnChooser}
      <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>
        新增项目
      </Button>
    </div>
  );
}

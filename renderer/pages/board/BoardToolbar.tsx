import { Checkbox } from 'antd';
import { useMemo } from 'react';
import type { ProjectListRow } from '../../../db/model/project-list';
import type { ReferenceData } from '../../../db/model/reference';
import { FilterBar } from '../../ui/filters/FilterBar';
import { projectFilterOptions } from '../../ui/filters/filter-options';
import { hasFilters, NO_FILTERS, type BoardFilters } from './board-model';

interface BoardToolbarProps {
  projects: readonly ProjectListRow[];
  reference: ReferenceData;
  filters: BoardFilters;
  shownCount: number;
  onChange(filters: BoardFilters): void;
}

export function BoardToolbar({ projects, reference, filters, shownCount, onChange }: BoardToolbarProps) {
  const options = useMemo(() => projectFilterOptions(projects, reference), [projects, reference]);
  const set = (patch: Partial<BoardFilters>) => onChange({ ...filters, ...patch });
  const filtered = hasFilters(filters);
  return (
    <FilterBar
      className="board-toolbar"
      leading={
        <h1 className="zd-page-title board-title">
          阶段看板
          <span className="zd-page-title-note">
            {filtered ? `筛选出 ${shownCount} 个，共 ${projects.length} 个项目` : `共 ${projects.length} 个项目`}
          </span>
        </h1>
      }
      search={{
        value: filters.search,
        placeholder: '搜索项目名称、编号、建设单位…',
        onChange: (search) => set({ search }),
      }}
      selects={[
        {
          key: 'chainIds',
          options: options.chains,
          value: filters.chainIds,
          onChange: (chainIds) => set({ chainIds: chainIds as number[] }),
        },
        {
          key: 'leads',
          options: options.leads,
          value: filters.leads,
          onChange: (leads) => set({ leads: leads as string[] }),
          empty: '尚未设置链长',
        },
      ]}
      filtered={filtered}
      onClear={() => onChange(NO_FILTERS)}
      trailing={
        <>
          <span className="zd-gap" />
          <span className="zd-hint zd-ellipsis">拖动卡片到相邻一列，或点卡片右上角的 ⋮ 推进/退回</span>
        </>
      }
    >
      <Checkbox checked={filters.alertsOnly} onChange={(e) => set({ alertsOnly: e.target.checked })}>
        只看红黄灯
      </Checkbox>
    </FilterBar>
  );
}

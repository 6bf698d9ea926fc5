import { SearchOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Select } from 'antd';
import { useMemo } from 'react';
import type { LitProjectRow } from '../../../db/model/overview';
import type { ReferenceData } from '../../../db/model/reference';
import { filterOptions, hasFilters, NO_FILTERS, type BoardFilters } from './board-model';

interface BoardToolbarProps {
  projects: readonly LitProjectRow[];
  reference: ReferenceData;
  filters: BoardFilters;
  shownCount: number;
  onChange(filters: BoardFilters): void;
}

export function BoardToolbar({ projects, reference, filters, shownCount, onChange }: BoardToolbarProps) {
  const options = useMemo(() => filterOptions(projects, reference), [projects, reference]);
  const set = (patch: Partial<BoardFilters>) => onChange({ ...filters, ...patch });
  const multi = {
    mode: 'multiple' as const,
    allowClear: true,
    maxTagCount: 'responsive' as const,
    showSearch: { optionFilterProp: 'label' },
    popupMatchSelectWidth: false,
    className: 'board-filter',
  };
  const filtered = hasFilters(filters);
  return (
    <div className="zd-toolbar board-toolbar">
      <h1 className="zd-page-title board-title">
        阶段看板
        <span className="zd-page-title-note">
          {filtered ? `筛选出 ${shownCount} 个，共 ${projects.length} 个项目` : `共 ${projects.length} 个项目`}
        </span>
      </h1>
      <Input
        className="board-search"
        prefix={<SearchOutlined />}
        placeholder="搜索项目名称、编号、建设单位…"
        aria-label="搜索项目"
        allowClear
        value={filters.search}
        onChange={(e) => set({ search: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape') set({ search: '' });
        }}
      />
      <Select<number[]>
        {...multi}
        aria-label="按产业链筛选"
        placeholder="产业链"
        options={options.chains}
        value={filters.chainIds}
        onChange={(chainIds) => set({ chainIds })}
      />
      <Select<string[]>
        {...multi}
        aria-label="按链长筛选"
        placeholder="链长"
        options={options.leads}
        value={filters.leads}
        onChange={(leads) => set({ leads })}
        notFoundContent="尚未设置链长"
      />
      <Checkbox checked={filters.alertsOnly} onChange={(e) => set({ alertsOnly: e.target.checked })}>
        只看红黄灯
      </Checkbox>
      {filtered && (
        <Button size="small" type="link" onClick={() => onChange(NO_FILTERS)}>
          清除筛选
        </Button>
      )}
      <span className="zd-gap" />
      <span className="zd-hint board-hint">拖动卡片到相邻一列，或点卡片右上角的 ⋮ 推进/退回</span>
    </div>
  );
}

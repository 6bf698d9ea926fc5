import { PlusOutlined } from '@ant-design/icons';
import { Button, Tag, type InputRef } from 'antd';
import { useMemo, type ReactNode, type RefObject } from 'react';
import type { ProjectListRow } from '../../../db/model/project-list';
import { projectFilterOptions } from '../../ui/filters/filter-options';
import { FilterBar } from '../../ui/filters/FilterBar';
import type { ReferenceData } from '../../../db/model/reference';
import type { LibraryFilters, LightChoice, LightCounts } from './library-filters';
import { LightFilter } from './LightFilter';

interface LibraryToolbarProps {
  projects: readonly ProjectListRow[];
  /** false while only the first rows are here */
  complete: boolean;
  /** the chains and parks; until they arrive the filters offer those the projects name */
  reference: ReferenceData | undefined;
  filters: LibraryFilters;
  searchText: string;
  searchRef: RefObject<InputRef | null>;
  onSearch(text: string): void;
  /** ↓ or Enter in the search box: on to the list */
  onLeaveSearch(): void;
  onChains(ids: number[]): void;
  onLeads(leads: string[]): void;
  onParks(ids: number[]): void;
  onLevels(ids: number[]): void;
  onTownships(ids: number[]): void;
  onContactLeaders(ids: number[]): void;
  lightCounts: LightCounts | null;
  onLights(lights: LightChoice[]): void;
  /** ends 仅招商引资项目 */
  onPromotionOff(): void;
  /** absent when the user's role may not create projects: no 新增项目 button */
  onCreate?: () => void;
  columnChooser: ReactNode;
}

export function LibraryToolbar({
  projects,
  complete,
  reference,
  filters,
  searchText,
  searchRef,
  onSearch,
  onLeaveSearch,
  onChains,
  onLeads,
  onParks,
  onLevels,
  onTownships,
  onContactLeaders,
  lightCounts,
  onLights,
  onPromotionOff,
  onCreate,
  columnChooser,
}: LibraryToolbarProps) {
  const options = useMemo(() => projectFilterOptions(projects, reference), [projects, reference]);
  return (
    <FilterBar
      className="library-toolbar"
      leading={
        <h1 className="zd-page-title library-title">
          项目库
          <span className="zd-page-title-note">{complete ? `共 ${projects.length} 个项目` : '正在载入全部项目…'}</span>
        </h1>
      }
      searchRef={searchRef}
      search={{
        value: searchText,
        placeholder: '搜索项目名称、编号、建设单位、地点…',
        onChange: onSearch,
        onKeyDown: (e) => {
          if (e.key === 'ArrowDown' || e.key === 'Enter') {
            e.preventDefault();
            onLeaveSearch();
          }
        },
      }}
      selects={[
        { key: 'chainIds', options: options.chains, value: filters.chainIds, onChange: (v) => onChains(v as number[]) },
        {
          key: 'leads',
          options: options.leads,
          value: filters.leads,
          onChange: (v) => onLeads(v as string[]),
          empty: '尚未设置链长',
        },
        { key: 'parkIds', options: options.parks, value: filters.parkIds, onChange: (v) => onParks(v as number[]) },
        {
          key: 'levelIds',
          options: options.levels,
          value: filters.levelIds,
          onChange: (v) => onLevels(v as number[]),
        },
        {
          key: 'townshipIds',
          options: options.townships,
          value: filters.townshipIds,
          onChange: (v) => onTownships(v as number[]),
        },
        {
          key: 'contactLeaderIds',
          options: options.contactLeaders,
          value: filters.contactLeaderIds,
          onChange: (v) => onContactLeaders(v as number[]),
          empty: '尚未设置包挂领导',
        },
      ]}
      trailing={
        <>
          <span className="zd-gap" />
          {columnChooser}
          {onCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>
              新增项目
            </Button>
          )}
        </>
      }
    >
      <LightFilter lights={filters.lights} counts={lightCounts} onChange={onLights} />
      {filters.promotionOnly && (
        <Tag closable onClose={onPromotionOff} className="library-promotion-tag">
          仅招商引资项目
        </Tag>
      )}
    </FilterBar>
  );
}

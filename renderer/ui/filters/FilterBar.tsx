import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Select, type InputRef } from 'antd';
import type { KeyboardEvent, ReactNode, Ref } from 'react';
import type { CommonFilters } from './filter-model';
import './filter-bar.css';

/** the common selects, and the library's own lists of key projects and 乡镇 */
type SelectKey = Exclude<keyof CommonFilters, 'search'> | 'levelIds' | 'townshipIds' | 'contactLeaderIds';

/** What each common select is called, the same on every page. */
const SELECT_TEXT: Record<SelectKey, { placeholder: string; label: string }> = {
  chainIds: { placeholder: '产业链', label: '按产业链筛选' },
  leads: { placeholder: '链长', label: '按链长筛选' },
  parkIds: { placeholder: '园区/片区', label: '按园区/片区筛选' },
  lights: { placeholder: '预警', label: '按预警筛选' },
  stages: { placeholder: '阶段', label: '按阶段筛选' },
  levelIds: { placeholder: '项目级别', label: '按项目级别筛选' },
  townshipIds: { placeholder: '乡镇', label: '按乡镇筛选' },
  contactLeaderIds: { placeholder: '包挂领导', label: '按包挂领导筛选' },
};

export interface FilterSelect {
  key: SelectKey;
  options: { value: string | number; label: string }[];
  value: readonly (string | number)[];
  // method syntax: a page's handler may take its own value type (number[] for chains)
  onChange(value: (string | number)[]): void;
  /** shown when there is nothing to choose */
  empty?: string;
}

export interface FilterBarProps {
  search: {
    value: string;
    placeholder: string;
    onChange(text: string): void;
    /** keys beyond Esc (which clears the box), e.g. ↓ into the list */
    onKeyDown?(event: KeyboardEvent<HTMLInputElement>): void;
  };
  /** the search box, for a page that puts the keyboard there */
  searchRef?: Ref<InputRef>;
  /** the common selects this page offers, in the order shown */
  selects: FilterSelect[];
  /** 清除筛选 shows while this is true; a page without it leaves both out */
  filtered?: boolean;
  onClear?(): void;
  className?: string;
  /** before the search box (a page title) */
  leading?: ReactNode;
  /** the page's own filters, after the common ones and before 清除筛选 */
  children?: ReactNode;
  /** after 清除筛选 (a hint) */
  trailing?: ReactNode;
}

/** The filter toolbar every list uses: search, the common selects, the page's own filters and 清除筛选. */
export function FilterBar({
  search,
  searchRef,
  selects,
  filtered,
  onClear,
  className,
  leading,
  children,
  trailing,
}: FilterBarProps) {
  return (
    <div className={['zd-toolbar', 'zd-filter-bar', className].filter(Boolean).join(' ')}>
      {leading}
      <Input
        ref={searchRef}
        className="zd-filter-search"
        prefix={<SearchOutlined />}
        placeholder={search.placeholder}
        aria-label="搜索项目"
        allowClear
        value={search.value}
        onChange={(e) => search.onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') search.onChange('');
          search.onKeyDown?.(e);
        }}
      />
      {selects.map((select) => (
        <Select<(string | number)[]>
          key={select.key}
          className="zd-filter-select"
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          showSearch={{ optionFilterProp: 'label' }}
          popupMatchSelectWidth={false}
          aria-label={SELECT_TEXT[select.key].label}
          placeholder={SELECT_TEXT[select.key].placeholder}
          options={select.options}
          value={[...select.value]}
          onChange={select.onChange}
          notFoundContent={select.empty}
        />
      ))}
      {children}
      {filtered && onClear && (
        <Button size="small" type="link" onClick={onClear}>
          清除筛选
        </Button>
      )}
      {trailing}
    </div>
  );
}

import { Button, DatePicker, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { AuditKind } from '../../../db/model/audit-kinds';
import { useApi } from '../../hooks/use-api';
import type { HistoryFilters } from '../../links/history-query';
import { KIND_OPTIONS } from './history-text';

interface HistoryFilterBarProps {
  filters: HistoryFilters;
  operators: string[];
  canClear: boolean;
  onChange(patch: Partial<HistoryFilters>): void;
  onClear(): void;
}

const toDay = (iso: string | null): Dayjs | null => (iso ? dayjs(iso) : null);
const toIso = (day: Dayjs | null | undefined): string | null => (day ? day.format('YYYY-MM-DD') : null);

// ranges in the computer's own days, the same clock the log's times are written with
const DATE_PRESETS = [
  { label: '今天', value: () => [dayjs().startOf('day'), dayjs().endOf('day')] as [Dayjs, Dayjs] },
  { label: '近7天', value: () => [dayjs().subtract(6, 'day'), dayjs()] as [Dayjs, Dayjs] },
  { label: '本月', value: () => [dayjs().startOf('month'), dayjs()] as [Dayjs, Dayjs] },
  { label: '近三个月', value: () => [dayjs().subtract(3, 'month'), dayjs()] as [Dayjs, Dayjs] },
];

/** 项目, 操作人, 日期 and 类别 above the log. */
export function HistoryFilterBar({ filters, operators, canClear, onChange, onClear }: HistoryFilterBarProps) {
  const projects = useApi('projects.list', {});
  const projectOptions = (projects.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }));
  const operatorOptions = (
    filters.operator && !operators.includes(filters.operator) ? [filters.operator, ...operators] : operators
  ).map((name) => ({ value: name, label: name }));
  return (
    <div className="hist-filters" role="search" aria-label="筛选变更记录">
      <div className="hist-filter">
        <span className="zd-muted zd-nowrap">项目</span>
        <Select<number>
          className="hist-filter-project"
          aria-label="项目"
          placeholder="全部项目（可输入编号或名称）"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={projects.loading}
          value={filters.projectId ?? undefined}
          options={projectOptions}
          onChange={(projectId) => onChange({ projectId: projectId ?? null })}
          popupMatchSelectWidth={false}
          notFoundContent={projects.loading ? '正在读取项目…' : '没有这个项目'}
        />
      </div>
      <div className="hist-filter">
        <span className="zd-muted zd-nowrap">操作人</span>
        <Select<string>
          className="hist-filter-operator"
          aria-label="操作人"
          placeholder="全部"
          allowClear
          value={filters.operator ?? undefined}
          options={operatorOptions}
          onChange={(operator) => onChange({ operator: operator ?? null })}
          popupMatchSelectWidth={false}
        />
      </div>
      <div className="hist-filter">
        <span className="zd-muted zd-nowrap">日期</span>
        <DatePicker.RangePicker
          className="hist-filter-dates"
          aria-label="日期"
          placeholder={['开始日期', '结束日期']}
          allowEmpty={[true, true]}
          presets={DATE_PRESETS}
          value={[toDay(filters.from), toDay(filters.to)]}
          onChange={(days) => onChange({ from: toIso(days?.[0]), to: toIso(days?.[1]) })}
        />
      </div>
      <div className="hist-filter">
        <span className="zd-muted zd-nowrap">类别</span>
        <Select<AuditKind>
          className="hist-filter-kind"
          aria-label="类别"
          placeholder="全部类别"
          allowClear
          value={filters.kind ?? undefined}
          options={KIND_OPTIONS}
          onChange={(kind) => onChange({ kind: kind ?? null })}
          popupMatchSelectWidth={false}
        />
      </div>
      {canClear && (
        <Button size="small" type="link" onClick={onClear}>
          清除筛选
        </Button>
      )}
    </div>
  );
}

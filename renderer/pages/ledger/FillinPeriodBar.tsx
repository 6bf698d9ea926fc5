import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Radio, Select, Flex } from 'antd';
import { shiftWeek, type DispatchWeek } from '../../../db/model/weeks';
import { latestWeek, PERIOD_KIND_LABELS, weekOptions, type PeriodKind, type WeekOption } from './fillin-period';

interface FillinPeriodBarProps {
  kind: PeriodKind;
  week: string;
  month: number;
  planYear: number;
  currentWeek: DispatchWeek;
  /** the last month offered: the current one */
  lastMonth: number;
  disabled: boolean;
  onKind(kind: PeriodKind): void;
  onWeek(week: string): void;
  onMonth(month: number): void;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** 填报类型 and the week or month: the one period both generating and reading work on. */
export function FillinPeriodBar(props: FillinPeriodBarProps) {
  const { kind, week, month, planYear, currentWeek, lastMonth, disabled } = props;
  const nextAllowed = week < latestWeek(currentWeek).key;
  const weeks = weekOptions(currentWeek, week);
  const shown = (option: WeekOption | undefined) =>
    option && (
      <span className="fillin-week-option">
        <span>{option.label}</span>
        {option.hint && <span className="zd-hint">{option.hint}</span>}
      </span>
    );
  return (
    <div className="fillin-period">
      <Flex align="center" gap={8} role="group" aria-labelledby="fillin-kind-label">
        <span className="zd-muted" id="fillin-kind-label">
          填报类型
        </span>
        <Radio.Group
          name="fillin-kind"
          optionType="button"
          size="small"
          value={kind}
          disabled={disabled}
          onChange={(e) => props.onKind(e.target.value as PeriodKind)}
          options={(['week', 'month'] as const).map((k) => ({ value: k, label: PERIOD_KIND_LABELS[k] }))}
        />
      </Flex>
      {kind === 'week' ? (
        <Flex align="center" gap={8} role="group" aria-labelledby="fillin-week-label">
          <span className="zd-muted" id="fillin-week-label">
            调度周
          </span>
          <Button
            size="small"
            icon={<LeftOutlined />}
            disabled={disabled}
            onClick={() => props.onWeek(shiftWeek(week, -1).key)}
          >
            上一周
          </Button>
          <Select
            size="small"
            style={{ width: 300 }}
            aria-label="选择调度周"
            value={week}
            disabled={disabled}
            onChange={props.onWeek}
            options={weeks}
            optionRender={(option) => shown(weeks.find((w) => w.value === option.value))}
            labelRender={(selected) => shown(weeks.find((w) => w.value === selected.value))}
          />
          <Button size="small" disabled={disabled || !nextAllowed} onClick={() => props.onWeek(shiftWeek(week, 1).key)}>
            下一周
            <RightOutlined />
          </Button>
          {week !== currentWeek.key && (
            <Button size="small" type="link" disabled={disabled} onClick={() => props.onWeek(currentWeek.key)}>
              回到本周
            </Button>
          )}
        </Flex>
      ) : (
        <Flex align="center" gap={8} role="group" aria-labelledby="fillin-month-label">
          <span className="zd-muted" id="fillin-month-label">
            月份
          </span>
          <Select
            size="small"
            style={{ width: 128 }}
            aria-label="选择月份"
            value={month}
            disabled={disabled}
            onChange={props.onMonth}
            options={MONTHS.map((m) => ({
              value: m,
              label: `${planYear}年${m}月`,
              disabled: m > lastMonth,
            }))}
          />
          <span className="zd-hint">只能填报计划年度已开始的月份</span>
        </Flex>
      )}
    </div>
  );
}

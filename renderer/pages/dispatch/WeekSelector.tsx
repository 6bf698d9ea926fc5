import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, DatePicker, Tag, Flex } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { differenceInCalendarWeeks, parseISO } from 'date-fns';
import { shiftWeek, weekLabel, weekOf, type DispatchWeek } from '../../../db/model/weeks';

interface WeekSelectorProps {
  week: DispatchWeek;
  current: DispatchWeek;
  onChange(weekKey: string): void;
}

/** 本周 / 上周 / 3周前 / 下周: how far the shown week is from today's. */
function distanceLabel(week: DispatchWeek, current: DispatchWeek): string {
  const weeks = differenceInCalendarWeeks(parseISO(current.start), parseISO(week.start), { weekStartsOn: 1 });
  if (weeks === 0) return '本周';
  if (weeks === 1) return '上周';
  if (weeks === -1) return '下周';
  return weeks > 0 ? `${weeks}周前` : `${-weeks}周后`;
}

/**
 * The dispatch week every tab works on: back and forth a week at a time, any past week from the calendar,
 * and this week again in one click. Next week is open for clerks who prepare it early; later ones are not.
 */
export function WeekSelector({ week, current, onChange }: WeekSelectorProps) {
  const latest = shiftWeek(current.key, 1);
  const isCurrent = week.key === current.key;
  const pick = (date: Dayjs | null) => date && onChange(weekOf(date.format('YYYY-MM-DD')).key);
  return (
    <Flex align="center" gap={6} role="group" aria-label="调度周">
      <Button
        size="small"
        icon={<LeftOutlined />}
        onClick={() => onChange(shiftWeek(week.key, -1).key)}
        aria-label="上一周"
      >
        上一周
      </Button>
      <span className="dispatch-week-label zd-strong zd-num zd-nowrap" aria-live="polite">
        {weekLabel(week)}
      </span>
      <Tag className="dispatch-week-distance" color={isCurrent ? 'blue' : week.key > current.key ? 'gold' : 'default'}>
        {distanceLabel(week, current)}
      </Tag>
      <Button
        size="small"
        onClick={() => onChange(shiftWeek(week.key, 1).key)}
        disabled={week.key >= latest.key}
        aria-label="下一周"
      >
        下一周
        <RightOutlined />
      </Button>
      <DatePicker
        size="small"
        picker="week"
        className="dispatch-week-picker"
        aria-label="选择调度周"
        allowClear={false}
        value={dayjs(week.start)}
        format={(value: Dayjs) => `第${weekOf(value.format('YYYY-MM-DD')).week}周`}
        disabledDate={(date: Dayjs) => date.format('YYYY-MM-DD') > latest.end}
        onChange={pick}
      />
      <Button
        size="small"
        type={isCurrent ? 'default' : 'primary'}
        disabled={isCurrent}
        onClick={() => onChange(current.key)}
      >
        本周
      </Button>
    </Flex>
  );
}

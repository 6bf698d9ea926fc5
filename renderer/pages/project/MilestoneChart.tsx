import { addMonths, differenceInCalendarDays, format, parseISO, startOfMonth } from 'date-fns';
import { useLayoutEffect, useRef, useState } from 'react';
import type { Milestone } from '../../../db/model/milestones';
import { colors } from '../../ui/tokens';
import { milestoneStatus, type MilestoneState } from './milestone-status';

const NAME_WIDTH = 200;
const RIGHT_PAD = 16;
const AXIS_HEIGHT = 40;
const ROW_HEIGHT = 24;
const MIN_MONTHS = 4;
/** the narrowest room a month label needs, so labels never touch */
const LABEL_ROOM = 72;
const CHAR_WIDTH = 12;
const MONTH_LABEL_WIDTH = 66;

const COLORS: Record<MilestoneState, string> = {
  late: colors.red,
  due: colors.yellow,
  done: colors.brand,
  pending: colors.brand,
  unscheduled: colors.textFaint,
};

interface Axis {
  months: Date[];
  x(date: string): number;
  plotLeft: number;
  plotRight: number;
}

function axisOf(dates: string[], width: number): Axis {
  const sorted = [...dates].sort();
  const start = startOfMonth(parseISO(sorted[0]));
  let end = addMonths(startOfMonth(parseISO(sorted[sorted.length - 1])), 1);
  if (differenceInCalendarDays(end, start) < MIN_MONTHS * 30) end = addMonths(start, MIN_MONTHS);
  const months: Date[] = [];
  for (let m = start; m <= end; m = addMonths(m, 1)) months.push(m);
  const plotLeft = NAME_WIDTH + 12;
  const plotRight = Math.max(plotLeft + 200, width - RIGHT_PAD);
  const span = differenceInCalendarDays(end, start);
  return {
    months,
    plotLeft,
    plotRight,
    x: (date) => plotLeft + (differenceInCalendarDays(parseISO(date), start) / span) * (plotRight - plotLeft),
  };
}

/** Every month gets a grid line; labels every 1, 2, 3, 6 or 12 months, whichever leaves them room. */
function labelStep(axis: Axis): number {
  const perMonth = (axis.plotRight - axis.plotLeft) / Math.max(1, axis.months.length - 1);
  return [1, 2, 3, 6, 12].find((step) => step * perMonth >= LABEL_ROOM) ?? 12;
}

function shortName(name: string, room: number): string {
  const fits = Math.floor(room / CHAR_WIDTH);
  return name.length > fits ? `${name.slice(0, fits - 1)}…` : name;
}

function markerTitle(node: Milestone, statusLabel: string): string {
  const parts = [node.name, `计划 ${node.plannedDate ?? '未定'}`];
  if (node.actualDate) parts.push(`实际 ${node.actualDate}`);
  parts.push(statusLabel);
  if (node.unitName) parts.push(node.unitName);
  return parts.join('　');
}

/** The short text at the end of a row: how late, how soon, or when. */
function rowNote(node: Milestone, state: MilestoneState, statusLabel: string): string {
  if (state === 'late' || state === 'due') return statusLabel;
  if (state === 'done') return `${node.actualDate!.slice(5)} 完成`;
  return node.plannedDate ? node.plannedDate.slice(5) : '';
}

function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      if (element.clientWidth > 0) setWidth(element.clientWidth);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

interface Props {
  nodes: Milestone[];
  today: string;
  dueDays: number;
}

/** 挂图作战: each node on one time axis — planned (hollow) and actual (filled), today's line, late ones red. */
export function MilestoneChart({ nodes, today, dueDays }: Props) {
  // The wrapper is always there, so its width is known from the first node on.
  const [ref, width] = useWidth(960);
  return (
    <div ref={ref} className="mc-wrap">
      <Chart nodes={nodes} today={today} dueDays={dueDays} width={width} />
    </div>
  );
}

function Chart({ nodes, today, dueDays, width }: Props & { width: number }) {
  const dates = nodes.flatMap((n) => [n.plannedDate, n.actualDate]).filter((d): d is string => d !== null);
  if (!nodes.length) return <div className="pd-empty zd-faint">节点保存后在此按时间轴绘制。</div>;
  if (!dates.length) return <div className="pd-empty zd-faint">节点尚未排定计划日期。</div>;

  const axis = axisOf([...dates, today], width);
  const step = labelStep(axis);
  const height = AXIS_HEIGHT + nodes.length * ROW_HEIGHT + 6;
  const todayX = axis.x(today);
  const todayLabelX = Math.min(Math.max(todayX, axis.plotLeft + 40), axis.plotRight - 40);

  return (
    <>
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        className="mc-chart zd-small"
        role="img"
        aria-label={`挂图作战图，共${nodes.length}个节点`}
      >
        {nodes.map((_, i) =>
          i % 2 === 1 ? (
            <rect
              key={i}
              x={0}
              y={AXIS_HEIGHT + i * ROW_HEIGHT}
              width={width}
              height={ROW_HEIGHT}
              className="mc-stripe"
            />
          ) : null,
        )}
        <line x1={0} x2={width} y1={AXIS_HEIGHT - 0.5} y2={AXIS_HEIGHT - 0.5} className="mc-axis" />

        {axis.months.map((month, i) => {
          const x = axis.x(format(month, 'yyyy-MM-dd'));
          const labelled = i % step === 0 && x + MONTH_LABEL_WIDTH <= width;
          return (
            <g key={month.toISOString()}>
              <line
                x1={x}
                x2={x}
                y1={AXIS_HEIGHT - (labelled ? 24 : 6)}
                y2={height - 6}
                className={labelled ? 'mc-grid mc-grid-major' : 'mc-grid'}
              />
              {labelled && (
                <text x={x + 4} y={AXIS_HEIGHT - 10} className="mc-month">
                  {format(month, 'yyyy年M月')}
                </text>
              )}
            </g>
          );
        })}

        {nodes.map((node, i) => {
          const y = AXIS_HEIGHT + i * ROW_HEIGHT + ROW_HEIGHT / 2;
          const status = milestoneStatus(node, today, dueDays);
          const color = COLORS[status.state];
          const title = markerTitle(node, status.label);
          const planned = node.plannedDate ? axis.x(node.plannedDate) : null;
          const actual = node.actualDate ? axis.x(node.actualDate) : null;
          const drawn = [planned, actual, status.state === 'late' ? todayX : null].filter(
            (x): x is number => x !== null,
          );
          const note = rowNote(node, status.state, status.label);
          const right = drawn.length ? Math.max(...drawn) : axis.plotLeft;
          const noteOnLeft = right + 10 + note.length * 8 > width - 4;
          const noteX = noteOnLeft ? Math.min(...drawn) - 10 : right + 10;
          return (
            <g key={node.id} className={`mc-row mc-${status.state}`}>
              <title>{title}</title>
              <text x={8} y={y + 4} className="mc-name">
                <tspan className="mc-index">{i + 1}</tspan>
                <tspan dx={6}>{shortName(node.name, NAME_WIDTH - 32)}</tspan>
              </text>
              {planned !== null && actual !== null && node.plannedDate !== node.actualDate && (
                <line x1={planned} x2={actual} y1={y} y2={y} className="mc-slip" />
              )}
              {planned !== null && status.state === 'late' && (
                <line x1={planned} x2={todayX} y1={y} y2={y} className="mc-overdue" stroke={color} />
              )}
              {planned !== null && <circle cx={planned} cy={y} r={4.5} className="mc-planned" stroke={color} />}
              {actual !== null && <circle cx={actual} cy={y} r={4.5} className="mc-actual" fill={COLORS.done} />}
              {note && (
                <text x={noteX} y={y + 4} textAnchor={noteOnLeft ? 'end' : 'start'} className="mc-note">
                  {note}
                </text>
              )}
            </g>
          );
        })}

        <line x1={todayX} x2={todayX} y1={AXIS_HEIGHT - 20} y2={height - 2} className="mc-today" />
        <text x={todayLabelX} y={12} textAnchor="middle" className="mc-today-label">
          今天 {today}
        </text>
      </svg>
      <div className="mc-legend zd-small zd-muted" aria-hidden>
        <span>
          <svg width="12" height="12">
            <circle cx="6" cy="6" r="4.5" className="mc-planned" stroke={COLORS.pending} />
          </svg>
          计划日期
        </span>
        <span>
          <svg width="12" height="12">
            <circle cx="6" cy="6" r="4.5" fill={COLORS.done} />
          </svg>
          实际日期
        </span>
        <span className="zd-text-red">红色：逾期未完成</span>
        <span className="mc-legend-due">橙色：{dueDays}天内到期</span>
        <span className="mc-legend-today">红色虚线：今天</span>
      </div>
    </>
  );
}

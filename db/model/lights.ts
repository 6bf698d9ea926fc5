import { dayNumber, daysBetween } from './dates';
import { instructionLights, type OpenInstruction } from './instructions';
import { missingDataText, missingFieldsOf, showsWorkDone, type MissingField } from './missing-data';
import type { CurrentSuspension } from './list-membership';
import type { Stage } from './stages';

export type LightLevel = 'green' | 'yellow' | 'red';
export type LightKind =
  'start' | 'milestone' | 'approval' | 'investment' | 'statistics' | 'reporting' | 'problem' | 'data' | 'instruction';

export const LIGHT_LABELS: Record<LightLevel, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };
export const LIGHT_KIND_LABELS: Record<LightKind, string> = {
  start: '开工',
  milestone: '节点',
  approval: '手续',
  investment: '投资',
  statistics: '纳统',
  reporting: '报送',
  problem: '问题',
  data: '资料',
  instruction: '批示',
};

/** Offices differ, so every threshold is a setting; defaults follow DOMAIN.md. */
export interface LightThresholds {
  /** a 新开工 project this many days past its 计划开工日期 without starting turns red (yellow from day 1) */
  startRedDays: number;
  /** a milestone due within this many days is yellow (临期) */
  milestoneDueDays: number;
  /** 年度投资完成率 behind 时序进度 by at least this many points is yellow … */
  investmentYellowPoints: number;
  /** … and by more than this many points red */
  investmentRedPoints: number;
  /** started but not 纳统 after this many months: yellow … */
  statisticsYellowMonths: number;
  /** … after more than this many months: red */
  statisticsRedMonths: number;
  /** the weekday (1 = 周一 … 7 = 周日) by which each week's progress is due */
  reportDeadlineWeekday: number;
  /** an open problem due within this many days is yellow; past its deadline red (超期未办结) */
  problemDueDays: number;
  /** an open 领导批示 past its 办理时限 is yellow, and red once more than this many days past it */
  instructionRedDays: number;
}

export const DEFAULT_LIGHT_THRESHOLDS: LightThresholds = {
  startRedDays: 90,
  milestoneDueDays: 7,
  investmentYellowPoints: 10,
  investmentRedPoints: 30,
  statisticsYellowMonths: 1,
  statisticsRedMonths: 2,
  reportDeadlineWeekday: 5,
  problemDueDays: 7,
  instructionRedDays: 7,
};

export const WEEKDAY_LABELS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

export interface LightInput {
  stage: Stage;
  plannedStartDate: string | null;
  actualStartDate: string | null;
  actualCompletionDate: string | null;
  annualPlanYuan: number;
  investedBeforeYearYuan: number;
  yearCompletedYuan: number;
  inStatistics: boolean;
  /** the day the project entered the library: it owes no report for the week it was added in */
  enteredOn: string | null;
  /** open milestones only (no actual date), with a planned date */
  openMilestones: readonly { name: string; plannedDate: string }[];
  /** 前期手续 items still open (未启动/办理中) with a 计划办结: they light the project as nodes do */
  openApprovals?: readonly { name: string; plannedDate: string }[];
  /** whether this week's progress is in (a confirmed dispatch entry) */
  reportedThisWeek: boolean;
  /** problems not yet struck off (销号) that have a deadline */
  openProblems: readonly { code: string; deadline: string }[];
  /** 停建/缓建 (issue #17): such a project has no light, only its mark */
  suspension?: CurrentSuspension | null;
  /** open 领导批示 already past their 办理时限 (absent: none) */
  overdueInstructions?: readonly OpenInstruction[];
}

export interface Light {
  kind: LightKind;
  level: Exclude<LightLevel, 'green'>;
  reason: string;
}

export interface ProjectLights {
  light: LightLevel;
  lights: Light[];
  lightReasons: string[];
  /** 资料待补: what the stage needs and the record lacks */
  missingFields: MissingField[];
  /** 停建/缓建: shown instead of a light; `light` is then green but counted in no light (see countedLight) */
  suspended?: CurrentSuspension;
}

/** The light a count adds a project to: none for a 停建/缓建 project, which is listed but left out of the lights. */
export function countedLight(lit: Pick<ProjectLights, 'light' | 'suspended'>): LightLevel | null {
  return lit.suspended ? null : lit.light;
}

export interface LightContext {
  today: string;
  thresholds: LightThresholds;
  /** 时序进度 as a fraction of the year (0–1), the same for every project of the plan year */
  timeProgress: number;
}

/** ISO weekday of an ISO date: 1 = Monday … 7 = Sunday (day 0, 1 January 1970, was a Thursday). */
function isoWeekday(iso: string): number {
  return ((dayNumber(iso) + 3) % 7) + 1;
}

function startLight(p: LightInput, ctx: LightContext): Light | null {
  // money spent means it has started: the missing date is 资料待补, not a late start
  if (p.stage !== 'new_start' || p.actualStartDate || !p.plannedStartDate || showsWorkDone(p)) return null;
  const late = daysBetween(p.plannedStartDate, ctx.today);
  if (late <= 0) return null;
  const level = late > ctx.thresholds.startRedDays ? 'red' : 'yellow';
  return { kind: 'start', level, reason: `计划开工日期已过${late}天仍未开工` };
}

/** Beyond this many nodes of one level, the rest are counted in one line: a leader reads three, not thirty. */
const NODES_NAMED = 3;

/**
 * Late and due-soon dated items (节点, or 前期手续 items, which a clerk reads the same way): red “环评批复 逾期12天”,
 * yellow “施工许可 3天后到期”, with the same threshold; `noun` counts the ones not named (另有2个节点逾期).
 */
function dueLights(
  items: readonly { name: string; plannedDate: string }[],
  kind: 'milestone' | 'approval',
  noun: string,
  p: LightInput,
  ctx: LightContext,
): Light[] {
  if (p.stage === 'completed' || !items.length) return [];
  const today = dayNumber(ctx.today);
  const late: { name: string; days: number }[] = [];
  const due: { name: string; days: number }[] = [];
  for (const node of items) {
    const left = dayNumber(node.plannedDate) - today;
    if (left < 0) late.push({ name: node.name, days: -left });
    else if (left <= ctx.thresholds.milestoneDueDays) due.push({ name: node.name, days: left });
  }
  late.sort((a, b) => b.days - a.days);
  due.sort((a, b) => a.days - b.days);
  const lights: Light[] = late
    .slice(0, NODES_NAMED)
    .map((n) => ({ kind, level: 'red', reason: `${n.name} 逾期${n.days}天` }));
  if (late.length > NODES_NAMED) {
    lights.push({ kind, level: 'red', reason: `另有${late.length - NODES_NAMED}个${noun}逾期` });
  }
  for (const n of due.slice(0, NODES_NAMED)) {
    const when = n.days === 0 ? '今天到期' : `${n.days}天后到期`;
    lights.push({ kind, level: 'yellow', reason: `${n.name} ${when}` });
  }
  if (due.length > NODES_NAMED) {
    lights.push({ kind, level: 'yellow', reason: `另有${due.length - NODES_NAMED}个${noun}临期` });
  }
  return lights;
}

const milestoneLights = (p: LightInput, ctx: LightContext) => dueLights(p.openMilestones, 'milestone', '节点', p, ctx);
const approvalLights = (p: LightInput, ctx: LightContext) =>
  dueLights(p.openApprovals ?? [], 'approval', '手续', p, ctx);

/** Points behind, unrounded: 30.01 is past a 30-point threshold. Only float noise (…0000004) is taken off. */
export function pointsBehind(timeProgress: number, completedYuan: number, planYuan: number): number {
  return Math.round((timeProgress - completedYuan / planYuan) * 100 * 1e6) / 1e6;
}

/** 18, 30.01: points as a leader reads them. Rounded up, so a red past 30 never reads “30”. */
export function pointsText(points: number): string {
  return String(Math.ceil(points * 100 - 1e-6) / 100);
}

function investmentLight(p: LightInput, ctx: LightContext): Light | null {
  const running = p.stage === 'continuing' || (p.stage === 'new_start' && p.actualStartDate);
  if (!running || p.annualPlanYuan <= 0 || ctx.timeProgress <= 0) return null;
  const gap = pointsBehind(ctx.timeProgress, p.yearCompletedYuan, p.annualPlanYuan);
  if (gap < ctx.thresholds.investmentYellowPoints) return null;
  const level = gap > ctx.thresholds.investmentRedPoints ? 'red' : 'yellow';
  return { kind: 'investment', level, reason: `投资完成率落后序时进度${pointsText(gap)}个百分点` };
}

/** The day number of the same day `months` later (the 31st becomes the month's last day, as date-fns does). */
function addMonthsDay(iso: string, months: number): number {
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(Number(iso.slice(8, 10)), lastDay)) / 86_400_000;
}

function statisticsLight(p: LightInput, ctx: LightContext): Light | null {
  if (p.inStatistics || !p.actualStartDate || p.stage === 'completed') return null;
  const today = dayNumber(ctx.today);
  const { statisticsYellowMonths: yellow, statisticsRedMonths: red } = ctx.thresholds;
  if (today > addMonthsDay(p.actualStartDate, red)) {
    return { kind: 'statistics', level: 'red', reason: `开工已超${red}个月未纳统` };
  }
  if (today >= addMonthsDay(p.actualStartDate, yellow)) {
    return { kind: 'statistics', level: 'yellow', reason: `开工已满${yellow}个月未纳统` };
  }
  return null;
}

function reportingLight(p: LightInput, ctx: LightContext): Light | null {
  if (p.stage === 'completed' || p.reportedThisWeek) return null;
  const deadline = ctx.thresholds.reportDeadlineWeekday;
  const weekday = isoWeekday(ctx.today);
  if (weekday <= deadline) return null;
  const monday = dayNumber(ctx.today) - (weekday - 1);
  if (p.enteredOn && dayNumber(p.enteredOn) >= monday && p.enteredOn <= ctx.today) return null;
  return { kind: 'reporting', level: 'yellow', reason: `本周进展未报送（每${WEEKDAY_LABELS[deadline]}截止）` };
}

function problemLights(p: LightInput, ctx: LightContext): Light[] {
  const today = dayNumber(ctx.today);
  const lights: Light[] = [];
  for (const problem of p.openProblems) {
    const left = dayNumber(problem.deadline) - today;
    if (left < 0) {
      lights.push({ kind: 'problem', level: 'red', reason: `问题${problem.code}超期${-left}天未办结` });
    } else if (left <= ctx.thresholds.problemDueDays) {
      const when = left === 0 ? '今天到期' : `${left}天后到期`;
      lights.push({ kind: 'problem', level: 'yellow', reason: `问题${problem.code} ${when}` });
    }
  }
  return lights;
}

/** 资料待补 is yellow at most, and says what to fill in. */
function dataLight(missing: readonly MissingField[]): Light | null {
  return missing.length ? { kind: 'data', level: 'yellow', reason: missingDataText(missing) } : null;
}

/** A project's lights now: each with its reason; the project's level is the worst of them. */
export function computeLights(p: LightInput, ctx: LightContext, extra: readonly Light[] = []): ProjectLights {
  const missingFields = missingFieldsOf(p);
  if (p.suspension) return { light: 'green', lights: [], lightReasons: [], missingFields, suspended: p.suspension };
  const lights = [
    startLight(p, ctx),
    ...milestoneLights(p, ctx),
    ...approvalLights(p, ctx),
    investmentLight(p, ctx),
    statisticsLight(p, ctx),
    reportingLight(p, ctx),
    ...problemLights(p, ctx),
    dataLight(missingFields),
    ...instructionLights(p.overdueInstructions ?? [], ctx.today, ctx.thresholds.instructionRedDays),
    ...extra,
  ].filter((l): l is Light => l !== null);
  lights.sort((a, b) => (a.level === b.level ? 0 : a.level === 'red' ? -1 : 1));
  const light: LightLevel = lights.some((l) => l.level === 'red') ? 'red' : lights.length ? 'yellow' : 'green';
  return { light, lights, lightReasons: lights.map((l) => l.reason), missingFields };
}

/**
 * The demo dataset (示例数据): about 120 example projects over all chains, parks and stages of the plan,
 * dated around the plan year of `today`, so a newcomer sees a working office on first start.
 * Pure: no Node, no database; the caller inserts the rows. Same (ref, today) gives the same projects.
 * Anchor companies come from the plan (chains.json); 招商 companies and brands are invented, and no
 * person is named anywhere: 链长, 责任人 and 联系人 are posts.
 */
import { addDays, addMonths, differenceInCalendarDays, format, getMonth, getYear, parseISO } from 'date-fns';
import type { ProjectFields } from '../model/project';
import type { Stage } from '../model/stages';
import { DEMO_CATALOG, DEMO_TOWNSHIPS, fallbackTemplates, PARK_KEYWORDS, type ProjectTemplate } from './demo-catalog';
import { demoMilestones } from './demo-activity';
import { demoAttraction } from './demo-attraction';
import { progressAsOf } from './demo-progress';
import { createRandom, hashSeed, type Random } from './demo-random';

export interface DemoReference {
  chains: { id: number; code: string; name: string; anchorCompanies: string[] }[];
  parks: { id: number; name: string; area: string; focus: string | null }[];
  /** Already contains DEMO_UNITS. */
  units: { id: number; name: string }[];
  /** the lists of key projects, in their order (省重点, 湘潭市重点, 市本级重点…) */
  levels: { id: number; name: string }[];
  townships: { id: number; name: string }[];
  /** the 包挂领导 list (DEMO_CONTACT_LEADERS once loaded); absent or empty: no project has one */
  contactLeaders?: { id: number; name: string }[];
}

/** A project as the clerk would type it (no 项目编号: the loader numbers it), with its monthly figures. */
export type DemoProject = Omit<ProjectFields, 'code'> & {
  /** This plan year's 完成投资 per month, for the months already reported. */
  monthly: { month: number; amountYuan: number }[];
};

// ---------------------------------------------------------------------------------------------
// Reference: units and chain leads
// ---------------------------------------------------------------------------------------------

export const DEMO_UNITS: string[] = [
  '市发展和改革局',
  '市工业和信息化局',
  '市自然资源局',
  '市住房和城乡建设局',
  '市生态环境局',
  '湘乡经济开发区管委会',
  '市商务局',
  '市招商服务中心',
  '市科学技术局',
  '市交通运输局',
  '市卫生健康局',
  '市文化旅游广电体育局',
  '金石镇人民政府',
  '棋梓镇人民政府',
  '虞唐镇人民政府',
  '东郊镇人民政府',
];

const CHAIN_LEAD_UNITS: Record<string, string> = {
  DQ: '湘乡经济开发区管委会',
  DZ: '市工业和信息化局',
  YL: '市科学技术局',
  JC: '市住房和城乡建设局',
  XH: '市生态环境局',
  PG: '市商务局',
  ZZ: '市工业和信息化局',
  HG: '市发展和改革局',
  SZ: '市文化旅游广电体育局',
  WR: '市招商服务中心',
  KY: '市卫生健康局',
};

/** The plan names no chain lead, so the demo uses a title in their place (chains.json note). */
export function demoChainLead(chainCode: string, chainName: string): { chainLead: string; leadUnitName: string } {
  return {
    chainLead: `市领导（${chainName}链长）`,
    leadUnitName: CHAIN_LEAD_UNITS[chainCode] ?? '市发展和改革局',
  };
}

// ---------------------------------------------------------------------------------------------
// Wording pools: what a project office writes in the 责任人 and 联系人 columns (形象进度: demo-progress.ts)
// ---------------------------------------------------------------------------------------------

const UNIT_SHORT_NAMES: Record<string, string> = {
  市发展和改革局: '市发改局',
  市工业和信息化局: '市工信局',
  市住房和城乡建设局: '市住建局',
  市科学技术局: '市科技局',
  市卫生健康局: '市卫健局',
  市文化旅游广电体育局: '市文旅广体局',
};

/** 责任人 is filled with the post that answers for the project, never with an invented name. */
function postsOfUnit(unitName: string): string[] {
  if (unitName === '湘乡经济开发区管委会') {
    return ['开发区管委会副主任', '开发区党工委委员', '开发区项目建设部部长'];
  }
  const town = /^(.+镇)人民政府$/.exec(unitName);
  if (town) return [`${town[1]}镇长`, `${town[1]}党委副书记`, `${town[1]}副镇长`];
  const short = UNIT_SHORT_NAMES[unitName] ?? unitName;
  if (unitName.endsWith('局')) return [`${short}副局长`, `${short}局长`];
  if (unitName.endsWith('中心')) return [`${short}主任`, `${short}副主任`];
  return [`${short}负责人`];
}

const OWNER_POSTS = ['建设单位总经理', '建设单位项目负责人'];
const CONTACT_POSTS = ['项目专干', '建设单位项目部经理', '建设单位办公室主任', '项目办联络员', '企业服务专员'];

// ---------------------------------------------------------------------------------------------
// Dates and money
// ---------------------------------------------------------------------------------------------

const YUAN_PER_WAN = 10_000;
const MIN_TOTAL_WAN = 3_000;
const MAX_TOTAL_WAN = 600_000;

const iso = (date: Date): string => format(date, 'yyyy-MM-dd');
const dayOf = (year: number, month: number, day: number): Date => new Date(year, month - 1, day);
const earlier = (a: Date, b: Date): Date => (a <= b ? a : b);
const later = (a: Date, b: Date): Date => (a >= b ? a : b);

function randomDay(rng: Random, from: Date, to: Date): Date {
  const span = differenceInCalendarDays(to, from);
  return span <= 0 ? from : addDays(from, rng.int(0, span));
}

function roundTotalWan(wan: number): number {
  const step = wan >= 100_000 ? 1_000 : wan >= 10_000 ? 500 : 100;
  return Math.min(MAX_TOTAL_WAN, Math.max(MIN_TOTAL_WAN, Math.round(wan / step) * step));
}

/** 本年计划投资: whole 万元, 10万 steps for larger figures, never above what is left. */
function planYuan(desiredWan: number, remainingYuan: number): number {
  const wan = Math.min(desiredWan, Math.floor(remainingYuan / YUAN_PER_WAN));
  const rounded = wan >= 1_000 ? Math.floor(wan / 10) * 10 : Math.floor(wan);
  return Math.max(0, rounded) * YUAN_PER_WAN;
}

/** 截至上年底累计完成: a share of the total, in 百元 steps (0.01 万元). */
function shareYuan(totalYuan: number, share: number): number {
  return Math.floor((totalYuan / 100) * share) * 100;
}

/** Splits an amount over months in 百元 steps; February is light (春节). */
function spreadOverMonths(rng: Random, amountYuan: number, months: number[]): DemoProject['monthly'] {
  const hundreds = Math.floor(amountYuan / 100);
  const weights = months.map((month) => rng.between(0.6, 1.4) * (month === 2 ? 0.5 : 1));
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  let left = hundreds;
  return months.map((month, index) => {
    const part = index === months.length - 1 ? left : Math.floor((hundreds * weights[index]) / weightSum);
    left -= part;
    return { month, amountYuan: part * 100 };
  });
}

const range = (from: number, to: number): number[] =>
  to < from ? [] : Array.from({ length: to - from + 1 }, (_, index) => from + index);

// ---------------------------------------------------------------------------------------------
// Building the projects
// ---------------------------------------------------------------------------------------------

const STAGE_ORDER: Stage[] = ['reserve', 'preliminary', 'new_start', 'continuing', 'completed'];
/** Shares of a typical county list: 储备 15, 前期 25, 新开工 35, 续建 35, 竣工 10 (per 120). */
const STAGE_SHARES: Record<Stage, number> = {
  reserve: 15,
  preliminary: 25,
  new_start: 35,
  continuing: 35,
  completed: 10,
};

/** How a 新开工 project stands today: started, not started (late or >90 days late), or due later. */
type StartKind = 'started' | 'late' | 'overdue' | 'upcoming';

function stageCounts(total: number): Record<Stage, number> {
  const shareSum = STAGE_ORDER.reduce((sum, stage) => sum + STAGE_SHARES[stage], 0);
  const exact = STAGE_ORDER.map((stage) => (total * STAGE_SHARES[stage]) / shareSum);
  const counts = exact.map(Math.floor);
  const byRemainder = STAGE_ORDER.map((_, index) => index).sort(
    (a, b) => exact[b] - Math.floor(exact[b]) - (exact[a] - Math.floor(exact[a])) || a - b,
  );
  let missing = total - counts.reduce((sum, count) => sum + count, 0);
  for (const index of byRemainder) {
    if (missing <= 0) break;
    counts[index] += 1;
    missing -= 1;
  }
  return Object.fromEntries(STAGE_ORDER.map((stage, index) => [stage, counts[index]])) as Record<Stage, number>;
}

interface Context {
  ref: DemoReference;
  rng: Random;
  today: Date;
  year: number;
  yearStart: Date;
  yearEnd: Date;
  /** Months with figures this year (“1—N月”): the months before today's. */
  monthsReported: number;
  unitIdByName: Map<string, number>;
}

interface Slot {
  template: ProjectTemplate;
  chain: DemoReference['chains'][number];
}

interface Schedule {
  plannedStart: Date | null;
  actualStart: Date | null;
  plannedCompletion: Date | null;
  actualCompletion: Date | null;
  startYear: number;
  endYear: number;
}

function resolvePlace(
  ctx: Context,
  place: string,
): { parkId: number | null; location: string; park: DemoReference['parks'][number] | null } {
  if ((PARK_KEYWORDS as readonly string[]).includes(place)) {
    const park = ctx.ref.parks.find((candidate) => candidate.name.includes(place));
    if (park) return { parkId: park.id, location: park.name, park };
    const town = DEMO_TOWNSHIPS.find((name) => name.startsWith(place)) ?? '泉塘镇';
    return { parkId: null, location: town, park: null };
  }
  return { parkId: null, location: place, park: null };
}

/** The 乡镇 a place lies in: the township it names, or the one a park takes its name from (金石工业园 → 金石镇). */
function townshipOf(ctx: Context, park: DemoReference['parks'][number] | null, location: string): number | null {
  const prefix = park ? park.name.slice(0, 2) : null;
  const township = ctx.ref.townships.find((t) => t.name === location || (prefix !== null && t.name.startsWith(prefix)));
  return township?.id ?? null;
}

/**
 * The lists a project is on, by its size, without drawing from the random stream (the rest of the example
 * stays as it was): every project past 储备 on the city's own list, the larger on 湘潭市's and the largest on
 * the province's, which is how the lists nest in practice.
 */
function levelsOf(ctx: Context, stage: Stage, totalInvestmentYuan: number): number[] {
  const [province, prefecture, city] = ctx.ref.levels;
  const ids: number[] = [];
  if (province && totalInvestmentYuan >= 1_000_000_000) ids.push(province.id);
  if (prefecture && totalInvestmentYuan >= 300_000_000) ids.push(prefecture.id);
  if (city && stage !== 'reserve') ids.push(city.id);
  return ids.sort((a, b) => a - b);
}

/**
 * The 包挂领导 the example office has assigned: placeholders with their posts, as the 链长 are (no person is
 * named). Each leader looks after the projects of a few chains, as offices assign them.
 */
export const DEMO_CONTACT_LEADERS: { name: string; title: string }[] = [
  { name: '市领导甲', title: '市委常委、常务副市长' },
  { name: '市领导乙', title: '副市长（分管工业）' },
  { name: '市领导丙', title: '副市长（分管城建交通）' },
  { name: '市领导丁', title: '市人大常委会副主任' },
];

/** A key project's 包挂领导 (one on a list of key projects), by its chain, without drawing from the random stream. */
function contactLeaderOf(ctx: Context, chainId: number, levelIds: readonly number[]): number | null {
  const leaders = ctx.ref.contactLeaders ?? [];
  if (!leaders.length || !levelIds.length) return null;
  const chainIndex = Math.max(
    0,
    ctx.ref.chains.findIndex((c) => c.id === chainId),
  );
  return leaders[chainIndex % leaders.length].id;
}

function placeUnitName(park: DemoReference['parks'][number] | null, location: string): string {
  if (park) {
    if (park.area === '一核心' || park.name.includes('经济开发区')) return '湘乡经济开发区管委会';
    return `${park.name.slice(0, 2)}镇人民政府`;
  }
  return `${location}人民政府`;
}

function scheduleFor(ctx: Context, stage: Stage, kind: StartKind | null): Schedule {
  const { rng, today, year, yearStart, yearEnd } = ctx;
  const elapsed = differenceInCalendarDays(today, yearStart);
  const completionAfter = (start: Date, fromMonths: number, toMonths: number): Date =>
    randomDay(rng, addMonths(start, fromMonths), addMonths(start, toMonths));
  const earlierStart = (): Date =>
    rng.chance(0.55)
      ? randomDay(rng, dayOf(year - 1, 1, 10), dayOf(year - 1, 12, 20))
      : randomDay(rng, dayOf(year - 2, 3, 1), dayOf(year - 2, 12, 20));

  switch (stage) {
    case 'reserve': {
      const startYear = year + 1;
      return {
        plannedStart: null,
        actualStart: null,
        plannedCompletion: null,
        actualCompletion: null,
        startYear,
        endYear: startYear + rng.int(1, 2),
      };
    }
    case 'preliminary': {
      const daysLeft = differenceInCalendarDays(yearEnd, today);
      const plannedStart =
        daysLeft >= 30 && rng.chance(0.4)
          ? randomDay(rng, addDays(today, 20), yearEnd)
          : randomDay(rng, dayOf(year + 1, 2, 15), dayOf(year + 1, 10, 31));
      const plannedCompletion = completionAfter(plannedStart, 12, 30);
      return {
        plannedStart,
        actualStart: null,
        plannedCompletion,
        actualCompletion: null,
        startYear: getYear(plannedStart),
        endYear: getYear(plannedCompletion),
      };
    }
    case 'new_start': {
      let plannedStart: Date;
      let actualStart: Date | null = null;
      if (kind === 'overdue' || kind === 'late') {
        const [least, most] = kind === 'overdue' ? [95, 240] : [8, 80];
        const daysLate = Math.min(rng.int(least, most), elapsed);
        plannedStart = addDays(today, -daysLate);
      } else if (kind === 'upcoming') {
        plannedStart = randomDay(rng, earlier(addDays(today, 5), yearEnd), yearEnd);
      } else {
        plannedStart = randomDay(rng, yearStart, later(yearStart, addDays(today, -3)));
        const offset = addDays(plannedStart, rng.int(-5, 20));
        actualStart = earlier(later(offset, yearStart), today);
      }
      const plannedCompletion = completionAfter(plannedStart, 10, 30);
      return {
        plannedStart,
        actualStart,
        plannedCompletion,
        actualCompletion: null,
        startYear: year,
        endYear: getYear(plannedCompletion),
      };
    }
    case 'continuing': {
      const actualStart = earlierStart();
      const plannedStart = addDays(actualStart, rng.int(-45, 10));
      const roll = rng.next();
      const endYear = roll < 0.35 ? year : roll < 0.8 ? year + 1 : year + 2;
      const plannedCompletion = randomDay(rng, dayOf(endYear, 3, 31), dayOf(endYear, 12, 31));
      return {
        plannedStart,
        actualStart,
        plannedCompletion,
        actualCompletion: null,
        startYear: getYear(actualStart),
        endYear,
      };
    }
    case 'completed': {
      const actualStart = earlierStart();
      const plannedStart = addDays(actualStart, rng.int(-30, 10));
      const actualCompletion = randomDay(rng, yearStart, today);
      const plannedCompletion = earlier(later(addDays(actualCompletion, rng.int(-50, 40)), yearStart), yearEnd);
      return {
        plannedStart,
        actualStart,
        plannedCompletion,
        actualCompletion,
        startYear: getYear(actualStart),
        endYear: year,
      };
    }
  }
}

interface Money {
  totalInvestmentYuan: number;
  investedBeforeYearYuan: number;
  annualPlanYuan: number;
}

function moneyFor(ctx: Context, template: ProjectTemplate, stage: Stage, schedule: Schedule): Money {
  const { rng, yearStart } = ctx;
  const totalWan = roundTotalWan(template.wan * rng.between(0.85, 1.2));
  const totalYuan = totalWan * YUAN_PER_WAN;
  let before = 0;
  let plan = 0;
  if (stage === 'preliminary' && schedule.startYear === ctx.year) {
    plan = planYuan(totalWan * rng.between(0.03, 0.08), totalYuan);
  } else if (stage === 'new_start') {
    plan = planYuan(totalWan * rng.between(0.18, 0.45), totalYuan);
  } else if (stage === 'continuing' && schedule.actualStart && schedule.plannedCompletion) {
    const duration = differenceInCalendarDays(schedule.plannedCompletion, schedule.actualStart);
    const done = differenceInCalendarDays(yearStart, schedule.actualStart) / duration;
    before = shareYuan(totalYuan, Math.min(0.8, Math.max(0.08, done * rng.between(0.8, 1.1))));
    const remainingWan = (totalYuan - before) / YUAN_PER_WAN;
    const daysLeft = Math.max(1, differenceInCalendarDays(schedule.plannedCompletion, yearStart));
    const thisYear =
      schedule.endYear === ctx.year
        ? rng.between(0.85, 1)
        : Math.min(0.9, Math.max(0.15, (365 / daysLeft) * rng.between(0.8, 1.1)));
    plan = planYuan(remainingWan * thisYear, totalYuan - before);
  } else if (stage === 'completed') {
    before = shareYuan(totalYuan, rng.between(0.55, 0.88));
    plan = planYuan(Number.POSITIVE_INFINITY, totalYuan - before);
  }
  return { totalInvestmentYuan: totalYuan, investedBeforeYearYuan: before, annualPlanYuan: plan };
}

function monthlyFor(
  ctx: Context,
  stage: Stage,
  schedule: Schedule,
  money: Money,
  lagging: boolean,
): DemoProject['monthly'] {
  const { rng, year, monthsReported } = ctx;
  if (!schedule.actualStart || money.annualPlanYuan === 0 || monthsReported === 0) return [];
  const firstMonth = getYear(schedule.actualStart) === year ? getMonth(schedule.actualStart) + 1 : 1;
  const lastMonth = schedule.actualCompletion
    ? Math.min(getMonth(schedule.actualCompletion) + 1, monthsReported)
    : monthsReported;
  const months = range(firstMonth, lastMonth);
  if (months.length === 0) return [];
  const timeShare = monthsReported / 12;
  const share =
    stage === 'completed'
      ? rng.between(0.9, 1)
      : lagging
        ? timeShare * rng.between(0.4, 0.82)
        : timeShare * rng.between(0.93, 1.12);
  const cap = Math.min(money.annualPlanYuan * 1.2, money.totalInvestmentYuan - money.investedBeforeYearYuan);
  return spreadOverMonths(rng, Math.min(money.annualPlanYuan * share, cap), months);
}

function signingFor(ctx: Context, template: ProjectTemplate, stage: Stage, schedule: Schedule): Date | null {
  const { rng, today, year } = ctx;
  if (!template.isInvestmentPromotion) return null;
  if (stage === 'reserve') {
    return rng.chance(0.5) ? randomDay(rng, later(dayOf(year, 1, 1), addDays(today, -240)), today) : null;
  }
  const anchorDate = schedule.actualStart ?? schedule.plannedStart ?? today;
  const latest = earlier(today, addDays(anchorDate, -rng.int(20, 90)));
  return randomDay(rng, addDays(latest, -rng.int(30, 300)), latest);
}

function unitsFor(
  ctx: Context,
  slot: Slot,
  stage: Stage,
  placeUnit: string,
): { leadUnitId: number | null; responsibleUnitIds: number[] } {
  const { rng, unitIdByName } = ctx;
  const { template, chain } = slot;
  const candidates: string[] = [];
  if (stage === 'reserve' || stage === 'preliminary') {
    candidates.push(rng.pick(['市自然资源局', '市发展和改革局', '市住房和城乡建设局']));
  }
  if (['HG', 'PG', 'XH'].includes(chain.code)) candidates.push('市生态环境局');
  if (template.isInvestmentPromotion) candidates.push(rng.pick(['市招商服务中心', '市商务局']));
  if (template.category === 'infrastructure') candidates.push('市住房和城乡建设局');
  if (template.category === 'livelihood') {
    candidates.push(chain.code === 'KY' ? '市卫生健康局' : '市住房和城乡建设局');
  }
  if (template.nature === 'upgrade') candidates.push('市工业和信息化局');
  const leadName = demoChainLead(chain.code, chain.name).leadUnitName;
  const names = [placeUnit, ...rng.shuffle(candidates)];
  const ids: number[] = [];
  for (const name of names) {
    const id = unitIdByName.get(name);
    if (id !== undefined && !ids.includes(id) && ids.length < 3) ids.push(id);
  }
  const leadUnitId = unitIdByName.get(leadName) ?? null;
  if (ids.length === 0) {
    const fallback = leadUnitId ?? ctx.ref.units[0]?.id;
    if (fallback !== undefined) ids.push(fallback);
  }
  return { leadUnitId, responsibleUnitIds: ids };
}

function buildProject(ctx: Context, slot: Slot, stage: Stage, kind: StartKind | null, lagging: boolean): DemoProject {
  const { rng, today } = ctx;
  const { template, chain } = slot;
  const schedule = scheduleFor(ctx, stage, kind);
  const started = schedule.actualStart !== null;
  const isLagging = lagging && started && stage !== 'completed';
  const money = moneyFor(ctx, template, stage, schedule);
  const monthly = monthlyFor(ctx, stage, schedule, money, isLagging);
  const place = resolvePlace(ctx, template.place);
  const placeUnit = placeUnitName(place.park, place.location);
  const units = unitsFor(ctx, slot, stage, placeUnit);
  const responsibleUnitName = ctx.ref.units.find((unit) => unit.id === units.responsibleUnitIds[0])?.name ?? placeUnit;
  const responsiblePerson =
    template.owner.endsWith('公司') && rng.chance(0.25)
      ? rng.pick(OWNER_POSTS)
      : rng.pick(postsOfUnit(responsibleUnitName));
  const signing = signingFor(ctx, template, stage, schedule);

  let inStatistics = false;
  if (schedule.actualStart) {
    const daysSinceStart = differenceInCalendarDays(today, schedule.actualStart);
    inStatistics = daysSinceStart >= 30 && (stage !== 'new_start' || rng.chance(0.88));
  }

  const notes: string[] = [];
  if (stage === 'new_start' && kind === 'overdue') notes.push('逾期未开工，列入周调度重点督办');
  if (isLagging) notes.push('投资完成进度滞后，需加快资金到位和施工组织');
  if (stage === 'reserve' && template.isInvestmentPromotion) {
    notes.push(signing ? '已签订投资框架协议' : '洽谈中');
  }
  const note = ['示例数据，非真实项目', ...notes].join('；');

  const optionalDate = (date: Date | null): string | null => (date ? iso(date) : null);
  const levelIds = levelsOf(ctx, stage, money.totalInvestmentYuan);
  const project: DemoProject = {
    name: template.name,
    category: template.category,
    isInvestmentPromotion: template.isInvestmentPromotion,
    levelIds,
    contactLeaderId: contactLeaderOf(ctx, chain.id, levelIds),
    chainId: chain.id,
    chainLeadOverride: null,
    leadUnitId: units.leadUnitId,
    responsibleUnitIds: units.responsibleUnitIds,
    responsiblePerson,
    contactPerson: rng.pick(CONTACT_POSTS),
    contactPhone: `0731-5600${String(rng.int(0, 9999)).padStart(4, '0')}`,
    owner: template.owner,
    location: place.location,
    parkId: place.parkId,
    townshipId: townshipOf(ctx, place.park, place.location),
    content: template.content,
    nature: template.nature,
    startYear: schedule.startYear,
    endYear: schedule.endYear,
    plannedStartDate: optionalDate(schedule.plannedStart),
    actualStartDate: optionalDate(schedule.actualStart),
    plannedCompletionDate: optionalDate(schedule.plannedCompletion),
    actualCompletionDate: optionalDate(schedule.actualCompletion),
    signingDate: optionalDate(signing),
    totalInvestmentYuan: money.totalInvestmentYuan,
    investedBeforeYearYuan: money.investedBeforeYearYuan,
    annualPlanYuan: money.annualPlanYuan,
    stage,
    progressText: '',
    inStatistics,
    note,
    monthly,
    registrationDate: null,
    productionDate: null,
    startWithinMonths: null,
    contractInvestmentYuan: 0,
    fundsInPlaceYuan: 0,
  };
  const asOf = iso(today);
  Object.assign(project, demoAttraction(project, asOf));
  project.progressText = progressAsOf(project, demoMilestones(project, asOf), asOf, isLagging);
  return project;
}

function collectSlots(ref: DemoReference): Slot[] {
  const slots: Slot[] = [];
  const names = new Set<string>();
  for (const chain of ref.chains) {
    const templates = DEMO_CATALOG[chain.code] ?? fallbackTemplates(chain.name, chain.anchorCompanies);
    for (const template of templates) {
      let name = template.name;
      for (let phase = 2; names.has(name); phase += 1) {
        name = template.name.replace(/(项目|工程)$/, `（${phase}期）$1`);
      }
      names.add(name);
      slots.push({ template: { ...template, name }, chain });
    }
  }
  return slots;
}

/** 招商 projects are more often still being negotiated, so they lead the 储备/前期 queue. */
function assignStages(rng: Random, slots: Slot[]): { slot: Slot; stage: Stage; kind: StartKind | null }[] {
  const counts = stageCounts(slots.length);
  const ordered = slots
    .map((slot) => ({ slot, key: rng.next() - (slot.template.isInvestmentPromotion ? 0.35 : 0) }))
    .sort((a, b) => a.key - b.key)
    .map((entry) => entry.slot);
  const early = counts.reserve + counts.preliminary;
  const rest = rng.shuffle(ordered.slice(early));
  const stages: Stage[] = [
    ...Array<Stage>(counts.reserve).fill('reserve'),
    ...Array<Stage>(counts.preliminary).fill('preliminary'),
    ...Array<Stage>(counts.new_start).fill('new_start'),
    ...Array<Stage>(counts.continuing).fill('continuing'),
    ...Array<Stage>(counts.completed).fill('completed'),
  ];
  const newStartKinds = newStartKindsFor(counts.new_start);
  let newStartIndex = 0;
  return [...ordered.slice(0, early), ...rest].map((slot, index) => {
    const stage = stages[index];
    const kind = stage === 'new_start' ? newStartKinds[newStartIndex++] : null;
    return { slot, stage, kind };
  });
}

/** Of 35 新开工: 3 more than 90 days late, 3 late, 2 due later this year, the rest started. */
function newStartKindsFor(count: number): StartKind[] {
  const overdue = Math.round((count * 3) / 35);
  const late = Math.round((count * 3) / 35);
  const upcoming = Math.round((count * 2) / 35);
  const kinds: StartKind[] = [
    ...Array<StartKind>(overdue).fill('overdue'),
    ...Array<StartKind>(late).fill('late'),
    ...Array<StartKind>(upcoming).fill('upcoming'),
  ];
  while (kinds.length < count) kinds.push('started');
  return kinds.slice(0, count);
}

/** Edge dates (1 January, 31 December) leave some kinds impossible; fall back to one that fits. */
function feasibleKind(ctx: Context, kind: StartKind | null): StartKind | null {
  const elapsed = differenceInCalendarDays(ctx.today, ctx.yearStart);
  const daysLeft = differenceInCalendarDays(ctx.yearEnd, ctx.today);
  if (kind === 'overdue' && elapsed <= 90) return elapsed >= 1 ? 'late' : 'upcoming';
  if (kind === 'late' && elapsed < 1) return 'upcoming';
  if (kind === 'upcoming' && daysLeft < 1) return 'late';
  return kind;
}

/** Every park shows at least one project, even when the office has added parks of its own. */
function coverAllParks(ctx: Context, projects: DemoProject[]): void {
  for (const park of ctx.ref.parks) {
    if (projects.some((project) => project.parkId === park.id)) continue;
    const perPark = new Map<number | null, number>();
    for (const project of projects) {
      perPark.set(project.parkId, (perPark.get(project.parkId) ?? 0) + 1);
    }
    const candidate =
      projects.find((project) => project.parkId === null && project.category === 'industry') ??
      projects.find((project) => project.parkId !== null && (perPark.get(project.parkId) ?? 0) > 2);
    if (candidate) {
      candidate.parkId = park.id;
      candidate.location = park.name;
    }
  }
}

export function buildDemoProjects(ref: DemoReference, today: string): DemoProject[] {
  const todayDate = parseISO(today);
  const year = getYear(todayDate);
  const rng = createRandom(
    hashSeed([year, ...ref.chains.map((chain) => chain.code), ...ref.parks.map((park) => park.name)].join('|')),
  );
  const ctx: Context = {
    ref,
    rng,
    today: todayDate,
    year,
    yearStart: dayOf(year, 1, 1),
    yearEnd: dayOf(year, 12, 31),
    monthsReported: getMonth(todayDate),
    unitIdByName: new Map(ref.units.map((unit) => [unit.name, unit.id])),
  };
  const chainOrder = new Map(ref.chains.map((chain, index) => [chain.id, index]));
  const projects = assignStages(rng, collectSlots(ref)).map(({ slot, stage, kind }) =>
    buildProject(ctx, slot, stage, feasibleKind(ctx, kind), rng.chance(0.22)),
  );
  coverAllParks(ctx, projects);
  return projects.sort(
    (a, b) =>
      (chainOrder.get(a.chainId) ?? 0) - (chainOrder.get(b.chainId) ?? 0) ||
      STAGE_ORDER.indexOf(b.stage) - STAGE_ORDER.indexOf(a.stage),
  );
}

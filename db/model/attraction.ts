import { UNASSIGNED_LEAD } from './overview';
import { groupBy } from './group-by';

// 招商 figures (issue #16, DOMAIN.md “Targets and statistics”), defined once for every screen and export.
//
// The year's cohort is the 招商引资 projects **signed in the year** (签约日期 in it): a funnel follows one set
// of projects down its steps, and the year a contract is signed is the year the office claims it. Each later
// step counts the cohort's projects that have reached it by today (its date filled), whenever that was.
//
// 履约率 = of the cohort's projects whose agreed time to start has run out (签约 + the agreed months, before
// today), those whose 实际开工 is on or before that day. A project still inside its agreed time has neither kept
// nor broken the agreement and is counted apart (`notYetDue`): one signed last week cannot have failed yet, and
// counting only its early start would flatter the rate.
//
// 到位率 = 到位资金 ÷ 合同投资 over the cohort; it may exceed 100% (an investor's 增资, see attraction-rules.ts).

export const DEFAULT_ATTRACTION_START_MONTHS = 6;

/** The office's agreed months from 签约 to 开工, as stored in settings (missing or damaged: the default). */
export function attractionStartMonthsOf(stored: string | null | undefined): number {
  const months = Number(stored);
  return Number.isInteger(months) && months >= 1 && months <= 120 ? months : DEFAULT_ATTRACTION_START_MONTHS;
}

/** One 招商引资 project signed in the year, as the statistics read it. */
export interface AttractionProject {
  chainId: number;
  /** the project's own 链长, else its chain's; '' when neither is set */
  chainLead: string;
  signingDate: string;
  registrationDate: string | null;
  actualStartDate: string | null;
  productionDate: string | null;
  /** the project's agreed months; null follows the office's setting */
  startWithinMonths: number | null;
  contractInvestmentYuan: number;
  fundsInPlaceYuan: number;
}

/** A rate with what it divides, so a reader can check it; `rate` is null when there is nothing to divide. */
export interface Rate {
  numerator: number;
  denominator: number;
  rate: number | null;
}

export interface AttractionFigures {
  /** 签约: the cohort */
  signed: number;
  registered: number;
  started: number;
  producing: number;
  contractInvestmentYuan: number;
  fundsInPlaceYuan: number;
  /** 到位率: 到位资金 ÷ 合同投资 */
  fundsRate: Rate;
  /** 履约率: started within the agreed time ÷ projects whose agreed time has run out */
  performanceRate: Rate;
  /** signed projects still inside their agreed time, in neither side of 履约率 */
  notYetDue: number;
}

export function rateOf(numerator: number, denominator: number): Rate {
  return { numerator, denominator, rate: denominator === 0 ? null : numerator / denominator };
}

const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * The last day a project may start on and still keep its agreement: 签约 plus the months, the day kept or, past
 * the end of a shorter month, its last day (as date-fns's addMonths counts). By arithmetic on the text: parsing
 * and adding through Date objects was half of what `stats.attraction` spent.
 */
export function startDeadline(signingDate: string, months: number): string {
  const monthIndex = Number(signingDate.slice(5, 7)) - 1 + months;
  const year = Number(signingDate.slice(0, 4)) + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(signingDate.slice(8, 10)), lastDay);
  return `${year}-${twoDigits(month)}-${twoDigits(day)}`;
}

/** A project with its deadline, worked out once however many groups count it. */
type Dated = AttractionProject & { deadline: string };

function withDeadlines(projects: readonly AttractionProject[], defaultMonths: number): Dated[] {
  return projects.map((p) => ({ ...p, deadline: startDeadline(p.signingDate, p.startWithinMonths ?? defaultMonths) }));
}

export function attractionFigures(
  projects: readonly AttractionProject[],
  defaultMonths: number,
  today: string,
): AttractionFigures {
  return figuresOf(withDeadlines(projects, defaultMonths), today);
}

function figuresOf(projects: readonly Dated[], today: string): AttractionFigures {
  let registered = 0;
  let started = 0;
  let producing = 0;
  let contract = 0;
  let funds = 0;
  let due = 0;
  let kept = 0;
  for (const p of projects) {
    if (p.registrationDate) registered += 1;
    if (p.actualStartDate) started += 1;
    if (p.productionDate) producing += 1;
    contract += p.contractInvestmentYuan;
    funds += p.fundsInPlaceYuan;
    if (p.deadline < today) {
      due += 1;
      if (p.actualStartDate && p.actualStartDate <= p.deadline) kept += 1;
    }
  }
  return {
    signed: projects.length,
    registered,
    started,
    producing,
    contractInvestmentYuan: contract,
    fundsInPlaceYuan: funds,
    fundsRate: rateOf(funds, contract),
    performanceRate: rateOf(kept, due),
    notYetDue: projects.length - due,
  };
}

export interface ChainAttraction extends AttractionFigures {
  chainId: number;
  chainName: string;
  chainLead: string;
}

export interface LeadAttraction extends AttractionFigures {
  chainLead: string;
}

export interface AttractionStats {
  year: number;
  today: string;
  /** the office's agreed months from 签约 to 开工, for projects that do not say their own */
  defaultStartMonths: number;
  total: AttractionFigures;
  /** every chain in use, in the office's chain order, with or without projects signed in the year */
  byChain: ChainAttraction[];
  /** each 链长 with projects signed in the year, most signed first */
  byLead: LeadAttraction[];
}

export interface AttractionChain {
  id: number;
  name: string;
  chainLead: string;
  retired: boolean;
}

export function attractionStats(input: {
  year: number;
  today: string;
  defaultStartMonths: number;
  projects: readonly AttractionProject[];
  chains: readonly AttractionChain[];
}): AttractionStats {
  const { year, today, defaultStartMonths, chains } = input;
  const projects = withDeadlines(input.projects, defaultStartMonths);
  const figures = (group: readonly Dated[]) => figuresOf(group, today);
  const byChainId = groupBy(projects, (p) => String(p.chainId));
  const byChain = chains
    .filter((c) => !c.retired || byChainId.has(String(c.id)))
    .map((c) => ({
      chainId: c.id,
      chainName: c.name,
      chainLead: c.chainLead || UNASSIGNED_LEAD,
      ...figures(byChainId.get(String(c.id)) ?? []),
    }));
  const byLead = [...groupBy(projects, (p) => p.chainLead || UNASSIGNED_LEAD)]
    .map(([chainLead, group]) => ({ chainLead, ...figures(group) }))
    .sort((a, b) => b.signed - a.signed || (a.chainLead < b.chainLead ? -1 : a.chainLead > b.chainLead ? 1 : 0));
  return { year, today, defaultStartMonths, total: figures(projects), byChain, byLead };
}

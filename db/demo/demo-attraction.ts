import { addDays, differenceInCalendarDays, differenceInCalendarMonths, format, parseISO } from 'date-fns';
import type { ProjectFields } from '../model/project';
import type { Stage } from '../model/stages';
import { createRandom, hashSeed, type Random } from './demo-random';

// 招商 figures for an example 招商引资 project: 注册 a few weeks after 签约 (before 开工), 投产 after 竣工 or a
// year into construction, 合同投资 near the total and 到位资金 growing with the stage. A generator of its own,
// seeded by the project, so the rest of the example office is drawn exactly as before.

type AttractionFields = Pick<
  ProjectFields,
  'registrationDate' | 'productionDate' | 'startWithinMonths' | 'contractInvestmentYuan' | 'fundsInPlaceYuan'
>;

type AttractionSource = Pick<
  ProjectFields,
  'name' | 'isInvestmentPromotion' | 'signingDate' | 'actualStartDate' | 'actualCompletionDate' | 'totalInvestmentYuan'
> & { stage: Stage };

const NONE: AttractionFields = {
  registrationDate: null,
  productionDate: null,
  startWithinMonths: null,
  contractInvestmentYuan: 0,
  fundsInPlaceYuan: 0,
};

/** the share of 合同投资 in place, by stage */
const FUNDS_SHARE: Record<Stage, [number, number]> = {
  reserve: [0, 0.1],
  preliminary: [0.05, 0.25],
  new_start: [0.2, 0.6],
  continuing: [0.5, 0.95],
  completed: [0.9, 1.05],
};

const WAN = 10_000;
const toWan = (yuan: number) => Math.round(yuan / WAN) * WAN;
const iso = (date: Date) => format(date, 'yyyy-MM-dd');

function dayBetween(rng: Random, from: string, to: string): string {
  const span = differenceInCalendarDays(parseISO(to), parseISO(from));
  return iso(addDays(parseISO(from), rng.int(0, Math.max(0, span))));
}

function registrationOf(rng: Random, p: AttractionSource, today: string): string | null {
  const signing = p.signingDate!;
  const latest = [today, p.actualStartDate].filter((d): d is string => d !== null).sort()[0];
  const wished = iso(addDays(parseISO(signing), rng.int(10, 60)));
  if (wished <= latest) return wished;
  return p.actualStartDate ? dayBetween(rng, signing, latest) : null;
}

/**
 * Big industrial projects often agree on more than the office's 6 months: most started ones kept an agreement
 * long enough for their start (a few did not), and some not yet started have a longer one too.
 */
function agreedMonthsOf(rng: Random, p: AttractionSource): number | null {
  if (!p.actualStartDate) return rng.chance(0.2) ? rng.pick([9, 12]) : null;
  const took = differenceInCalendarMonths(parseISO(p.actualStartDate), parseISO(p.signingDate!));
  if (took <= 6 || !rng.chance(0.75)) return null;
  return [9, 12, 18, 24].find((months) => months > took) ?? null;
}

function productionOf(rng: Random, p: AttractionSource, today: string): string | null {
  if (p.actualCompletionDate) {
    const day = iso(addDays(parseISO(p.actualCompletionDate), rng.int(0, 45)));
    return day <= today ? day : p.actualCompletionDate;
  }
  if (!p.actualStartDate || p.stage !== 'continuing' || !rng.chance(0.4)) return null;
  const day = iso(addDays(parseISO(p.actualStartDate), rng.int(300, 420)));
  return day <= today ? day : null;
}

export function demoAttraction(p: AttractionSource, today: string): AttractionFields {
  if (!p.isInvestmentPromotion || !p.signingDate) return NONE;
  const rng = createRandom(hashSeed(`招商:${p.name}:${p.signingDate}`));
  const contract = Math.max(WAN, toWan(p.totalInvestmentYuan * rng.between(0.7, 1)));
  const [low, high] = FUNDS_SHARE[p.stage];
  return {
    registrationDate: registrationOf(rng, p, today),
    productionDate: productionOf(rng, p, today),
    startWithinMonths: agreedMonthsOf(rng, p),
    contractInvestmentYuan: contract,
    fundsInPlaceYuan: toWan(contract * rng.between(low, high)),
  };
}

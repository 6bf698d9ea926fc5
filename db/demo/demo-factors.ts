import type { EnergyFactors, FundFigures, LandFactors } from '../model/factors';
import type { Category } from '../model/project';
import type { Stage } from '../model/stages';
import { createRandom, hashSeed } from './demo-random';

// 要素保障 for an example project: land and energy for most industrial projects not yet finished, the plan
// year's funds by source for most of those under way. Supply follows the stage (a 前期 project is still waiting
// for its land, a 续建 one has it), with some shortfalls among them for the shortfall lists. A generator of its
// own, seeded by the project's name, so the rest of the example office is drawn exactly as before.

interface FactorSource {
  name: string;
  stage: Stage;
  category: Category;
  totalInvestmentYuan: number;
  annualPlanYuan: number;
}

export interface DemoFactors {
  land: LandFactors;
  energy: EnergyFactors;
  funds: FundFigures[];
}

const WAN = 10_000;
/** 万元 with no finer part, as an office writes its figures */
const wan = (yuan: number) => Math.round(yuan / WAN) * WAN;
/** mu in hundredths, rounded to half a mu */
const mu = (value: number) => Math.round(value * 2) * 50;

/** null: the example keeps no 要素保障 for the project (a 储备 idea, a finished one, or simply not filled in). */
export function demoFactors(p: FactorSource): DemoFactors | null {
  if (p.stage === 'reserve' || p.stage === 'completed') return null;
  const rng = createRandom(hashSeed(`要素保障:${p.name}`));
  if (rng.chance(0.25)) return null;
  const industrial = p.category === 'industry';
  const early = p.stage === 'preliminary';

  // land: roughly one mu per 200万元 of investment, 15–400 mu
  const demand = mu(Math.min(400, Math.max(15, p.totalInvestmentYuan / (200 * WAN)) * rng.between(0.7, 1.3)));
  const suppliedShare = early
    ? rng.pick([0, 0, 0.3, 0.5])
    : p.stage === 'new_start'
      ? rng.pick([0.6, 0.8, 1, 1])
      : rng.chance(0.85)
        ? 1
        : 0.9;
  const supplied = suppliedShare === 0 ? null : mu((demand / 100) * suppliedShare);
  const land: LandFactors = {
    demandHundredths: demand,
    suppliedHundredths: supplied,
    status:
      (supplied ?? 0) >= demand
        ? 'supplied'
        : supplied !== null || !early
          ? 'approved'
          : rng.pick(['unapplied', 'applying', 'applying']),
  };

  // energy: industrial projects only, 300–8,000 吨标准煤
  const needed = industrial ? Math.round(rng.between(300, 8_000)) * 100 : null;
  const grantedShare = early ? rng.pick([0, 0.5, 1]) : rng.chance(0.8) ? 1 : 0.6;
  const energy: EnergyFactors = {
    neededHundredths: needed,
    grantedHundredths: needed === null ? null : Math.round((needed / 100) * grantedShare) * 100,
  };

  // funds: the year's plan split by source; what is in place grows with the stage, some sources lag
  const funds: FundFigures[] = [];
  const plan = p.annualPlanYuan;
  if (plan > 0 && !early) {
    const shares: [FundFigures['source'], number][] = industrial
      ? [
          ['self_raised', 0.55],
          ['bank_loan', 0.45],
        ]
      : [
          ['central', 0.2],
          ['special_bond', 0.5],
          ['bank_loan', 0.3],
        ];
    let left = plan;
    for (const [index, [source, share]] of shares.entries()) {
      const planned = index === shares.length - 1 ? left : wan(plan * share);
      left -= planned;
      const inPlaceShare = rng.chance(0.6) ? 1 : rng.pick([0.4, 0.6, 0.75]);
      funds.push({
        source,
        plannedYuan: planned,
        inPlaceYuan: inPlaceShare === 1 ? planned : wan(planned * inPlaceShare),
      });
    }
  }
  return { land, energy, funds };
}

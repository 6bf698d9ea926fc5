import { formatWan } from './money';
import type { ProblemCategory } from './problems';
import type { Stage } from './stages';

// 要素保障 (issue #17): a project's 用地, 资金 and 用能, and the shortfalls across projects (缺地项目, 资金未到位项目,
// 用能缺口) that the office chases and may raise as problems. Pure: the handlers read the rows and pass them in.
// Mu (亩) and tonnes of standard coal (吨标准煤) are integer hundredths, as money is integer yuan: 12.50亩 = 1250.

export const LAND_STATUSES = ['unapplied', 'applying', 'approved', 'supplied'] as const;
export type LandStatus = (typeof LAND_STATUSES)[number];
export const LAND_STATUS_LABELS: Record<LandStatus, string> = {
  unapplied: '未报批',
  applying: '报批中',
  approved: '已批复',
  supplied: '已供地',
};

export const FUND_SOURCES = ['central', 'special_bond', 'bank_loan', 'self_raised', 'other'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];
export const FUND_SOURCE_LABELS: Record<FundSource, string> = {
  central: '中央预算内',
  special_bond: '地方政府专项债券',
  bank_loan: '银行贷款',
  self_raised: '企业自筹',
  other: '其他',
};

export const SHORTFALL_KINDS = ['land', 'funds', 'energy'] as const;
export type ShortfallKind = (typeof SHORTFALL_KINDS)[number];
export const SHORTFALL_KIND_LABELS: Record<ShortfallKind, string> = {
  land: '缺地项目',
  funds: '资金未到位项目',
  energy: '用能缺口',
};

/** 10,000,000.00: far above any county's mu or tonnes, far below Number.MAX_SAFE_INTEGER. */
export const MAX_HUNDREDTHS = 1_000_000_000;

const thousands = new Intl.NumberFormat('en-US');

/** 1250 → "12.50"; null (not filled in) → "". */
export function formatHundredths(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const whole = Math.floor(value / 100);
  return `${thousands.format(whole)}.${String(value % 100).padStart(2, '0')}`;
}

export type ParsedHundredths = { ok: true; value: number | null } | { ok: false; message: string };

/** Reads what a clerk types in a 亩 or 吨标准煤 box: "1,234.5", "30", "" (empty = not filled in). */
export function parseHundredths(text: string, label: string): ParsedHundredths {
  const cleaned = text.replace(/[,，\s]/g, '');
  if (cleaned === '') return { ok: true, value: null };
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) {
    if (/^-/.test(cleaned)) return { ok: false, message: `${label}不能为负数` };
    if (/^\d+\.\d{3,}$/.test(cleaned)) return { ok: false, message: `${label}最多保留两位小数` };
    return { ok: false, message: `${label}应为数字` };
  }
  const [whole, fraction = ''] = cleaned.split('.');
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (value > MAX_HUNDREDTHS) return { ok: false, message: `${label}过大，请核对` };
  return { ok: true, value };
}

export interface LandFactors {
  /** 需求亩数 ×100; null: not filled in */
  demandHundredths: number | null;
  /** 已供亩数 ×100 */
  suppliedHundredths: number | null;
  status: LandStatus;
}

export interface EnergyFactors {
  /** 用能指标 needed, 吨标准煤 ×100 */
  neededHundredths: number | null;
  /** granted */
  grantedHundredths: number | null;
}

export interface FundFigures {
  source: FundSource;
  plannedYuan: number;
  inPlaceYuan: number;
}

/** A project's 要素保障 sheet for one year, as the project page shows and saves it. */
export interface FactorSheet {
  projectId: number;
  year: number;
  land: LandFactors;
  energy: EnergyFactors;
  /** the year's funds, every source in FUND_SOURCES order (zeros where nothing is recorded) */
  funds: FundFigures[];
  fundTotals: { plannedYuan: number; inPlaceYuan: number };
  /** years with any funds recorded, newest first */
  fundYears: number[];
  /** of the whole sheet; 0 before its first save */
  version: number;
}

export const EMPTY_LAND: LandFactors = { demandHundredths: null, suppliedHundredths: null, status: 'unapplied' };
export const EMPTY_ENERGY: EnergyFactors = { neededHundredths: null, grantedHundredths: null };

/** The year's funds as the sheet lists them: every source once, in order. */
export function fundsInOrder(rows: readonly FundFigures[]): FundFigures[] {
  return FUND_SOURCES.map(
    (source) => rows.find((r) => r.source === source) ?? { source, plannedYuan: 0, inPlaceYuan: 0 },
  );
}

// ---- 变更记录: a save's lines, under the project, with Chinese labels and values ----

/** The audit field of one figure: `factor:land.demand`, `factor:funds:2026:bank_loan.planned`. */
export type FactorField =
  | 'land.demand'
  | 'land.supplied'
  | 'land.status'
  | 'energy.needed'
  | 'energy.granted'
  | `funds:${number}:${FundSource}.${'planned' | 'inPlace'}`;

export const FACTOR_FIELD_PREFIX = 'factor:';

const FIXED_LABELS: Record<string, string> = {
  'land.demand': '用地·需求亩数',
  'land.supplied': '用地·已供亩数',
  'land.status': '用地·报批状态',
  'energy.needed': '用能·需求指标',
  'energy.granted': '用能·已批指标',
};

/** “2026年资金·银行贷款·到位” for `factor:funds:2026:bank_loan.inPlace`; null for a field not of 要素保障. */
export function factorFieldLabel(field: string): string | null {
  if (!field.startsWith(FACTOR_FIELD_PREFIX)) return null;
  const rest = field.slice(FACTOR_FIELD_PREFIX.length);
  if (FIXED_LABELS[rest]) return FIXED_LABELS[rest];
  const funds = /^funds:(\d{4}):(\w+)\.(planned|inPlace)$/.exec(rest);
  if (funds && (FUND_SOURCES as readonly string[]).includes(funds[2])) {
    const source = FUND_SOURCE_LABELS[funds[2] as FundSource];
    return `${funds[1]}年资金·${source}·${funds[3] === 'planned' ? '计划' : '到位'}`;
  }
  return null;
}

export const muText = (v: number | null) => (v === null ? null : `${formatHundredths(v)}亩`);
export const tceText = (v: number | null) => (v === null ? null : `${formatHundredths(v)}吨标准煤`);
export const wanText = (yuan: number) => `${formatWan(yuan)}万元`;

export interface FactorChange {
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

/** What a save changes, old → new in the words a clerk reads; nothing for figures left as they were. */
export function factorChanges(
  before: { land: LandFactors; energy: EnergyFactors; funds: readonly FundFigures[] },
  after: { land: LandFactors; energy: EnergyFactors; funds: readonly FundFigures[] },
  year: number,
): FactorChange[] {
  const changes: FactorChange[] = [];
  const add = (field: FactorField, oldValue: string | null, newValue: string | null) => {
    if (oldValue !== newValue) changes.push({ field: `${FACTOR_FIELD_PREFIX}${field}`, oldValue, newValue });
  };
  add('land.demand', muText(before.land.demandHundredths), muText(after.land.demandHundredths));
  add('land.supplied', muText(before.land.suppliedHundredths), muText(after.land.suppliedHundredths));
  add('land.status', LAND_STATUS_LABELS[before.land.status], LAND_STATUS_LABELS[after.land.status]);
  add('energy.needed', tceText(before.energy.neededHundredths), tceText(after.energy.neededHundredths));
  add('energy.granted', tceText(before.energy.grantedHundredths), tceText(after.energy.grantedHundredths));
  const was = fundsInOrder(before.funds);
  const now = fundsInOrder(after.funds);
  for (const [i, source] of FUND_SOURCES.entries()) {
    const money = (yuan: number) => (yuan ? wanText(yuan) : null);
    add(`funds:${year}:${source}.planned`, money(was[i].plannedYuan), money(now[i].plannedYuan));
    add(`funds:${year}:${source}.inPlace`, money(was[i].inPlaceYuan), money(now[i].inPlaceYuan));
  }
  return changes;
}

// ---- shortfalls across projects ----

/** A project as the shortfall lists name it. */
export interface FactorProject {
  projectId: number;
  code: string;
  name: string;
  stage: Stage;
  chainName: string;
  chainLead: string;
  leadUnitId: number | null;
  leadUnitName: string | null;
}

export interface StoredFactors {
  projectId: number;
  land: LandFactors;
  energy: EnergyFactors;
}

export interface StoredFunds extends FundFigures {
  projectId: number;
}

/** A problem raised from a shortfall and not yet struck off (销号). */
export interface RaisedProblem {
  projectId: number;
  id: number;
  code: string;
  source: string;
}

/** One source's shortfall of a project's funds for the year. */
export interface FundGap extends FundFigures {
  gapYuan: number;
}

export interface ShortfallRow extends FactorProject {
  /** 需求 (land, energy: hundredths) or the year's planned funds (yuan) */
  need: number;
  /** 已供 / 已批 (hundredths) or 到位 (yuan) */
  have: number;
  /** what is short: need − have; for funds the sum of each short source's gap (one source's surplus covers no other) */
  gap: number;
  landStatus: LandStatus | null;
  /** funds: the short sources, in FUND_SOURCES order */
  sources: FundGap[];
  /** what a problem raised from the row says, its category and source (which also finds it again) */
  problem: { description: string; category: ProblemCategory; source: string };
  /** problems raised from this shortfall that are still open */
  raised: { id: number; code: string }[];
}

export interface Shortfalls {
  kind: ShortfallKind;
  year: number;
  /** the unit of need/have/gap as the screen labels it */
  unit: '亩' | '万元' | '吨标准煤';
  rows: ShortfallRow[];
  total: { count: number; need: number; have: number; gap: number };
  /** funds: the gaps summed by source, every source in order (zeros included) */
  bySource: { source: FundSource; gapYuan: number }[];
}

export const SHORTFALL_UNITS: Record<ShortfallKind, Shortfalls['unit']> = {
  land: '亩',
  funds: '万元',
  energy: '吨标准煤',
};

/** Where a problem raised from a shortfall says it came from: also how the list finds it again. */
export function shortfallSource(kind: ShortfallKind, year: number): string {
  if (kind === 'land') return '要素保障·用地';
  if (kind === 'energy') return '要素保障·用能';
  return `要素保障·${year}年资金`;
}

const CATEGORY: Record<ShortfallKind, ProblemCategory> = { land: 'land', funds: 'funds', energy: 'utilities' };

/** 用地缺口12.50亩（需求30.00亩，已供17.50亩）, null when nothing is short. */
export function landShortfall(land: LandFactors): { need: number; have: number; gap: number } | null {
  const need = land.demandHundredths ?? 0;
  const have = land.suppliedHundredths ?? 0;
  return need > have ? { need, have, gap: need - have } : null;
}

export function energyShortfall(energy: EnergyFactors): { need: number; have: number; gap: number } | null {
  const need = energy.neededHundredths ?? 0;
  const have = energy.grantedHundredths ?? 0;
  return need > have ? { need, have, gap: need - have } : null;
}

/** The year's short sources of one project, and the sums: null when every source is in place. */
export function fundShortfall(
  funds: readonly FundFigures[],
): { need: number; have: number; gap: number; sources: FundGap[] } | null {
  const ordered = fundsInOrder(funds);
  const sources = ordered
    .filter((f) => f.plannedYuan > f.inPlaceYuan)
    .map((f) => ({ ...f, gapYuan: f.plannedYuan - f.inPlaceYuan }));
  if (!sources.length) return null;
  return {
    need: ordered.reduce((sum, f) => sum + f.plannedYuan, 0),
    have: ordered.reduce((sum, f) => sum + f.inPlaceYuan, 0),
    gap: sources.reduce((sum, f) => sum + f.gapYuan, 0),
    sources,
  };
}

/** The text a problem raised from a shortfall starts with, for the clerk to finish. */
export function shortfallProblemText(
  kind: ShortfallKind,
  year: number,
  figures: { need: number; have: number; gap: number; sources?: readonly FundGap[]; landStatus?: LandStatus | null },
): string {
  if (kind === 'land') {
    const status = figures.landStatus ? `，${LAND_STATUS_LABELS[figures.landStatus]}` : '';
    return `用地缺口${muText(figures.gap)}（需求${muText(figures.need)}，已供${muText(figures.have)}${status}）`;
  }
  if (kind === 'energy') {
    return `用能指标缺口${tceText(figures.gap)}（需求${tceText(figures.need)}，已批${tceText(figures.have)}）`;
  }
  const parts = (figures.sources ?? []).map(
    (s) =>
      `${FUND_SOURCE_LABELS[s.source]}缺口${wanText(s.gapYuan)}（计划${wanText(s.plannedYuan)}，到位${wanText(s.inPlaceYuan)}）`,
  );
  return `${year}年资金未到位${wanText(figures.gap)}：${parts.join('；')}`;
}

/**
 * The projects short of one factor, biggest gap first (then by number), with the totals. Completed (竣工)
 * projects are left out: they need nothing more. Funds are the year's; land and energy are the project's.
 */
export function shortfalls(input: {
  kind: ShortfallKind;
  year: number;
  projects: readonly FactorProject[];
  factors: readonly StoredFactors[];
  funds: readonly StoredFunds[];
  raised: readonly RaisedProblem[];
}): Shortfalls {
  const { kind, year } = input;
  const factorsOf = new Map(input.factors.map((f) => [f.projectId, f]));
  const fundsOf = new Map<number, StoredFunds[]>();
  for (const f of input.funds) fundsOf.set(f.projectId, [...(fundsOf.get(f.projectId) ?? []), f]);
  const source = shortfallSource(kind, year);
  const rows: ShortfallRow[] = [];
  for (const project of input.projects) {
    if (project.stage === 'completed') continue;
    const stored = factorsOf.get(project.projectId);
    const short: { need: number; have: number; gap: number; sources?: FundGap[] } | null | undefined =
      kind === 'land'
        ? stored && landShortfall(stored.land)
        : kind === 'energy'
          ? stored && energyShortfall(stored.energy)
          : fundShortfall(fundsOf.get(project.projectId) ?? []);
    if (!short) continue;
    const sources = short.sources ?? [];
    const landStatus = kind === 'land' && stored ? stored.land.status : null;
    rows.push({
      ...project,
      need: short.need,
      have: short.have,
      gap: short.gap,
      landStatus,
      sources,
      problem: {
        description: shortfallProblemText(kind, year, { ...short, sources, landStatus }),
        category: CATEGORY[kind],
        source,
      },
      raised: input.raised
        .filter((p) => p.projectId === project.projectId && p.source === source)
        .map(({ id, code }) => ({ id, code })),
    });
  }
  rows.sort((a, b) => b.gap - a.gap || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const sum = (pick: (r: ShortfallRow) => number) => rows.reduce((total, r) => total + pick(r), 0);
  return {
    kind,
    year,
    unit: SHORTFALL_UNITS[kind],
    rows,
    total: { count: rows.length, need: sum((r) => r.need), have: sum((r) => r.have), gap: sum((r) => r.gap) },
    bySource:
      kind === 'funds'
        ? FUND_SOURCES.map((s) => ({
            source: s,
            gapYuan: sum((r) => r.sources.find((g) => g.source === s)?.gapYuan ?? 0),
          }))
        : [],
  };
}

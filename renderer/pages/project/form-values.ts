import dayjs, { type Dayjs } from 'dayjs';
import { formatWan, parseWan } from '../../../db/model/money';
import { PROJECT_FIELD_LABELS, type Nature, type ProjectFields } from '../../../db/model/project';
import { emptyProjectFields } from '../../../db/model/project-schema';
import type { Stage } from '../../../db/model/stages';

export const MONEY_FIELDS = [
  'totalInvestmentYuan',
  'investedBeforeYearYuan',
  'annualPlanYuan',
  'contractInvestmentYuan',
  'fundsInPlaceYuan',
] as const;
export const DATE_FIELDS = [
  'plannedStartDate',
  'actualStartDate',
  'plannedCompletionDate',
  'actualCompletionDate',
  'signingDate',
  'registrationDate',
  'productionDate',
] as const;
export const YEAR_FIELDS = ['startYear', 'endYear'] as const;

type MoneyField = (typeof MONEY_FIELDS)[number];
type DateField = (typeof DATE_FIELDS)[number];
type YearField = (typeof YEAR_FIELDS)[number];

/**
 * What the form holds. Field names are the API's so a server `fieldErrors` key lands on its field;
 * the money fields hold the 万元 text the clerk typed, dates are dayjs, years are typed text.
 */
export type ProjectFormValues = Omit<
  ProjectFields,
  | MoneyField
  | DateField
  | YearField
  | 'stage'
  | 'chainId'
  | 'chainLeadOverride'
  | 'leadUnitId'
  | 'parkId'
  | 'townshipId'
  | 'contactLeaderId'
  | 'nature'
  | 'startWithinMonths'
> & {
  /** typed whole months; empty follows the office's setting */
  startWithinMonths: string;
  stage: Stage | undefined;
  chainId: number | undefined;
  chainLeadOverride: string;
  leadUnitId: number | undefined;
  parkId: number | undefined;
  townshipId: number | undefined;
  contactLeaderId: number | undefined;
  nature: Nature | undefined;
} & Record<MoneyField, string> &
  Record<DateField, Dayjs | null> &
  Record<YearField, string>;

/** The form's values turned into API shape, untrusted until checked; `issues` holds text that did not convert. */
export interface Conversion {
  candidate: Record<keyof ProjectFields, unknown>;
  issues: Partial<Record<keyof ProjectFields, string>>;
}

const DATE_FORMAT = 'YYYY-MM-DD';

function wanText(yuan: number): string {
  return yuan === 0 ? '' : formatWan(yuan);
}

export function toFormValues(fields: ProjectFields): ProjectFormValues {
  return {
    ...fields,
    chainId: fields.chainId || undefined,
    chainLeadOverride: fields.chainLeadOverride ?? '',
    leadUnitId: fields.leadUnitId ?? undefined,
    parkId: fields.parkId ?? undefined,
    townshipId: fields.townshipId ?? undefined,
    contactLeaderId: fields.contactLeaderId ?? undefined,
    nature: fields.nature ?? undefined,
    startYear: fields.startYear === null ? '' : String(fields.startYear),
    endYear: fields.endYear === null ? '' : String(fields.endYear),
    plannedStartDate: fields.plannedStartDate ? dayjs(fields.plannedStartDate) : null,
    actualStartDate: fields.actualStartDate ? dayjs(fields.actualStartDate) : null,
    plannedCompletionDate: fields.plannedCompletionDate ? dayjs(fields.plannedCompletionDate) : null,
    actualCompletionDate: fields.actualCompletionDate ? dayjs(fields.actualCompletionDate) : null,
    signingDate: fields.signingDate ? dayjs(fields.signingDate) : null,
    registrationDate: fields.registrationDate ? dayjs(fields.registrationDate) : null,
    productionDate: fields.productionDate ? dayjs(fields.productionDate) : null,
    startWithinMonths: fields.startWithinMonths === null ? '' : String(fields.startWithinMonths),
    totalInvestmentYuan: wanText(fields.totalInvestmentYuan),
    investedBeforeYearYuan: wanText(fields.investedBeforeYearYuan),
    annualPlanYuan: wanText(fields.annualPlanYuan),
    contractInvestmentYuan: wanText(fields.contractInvestmentYuan),
    fundsInPlaceYuan: wanText(fields.fundsInPlaceYuan),
  };
}

export function emptyFormValues(): ProjectFormValues {
  const values = toFormValues({ ...emptyProjectFields(), name: '', owner: '', chainId: 0, stage: 'reserve' });
  return { ...values, stage: undefined };
}

function yearOfText(text: string): { ok: true; year: number | null } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, year: null };
  return /^\d{4}$/.test(trimmed) ? { ok: true, year: Number(trimmed) } : { ok: false };
}

function monthsOfText(text: string): { ok: true; months: number | null } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, months: null };
  return /^\d{1,3}$/.test(trimmed) ? { ok: true, months: Number(trimmed) } : { ok: false };
}

export function fromFormValues(values: ProjectFormValues): Conversion {
  const issues: Conversion['issues'] = {};
  const money = {} as Record<MoneyField, number>;
  for (const field of MONEY_FIELDS) {
    const parsed = parseWan(values[field] ?? '');
    if (parsed.ok) money[field] = parsed.yuan ?? 0;
    else {
      money[field] = 0;
      issues[field] = parsed.message;
    }
  }
  const years = {} as Record<YearField, number | null>;
  for (const field of YEAR_FIELDS) {
    const parsed = yearOfText(values[field] ?? '');
    years[field] = parsed.ok ? parsed.year : null;
    if (!parsed.ok) issues[field] = `${PROJECT_FIELD_LABELS[field]}应为四位年份，如 2026`;
  }
  const months = monthsOfText(values.startWithinMonths ?? '');
  if (!months.ok) issues.startWithinMonths = '约定开工期限应为整月数，如 6';
  const dates = {} as Record<DateField, string | null>;
  for (const field of DATE_FIELDS) {
    const value = values[field];
    dates[field] = value && value.isValid() ? value.format(DATE_FORMAT) : null;
  }
  const candidate: Conversion['candidate'] = {
    code: values.code ?? '',
    name: values.name ?? '',
    category: values.category,
    isInvestmentPromotion: values.isInvestmentPromotion ?? false,
    levelIds: values.levelIds ?? [],
    chainId: values.chainId,
    chainLeadOverride: values.chainLeadOverride?.trim() ? values.chainLeadOverride : null,
    leadUnitId: values.leadUnitId ?? null,
    responsibleUnitIds: values.responsibleUnitIds ?? [],
    responsiblePerson: values.responsiblePerson ?? '',
    contactPerson: values.contactPerson ?? '',
    contactPhone: values.contactPhone ?? '',
    owner: values.owner ?? '',
    location: values.location ?? '',
    parkId: values.parkId ?? null,
    townshipId: values.townshipId ?? null,
    contactLeaderId: values.contactLeaderId ?? null,
    content: values.content ?? '',
    nature: values.nature ?? null,
    ...years,
    startWithinMonths: months.ok ? months.months : null,
    ...dates,
    ...money,
    stage: values.stage,
    progressText: values.progressText ?? '',
    inStatistics: values.inStatistics ?? false,
    note: values.note ?? '',
  };
  return { candidate, issues };
}

/**
 * A comparable form of what the clerk means: "1234.5" and "1,234.50" are the same amount,
 * while text that does not convert is compared as typed.
 */
export function meaningOf(values: ProjectFormValues): string {
  const { candidate, issues } = fromFormValues(values);
  const meaning: Record<string, unknown> = { ...candidate };
  for (const field of Object.keys(issues) as (keyof ProjectFields)[]) {
    meaning[field] = { typed: values[field as keyof ProjectFormValues] };
  }
  return JSON.stringify(meaning);
}

/** The fields whose meaning changed between two candidates, for a patch that sends only those. */
export function changedFields(before: Conversion['candidate'], after: ProjectFields): Partial<ProjectFields> {
  const patch: Partial<Record<keyof ProjectFields, unknown>> = {};
  for (const field of Object.keys(after) as (keyof ProjectFields)[]) {
    if (JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null)) patch[field] = after[field];
  }
  return patch as Partial<ProjectFields>;
}

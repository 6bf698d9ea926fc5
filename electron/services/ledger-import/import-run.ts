import type { CurrentSuspension } from '../../../db/model/list-membership';
import { AppError } from '../../../db/errors';
import { importRowKey } from '../../../db/model/ledger-fields';
import { MISSING_FIELD_LABELS, missingFieldsOf } from '../../../db/model/missing-data';
import { monthNotBegunIssue } from '../../../db/model/month-closing';
import { formatWan } from '../../../db/model/money';
import { auditFieldLabel, pickProjectFields, type ProjectFields } from '../../../db/model/project';
import { emptyProjectFields } from '../../../db/model/project-schema';
import { STAGE_LABELS } from '../../../db/model/stages';
import type { StoredProject } from '../../../db/queries/stored-projects';
import type { ImportChange, ImportRow, ImportRowError } from '../../../db/model/ledger-import';
import type { Store } from '../../../db/store/store';
import { validateProject } from '../project-validation';
import type { ReadRecord } from './record-values';
import {
  ChainUnresolved,
  matchExisting,
  nameKey,
  resolveChain,
  RowRefused,
  unitId,
  type Lookup,
  type ResolvedChain,
} from './import-lookup';
import type { ImportTarget } from './import-target';

// Runs an import's rows through the project form's rules into a target: the preview's copy of the library in
// memory, or the database inside the apply's transaction (import-target.ts). The rows take the same path
// through both, so what the clerk confirms is what the rules allow.

export interface RunSettings {
  /** for the validation's context; the rules ask the library through the target */
  store: Store;
  today: string;
  planYear: number;
  defaultChainId?: number;
  /** the clerk's 产业链 per row, keyed 工作表!行号 */
  rowChains: Readonly<Record<string, number>>;
  fileName: string;
}

interface Run extends RunSettings {
  lookup: Lookup;
  target: ImportTarget;
}

export interface RunOutcome {
  creates: ImportRow[];
  updates: ImportRow[];
  unchanged: number;
  errors: ImportRowError[];
  /** rows imported, with something the clerk should know (资料待补, an unknown word, a rounded amount) */
  warnings: ImportRowError[];
  newUnits: string[];
}

/** The month figure that makes 1—N月 add up to the sheet's figure, or undefined when it already does. */
function monthTarget(settings: RunSettings, detail: StoredProject | undefined, months: number, yuan: number) {
  const notBegun = monthNotBegunIssue(settings.planYear, months, settings.today);
  if (notBegun) throw new RowRefused(`“1—${months}月”完成投资：${notBegun}`);
  const figures = detail?.monthly ?? [];
  const before = figures.filter((m) => m.month < months).reduce((sum, m) => sum + m.amountYuan, 0);
  const current = figures.find((m) => m.month === months)?.amountYuan ?? null;
  if (before + (current ?? 0) === yuan) return undefined;
  if (yuan < before) {
    throw new RowRefused(
      `1—${months}月完成投资${formatWan(yuan)}万元少于库中已录入的1—${months - 1}月合计${formatWan(before)}万元`,
    );
  }
  const later = figures.filter((m) => m.month > months).reduce((sum, m) => sum + m.amountYuan, 0);
  return { month: months, before: current, after: yuan - before, yearTotal: yuan + later };
}

async function candidateOf(
  settings: Run,
  record: ReadRecord,
  before: StoredProject | undefined,
  createdUnits: Set<string>,
): Promise<{ fields: ProjectFields; month: ReturnType<typeof monthTarget>; chain: ResolvedChain }> {
  const { lookup, target } = settings;
  const addUnit = (name: string) => unitId(lookup, name, createdUnits, target.addUnit);
  const v = record.values;
  const resolved = resolveChain(lookup, record, before, {
    chosen: settings.rowChains[importRowKey(record)],
    fallback: settings.defaultChainId,
  });
  const { chain } = resolved;
  const stage = v.stage ?? before?.stage;
  if (!stage) throw new RowRefused('无法确定阶段：请加“阶段”列，或按“一、新开工项目”这样的分节排列');
  const fields: ProjectFields = before
    ? pickProjectFields(before)
    : ({ ...emptyProjectFields(), name: v.name, owner: '', chainId: chain.id, stage } as ProjectFields);
  const copy = <K extends keyof ProjectFields>(key: K, value: ProjectFields[K] | undefined) => {
    if (value !== undefined) fields[key] = value;
  };
  copy('name', v.name);
  copy('code', v.code);
  copy('owner', v.owner);
  copy('location', v.location);
  copy('content', v.content);
  copy('nature', v.nature);
  copy('stage', stage);
  copy('startYear', v.startYear);
  copy('endYear', v.endYear);
  copy('totalInvestmentYuan', v.totalInvestmentYuan);
  copy('annualPlanYuan', v.annualPlanYuan);
  copy('progressText', v.progressText);
  copy('plannedStartDate', v.plannedStartDate);
  copy('actualStartDate', v.actualStartDate);
  copy('plannedCompletionDate', v.plannedCompletionDate);
  copy('actualCompletionDate', v.actualCompletionDate);
  copy('signingDate', v.signingDate);
  copy('isInvestmentPromotion', v.isInvestmentPromotion);
  copy('registrationDate', v.registrationDate);
  copy('productionDate', v.productionDate);
  copy('contractInvestmentYuan', v.contractInvestmentYuan);
  copy('fundsInPlaceYuan', v.fundsInPlaceYuan);
  copy('inStatistics', v.inStatistics);
  copy('note', v.note);
  copy('category', v.category);
  copy('responsiblePerson', v.responsiblePerson);
  copy('contactPerson', v.contactPerson);
  copy('contactPhone', v.contactPhone);
  fields.chainId = chain.id;
  if (v.chainLead !== undefined) fields.chainLeadOverride = v.chainLead === chain.chainLead ? null : v.chainLead;
  if (v.leadUnitName) fields.leadUnitId = await addUnit(v.leadUnitName);
  if (v.responsibleUnitNames) {
    const ids: number[] = [];
    for (const name of v.responsibleUnitNames) ids.push(await addUnit(name));
    fields.responsibleUnitIds = ids;
  }
  if (v.parkName) {
    const park = lookup.parks.get(v.parkName);
    if (park === undefined) throw new RowRefused(`园区/片区“${v.parkName}”不在名单中（设置 → 园区/片区）`);
    fields.parkId = park;
  }
  if (v.townshipName) {
    const township = lookup.townships.get(v.townshipName);
    if (township === undefined) {
      throw new RowRefused(`所在乡镇“${v.townshipName}”不在乡镇/街道名单中（设置 → 乡镇/街道）`);
    }
    fields.townshipId = township;
  }
  if (v.contactLeaderName) {
    const leader = lookup.contactLeaders.get(v.contactLeaderName);
    if (leader === undefined) {
      throw new RowRefused(`包挂领导“${v.contactLeaderName}”不在包挂领导名单中（设置 → 包挂领导）`);
    }
    fields.contactLeaderId = leader;
  }
  if (v.levelNames) {
    const unknown = v.levelNames.filter((name) => !lookup.levels.has(name));
    if (unknown.length) {
      throw new RowRefused(`项目级别“${unknown.join('、')}”不在项目级别名单中（设置 → 项目级别）`);
    }
    fields.levelIds = [...new Set(v.levelNames.map((name) => lookup.levels.get(name) as number))].sort((a, b) => a - b);
  }
  if (!fields.code) fields.code = await target.nextCode(chain.code, settings.planYear);

  const month = v.yearCompleted && monthTarget(settings, before, v.yearCompleted.months, v.yearCompleted.yuan);
  if (month && (fields.stage === 'reserve' || fields.stage === 'preliminary')) {
    throw new RowRefused(`${STAGE_LABELS[fields.stage]}项目尚未开工，不应有本年完成投资`);
  }
  const yearTotal = month ? month.yearTotal : (before?.yearCompletedYuan ?? 0);
  if (v.beforeYearYuan !== undefined) {
    fields.investedBeforeYearYuan = v.beforeYearYuan;
  } else if (v.sinceStartYuan !== undefined) {
    if (v.sinceStartYuan < yearTotal) {
      throw new RowRefused(`自开工累计完成${formatWan(v.sinceStartYuan)}万元少于本年完成${formatWan(yearTotal)}万元`);
    }
    fields.investedBeforeYearYuan = v.sinceStartYuan - yearTotal;
  }
  return { fields, month, chain: resolved };
}

function rowOf(
  record: ReadRecord,
  fields: ProjectFields,
  yearCompletedYuan: number,
  chain: ResolvedChain,
  changes: ImportChange[],
): ImportRow {
  return {
    sheet: record.sheet,
    row: record.row,
    code: fields.code,
    name: fields.name,
    owner: fields.owner,
    stage: fields.stage,
    totalInvestmentYuan: fields.totalInvestmentYuan,
    money: {
      totalYuan: fields.totalInvestmentYuan,
      annualPlanYuan: fields.annualPlanYuan,
      yearCompletedYuan,
      sinceStartYuan: fields.investedBeforeYearYuan + yearCompletedYuan,
    },
    chain: { id: chain.chain.id, name: chain.chain.name, source: chain.source, reason: chain.reason },
    changes,
  };
}

/** What the row lacks for its stage, or holds against the plan year: imported, and said. */
function gapWarnings(fields: ProjectFields, yearCompletedYuan: number, planYear: number): string[] {
  const warnings: string[] = [];
  const missing = missingFieldsOf({ ...fields, yearCompletedYuan });
  if (missing.length) {
    const labels = missing.map((f) => MISSING_FIELD_LABELS[f]).join('、');
    warnings.push(`${STAGE_LABELS[fields.stage]}项目缺${labels}，导入后标为“资料待补”，请补填`);
  }
  if (fields.stage === 'new_start' && fields.plannedStartDate && !fields.plannedStartDate.startsWith(`${planYear}-`)) {
    warnings.push(`新开工项目的计划开工日期${fields.plannedStartDate}不在${planYear}年内，请核对`);
  }
  return warnings;
}

async function importOne(
  settings: Run,
  record: ReadRecord,
  createdUnits: Set<string>,
): Promise<{ kind: 'create' | 'update' | 'unchanged'; row: ImportRow; id: number; warnings: string[] }> {
  const { store, lookup, target, planYear } = settings;
  const id = matchExisting(lookup, record);
  const detail = id === undefined ? undefined : await target.stored(id);
  const { fields: candidate, month, chain } = await candidateOf(settings, record, detail, createdUnits);
  let fields: ProjectFields;
  try {
    fields = await validateProject(
      {
        store,
        today: settings.today,
        planYear,
        before: detail,
        asRecorded: true,
        retiredOf: target.retiredOf,
        codeOwner: target.codeOwner,
      },
      candidate,
    );
  } catch (error) {
    if (error instanceof AppError) throw new RowRefused(error.message);
    throw error;
  }
  const saved = await target.save({
    stored: detail,
    fields,
    month: month ? { month: month.month, amountYuan: month.after } : undefined,
    reason: `导入台账《${settings.fileName}》`,
  });
  if (!detail) lookup.byCode.set(fields.code.toUpperCase(), saved.id);
  const changes: ImportChange[] = saved.changes.map((c) => ({
    label: auditFieldLabel(c.field) ?? '',
    before: c.oldValue,
    after: c.newValue,
  }));
  if (month) {
    changes.push({
      label: `${planYear}年${month.month}月完成投资`,
      before: month.before === null ? null : `${formatWan(month.before)}万元`,
      after: `${formatWan(month.after)}万元`,
    });
  }
  const kind = !detail ? 'create' : changes.length ? 'update' : 'unchanged';
  const yearCompletedYuan = month ? month.yearTotal : (detail?.yearCompletedYuan ?? 0);
  return {
    kind,
    row: rowOf(record, fields, yearCompletedYuan, chain, detail ? changes : []),
    id: saved.id,
    warnings: gapWarnings(fields, yearCompletedYuan, planYear),
  };
}

function duplicateErrors(records: ReadRecord[]): Map<ReadRecord, string> {
  const errors = new Map<ReadRecord, string>();
  const seen = new Map<string, ReadRecord>();
  for (const record of records) {
    const { code, name, owner } = record.values;
    const key = code ? `code:${code}` : owner ? `name:${nameKey(name, owner)}` : null;
    if (!key) continue;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, record);
      continue;
    }
    const what = code ? `项目编号${code}` : '项目名称和建设单位';
    errors.set(record, `${what}与${first.sheet}第${first.row}行重复`);
    if (!errors.has(first)) errors.set(first, `${what}与${record.sheet}第${record.row}行重复`);
  }
  return errors;
}

/** Every row kept (or refused) by the target. */
export async function runImport(
  settings: RunSettings,
  records: ReadRecord[],
  lookup: Lookup,
  target: ImportTarget,
): Promise<RunOutcome> {
  const run: Run = { ...settings, lookup, target };
  const outcome: RunOutcome = { creates: [], updates: [], unchanged: 0, errors: [], warnings: [], newUnits: [] };
  const createdUnits = new Set<string>();
  const duplicates = duplicateErrors(records);
  const withProblems: { id: number; text: string }[] = [];
  const withSuspensions: { id: number; suspension: CurrentSuspension }[] = [];
  for (const record of records) {
    const refuse = (message: string, needsChain = false) =>
      outcome.errors.push({
        sheet: record.sheet,
        row: record.row,
        name: record.values.name,
        message,
        ...(needsChain ? { needsChain } : {}),
      });
    if (record.errors.length) {
      refuse(record.errors.join('；'));
      continue;
    }
    const duplicate = duplicates.get(record);
    if (duplicate) {
      refuse(duplicate);
      continue;
    }
    const unitsBefore = new Set(createdUnits);
    try {
      const done = await target.inRow(() => importOne(run, record, createdUnits));
      if (done.kind === 'create') outcome.creates.push(done.row);
      else if (done.kind === 'update') outcome.updates.push(done.row);
      else outcome.unchanged++;
      for (const message of [...record.warnings, ...done.warnings]) {
        outcome.warnings.push({ sheet: record.sheet, row: record.row, name: record.values.name, message });
      }
      if (record.values.problems) withProblems.push({ id: done.id, text: record.values.problems });
      if (record.values.suspension) withSuspensions.push({ id: done.id, suspension: record.values.suspension });
    } catch (error) {
      if (!(error instanceof RowRefused)) throw error;
      // the row took back any unit it created
      for (const name of createdUnits) if (!unitsBefore.has(name)) lookup.units.delete(name);
      createdUnits.clear();
      unitsBefore.forEach((n) => createdUnits.add(n));
      refuse(error.message, error instanceof ChainUnresolved);
    }
  }
  await target.saveProblems(withProblems);
  await target.saveSuspensions(withSuspensions);
  outcome.newUnits = [...createdUnits];
  return outcome;
}

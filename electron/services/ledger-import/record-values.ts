import { formatWan } from '../../../db/model/money';
import { CATEGORY_LABELS, type Category, type Nature } from '../../../db/model/project';
import { STAGE_LABELS, type Stage } from '../../../db/model/stages';
import { stageOfWord } from '../../../db/model/stage-words';
import { cellText, type Cell } from '../spreadsheet/grid';
import {
  formulaMessage,
  isEmptyCell,
  natureWord,
  readAmount,
  readDate,
  readYearSpan,
  readYesNo,
  splitNames,
  type MoneyUnit,
  type Read,
} from './cell-values';
import type { LedgerField } from './header-fields';
import type { LedgerColumn, LedgerRecord, SheetHints } from './ledger-table';
import { readSuspension } from './suspension-cell';
import type { CurrentSuspension } from '../../../db/model/list-membership';

// One ledger row read into what the app stores. Only what the row says is here: a blank cell leaves the
// stored value alone when the row updates a project.

export interface ImportValues {
  code?: string;
  name: string;
  owner?: string;
  location?: string;
  content?: string;
  nature?: Nature;
  /** from a 阶段 column, a stage word in 建设性质, the section or the sheet's name */
  stage?: Stage;
  startYear?: number | null;
  endYear?: number | null;
  totalInvestmentYuan?: number;
  annualPlanYuan?: number;
  /** 1—N月完成投资 */
  yearCompleted?: { months: number; yuan: number };
  sinceStartYuan?: number;
  beforeYearYuan?: number;
  progressText?: string;
  problems?: string;
  chainName?: string;
  chainLead?: string;
  leadUnitName?: string;
  responsibleUnitNames?: string[];
  plannedStartDate?: string;
  actualStartDate?: string;
  plannedCompletionDate?: string;
  actualCompletionDate?: string;
  signingDate?: string;
  isInvestmentPromotion?: boolean;
  registrationDate?: string;
  productionDate?: string;
  contractInvestmentYuan?: number;
  fundsInPlaceYuan?: number;
  inStatistics?: boolean;
  note?: string;
  category?: Category;
  responsiblePerson?: string;
  contactPerson?: string;
  contactPhone?: string;
  parkName?: string;
  /** 项目级别: the lists it is on, by name */
  levelNames?: string[];
  townshipName?: string;
  /** 停缓建: the project's 停建/缓建 as the ledger says it */
  suspension?: CurrentSuspension;
  /** 包挂领导, by name */
  contactLeaderName?: string;
}

export interface ReadRecord {
  sheet: string;
  row: number;
  values: ImportValues;
  errors: string[];
  /** read, but the clerk should know: an unknown word, an amount rounded to 0.01万元 */
  warnings: string[];
}

type TextField =
  | 'code'
  | 'owner'
  | 'location'
  | 'content'
  | 'progressText'
  | 'problems'
  | 'chainName'
  | 'chainLead'
  | 'leadUnitName'
  | 'note'
  | 'responsiblePerson'
  | 'contactPerson'
  | 'contactPhone'
  | 'parkName'
  | 'townshipName'
  | 'contactLeaderName';

const TEXT_FIELDS: Partial<Record<LedgerField, TextField>> = {
  code: 'code',
  owner: 'owner',
  location: 'location',
  content: 'content',
  progress: 'progressText',
  problems: 'problems',
  chain: 'chainName',
  chainLead: 'chainLead',
  leadUnit: 'leadUnitName',
  note: 'note',
  responsiblePerson: 'responsiblePerson',
  contactPerson: 'contactPerson',
  contactPhone: 'contactPhone',
  park: 'parkName',
  township: 'townshipName',
  contactLeader: 'contactLeaderName',
};

type DateField =
  | 'plannedStartDate'
  | 'actualStartDate'
  | 'plannedCompletionDate'
  | 'actualCompletionDate'
  | 'signingDate'
  | 'registrationDate'
  | 'productionDate';
const DATE_FIELDS: Partial<Record<LedgerField, DateField>> = {
  plannedStart: 'plannedStartDate',
  actualStart: 'actualStartDate',
  plannedCompletion: 'plannedCompletionDate',
  actualCompletion: 'actualCompletionDate',
  signing: 'signingDate',
  registration: 'registrationDate',
  production: 'productionDate',
};

type MoneyField =
  | 'totalInvestmentYuan'
  | 'annualPlanYuan'
  | 'sinceStartYuan'
  | 'beforeYearYuan'
  | 'contractInvestmentYuan'
  | 'fundsInPlaceYuan';
const MONEY_FIELDS: Partial<Record<LedgerField, MoneyField>> = {
  total: 'totalInvestmentYuan',
  annualPlan: 'annualPlanYuan',
  sinceStart: 'sinceStartYuan',
  beforeYear: 'beforeYearYuan',
  contractInvestment: 'contractInvestmentYuan',
  fundsInPlace: 'fundsInPlaceYuan',
};

function textOf(cell: Cell, label: string): Read<string> {
  const formula = formulaMessage(cell, label);
  if (formula && typeof cell === 'object' && cell !== null && 'formula' in cell && cell.result === null) {
    return { ok: false, message: formula };
  }
  // numbers typed as text keep their digits (a code like 2026001 read back as a number)
  return { ok: true, value: isEmptyCell(cell) ? '' : cellText(cell) };
}

function categoryOf(text: string): Category | undefined {
  const exact = (Object.entries(CATEGORY_LABELS) as [Category, string][]).find(([, label]) => label === text)?.[0];
  if (exact) return exact;
  if (/产业|工业|制造|农业|服务业|商贸|文旅/.test(text)) return 'industry';
  if (/基础设施|交通|水利|市政|能源/.test(text)) return 'infrastructure';
  if (/民生|社会|教育|医疗|卫生|保障/.test(text)) return 'livelihood';
  return undefined;
}

function moneyUnitOf(column: LedgerColumn, hints: SheetHints): MoneyUnit {
  if (column.unit) return column.unit;
  if (column.field === 'total' && hints.totalUnit) return hints.totalUnit;
  return hints.unit ?? 'wan';
}

/** The month a 本年完成 figure runs to: the header's 1—N月, else the month of 截至日期. */
function monthsOf(column: LedgerColumn, asOf: string): number {
  return column.months ?? Number(asOf.slice(5, 7));
}

export function readRecord(record: LedgerRecord, columns: LedgerColumn[], hints: SheetHints, asOf: string): ReadRecord {
  const errors: string[] = [];
  const warnings: string[] = [];
  const values: ImportValues = { name: cellText(record.cells.name ?? null).replace(/\s+/g, ' ') };
  const take = <T>(read: Read<T>, set: (value: T) => void) => {
    if (read.ok) set(read.value);
    else errors.push(read.message);
  };
  // ledgers carry figures computed in Excel (1234.5678); the app keeps 0.01万元 and says so
  const takeAmount = (read: Read<number | null>, label: string, cell: Cell, set: (yuan: number) => void) =>
    take(read, (yuan) => {
      if (yuan === null) return;
      const kept = Math.round(yuan / 100) * 100;
      if (kept !== yuan) warnings.push(`“${label}”${cellText(cell)}按两位小数计为${formatWan(kept)}万元`);
      set(kept);
    });
  let stageFromNature: Stage | undefined;
  let unknownStageWord: string | undefined;
  for (const column of columns) {
    if (!column.field) continue;
    const cell = record.cells[column.field] ?? null;
    const label = column.header.replace(/\s+/g, '');
    const textField = TEXT_FIELDS[column.field];
    const dateField = DATE_FIELDS[column.field];
    const moneyField = MONEY_FIELDS[column.field];
    if (textField) {
      take(textOf(cell, label), (text) => {
        if (text) values[textField] = textField === 'code' ? text.toUpperCase() : text;
      });
    } else if (dateField) {
      take(readDate(cell, label), (date) => {
        if (date) values[dateField] = date;
      });
    } else if (moneyField) {
      takeAmount(
        readAmount(cell, moneyUnitOf(column, hints), label),
        label,
        cell,
        (yuan) => (values[moneyField] = yuan),
      );
    } else if (column.field === 'yearCompleted') {
      takeAmount(
        readAmount(cell, moneyUnitOf(column, hints), label),
        label,
        cell,
        (yuan) => (values.yearCompleted = { months: monthsOf(column, asOf), yuan }),
      );
    } else if (column.field === 'years') {
      take(readYearSpan(cell, label), (span) => {
        if (span.start !== null) values.startYear = span.start;
        if (span.end !== null) values.endYear = span.end;
      });
    } else if (column.field === 'startYear' || column.field === 'endYear') {
      take(readYearSpan(cell, label), (span) => {
        // a column of one year may still be written as an open span (“2027—”, “—2029”)
        const year = column.field === 'endYear' ? (span.end ?? span.start) : (span.start ?? span.end);
        if (year !== null) values[column.field as 'startYear' | 'endYear'] = year;
      });
    } else if (column.field === 'inStatistics') {
      take(readYesNo(cell, label), (yes) => {
        if (yes !== null) values.inStatistics = yes;
      });
    } else if (column.field === 'investmentPromotion') {
      take(readYesNo(cell, label), (yes) => {
        if (yes !== null) values.isInvestmentPromotion = yes;
      });
    } else if (column.field === 'responsibleUnits') {
      const text = cellText(cell);
      if (!isEmptyCell(cell)) values.responsibleUnitNames = splitNames(text);
    } else if (column.field === 'levels') {
      if (!isEmptyCell(cell)) values.levelNames = splitNames(cellText(cell));
    } else if (column.field === 'suspension') {
      const text = cellText(cell).trim();
      const suspension = readSuspension(text);
      if (suspension) values.suspension = suspension;
      else if (text && text !== '否' && text !== '无') {
        warnings.push(`“${label}”中的“${text}”无法识别，该栏未导入（应为“缓建（2026-05-10起：原因）”这样的写法）`);
      }
    } else if (column.field === 'nature') {
      // offices often write the stage (新开工, 续建) where 建设性质 goes
      const text = cellText(cell);
      const nature = natureWord(text);
      if (nature) values.nature = nature;
      else stageFromNature = stageOfWord(text);
      if (!nature && !stageFromNature && !isEmptyCell(cell)) {
        warnings.push(`“${label}”中的“${text}”无法识别，该栏未导入（应为新建、扩建、改建、技改或阶段名称）`);
      }
    } else if (column.field === 'stage') {
      const text = cellText(cell);
      const stage = stageOfWord(text);
      if (stage) values.stage = stage;
      else if (!isEmptyCell(cell)) unknownStageWord = text.trim();
    } else if (column.field === 'category') {
      const text = cellText(cell);
      const category = categoryOf(text);
      if (category) values.category = category;
      else if (!isEmptyCell(cell)) errors.push(`“${label}”无法识别：${text}`);
    }
  }
  values.stage ??= stageFromNature ?? record.stageHint;
  if (unknownStageWord !== undefined) {
    const fallback = values.stage
      ? `，按${stageFromNature ? '建设性质' : '所在分节'}读作“${STAGE_LABELS[values.stage]}”`
      : '';
    warnings.push(`阶段“${unknownStageWord}”不在可识别的写法中${fallback}（可识别的写法见使用说明“阶段写法”）`);
  }
  return { sheet: record.sheet, row: record.row, values, errors, warnings };
}

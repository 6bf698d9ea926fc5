import { AppError } from '../../../db/errors';
import { LEDGER_FIELD_LABELS } from '../../../db/model/ledger-fields';
import type { Stage } from '../../../db/model/stages';
import { stageOfTitle } from '../../../db/model/stage-words';
import { cellAt, cellText, mergeAt, widthOf, type Cell, type Grid } from '../spreadsheet/grid';
import type { MoneyUnit } from './cell-values';
import {
  candidatesOfHeader,
  fieldOfHeader,
  isAmbiguousCompletion,
  monthsOfHeader,
  normaliseHeader,
  unitOfHeader,
  type LedgerField,
} from './header-fields';

// Finds the table in a sheet the way a person does: title rows on top (title, 单位, 截至日期), then a header of
// one or two rows with merged cells, then project rows interleaved with section rows (一、新开工项目（12个）),
// subtotals, totals and notes, which are recognised and skipped.

export interface LedgerColumn {
  index: number;
  /** as the sheet shows it; a two-level header as 投资情况/累计完成. The key of a column map. */
  header: string;
  /** null: not read */
  field: LedgerField | null;
  /** what the header's words could mean, likeliest first */
  candidates: LedgerField[];
  unit?: MoneyUnit;
  months?: number;
  /** set when the reading is a choice the clerk must confirm */
  question?: string;
  /** the clerk set this column's field */
  chosen: boolean;
}

/** The clerk's corrections: header as the preview showed it → field, or null to leave the column out. */
export type ColumnMap = Readonly<Record<string, LedgerField | null>>;

export interface SheetHints {
  year?: number;
  asOf?: string;
  unit?: MoneyUnit;
  totalUnit?: MoneyUnit;
}

export interface LedgerRecord {
  sheet: string;
  /** the row number Excel shows */
  row: number;
  cells: Partial<Record<LedgerField, Cell>>;
  /** from the section the row sits in, or the sheet's name */
  stageHint?: Stage;
}

export interface RowProblem {
  sheet: string;
  row: number;
  name: string;
  message: string;
}

export interface LedgerTable {
  sheet: string;
  columns: LedgerColumn[];
  records: LedgerRecord[];
  problems: RowProblem[];
  skipped: number;
  hints: SheetHints;
}

const HEADER_SEARCH_ROWS = 40;
const SECTION =
  /^[一二三四五六七八九十百]+[、.．]|^[（(][一二三四五六七八九十]+[)）]|^第[一二三四五六七八九十]+(部分|类|批)|项目[（(]\d+个[)）]$/;
const STAGE_SECTION = /项目([（(]\d+个[)）])?$|^[^\d]{2,6}类$/;
const TOTALS = /^(小\s*计|合\s*计|总\s*计|累\s*计|其\s*中)/;

/** The text a header cell shows: a cell inside a merged range shows the range's value. */
function headerText(grid: Grid, row: number, column: number): string {
  const merge = mergeAt(grid, row, column);
  if (merge && merge.top === row) return cellText(cellAt(grid, merge.top, merge.left));
  if (merge && merge.top < row) return '';
  return cellText(cellAt(grid, row, column));
}

function singleLevelFields(grid: Grid, row: number, width: number): Map<number, LedgerField> {
  const fields = new Map<number, LedgerField>();
  const seen = new Set<LedgerField>();
  for (let c = 0; c < width; c++) {
    const merge = mergeAt(grid, row, c);
    if (merge && merge.left !== c) continue;
    const field = fieldOfHeader(headerText(grid, row, c));
    if (field && !seen.has(field)) {
      fields.set(c, field);
      seen.add(field);
    }
  }
  return fields;
}

function findHeaderRow(grid: Grid, width: number): number | undefined {
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const fields = [...singleLevelFields(grid, r, width).values()].filter((f) => f !== 'serial');
    if (fields.includes('name') && fields.length >= 3) return r;
  }
  return undefined;
}

function isNumberLike(cell: Cell): boolean {
  return typeof cell === 'number' || (typeof cell === 'object' && cell !== null && !('error' in cell));
}

function nameColumnOf(grid: Grid, row: number, width: number): number {
  for (const [c, field] of singleLevelFields(grid, row, width)) if (field === 'name') return c;
  return -1;
}

/** A second header row: under the name column it is empty, it holds only words, and they name columns. */
function isSubHeader(grid: Grid, row: number, nameColumn: number, width: number): boolean {
  const cells = grid.rows[row + 1] ?? [];
  if (cellText(cellAt(grid, row + 1, nameColumn)) && !mergeAt(grid, row + 1, nameColumn)) return false;
  const texts = cells.filter((c) => cellText(c) !== '');
  if (texts.length < 2 || texts.some(isNumberLike)) return false;
  if (SECTION.test(cellText(texts[0])) || TOTALS.test(cellText(texts[0]))) return false;
  for (let c = 0; c < width; c++) {
    const child = cellText(cellAt(grid, row + 1, c));
    if (child && fieldOfHeader(child)) return true;
  }
  return false;
}

interface HeaderCell {
  index: number;
  header: string;
  /** the texts to read a field from, most specific first */
  texts: string[];
}

function headerCells(grid: Grid, row: number, twoLevel: boolean, width: number): HeaderCell[] {
  const cells: HeaderCell[] = [];
  let parent = '';
  for (let c = 0; c < width; c++) {
    const own = headerText(grid, row, c);
    const merge = mergeAt(grid, row, c);
    // CSV has no merges: a blank parent over a named child belongs to the parent on its left
    if (own || merge) parent = own;
    const child = twoLevel ? headerText(grid, row + 1, c) : '';
    if (child) {
      const top = parent.replace(/\s+/g, '');
      cells.push({
        index: c,
        header: top ? `${top}/${child.replace(/\s+/g, '')}` : child,
        texts: [parent + child, child],
      });
    } else {
      const text = own || (merge ? parent : '');
      if (text) cells.push({ index: c, header: text.replace(/\s+/g, ''), texts: [text] });
    }
  }
  return cells;
}

function autoField(cell: HeaderCell): LedgerField | undefined {
  for (const text of cell.texts) {
    const field = fieldOfHeader(text);
    if (field) return field;
  }
  return undefined;
}

function ambiguityQuestion(header: string, hasPlan: boolean): { field: LedgerField; question: string } {
  const field: LedgerField = hasPlan ? 'yearCompleted' : 'sinceStart';
  const why = hasPlan ? '表中有年度计划列，月报台账的累计通常指本年' : '表中没有年度计划列';
  return {
    field,
    question: `“${header}”没有写明是本年累计还是自开工累计，已按“${LEDGER_FIELD_LABELS[field]}”读取（${why}），请确认`,
  };
}

/** Each header's field: the clerk's choice where made, else read from its words; a field is read from one column. */
function columnsOf(cells: HeaderCell[], columnMap: ColumnMap): LedgerColumn[] {
  const taken = new Map<LedgerField, string>();
  for (const cell of cells) {
    const chosen = columnMap[cell.header];
    if (!chosen) continue;
    const other = taken.get(chosen);
    if (other !== undefined) {
      throw new AppError(
        'column_map',
        `“${other}”和“${cell.header}”两列不能都读作“${LEDGER_FIELD_LABELS[chosen]}”，请只选一列`,
      );
    }
    taken.set(chosen, cell.header);
  }
  const autos = cells.map((cell) => (cell.header in columnMap ? undefined : autoField(cell)));
  const hasPlan =
    taken.has('annualPlan') || autos.some((field, i) => field === 'annualPlan' && !(cells[i].header in columnMap));
  return cells.map((cell, i) => {
    const candidates = [...new Set(cell.texts.flatMap(candidatesOfHeader))];
    const base = { index: cell.index, header: cell.header, candidates };
    const measure = (field: LedgerField | null) => ({
      unit: field ? unitOfHeader(cell.texts[0]) : undefined,
      months: field === 'yearCompleted' ? monthsOfHeader(cell.texts[0]) : undefined,
    });
    if (cell.header in columnMap) {
      const field = columnMap[cell.header];
      return { ...base, field, chosen: true, ...measure(field) };
    }
    let field = autos[i] ?? null;
    let question: string | undefined;
    if (field && cell.texts.some(isAmbiguousCompletion) && (field === 'sinceStart' || field === 'yearCompleted')) {
      ({ field, question } = ambiguityQuestion(cell.header, hasPlan));
      if (!candidates.includes('yearCompleted')) candidates.push('yearCompleted');
      if (!candidates.includes('sinceStart')) candidates.push('sinceStart');
    }
    if (field && taken.has(field)) field = null;
    if (field) taken.set(field, cell.header);
    return { ...base, field, chosen: false, question: field ? question : undefined, ...measure(field) };
  });
}

function hintsOf(grid: Grid, headerRow: number, width: number): SheetHints {
  const lines: string[] = [];
  for (let r = 0; r < headerRow; r++) {
    for (let c = 0; c < width; c++) lines.push(cellText(cellAt(grid, r, c)));
  }
  const text = normaliseHeader(lines.filter(Boolean).join('\n'));
  const hints: SheetHints = {};
  const year = /((?:19|20)\d{2})年.*(台账|计划|项目|清单|调度)/.exec(text);
  if (year) hints.year = Number(year[1]);
  const day = /截[至止](日期)?[:：]?(\d{4})[年\-./](\d{1,2})[月\-./](\d{1,2})/.exec(text);
  if (day) hints.asOf = `${day[2]}-${day[3].padStart(2, '0')}-${day[4].padStart(2, '0')}`;
  const totalUnit = /总投资单位[:：]?(亿元|万元)/.exec(text);
  if (totalUnit) hints.totalUnit = totalUnit[1] === '亿元' ? 'yi' : 'wan';
  const unit = /(其余|金额|^|[^资])单位[:：]?(亿元|万元)|其余(万元|亿元)/.exec(text);
  if (unit) hints.unit = (unit[2] ?? unit[3]) === '亿元' ? 'yi' : 'wan';
  return hints;
}

type RowKind =
  | { kind: 'blank' | 'skipped' }
  | { kind: 'section'; stage?: Stage; nested: boolean }
  | { kind: 'project' }
  | { kind: 'noName' };

function classifyRow(cells: Cell[], nameColumn: number, serialColumn: number): RowKind {
  const texts = cells.map(cellText).filter(Boolean);
  if (!texts.length) return { kind: 'blank' };
  const name = cellText(cells[nameColumn] ?? null);
  const first = texts[0];
  if (TOTALS.test(first.replace(/\s/g, '')) || TOTALS.test(name.replace(/\s/g, ''))) return { kind: 'skipped' };
  const serial = serialColumn >= 0 ? cellText(cells[serialColumn] ?? null) : '';
  // a section title sits where the serial number or the name goes, and has no serial number of its own
  const title = name || first;
  if (SECTION.test(title) || (!/^\d+$/.test(serial) && STAGE_SECTION.test(title) && stageOfTitle(title))) {
    return { kind: 'section', stage: stageOfTitle(title), nested: /^[（(]/.test(title) };
  }
  if (name) return { kind: 'project' };
  return texts.length <= 2 ? { kind: 'skipped' } : { kind: 'noName' };
}

/** The ledger table of one sheet, or null when no row of it looks like a ledger's header. */
export function readLedgerTable(grid: Grid, columnMap: ColumnMap = {}): LedgerTable | null {
  const width = widthOf(grid);
  const headerRow = findHeaderRow(grid, width);
  if (headerRow === undefined) return null;
  const nameColumn = nameColumnOf(grid, headerRow, width);
  const twoLevel = isSubHeader(grid, headerRow, nameColumn, width);
  const columns = columnsOf(headerCells(grid, headerRow, twoLevel, width), columnMap);
  const named = columns.find((c) => c.field === 'name');
  if (!named) {
    throw new AppError('column_map', `工作表“${grid.name}”中没有读作“项目名称”的列，请在列对应中选出项目名称列`);
  }
  const nameIndex = named.index;
  const serialColumn = columns.find((c) => c.field === 'serial')?.index ?? -1;
  const table: LedgerTable = {
    sheet: grid.name,
    columns,
    records: [],
    problems: [],
    skipped: 0,
    hints: hintsOf(grid, headerRow, width),
  };
  const sheetStage = stageOfTitle(grid.name);
  let stageHint = sheetStage;
  for (let r = headerRow + (twoLevel ? 2 : 1); r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    const kind = classifyRow(cells, nameIndex, serialColumn);
    if (kind.kind === 'blank') continue;
    if (kind.kind === 'skipped') {
      table.skipped++;
    } else if (kind.kind === 'section') {
      table.skipped++;
      // （一）工业项目 under 一、新开工项目 keeps its parent's stage; a top-level title that names none ends it
      if (kind.stage) stageHint = kind.stage;
      else if (!kind.nested) stageHint = sheetStage;
    } else if (kind.kind === 'noName') {
      table.problems.push({ sheet: grid.name, row: r + 1, name: '', message: '项目名称为空' });
    } else {
      const record: LedgerRecord = { sheet: grid.name, row: r + 1, cells: {}, stageHint };
      for (const column of columns) if (column.field) record.cells[column.field] = cells[column.index] ?? null;
      table.records.push(record);
    }
  }
  return table;
}

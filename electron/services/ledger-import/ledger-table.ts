import type { Stage } from '../../../db/model/stages';
import { cellAt, cellText, mergeAt, widthOf, type Cell, type Grid } from '../spreadsheet/grid';
import { stageWord, type MoneyUnit } from './cell-values';
import { fieldOfHeader, monthsOfHeader, normaliseHeader, unitOfHeader, type LedgerField } from './header-fields';

// Finds the table in a sheet the way a person does: title rows on top (title, 单位, 截至日期), then a header of
// one or two rows with merged cells, then project rows interleaved with section rows (一、新开工项目（12个）),
// subtotals, totals and notes, which are recognised and skipped.

export interface LedgerColumn {
  index: number;
  field: LedgerField;
  header: string;
  unit?: MoneyUnit;
  months?: number;
}

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
const STAGE_SECTION = /^(新开工|续建|在建|竣工|建成|前期|预备|储备|谋划)(类)?项目/;
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

function columnsOf(grid: Grid, row: number, twoLevel: boolean, width: number): LedgerColumn[] {
  const columns: LedgerColumn[] = [];
  const seen = new Set<LedgerField>();
  let parent = '';
  for (let c = 0; c < width; c++) {
    const own = headerText(grid, row, c);
    const merge = mergeAt(grid, row, c);
    // CSV has no merges: a blank parent over a named child belongs to the parent on its left
    if (own || merge) parent = own;
    const child = twoLevel ? headerText(grid, row + 1, c) : '';
    const candidates = child ? [parent + child, child] : [own || (merge ? parent : '')];
    let field: LedgerField | undefined;
    let header = '';
    for (const text of candidates) {
      field = fieldOfHeader(text);
      header = text;
      if (field) break;
    }
    if (!field || seen.has(field)) continue;
    seen.add(field);
    columns.push({ index: c, field, header, unit: unitOfHeader(header), months: monthsOfHeader(header) });
  }
  return columns;
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
  { kind: 'blank' | 'skipped' } | { kind: 'section'; stage?: Stage } | { kind: 'project' } | { kind: 'noName' };

function classifyRow(cells: Cell[], nameColumn: number, serialColumn: number): RowKind {
  const texts = cells.map(cellText).filter(Boolean);
  if (!texts.length) return { kind: 'blank' };
  const name = cellText(cells[nameColumn] ?? null);
  const first = texts[0];
  if (TOTALS.test(first.replace(/\s/g, '')) || TOTALS.test(name.replace(/\s/g, ''))) return { kind: 'skipped' };
  const serial = serialColumn >= 0 ? cellText(cells[serialColumn] ?? null) : '';
  // a section title sits where the serial number or the name goes, and has no serial number of its own
  const title = name || first;
  if (SECTION.test(title) || (!/^\d+$/.test(serial) && STAGE_SECTION.test(title))) {
    return { kind: 'section', stage: stageWord(title) };
  }
  if (name) return { kind: 'project' };
  return texts.length <= 2 ? { kind: 'skipped' } : { kind: 'noName' };
}

/** The ledger table of one sheet, or null when no row of it looks like a ledger's header. */
export function readLedgerTable(grid: Grid): LedgerTable | null {
  const width = widthOf(grid);
  const headerRow = findHeaderRow(grid, width);
  if (headerRow === undefined) return null;
  const nameColumn = nameColumnOf(grid, headerRow, width);
  const twoLevel = isSubHeader(grid, headerRow, nameColumn, width);
  const columns = columnsOf(grid, headerRow, twoLevel, width);
  const serialColumn = columns.find((c) => c.field === 'serial')?.index ?? -1;
  const table: LedgerTable = {
    sheet: grid.name,
    columns,
    records: [],
    problems: [],
    skipped: 0,
    hints: hintsOf(grid, headerRow, width),
  };
  let stageHint = stageWord(grid.name);
  for (let r = headerRow + (twoLevel ? 2 : 1); r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    const kind = classifyRow(cells, nameColumn, serialColumn);
    if (kind.kind === 'blank') continue;
    if (kind.kind === 'skipped') {
      table.skipped++;
    } else if (kind.kind === 'section') {
      table.skipped++;
      if (kind.stage) stageHint = kind.stage;
    } else if (kind.kind === 'noName') {
      table.problems.push({ sheet: grid.name, row: r + 1, name: '', message: '项目名称为空' });
    } else {
      const record: LedgerRecord = { sheet: grid.name, row: r + 1, cells: {}, stageHint };
      for (const column of columns) record.cells[column.field] = cells[column.index] ?? null;
      table.records.push(record);
    }
  }
  return table;
}

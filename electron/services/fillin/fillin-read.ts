import { AppError } from '../../../db/errors';
import { formatChineseDate } from '../../../db/model/dates';
import { formatWan } from '../../../db/model/money';
import { listUnits } from '../../../db/queries/reference';
import type { FillinFileResult } from '../../../db/model/fillin';
import type { ImportChange } from '../../../db/model/ledger-import';
import type { AppContext } from '../app-context';
import { readAmount, readDate, readYesNo } from '../ledger-import/cell-values';
import { cellAt, cellText, type Cell, type Grid } from '../spreadsheet/grid';
import { readSpreadsheetOffThread } from '../spreadsheet/read-off-thread';
import { HEADER_ROW, type CellInput } from '../xlsx-sheet';
import { checkRowKey, fileSignature, fillinSecret, lockedDigest } from './fillin-key';
import {
  fillinColumns,
  META_MARK,
  META_SHEET,
  periodKey,
  periodLabel,
  type FillinColumn,
  type FillinPeriod,
} from './fillin-layout';
import { fillinScope, normalisedLocked, type FillinScope, type FillinSourceRow } from './fillin-source';

// Reads returned fill-in sheets: checks each file is ours, of this period, untampered, then each row's key and
// locked cells, then what the unit wrote. Files and rows that fail are reported with the reason, never applied.

export interface FillinFile {
  fileName: string;
  bytes: Buffer;
}

/** What applying writes: the values read, by column key, for each project. */
export interface FillinWrite {
  fileName: string;
  row: number;
  projectId: number;
  values: Record<string, string | number | boolean | null>;
}

export interface FillinReading {
  files: FillinFileResult[];
  writes: FillinWrite[];
}

function rejected(fileName: string, message: string, unitName: string | null = null): FillinFileResult {
  return { fileName, unitName, accepted: false, message, rows: [], unchanged: 0, problems: [], missing: [] };
}

function metaOf(grids: Grid[]) {
  const meta = grids.find((g) => g.name === META_SHEET);
  if (!meta) return null;
  const text = (row: number) => cellText(cellAt(meta, row, 0));
  if (text(0) !== META_MARK) return null;
  return { period: text(1), unitId: Number(text(2)), unitName: text(3), signature: text(4) };
}

function periodOfKey(key: string): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(key);
  if (week) return `${week[1]}年第${Number(week[2])}周`;
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  return month ? `${month[1]}年${Number(month[2])}月` : key;
}

/** A read-back locked cell in the form it was digested when written. */
function lockedValueOf(column: FillinColumn, cell: Cell): string {
  if (column.kind === 'wan') {
    const number = typeof cell === 'number' ? cell : Number(cellText(cell));
    return cellText(cell) === '' ? '' : normalisedLocked(column, Math.round(number * 100));
  }
  return normalisedLocked(column, cellText(cell));
}

type Read = { ok: true; value: string | number | boolean | null } | { ok: false; message: string };

function readInput(column: FillinColumn, cell: Cell): Read {
  const label = column.header.replace(/（万元）$/, '');
  switch (column.input) {
    case 'money': {
      const read = readAmount(cell, 'wan', label);
      return read.ok && read.value !== null && read.value % 100 !== 0
        ? { ok: false, message: `“${label}”最多保留两位小数（万元）` }
        : read;
    }
    case 'date':
      return readDate(cell, label);
    case 'yesno':
      return readYesNo(cell, label);
    default: {
      const text = cellText(cell);
      const max = column.maxLength ?? 500;
      return text.length > max ? { ok: false, message: `“${label}”超过${max}个字` } : { ok: true, value: text };
    }
  }
}

function shown(column: FillinColumn, value: CellInput | boolean | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (column.input === 'money') return `${formatWan(Number(value))}万元`;
  if (column.input === 'date') return formatChineseDate(String(value));
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

/** The current value of a column in the same terms the reader produces: yuan, ISO dates, booleans, text. */
function currentOf(column: FillinColumn, source: FillinSourceRow): string | number | boolean | null {
  const value = source.values[column.key] ?? null;
  if (column.input === 'money') return value === null ? null : Number(value) * 100;
  if (column.input === 'yesno') return value === '是';
  return value;
}

/** Month sheets treat a blank as “not filled” (the figure stays); a week's texts are the whole report. */
function blankKeeps(period: FillinPeriod, value: unknown): boolean {
  return period.kind === 'month' && (value === null || value === '');
}

function readRows(
  period: FillinPeriod,
  scope: FillinScope,
  unitId: number,
  grid: Grid,
  secret: string,
  result: FillinFileResult,
  taken: Map<number, { fileName: string; values: string }>,
  writes: FillinWrite[],
): void {
  const columns = fillinColumns(period);
  const key = periodKey(period);
  const unitProjects = new Set(scope.units.find((u) => u.unitId === unitId)?.projectIds ?? []);
  const present = new Set<number>();
  for (let r = HEADER_ROW; r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    if (!cells.some((c) => cellText(c) !== '')) continue;
    const problem = (message: string) => result.problems.push({ row: r + 1, message });
    const keyText = cellText(cells[columns.length - 1] ?? null);
    if (!keyText) {
      problem('不是本表生成的行（没有识别码），未读取；新增项目请联系重点项目办');
      continue;
    }
    const check = checkRowKey(secret, key, unitId, keyText);
    if (!check.ok) {
      problem('识别码被改动，未读取该行');
      continue;
    }
    present.add(check.projectId);
    const locked = columns.filter((c) => !c.input && c.key !== 'serial' && c.key !== 'key');
    const digest = lockedDigest(locked.map((c) => lockedValueOf(c, cells[columns.indexOf(c)] ?? null)));
    if (digest !== check.digest) {
      problem('灰色格子（项目信息）被改动，未读取该行；请只填写白色格子');
      continue;
    }
    const source = scope.rows.get(check.projectId);
    if (!source || !unitProjects.has(check.projectId)) {
      problem('该项目已不在本期填报范围（可能已竣工、删除或改了责任单位），未读取');
      continue;
    }
    const values: FillinWrite['values'] = {};
    const changes: ImportChange[] = [];
    const errors: string[] = [];
    for (const column of columns.filter((c) => c.input)) {
      const read = readInput(column, cells[columns.indexOf(column)] ?? null);
      if (!read.ok) {
        errors.push(read.message);
        continue;
      }
      if (blankKeeps(period, read.value)) continue;
      values[column.key] = read.value;
      const current = currentOf(column, source);
      if ((current ?? '') !== (read.value ?? '')) {
        changes.push({
          label: column.header.replace(/（万元）$/, ''),
          before: shown(column, current),
          after: shown(column, read.value),
        });
      }
    }
    if (errors.length) {
      problem(errors.join('；'));
      continue;
    }
    const fingerprint = JSON.stringify(values);
    const earlier = taken.get(check.projectId);
    if (earlier) {
      if (earlier.values !== fingerprint)
        problem(`该项目也在《${earlier.fileName}》中填报且内容不同，未读取此行；请核对后只保留一份`);
      else result.unchanged++;
      continue;
    }
    taken.set(check.projectId, { fileName: result.fileName, values: fingerprint });
    const row = {
      row: r + 1,
      projectId: check.projectId,
      code: String(source.values.code),
      name: String(source.values.name),
      changes,
    };
    if (changes.length || !source.confirmed) {
      result.rows.push(row);
      writes.push({ fileName: result.fileName, row: r + 1, projectId: check.projectId, values });
    } else {
      result.unchanged++;
    }
  }
  // a deleted row is a project left unreported: said per file, as added rows are
  result.missing = [...unitProjects]
    .filter((id) => !present.has(id))
    .flatMap((id) => {
      const source = scope.rows.get(id);
      return source ? [{ projectId: id, code: String(source.values.code), name: String(source.values.name) }] : [];
    });
}

function headerMatches(grid: Grid, columns: FillinColumn[]): boolean {
  return columns.every((c, i) => cellText(cellAt(grid, HEADER_ROW - 1, i)) === c.header);
}

export async function readFillinFiles(
  ctx: AppContext,
  period: FillinPeriod,
  files: FillinFile[],
): Promise<FillinReading> {
  const { scope, units } = await ctx.store.snapshot(async () => ({
    scope: await fillinScope(ctx, period),
    units: new Map((await listUnits(ctx.store)).map((u) => [u.id, u.name])),
  }));
  // outside the reads' snapshot: a library that never exported a sheet makes its secret here, a write
  const secret = await fillinSecret(ctx.store);
  const key = periodKey(period);
  const seenUnits = new Map<number, string>();
  const taken = new Map<number, { fileName: string; values: string }>();
  const writes: FillinWrite[] = [];
  const results: FillinFileResult[] = [];
  for (const file of files) {
    let grids: Grid[];
    try {
      grids = await readSpreadsheetOffThread(file.fileName, file.bytes);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push(rejected(file.fileName, error.message));
      continue;
    }
    const meta = metaOf(grids);
    if (!meta) {
      results.push(rejected(file.fileName, '不是本系统生成的填报表（缺少识别信息），未读取'));
      continue;
    }
    if (fileSignature(secret, meta.period, meta.unitId) !== meta.signature) {
      results.push(
        rejected(file.fileName, '填报表的识别信息被改动过，或不是用本机的数据生成的，未读取', meta.unitName),
      );
      continue;
    }
    if (meta.period !== key) {
      results.push(
        rejected(
          file.fileName,
          `这是${periodOfKey(meta.period)}的填报表，不是${periodLabel(period)}的，未读取`,
          meta.unitName,
        ),
      );
      continue;
    }
    const unitName = units.get(meta.unitId);
    if (!unitName) {
      results.push(rejected(file.fileName, `填报单位“${meta.unitName}”已不在单位名单中，未读取`, meta.unitName));
      continue;
    }
    const earlierFile = seenUnits.get(meta.unitId);
    if (earlierFile) {
      results.push(rejected(file.fileName, `与《${earlierFile}》是同一单位的填报表，只读取第一份`, unitName));
      continue;
    }
    seenUnits.set(meta.unitId, file.fileName);
    const grid = grids.find((g) => !g.hidden);
    const columns = fillinColumns(period);
    if (!grid || !headerMatches(grid, columns)) {
      results.push(rejected(file.fileName, '表头被改动（可能增删了列），未读取；请使用原表填写', unitName));
      continue;
    }
    const result: FillinFileResult = { ...rejected(file.fileName, ''), unitName, accepted: true, message: null };
    readRows(period, scope, meta.unitId, grid, secret, result, taken, writes);
    results.push(result);
  }
  return { files: results, writes };
}

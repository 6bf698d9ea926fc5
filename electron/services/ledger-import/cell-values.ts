import { isIsoDate } from '../../../db/model/dates';
import { MAX_YUAN, YUAN_PER_WAN } from '../../../db/model/money';
import type { Nature } from '../../../db/model/project';
import type { Stage } from '../../../db/model/stages';
import { cellText, type Cell } from '../spreadsheet/grid';

// Cells as offices type them, read into the app's values: dates in half a dozen forms, amounts in 万元 or 亿元,
// 2025—2027 year spans, 是/否, stage and nature words. Each reader says in Chinese what it could not read.

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(message: string): Read<T> => ({ ok: false, message });

/** Cells that mean “nothing here” in a ledger. */
const EMPTY_WORDS = new Set(['', '-', '—', '——', '--', '/', '无', '暂无', '待定', '/ ']);

export function isEmptyCell(cell: Cell): boolean {
  return EMPTY_WORDS.has(cellText(cell));
}

export function formulaMessage(cell: Cell, label: string): string | null {
  if (cell !== null && typeof cell === 'object' && 'formula' in cell) {
    return `“${label}”是公式（=${cell.formula}），请在Excel中复制后“选择性粘贴→数值”，再导入`;
  }
  return null;
}

export type MoneyUnit = 'wan' | 'yi';
const YUAN_PER_UNIT: Record<MoneyUnit, number> = { wan: YUAN_PER_WAN, yi: YUAN_PER_WAN * 10_000 };
const UNIT_WORDS: Record<MoneyUnit, string> = { wan: '万元', yi: '亿元' };

/** An amount in the column's unit, as integer yuan; null when the cell is empty. */
export function readAmount(cell: Cell, unit: MoneyUnit, label: string): Read<number | null> {
  const formula = formulaMessage(cell, label);
  if (formula) return fail(formula);
  if (cell !== null && typeof cell === 'object' && 'error' in cell) return fail(`“${label}”是错误值${cell.error}`);
  if (isEmptyCell(cell)) return ok(null);
  let amount: number;
  if (typeof cell === 'number') {
    amount = cell;
  } else {
    const text = cellText(cell)
      .replace(/[,，\s]/g, '')
      .replace(/(万元|亿元|万|亿)$/, '');
    if (!/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text)) return fail(`“${label}”不是数字：${cellText(cell)}`);
    amount = Number(text);
  }
  if (!Number.isFinite(amount)) return fail(`“${label}”数值过大，请核对单位（${UNIT_WORDS[unit]}）`);
  if (amount < 0) return fail(`“${label}”不能为负数`);
  const yuan = Math.round(amount * YUAN_PER_UNIT[unit]);
  if (!Number.isSafeInteger(yuan) || yuan > MAX_YUAN) {
    return fail(`“${label}”数值过大（${cellText(cell)}${UNIT_WORDS[unit]}），请核对单位`);
  }
  return ok(yuan);
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoOrFail(year: number, month: number, day: number, label: string, shown: string): Read<string> {
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  return isIsoDate(iso) ? ok(iso) : fail(`“${label}”不是有效日期：${shown}`);
}

/** Days from 1899-12-30, Excel's day zero (it counts a 29 February 1900 that never was). */
function fromSerial(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);
}

const SERIAL_1990 = 32874;
const SERIAL_2100 = 73051;

/** 2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日, 2026.3, 2026年3月, 202603, Excel serials and date cells. */
export function readDate(cell: Cell, label: string): Read<string | null> {
  const formula = formulaMessage(cell, label);
  if (formula && !(typeof cell === 'object' && cell !== null && 'formula' in cell && cell.result !== null)) {
    return fail(formula);
  }
  if (cell !== null && typeof cell === 'object' && 'date' in cell) {
    return cell.date ? ok(cell.date) : fail(`“${label}”不是有效日期`);
  }
  if (isEmptyCell(cell)) return ok(null);
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= SERIAL_1990 && cell <= SERIAL_2100) return ok(fromSerial(cell));
    // 2026.3 typed into a number cell
    const match = /^(\d{4})\.(\d{1,2})$/.exec(String(cell));
    if (match) return isoOrFail(Number(match[1]), Number(match[2]), 1, label, String(cell));
    if (Number.isInteger(cell) && cell >= 1990 && cell <= 2100) {
      return fail(`“${label}”只有年份（${cell}），请写明月份，如${cell}.3或${cell}年3月`);
    }
    return fail(`“${label}”不是日期：${cell}`);
  }
  const text = cellText(cell).replace(/\s/g, '');
  let match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (match) return isoOrFail(Number(match[1]), Number(match[2]), Number(match[3]), label, text);
  match = /^(\d{4})[-/.年](\d{1,2})月?份?(上旬|中旬|下旬|初|底|末)?$/.exec(text);
  if (match) {
    const day = { 上旬: 1, 初: 1, 中旬: 11, 下旬: 21, 底: 28, 末: 28 }[match[3] ?? ''] ?? 1;
    return isoOrFail(Number(match[1]), Number(match[2]), day, label, text);
  }
  match = /^(\d{4})(\d{2})(\d{2})?$/.exec(text);
  if (match) return isoOrFail(Number(match[1]), Number(match[2]), Number(match[3] ?? 1), label, text);
  if (/^\d{5}$/.test(text)) return readDate(Number(text), label);
  if (/^\d{4}年?$/.test(text)) return fail(`“${label}”只有年份（${text}），请写明月份，如${text.slice(0, 4)}年3月`);
  return fail(`“${label}”不是日期：${text}（可写作2026-03-01、2026.3或2026年3月）`);
}

/** 2025—2027, 2025-2027, 2025年至2027年, 2025.03-2027.12, or one year. */
export function readYearSpan(cell: Cell, label: string): Read<{ start: number | null; end: number | null }> {
  if (isEmptyCell(cell)) return ok({ start: null, end: null });
  const text = cellText(cell).replace(/\s/g, '');
  const years = [...text.matchAll(/(19|20|21)\d{2}/g)].map((m) => Number(m[0]));
  if (years.length === 1 && /^\d{4}年?$/.test(text)) return ok({ start: years[0], end: years[0] });
  if (years.length === 2 && /[—–\-~～至到]/.test(text)) return ok({ start: years[0], end: years[1] });
  // the ledger writes an open span as “2027—” (no end year yet) or “—2029” (start unknown)
  if (years.length === 1 && /^\d{4}年?[—–\-~～至到]$/.test(text)) return ok({ start: years[0], end: null });
  if (years.length === 1 && /^[—–\-~～至到]\d{4}年?$/.test(text)) return ok({ start: null, end: years[0] });
  return fail(`“${label}”应写作“2025—2027”：${text}`);
}

export function readYesNo(cell: Cell, label: string): Read<boolean | null> {
  if (isEmptyCell(cell)) return ok(null);
  if (typeof cell === 'boolean') return ok(cell);
  const text = cellText(cell).replace(/\s/g, '');
  if (/^(是|√|✓|Y|YES|1|已纳统|纳统|已入统|入统|已入库)$/i.test(text)) return ok(true);
  if (/^(否|×|✗|N|NO|0|未纳统|未入统|未入库)$/i.test(text)) return ok(false);
  return fail(`“${label}”应为“是”或“否”：${text}`);
}

const STAGE_WORDS: [RegExp, Stage][] = [
  [/新开工/, 'new_start'],
  [/续建|在建/, 'continuing'],
  [/竣工|建成|完工/, 'completed'],
  [/前期|预备/, 'preliminary'],
  [/储备|谋划/, 'reserve'],
];

/** The stage a word names (新开工, 续建, 前期, 预备, 储备, 谋划, 竣工…), if it names one. */
export function stageWord(text: string): Stage | undefined {
  return STAGE_WORDS.find(([pattern]) => pattern.test(text))?.[1];
}

const NATURE_WORDS: [RegExp, Nature][] = [
  [/技改|技术改造/, 'upgrade'],
  [/改扩建|扩建/, 'expansion'],
  [/改建|迁建/, 'renovation'],
  [/新建/, 'new'],
];

export function natureWord(text: string): Nature | undefined {
  return NATURE_WORDS.find(([pattern]) => pattern.test(text))?.[1];
}

/** 责任单位 cells list several names: 市发改局、市住建局 / 市发改局，市住建局 / one per line. */
export function splitNames(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、,，;；\n\r]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** Money lives as integer yuan; clerks read and type 万元 with two decimals (1 分 of 万元 = 100 元). */
export const YUAN_PER_WAN = 10_000;
/** 十万亿元: far above any county project, far below Number.MAX_SAFE_INTEGER. */
export const MAX_YUAN = 10_000_000_000_000;

// toLocaleString builds a new formatter on every call: a grid scrolling through money columns paid for it each frame
const thousands = new Intl.NumberFormat('en-US');

export function formatWan(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return '';
  const negative = yuan < 0;
  const hundredths = Math.round(Math.abs(yuan) / 100);
  const whole = Math.floor(hundredths / 100);
  const cents = String(hundredths % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${thousands.format(whole)}.${cents}`;
}

export type ParsedMoney = { ok: true; yuan: number | null } | { ok: false; message: string };

/** Reads what a clerk types in a 万元 box: "1,234.5", "1234.56", "" (empty = not filled). */
export function parseWan(text: string): ParsedMoney {
  const cleaned = text.replace(/[,，\s]/g, '');
  if (cleaned === '') return { ok: true, yuan: null };
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) {
    if (/^-/.test(cleaned)) return { ok: false, message: '金额不能为负数' };
    if (/^\d+\.\d{3,}$/.test(cleaned)) return { ok: false, message: '金额最多保留两位小数（万元）' };
    return { ok: false, message: '请输入数字金额（万元）' };
  }
  const [whole, fraction = ''] = cleaned.split('.');
  const yuan = Number(whole) * YUAN_PER_WAN + Number(fraction.padEnd(2, '0')) * 100;
  if (yuan > MAX_YUAN) return { ok: false, message: '金额过大，请核对单位是否为万元' };
  return { ok: true, yuan };
}

export function sumYuan(values: readonly (number | null | undefined)[]): number {
  let total = 0;
  for (const value of values) total += value ?? 0;
  return total;
}

/** A ratio as a percentage with one decimal, or '' when the base is zero. */
export function formatPercent(numerator: number, denominator: number): string {
  if (!denominator) return '';
  return `${((numerator / denominator) * 100).toFixed(1)}%`;
}

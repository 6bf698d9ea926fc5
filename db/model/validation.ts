import { z } from 'zod';
import { isIsoDate } from './dates';
import { MAX_YUAN } from './money';

// Generic messages (wrong type, too big…) in Chinese wherever a schema gives none of its own.
z.config(z.locales.zhCN());

/** U+0000: SQLite keeps it, PostgreSQL refuses it in text; refused on both so that both keep the same texts */
const hasNul = (text: string) => text.includes('\u0000');
const nulRefused = (label: string) => ({ error: `${label}含有无法保存的控制字符，请删去后再试` });

export function requiredText(label: string, max: number) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过${max}个字` })
    .refine((text) => !hasNul(text), nulRefused(label));
}

/** What the clerk looks for, never kept: any character may be in it (the search takes what it can use). */
export function searchText(label: string, max: number) {
  return z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, { error: `${label}不能超过${max}个字` });
}

export function optionalText(label: string, max: number) {
  return z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, { error: `${label}不能超过${max}个字` })
    .refine((text) => !hasNul(text), nulRefused(label));
}

export function yuanAmount(label: string) {
  return (
    z
      .number({ error: `${label}应为数字金额` })
      .int({ error: `${label}最多保留两位小数（万元）` })
      .min(0, { error: `${label}不能为负数` })
      // 0.01万元 is 100 yuan: anything finer is more precision than any ledger or screen shows
      .multipleOf(100, { error: `${label}最多保留两位小数（万元）` })
      .max(MAX_YUAN, { error: `${label}过大，请核对单位` })
  );
}

export function isoDate(label: string) {
  return z
    .string({ error: `${label}应为日期` })
    .refine(isIsoDate, { error: `${label}不是有效日期（格式：2026-03-01）` });
}

/** The largest id a record can have on either engine: PostgreSQL's ids are `integer` (db/migrations/postgres-baseline.ts). */
export const MAX_RECORD_ID = 2_147_483_647;

export function recordId(label: string) {
  return z
    .number({ error: `请选择${label}` })
    .int({ error: `${label}不正确` })
    .positive({ error: `请选择${label}` })
    .max(MAX_RECORD_ID, { error: `${label}不正确` });
}

export interface FieldErrors {
  [field: string]: string;
}

/** The first message per field, keyed by the top-level field name ('' for the record itself). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : '';
    if (!(field in errors)) errors[field] = issue.message;
  }
  return errors;
}

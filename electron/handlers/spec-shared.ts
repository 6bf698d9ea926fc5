import { z } from 'zod';
import { fileTooBigMessage, MAX_IMPORT_BASE64_CHARS } from '../../db/model/import-limits';
import { recordId, requiredText } from '../../db/model/validation';
import { parseWeek } from '../../db/model/weeks';

// What the domains' specs share. The renderer's build reads the specs for their types, so they (and this file)
// import only zod and db/model.

/** One method: its input schema, and the type of what it answers (carried only as a type). */
export function method<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

export const noInput = z.object({}).strict();

export const planYear = z
  .number({ error: '计划年度应为年份' })
  .int({ error: '计划年度应为年份' })
  .min(2000, { error: '计划年度应在2000—2100年之间' })
  .max(2100, { error: '计划年度应在2000—2100年之间' });

export const monthNumber = z
  .number({ error: '月份应为1—12' })
  .int({ error: '月份应为1—12' })
  .min(1, { error: '月份应为1—12' })
  .max(12, { error: '月份应为1—12' });

/**
 * The version of a record as it was read (issue #15): a write that carries it is refused with `conflict` when
 * the record has changed since. 0 reads as “not yet saved” (a week's entry before its first save).
 */
export const readVersion = z
  .number({ error: '记录版本应为整数' })
  .int({ error: '记录版本应为整数' })
  .min(0, { error: '记录版本应为整数' })
  .optional();

/** How many of a list's first rows to send ahead (`first`), while the whole list is on its way. */
export const firstRows = z
  .number({ error: '先取的行数应为1—1000' })
  .int({ error: '先取的行数应为1—1000' })
  .min(1, { error: '先取的行数应为1—1000' })
  .max(1000, { error: '先取的行数应为1—1000' });

export const weekKey = z
  .string({ error: '请选择调度周' })
  .refine((key) => parseWeek(key) !== null, { error: '调度周格式不正确，或该年没有这一周' });

/** A spreadsheet sent for import: its name (the type is judged by content) and its bytes in base64. */
export const importFile = z
  .object({
    fileName: requiredText('文件名', 255),
    contentBase64: z
      .string({ error: '请选择要导入的文件' })
      .max(MAX_IMPORT_BASE64_CHARS, { error: fileTooBigMessage() })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: '文件内容编码不正确，请重新选择文件' }),
    defaultChainId: recordId('产业链').optional(),
  })
  .strict();

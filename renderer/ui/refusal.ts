import type { FormInstance } from 'antd';
import { ApiError } from '../api';

/**
 * Puts the server's refusal under the fields it names (when they are on this form, the first one gets the
 * keyboard) and returns what has no field here, for a line above the form; '' when everything found a field.
 * `labelOf` names a field that is not on the form, so the line above says which one it means.
 */
export function showRefusal<T>(
  form: FormInstance<T>,
  error: unknown,
  fields: readonly string[],
  labelOf?: (field: string) => string | undefined,
): string {
  if (!(error instanceof ApiError)) return `保存未完成：${(error as Error).message}`;
  const entries = Object.entries(error.fieldErrors);
  const onForm = entries.filter(([field]) => fields.includes(field));
  if (onForm.length) {
    form.setFields(onForm.map(([name, text]) => ({ name: name as never, errors: [text] })));
    form.focusField(onForm[0][0] as never);
  }
  const elsewhere = entries
    .filter(([field]) => !fields.includes(field))
    .map(([field, text]) => {
      const label = labelOf?.(field);
      return label && !text.includes(label) ? `${label}：${text}` : text;
    });
  if (!onForm.length && !elsewhere.length) return error.message;
  return elsewhere.join('；');
}

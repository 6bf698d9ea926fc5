import type { FormInstance } from 'antd';

function isValidationFailure(error: unknown): error is { errorFields: { name: (string | number)[] }[] } {
  return typeof error === 'object' && error !== null && Array.isArray((error as { errorFields?: unknown }).errorFields);
}

/** Runs the form's own rules; when one fails, the keyboard goes to the first field in error and this says false. */
export async function passesRules(form: FormInstance): Promise<boolean> {
  try {
    await form.validateFields();
    return true;
  } catch (failure) {
    if (!isValidationFailure(failure)) throw failure;
    const first = failure.errorFields[0];
    if (first) form.focusField(first.name);
    return false;
  }
}

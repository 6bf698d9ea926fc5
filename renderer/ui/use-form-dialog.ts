import type { FormInstance } from 'antd';
import { useRef, useState, type KeyboardEvent } from 'react';
import { passesRules } from './form-check';
import { showRefusal } from './refusal';

export interface FormDialogOptions<Values> {
  form: FormInstance<Values>;
  /** the fields on this form, by the names the server uses: its refusal is shown under them */
  fields: readonly string[];
  /** a check across fields after the form's own rules; its message goes above the form */
  check?(values: Values): string | undefined;
  /** sends the values; a throw is the server's refusal */
  save(values: Values): Promise<unknown>;
  /** names a field the server refused that is not on this form */
  labelOf?(field: string): string | undefined;
}

export interface FormDialog {
  saving: boolean;
  /** what has no field on the form: a check across fields or a refusal of something else */
  formError: string | undefined;
  setFormError(text: string | undefined): void;
  /** the form's rules, then `check`, then `save`; a second call while saving is ignored */
  submit(): Promise<void>;
  /** Ctrl+Enter (⌘+Enter) anywhere in the dialog saves */
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
  /** wraps the dialog's close so that it does nothing while a save is under way */
  cancel(onClose: () => void): () => void;
}

/** What every form dialog does the same way: saving state, Ctrl+Enter, and the server's refusal under its field. */
export function useFormDialog<Values>({ form, fields, check, save, labelOf }: FormDialogOptions<Values>): FormDialog {
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  // a second Ctrl+Enter may come before React has re-rendered with saving = true
  const busy = useRef(false);

  async function submit() {
    if (busy.current) return;
    busy.current = true;
    try {
      setFormError(undefined);
      if (!(await passesRules(form))) return;
      const values = form.getFieldsValue(true) as Values;
      const issue = check?.(values);
      if (issue) {
        setFormError(issue);
        return;
      }
      setSaving(true);
      try {
        await save(values);
      } catch (error) {
        setFormError(showRefusal(form, error, fields, labelOf) || undefined);
      } finally {
        setSaving(false);
      }
    } finally {
      busy.current = false;
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  }

  return {
    saving,
    formError,
    setFormError,
    submit,
    onKeyDown,
    cancel: (onClose) => () => {
      if (!busy.current) onClose();
    },
  };
}

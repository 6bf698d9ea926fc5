import { describeProjectValue, type ReferenceNameOf } from '../../../db/model/project-changes';
import { PROJECT_FIELD_KEYS, type ProjectFields } from '../../../db/model/project';
import { fromFormValues, type ProjectFormValues } from './form-values';

// After a save was refused because someone else saved the project meanwhile, the form takes the saved project
// while keeping what the clerk typed: a field the clerk left alone takes the saved value; a field only the clerk
// changed keeps the typed text; a field both changed, differently, keeps the typed text and is listed, so the
// form shows the saved value beside it until the clerk chooses.

export type FieldName = keyof ProjectFields;

/** A field whose saved value differs from what the clerk typed there, both as the history words them. */
export interface DifferingField {
  saved: string;
  typed: string;
}

export interface ReloadedForm {
  values: ProjectFormValues;
  differing: Partial<Record<FieldName, DifferingField>>;
}

/** What a field's value means: the converted value, or the text as typed where it does not convert. */
function meanings(values: ProjectFormValues): Record<FieldName, string> {
  const { candidate, issues } = fromFormValues(values);
  const meaning = {} as Record<FieldName, string>;
  for (const field of PROJECT_FIELD_KEYS) {
    meaning[field] = JSON.stringify(
      field in issues ? { typed: values[field as keyof ProjectFormValues] } : (candidate[field] ?? null),
    );
  }
  return meaning;
}

function described(values: ProjectFormValues, field: FieldName, nameOf: ReferenceNameOf): string {
  const { candidate, issues } = fromFormValues(values);
  if (field in issues) return String(values[field as keyof ProjectFormValues] ?? '');
  return describeProjectValue(nameOf, field, candidate[field]) ?? '';
}

/**
 * The form's values once the saved project is loaded. `opened`: what the form started from; `typed`: what it
 * holds now; `latest`: the project as saved now. The stage is not edited in this form: it is always the saved one.
 */
export function mergeReloaded(
  opened: ProjectFormValues,
  typed: ProjectFormValues,
  latest: ProjectFormValues,
  nameOf: ReferenceNameOf,
): ReloadedForm {
  const [was, now, saved] = [meanings(opened), meanings(typed), meanings(latest)];
  const values = { ...typed } as Record<string, unknown>;
  const differing: ReloadedForm['differing'] = {};
  for (const field of PROJECT_FIELD_KEYS) {
    const key = field as keyof ProjectFormValues;
    if (field === 'stage' || now[field] === was[field]) {
      values[key] = latest[key];
    } else if (saved[field] !== was[field] && saved[field] !== now[field]) {
      differing[field] = { saved: described(latest, field, nameOf), typed: described(typed, field, nameOf) };
    }
  }
  return { values: values as ProjectFormValues, differing };
}

import { formatWan } from './money';
import { CATEGORY_LABELS, NATURE_LABELS, PROJECT_FIELD_KEYS, type ProjectFields } from './project';
import type { ReferenceKind } from './reference';
import { STAGE_LABELS, type Stage } from './stages';

// What an edit of a project changes, as the change history records it. The database's write and an import's
// preview (which diffs in memory) both take their changes from here, so the preview lists what the write will.

/** A unit's, chain's, park's, level's or township's name; undefined when there is no such entry. */
export type ReferenceNameOf = (kind: ReferenceKind, id: number) => string | undefined;

export interface ProjectFieldChange {
  field: keyof ProjectFields;
  oldValue: string | null;
  newValue: string | null;
}

/** The stored columns in the order a change lists them; 责任单位 and the levels (lists of their own) come last. */
const COLUMN_FIELDS = PROJECT_FIELD_KEYS.filter((f) => f !== 'responsibleUnitIds' && f !== 'levelIds');

/** What the clerk reads in the change history: names, 万元, 是/否, not ids and yuan. */
export function describeProjectValue(
  nameOf: ReferenceNameOf,
  field: keyof ProjectFields,
  value: unknown,
): string | null {
  if (value === null || value === undefined || value === '') return null;
  switch (field) {
    case 'chainId':
      return nameOf('chain', value as number) ?? String(value);
    case 'leadUnitId':
      return nameOf('unit', value as number) ?? String(value);
    case 'parkId':
      return nameOf('park', value as number) ?? String(value);
    case 'townshipId':
      return nameOf('township', value as number) ?? String(value);
    case 'contactLeaderId':
      return nameOf('contactLeader', value as number) ?? String(value);
    case 'responsibleUnitIds':
      return (value as number[]).map((id) => nameOf('unit', id) ?? String(id)).join('、') || null;
    case 'levelIds':
      return (value as number[]).map((id) => nameOf('level', id) ?? String(id)).join('、') || null;
    case 'totalInvestmentYuan':
    case 'investedBeforeYearYuan':
    case 'annualPlanYuan':
    case 'contractInvestmentYuan':
    case 'fundsInPlaceYuan':
      return `${formatWan(value as number)}万元`;
    case 'startWithinMonths':
      return `${value as number}个月`;
    case 'isInvestmentPromotion':
    case 'inStatistics':
      return value ? '是' : '否';
    case 'stage':
      return STAGE_LABELS[value as Stage];
    case 'category':
      return CATEGORY_LABELS[value as ProjectFields['category']];
    case 'nature':
      return NATURE_LABELS[value as NonNullable<ProjectFields['nature']>];
    default:
      return String(value);
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  // most fields of an update are untouched: those need no JSON
  return a === b || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Every field that differs, each with its old and new value as the history shows them. */
export function projectChanges(
  before: ProjectFields,
  after: ProjectFields,
  nameOf: ReferenceNameOf,
): ProjectFieldChange[] {
  const changed: (keyof ProjectFields)[] = COLUMN_FIELDS.filter((f) => !sameValue(before[f], after[f]));
  if (!sameValue(before.responsibleUnitIds, after.responsibleUnitIds)) changed.push('responsibleUnitIds');
  if (!sameValue(before.levelIds, after.levelIds)) changed.push('levelIds');
  return changed.map((field) => ({
    field,
    oldValue: describeProjectValue(nameOf, field, before[field]),
    newValue: describeProjectValue(nameOf, field, after[field]),
  }));
}

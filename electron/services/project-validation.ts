import { AppError } from '../../db/errors';
import type { ProjectFields } from '../../db/model/project';
import { editCrossFieldIssues, editStageIssue } from '../../db/model/edit-rules';
import { projectFieldsOnlySchema } from '../../db/model/project-schema';
import { REFERENCE_KIND_LABELS, type ReferenceKind } from '../../db/model/reference';
import { futureDateIssues } from '../../db/model/stage-rules';
import { fieldErrorsOf } from '../../db/model/validation';
import { projectIdByCode } from '../../db/queries/projects-read';
import { isRetired } from '../../db/queries/reference';
import type { Store } from '../../db/store/store';

type Issue = { field: string; message: string };

export type RetiredOf = (kind: ReferenceKind, id: number) => Promise<boolean | undefined>;

/** isRetired remembered: an import validates thousands of rows against the same few dozen units and chains. */
export function rememberedRetired(store: Store): RetiredOf {
  const known = new Map<string, boolean | undefined>();
  return async (kind, id) => {
    const key = `${kind}:${id}`;
    if (!known.has(key)) known.set(key, await isRetired(store, kind, id));
    return known.get(key);
  };
}

async function referenceIssue(
  retiredOf: RetiredOf,
  kind: ReferenceKind,
  id: number | null,
  keptId: number | null | readonly number[],
  field: string,
): Promise<Issue | null> {
  if (id === null) return null;
  const retired = await retiredOf(kind, id);
  const label = REFERENCE_KIND_LABELS[kind];
  if (retired === undefined) return { field, message: `所选${label}不存在，请重新选择` };
  const kept = Array.isArray(keptId) ? keptId.includes(id) : keptId === id;
  if (retired && !kept) return { field, message: `所选${label}已停用，请选择其他${label}` };
  return null;
}

function throwIssues(issues: Issue[]): void {
  if (!issues.length) return;
  const fieldErrors = Object.fromEntries(issues.map((i) => [i.field, i.message]).reverse());
  throw new AppError('invalid_input', issues[0].message, issues[0].field, fieldErrors);
}

export interface ValidationContext {
  store: Store;
  today: string;
  planYear: number;
  /** the project as stored, when editing */
  before?: ProjectFields & { id: number };
  /**
   * A ledger row records a project as it is, not a move inside the app: what its stage lacks (续建 without
   * 实际开工日期) is marked 资料待补 instead of refused. The importer reports those gaps as warnings.
   */
  asRecorded?: boolean;
  /** how to tell a retired unit, chain or park; a fresh read each time unless given */
  retiredOf?: RetiredOf;
  /** which project holds a code; a fresh read unless given */
  codeOwner?: (code: string) => Promise<number | undefined>;
}

/** The whole record's rules: field formats, references, dates that cannot be in the future, stage needs. */
export async function validateProject(ctx: ValidationContext, candidate: unknown): Promise<ProjectFields> {
  const parsed = projectFieldsOnlySchema.safeParse(candidate);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    const [field, message] = Object.entries(fieldErrors)[0];
    throw new AppError('invalid_input', message, field || undefined, fieldErrors);
  }
  const fields = parsed.data as ProjectFields;
  const { before } = ctx;
  const retiredOf = ctx.retiredOf ?? ((kind: ReferenceKind, id: number) => isRetired(ctx.store, kind, id));
  const issues: (Issue | null)[] = [
    ...editCrossFieldIssues(fields, before).filter((i) => !(i.gap && ctx.asRecorded)),
    await referenceIssue(retiredOf, 'chain', fields.chainId, before?.chainId ?? null, 'chainId'),
    await referenceIssue(retiredOf, 'unit', fields.leadUnitId, before?.leadUnitId ?? null, 'leadUnitId'),
    await referenceIssue(retiredOf, 'park', fields.parkId, before?.parkId ?? null, 'parkId'),
    await referenceIssue(retiredOf, 'township', fields.townshipId, before?.townshipId ?? null, 'townshipId'),
    await referenceIssue(
      retiredOf,
      'contactLeader',
      fields.contactLeaderId,
      before?.contactLeaderId ?? null,
      'contactLeaderId',
    ),
  ];
  for (const id of fields.levelIds) {
    issues.push(await referenceIssue(retiredOf, 'level', id, before?.levelIds ?? [], 'levelIds'));
  }
  for (const id of fields.responsibleUnitIds) {
    issues.push(await referenceIssue(retiredOf, 'unit', id, before?.responsibleUnitIds ?? [], 'responsibleUnitIds'));
  }
  issues.push(...futureDateIssues(fields, ctx.today));
  const requirement = editStageIssue(fields, before, ctx.planYear);
  if (requirement && !ctx.asRecorded) issues.push(requirement);
  const owner = ctx.codeOwner ? await ctx.codeOwner(fields.code) : await projectIdByCode(ctx.store, fields.code);
  if (owner !== undefined && owner !== before?.id) {
    issues.push({ field: 'code', message: `项目编号“${fields.code}”已被其他项目使用` });
  }
  throwIssues(issues.filter((i): i is Issue => i !== null));
  return fields;
}

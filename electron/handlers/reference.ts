import { AppError } from '../../db/errors';
import { REFERENCE_KIND_LABELS, type ReferenceKind } from '../../db/model/reference';
import {
  chainIdByCode,
  findIdByName,
  listReference,
  referenceName,
  saveReference,
  setRetired,
  type ReferenceRecord,
} from '../../db/queries/reference';
import type { ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { writeMeta } from '../services/session';
import { inTransaction } from '../../db/transaction';

function ensureNameFree(ctx: AppContext, kind: ReferenceKind, name: string, id?: number): void {
  const owner = findIdByName(ctx.db, kind, name);
  if (owner !== undefined && owner !== id) {
    throw new AppError('duplicate_name', `${REFERENCE_KIND_LABELS[kind]}“${name}”已存在`, 'name');
  }
}

function ensureExists(ctx: AppContext, kind: ReferenceKind, id: number): string {
  const name = referenceName(ctx.db, kind, id);
  if (name === undefined) throw new AppError('not_found', `找不到该${REFERENCE_KIND_LABELS[kind]}`);
  return name;
}

/** Saves one reference record (a new one without an id) after checking its name and that it exists. */
function save(ctx: AppContext, record: ReferenceRecord, id: number | undefined): ReturnType<typeof listReference> {
  const meta = writeMeta(ctx);
  inTransaction(ctx.db, () => {
    ensureNameFree(ctx, record.kind, record.values.name, id);
    if (id !== undefined) ensureExists(ctx, record.kind, id);
    saveReference(ctx.db, record, id, meta);
  });
  return listReference(ctx.db);
}

export const referenceHandlers = {
  'reference.list': async (ctx: AppContext) => listReference(ctx.db),

  'reference.saveChain': async (ctx: AppContext, input: ParsedInput<'reference.saveChain'>) => {
    const { id, ...values } = input;
    const codeOwner = chainIdByCode(ctx.db, values.code);
    if (codeOwner !== undefined && codeOwner !== id) {
      throw new AppError('duplicate_code', `产业链代码“${values.code}”已被使用`, 'code');
    }
    if (values.leadUnitId !== null) ensureExists(ctx, 'unit', values.leadUnitId);
    return save(ctx, { kind: 'chain', values }, id);
  },

  'reference.saveUnit': async (ctx: AppContext, input: ParsedInput<'reference.saveUnit'>) =>
    save(ctx, { kind: 'unit', values: { name: input.name } }, input.id),

  'reference.savePark': async (ctx: AppContext, input: ParsedInput<'reference.savePark'>) => {
    const { id, ...values } = input;
    return save(ctx, { kind: 'park', values }, id);
  },

  'reference.setRetired': async (ctx: AppContext, input: ParsedInput<'reference.setRetired'>) => {
    const meta = writeMeta(ctx);
    inTransaction(ctx.db, () => {
      ensureExists(ctx, input.kind, input.id);
      setRetired(ctx.db, input.kind, input.id, input.retired, meta);
    });
    return listReference(ctx.db);
  },
};

import { AppError } from '../../db/errors';
import { REFERENCE_KIND_LABELS, type ReferenceKind } from '../../db/model/reference';
import { writeAudit } from '../../db/queries/audit';
import {
  chainIdByCode,
  findIdByName,
  insertChain,
  insertPark,
  insertUnit,
  listReference,
  referenceName,
  setRetired,
  updateChain,
  updatePark,
  updateUnit,
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

/** Saves one reference record in a transaction with its audit row. */
function save(
  ctx: AppContext,
  kind: ReferenceKind,
  id: number | undefined,
  name: string,
  write: () => number,
): ReturnType<typeof listReference> {
  const meta = writeMeta(ctx);
  inTransaction(ctx.db, () => {
    ensureNameFree(ctx, kind, name, id);
    const oldName = id === undefined ? null : ensureExists(ctx, kind, id);
    const savedId = write();
    writeAudit(
      ctx.db,
      {
        operator: meta.operator,
        entity: kind,
        entityId: savedId,
        action: id === undefined ? 'create' : 'update',
        changes: [{ field: 'name', oldValue: oldName, newValue: name }],
      },
      meta.now,
    );
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
    return save(ctx, 'chain', id, values.name, () => {
      if (id === undefined) return insertChain(ctx.db, values);
      updateChain(ctx.db, id, values);
      return id;
    });
  },

  'reference.saveUnit': async (ctx: AppContext, input: ParsedInput<'reference.saveUnit'>) =>
    save(ctx, 'unit', input.id, input.name, () => {
      if (input.id === undefined) return insertUnit(ctx.db, input.name);
      updateUnit(ctx.db, input.id, input.name);
      return input.id;
    }),

  'reference.savePark': async (ctx: AppContext, input: ParsedInput<'reference.savePark'>) => {
    const { id, ...values } = input;
    return save(ctx, 'park', id, values.name, () => {
      if (id === undefined) return insertPark(ctx.db, values);
      updatePark(ctx.db, id, values);
      return id;
    });
  },

  'reference.setRetired': async (ctx: AppContext, input: ParsedInput<'reference.setRetired'>) => {
    const meta = writeMeta(ctx);
    inTransaction(ctx.db, () => {
      const name = ensureExists(ctx, input.kind, input.id);
      setRetired(ctx.db, input.kind, input.id, input.retired);
      writeAudit(
        ctx.db,
        {
          operator: meta.operator,
          entity: input.kind,
          entityId: input.id,
          action: 'update',
          changes: [{ field: 'retired', oldValue: name, newValue: input.retired ? '停用' : '启用' }],
        },
        meta.now,
      );
    });
    return listReference(ctx.db);
  },
};

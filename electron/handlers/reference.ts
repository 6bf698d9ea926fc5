import { AppError } from '../../db/errors';
import { REFERENCE_KIND_LABELS, type ReferenceData, type ReferenceKind } from '../../db/model/reference';
import {
  chainIdByCode,
  findIdByName,
  listReference,
  referenceName,
  referenceVersion,
  saveReference,
  setRetired,
  type ReferenceRecord,
} from '../../db/queries/reference';
import type { ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { refuseIfChanged } from '../services/record-versions';
import { writeMeta } from '../services/session';

async function ensureNameFree(ctx: AppContext, kind: ReferenceKind, name: string, id?: number): Promise<void> {
  const owner = await findIdByName(ctx.store, kind, name);
  if (owner !== undefined && owner !== id) {
    throw new AppError('duplicate_name', `${REFERENCE_KIND_LABELS[kind]}“${name}”已存在`, 'name');
  }
}

async function ensureExists(ctx: AppContext, kind: ReferenceKind, id: number): Promise<string> {
  const name = await referenceName(ctx.store, kind, id);
  if (name === undefined) throw new AppError('not_found', `找不到该${REFERENCE_KIND_LABELS[kind]}`);
  return name;
}

/**
 * Saves one reference record (a new one without an id) after checking its name and that it exists, and the
 * kind's own checks (`check`), all in the transaction that writes it.
 */
async function save(
  ctx: AppContext,
  record: ReferenceRecord,
  { id, version }: { id?: number; version?: number },
  check: () => Promise<void> = async () => {},
): Promise<ReferenceData> {
  await ctx.store.transaction(
    async () => {
      if (id !== undefined) {
        const current = await referenceVersion(ctx.store, record.kind, id);
        if (current === undefined) throw new AppError('not_found', `找不到该${REFERENCE_KIND_LABELS[record.kind]}`);
        await refuseIfChanged(ctx, version, current, { entity: record.kind, entityId: id });
      }
      await check();
      const meta = await writeMeta(ctx);
      await ensureNameFree(ctx, record.kind, record.values.name, id);
      await saveReference(ctx.store, record, id, meta);
    },
    { idempotent: true },
  );
  return ctx.store.snapshot(() => listReference(ctx.store));
}

export const referenceHandlers = {
  'reference.list': async (ctx: AppContext) => ctx.store.snapshot(() => listReference(ctx.store)),

  'reference.saveChain': async (ctx: AppContext, input: ParsedInput<'reference.saveChain'>) => {
    const { id, version, ...values } = input;
    return save(ctx, { kind: 'chain', values }, { id, version }, async () => {
      const codeOwner = await chainIdByCode(ctx.store, values.code);
      if (codeOwner !== undefined && codeOwner !== id) {
        throw new AppError('duplicate_code', `产业链代码“${values.code}”已被使用`, 'code');
      }
      if (values.leadUnitId !== null) await ensureExists(ctx, 'unit', values.leadUnitId);
    });
  },

  'reference.saveUnit': async (ctx: AppContext, input: ParsedInput<'reference.saveUnit'>) =>
    save(ctx, { kind: 'unit', values: { name: input.name } }, input),

  'reference.savePark': async (ctx: AppContext, input: ParsedInput<'reference.savePark'>) => {
    const { id, version, ...values } = input;
    return save(ctx, { kind: 'park', values }, { id, version });
  },

  'reference.saveLevel': async (ctx: AppContext, input: ParsedInput<'reference.saveLevel'>) =>
    save(ctx, { kind: 'level', values: { name: input.name } }, input),

  'reference.saveTownship': async (ctx: AppContext, input: ParsedInput<'reference.saveTownship'>) =>
    save(ctx, { kind: 'township', values: { name: input.name } }, input),

  'reference.saveContactLeader': async (ctx: AppContext, input: ParsedInput<'reference.saveContactLeader'>) => {
    const { id, version, ...values } = input;
    return save(ctx, { kind: 'contactLeader', values }, { id, version });
  },

  'reference.setRetired': async (ctx: AppContext, input: ParsedInput<'reference.setRetired'>) => {
    const meta = await writeMeta(ctx);
    await ctx.store.transaction(
      async () => {
        await ensureExists(ctx, input.kind, input.id);
        await setRetired(ctx.store, input.kind, input.id, input.retired, meta);
      },
      { idempotent: true },
    );
    return ctx.store.snapshot(() => listReference(ctx.store));
  },
};

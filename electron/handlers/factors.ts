import { AppError } from '../../db/errors';
import {
  EMPTY_ENERGY,
  EMPTY_LAND,
  factorChanges,
  FACTOR_FIELD_PREFIX,
  fundsInOrder,
  shortfalls,
  type FactorSheet,
  type Shortfalls,
} from '../../db/model/factors';
import { writeAudit } from '../../db/queries/audit';
import {
  allFactors,
  factorProjects,
  factorsOf,
  fundsOf,
  fundsOfYear,
  fundYearsOf,
  raisedFactorProblems,
  writeFactors,
  writeFunds,
} from '../../db/queries/factors';
import type { ExportedFile } from '../../db/model/exported-file';
import { projectExists } from '../../db/queries/projects-read';
import { getSetting } from '../../db/queries/settings';
import type { ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { exportShortfalls } from '../services/factors-export';
import { refuseIfChanged } from '../services/record-versions';
import { planYearOf, writeMeta } from '../services/session';

/** 要素保障 only reads and writes the library: PostgreSQL may run a save again after a conflict. */
const IDEMPOTENT = { idempotent: true };

async function readSheet(ctx: AppContext, projectId: number, year: number): Promise<FactorSheet> {
  if (!(await projectExists(ctx.store, projectId))) throw new AppError('not_found', '找不到该项目，可能已被删除');
  const stored = await factorsOf(ctx.store, projectId);
  const funds = fundsInOrder(await fundsOf(ctx.store, projectId, year));
  return {
    projectId,
    year,
    land: stored?.land ?? EMPTY_LAND,
    energy: stored?.energy ?? EMPTY_ENERGY,
    funds,
    fundTotals: {
      plannedYuan: funds.reduce((sum, f) => sum + f.plannedYuan, 0),
      inPlaceYuan: funds.reduce((sum, f) => sum + f.inPlaceYuan, 0),
    },
    fundYears: await fundYearsOf(ctx.store, projectId),
    version: stored?.version ?? 0,
  };
}

export const factorHandlers = {
  'factors.get': async (ctx: AppContext, input: ParsedInput<'factors.get'>): Promise<FactorSheet> =>
    ctx.store.snapshot(async () => readSheet(ctx, input.projectId, input.year ?? (await planYearOf(ctx)))),

  'factors.save': async (ctx: AppContext, input: ParsedInput<'factors.save'>): Promise<FactorSheet> => {
    const meta = await writeMeta(ctx);
    return ctx.store.transaction(async () => {
      const before = await readSheet(ctx, input.projectId, input.year);
      await refuseIfChanged(ctx, input.version, before.version, {
        entity: 'project',
        entityId: input.projectId,
        fieldPrefix: FACTOR_FIELD_PREFIX,
      });
      const changes = factorChanges(before, input, input.year);
      if (!changes.length) return before;
      await writeFactors(ctx.store, input.projectId, input.land, input.energy, meta.now);
      await writeFunds(ctx.store, input.projectId, input.year, input.funds);
      await writeAudit(
        ctx.store,
        { operator: meta.operator, entity: 'project', entityId: input.projectId, action: 'update', changes },
        meta.now,
      );
      return readSheet(ctx, input.projectId, input.year);
    }, IDEMPOTENT);
  },

  'factors.shortfalls': async (ctx: AppContext, input: ParsedInput<'factors.shortfalls'>): Promise<Shortfalls> =>
    ctx.store.snapshot(() => readShortfalls(ctx, input)),

  'factors.export': async (ctx: AppContext, input: ParsedInput<'factors.export'>): Promise<ExportedFile> => {
    // the reads in one snapshot; the sheet is built after, without holding up anyone's write
    const { list, cityName } = await ctx.store.snapshot(async () => ({
      list: await readShortfalls(ctx, input),
      cityName: (await getSetting(ctx.store, 'cityName')) ?? '',
    }));
    return exportShortfalls(list, { cityName, today: ctx.today() });
  },
};

/** One shortfall list, its reads inside the caller's snapshot. */
async function readShortfalls(ctx: AppContext, input: ParsedInput<'factors.shortfalls'>): Promise<Shortfalls> {
  const year = input.year ?? (await planYearOf(ctx));
  return shortfalls({
    kind: input.kind,
    year,
    projects: await factorProjects(ctx.store),
    factors: input.kind === 'funds' ? [] : await allFactors(ctx.store),
    funds: input.kind === 'funds' ? await fundsOfYear(ctx.store, year) : [],
    raised: await raisedFactorProblems(ctx.store),
  });
}

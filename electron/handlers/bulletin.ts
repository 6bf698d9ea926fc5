import type { BulletinText } from '../../db/model/bulletin';
import { bulletinFieldPrefix, saveBulletinText, storedBulletinText } from '../../db/queries/bulletin-texts';
import type { ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { bulletinPrintData, bulletinTextOf } from '../services/bulletin-data';
import { exportBulletin } from '../services/bulletin-xlsx';
import { refuseIfChanged } from '../services/record-versions';
import { planYearOf, writeMeta } from '../services/session';
import { statsRanking } from '../services/stats-ranking';

export const bulletinHandlers = {
  'bulletin.printData': async (ctx: AppContext, input: ParsedInput<'bulletin.printData'>) =>
    ctx.store.snapshot(async () => bulletinPrintData(ctx.store, input, await planYearOf(ctx), ctx.today())),

  'bulletin.saveText': async (ctx: AppContext, input: ParsedInput<'bulletin.saveText'>): Promise<BulletinText> => {
    const { year, month } = input;
    // the ranking refuses a month that cannot be counted (another year, a month to come) before anything is written
    const ranking = await ctx.store.snapshot(async () =>
      statsRanking(ctx.store, { year, month, by: 'unit' }, await planYearOf(ctx), ctx.today()),
    );
    await ctx.store.transaction(
      async () => {
        const before = await storedBulletinText(ctx.store, year, month);
        await refuseIfChanged(ctx, input.version, before?.version ?? 0, {
          entity: 'settings',
          entityId: 0,
          fieldPrefix: bulletinFieldPrefix(year, month),
        });
        const after = { docNumber: input.docNumber, summary: input.summary };
        if (before && before.docNumber === after.docNumber && before.summary === after.summary) return;
        await saveBulletinText(ctx.store, { year, month }, before, after, await writeMeta(ctx));
      },
      { idempotent: true },
    );
    return ctx.store.snapshot(() => bulletinTextOf(ctx.store, year, month, ranking.total));
  },

  'bulletin.export': async (ctx: AppContext, input: ParsedInput<'bulletin.export'>) => {
    const data = await ctx.store.snapshot(async () =>
      bulletinPrintData(ctx.store, input, await planYearOf(ctx), ctx.today()),
    );
    return exportBulletin(data);
  },
};

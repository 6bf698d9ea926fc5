import { isFirstRunDone, type FirstRunChecklist } from '../../db/model/first-run';
import { listChains, listUnits } from '../../db/queries/reference';
import { changeSetting, getSetting, setSetting } from '../../db/queries/settings';
import type { Store } from '../../db/store/store';
import type { AppContext } from '../services/app-context';
import { writeMeta } from '../services/session';

/** Only a blank start offers the checklist, once; an office started with the example data never sees it. */
export async function offerFirstRunChecklist(store: Store): Promise<void> {
  if ((await getSetting(store, 'firstRunChecklist')) === null) await setSetting(store, 'firstRunChecklist', 'open');
}

/** The checklist while the 工作台 shows it: offered, not dismissed and not yet done; otherwise null. */
export async function firstRunChecklistOf(store: Store, projectCount: number): Promise<FirstRunChecklist | null> {
  if ((await getSetting(store, 'firstRunChecklist')) !== 'open') return null;
  const units = await listUnits(store);
  const chains = await listChains(store);
  const checklist: FirstRunChecklist = {
    projectCount,
    unitCount: units.filter((u) => !u.retired).length,
    chainsWithoutLead: chains.filter((c) => !c.retired && !c.chainLead.trim()).map((c) => c.name),
  };
  return isFirstRunDone(checklist) ? null : checklist;
}

/** 不再显示: kept in the data file's settings, so it holds on every PC that opens the file; audited like settings. */
export async function dismissFirstRunChecklist(ctx: AppContext): Promise<void> {
  const meta = await writeMeta(ctx);
  await ctx.store.transaction(
    async () => {
      if ((await getSetting(ctx.store, 'firstRunChecklist')) !== 'open') return;
      await changeSetting(
        ctx.store,
        'firstRunChecklist',
        'dismissed',
        { oldValue: '显示', newValue: '不再显示' },
        meta,
      );
    },
    { idempotent: true },
  );
}

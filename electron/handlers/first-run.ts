import type { Db } from '../../db/connection';
import { isFirstRunDone, type FirstRunChecklist } from '../../db/model/first-run';
import { listChains, listUnits } from '../../db/queries/reference';
import { changeSetting, getSetting, setSetting } from '../../db/queries/settings';
import type { AppContext } from '../services/app-context';
import { writeMeta } from '../services/session';
import { inTransaction } from '../../db/transaction';

/** Only a blank start offers the checklist, once; an office started with the example data never sees it. */
export function offerFirstRunChecklist(db: Db): void {
  if (getSetting(db, 'firstRunChecklist') === null) setSetting(db, 'firstRunChecklist', 'open');
}

/** The checklist while the 工作台 shows it: offered, not dismissed and not yet done; otherwise null. */
export function firstRunChecklistOf(db: Db, projectCount: number): FirstRunChecklist | null {
  if (getSetting(db, 'firstRunChecklist') !== 'open') return null;
  const checklist: FirstRunChecklist = {
    projectCount,
    unitCount: listUnits(db).filter((u) => !u.retired).length,
    chainsWithoutLead: listChains(db)
      .filter((c) => !c.retired && !c.chainLead.trim())
      .map((c) => c.name),
  };
  return isFirstRunDone(checklist) ? null : checklist;
}

/** 不再显示: kept in the data file's settings, so it holds on every PC that opens the file; audited like settings. */
export function dismissFirstRunChecklist(ctx: AppContext): void {
  const meta = writeMeta(ctx);
  inTransaction(ctx.db, () => {
    if (getSetting(ctx.db, 'firstRunChecklist') !== 'open') return;
    changeSetting(ctx.db, 'firstRunChecklist', 'dismissed', { oldValue: '显示', newValue: '不再显示' }, meta);
  });
}

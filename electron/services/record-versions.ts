import { ConflictError } from '../../db/errors';
import { conflictMessage } from '../../db/model/conflict';
import { lastChangeOf, type AuditSubject } from '../../db/queries/record-versions';
import type { AppContext } from './app-context';
import { personOf } from './auth/caller';

/**
 * Refuses a write that read the record at another version than it has now, naming who changed it since and when
 * (the record's last line in 变更记录). Called inside the write's transaction, before anything is written. A
 * write without a version (an import, a fill-in sheet, a script) is not checked: it writes as it always has.
 */
export async function refuseIfChanged(
  ctx: AppContext,
  readVersion: number | undefined,
  currentVersion: number,
  subject: AuditSubject,
): Promise<void> {
  if (readVersion === undefined || readVersion === currentVersion) return;
  await refuseAsChanged(ctx, currentVersion, subject);
}

/**
 * The same for a month's figure, compared by the amount the clerk read: clearing a month deletes its row, so a
 * row's version starts again at 1 and could not tell 5万 → cleared → 7万 from no change at all.
 */
export async function refuseIfFigureChanged(
  ctx: AppContext,
  readAmountYuan: number | null | undefined,
  current: { amountYuan: number | null; version: number },
  subject: AuditSubject,
): Promise<void> {
  if (readAmountYuan === undefined || readAmountYuan === current.amountYuan) return;
  await refuseAsChanged(ctx, current.version, subject);
}

/** Refuses the write outright, naming the record's last change: for a change the caller has found itself. */
export async function refuseAsChanged(ctx: AppContext, currentVersion: number, subject: AuditSubject): Promise<never> {
  const line = await lastChangeOf(ctx.store, subject);
  // the history keeps where the change came from; the clerk is told only who
  const change = line && { ...line, by: personOf(line.by) };
  throw new ConflictError(conflictMessage(change, ctx.today()), {
    by: change?.by ?? '',
    at: change ? change.at.toISOString() : '',
    version: currentVersion,
  });
}

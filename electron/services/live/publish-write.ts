import { problemProjectNamesOf, projectNamesOf } from '../../../db/queries/change-names';
import { getSetting } from '../../../db/queries/settings';
import type { AppContext } from '../app-context';
import type { RequestCaller } from '../auth/caller';
import type { ChangeDraft } from '../../../db/model/change-event';
import { NO_EVENT, type WriteEventRule } from './write-event';

/** a notice names the records of a change this small; a larger one is counted (“修改了 30 个项目”) */
const NAMED_AT_MOST = 5;

/** What a successful call changed, as the open screens are told; null for a read or a write they do not show. */
export async function changeOf(
  ctx: AppContext,
  rule: WriteEventRule,
  method: string,
  input: unknown,
  output: unknown,
  caller: RequestCaller | undefined,
): Promise<ChangeDraft | null> {
  if (rule === NO_EVENT || (rule.writes && !rule.writes(input))) return null;
  const ids = [...new Set(rule.ids?.(input, output) ?? [])];
  const named = ids.length <= NAMED_AT_MOST ? ids : [];
  const names =
    rule.kind === 'problem' ? await problemProjectNamesOf(ctx.store, named) : await projectNamesOf(ctx.store, named);
  const by = caller?.user ? caller.user.displayName : ((await getSetting(ctx.store, 'operatorName')) ?? '');
  return { kind: rule.kind, ids, names, method, by, at: new Date().toISOString() };
}

/** Tells the open screens of a write that succeeded; the write stands whatever happens here. */
export async function publishWrite(
  ctx: AppContext,
  rule: WriteEventRule,
  method: string,
  input: unknown,
  output: unknown,
  caller: RequestCaller | undefined,
): Promise<void> {
  try {
    const change = await changeOf(ctx, rule, method, input, output, caller);
    if (change) ctx.changes.publish(change);
  } catch (error) {
    console.error(`[live] ${method}: the change was saved but could not be announced`, error);
  }
}

import { AppError } from '../../db/errors';
import { yearOf } from '../../db/model/dates';
import { getSetting } from '../../db/queries/settings';
import type { WriteMeta } from '../../db/queries/projects-write';
import type { AppContext } from './app-context';
import { currentCaller, operatorOf } from './auth/caller';

export async function planYearOf(ctx: AppContext): Promise<number> {
  const stored = Number(await getSetting(ctx.store, 'planYear'));
  return Number.isInteger(stored) && stored > 0 ? stored : yearOf(ctx.today());
}

/**
 * Who is writing: on the office server the logged-in user (and where from); on a single PC the clerk's name,
 * asked once at first start.
 */
export async function writeMeta(ctx: AppContext): Promise<WriteMeta> {
  const caller = currentCaller();
  if (caller) return { operator: operatorOf(caller), now: new Date().toISOString(), today: ctx.today() };
  const operator = await getSetting(ctx.store, 'operatorName');
  if (!operator) throw new AppError('no_operator', '请先填写您的姓名（设置 → 基本设置），再修改数据');
  return { operator, now: new Date().toISOString(), today: ctx.today() };
}

import { AppError } from '../../db/errors';
import { yearOf } from '../../db/model/dates';
import { getSetting } from '../../db/queries/settings';
import type { WriteMeta } from '../../db/queries/projects-write';
import type { AppContext } from './app-context';

export function planYearOf(ctx: AppContext): number {
  const stored = Number(getSetting(ctx.db, 'planYear'));
  return Number.isInteger(stored) && stored > 0 ? stored : yearOf(ctx.today());
}

/** Who is writing: every change carries the clerk's name, asked once at first start. */
export function writeMeta(ctx: AppContext): WriteMeta {
  const operator = getSetting(ctx.db, 'operatorName');
  if (!operator) throw new AppError('no_operator', '请先填写您的姓名（设置 → 基本设置），再修改数据');
  return { operator, now: new Date().toISOString() };
}

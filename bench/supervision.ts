import { dispatch } from '../electron/contract';
import type { SqliteAppContext } from '../electron/services/app-context';
import { medianMs, report } from './timing';

/** 督办: every project lit to find the red ones, then each red one's run of red weeks, problems and late nodes. */
export async function benchSupervision(ctx: SqliteAppContext): Promise<void> {
  const bareSelect = ctx.db.prepare('SELECT * FROM projects');
  const bare = await medianMs(7, () => bareSelect.all());
  const overview = await medianMs(7, () => dispatch(ctx, 'supervision.overview', {}));
  const result = await dispatch(ctx, 'supervision.overview', {});
  const red = result.ok ? (result.data as unknown[]).length : 0;
  report(
    `supervision.overview (${red.toLocaleString('en-US')} red projects)`,
    overview,
    'bare SELECT * FROM projects',
    bare,
  );
}

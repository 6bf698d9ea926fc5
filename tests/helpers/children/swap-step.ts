// Child process for the swap tests: opens the data folder, restores a backup or moves the folder through the
// contract, and reports the outcome. With ZDXM_CRASH_AT set it is killed at that step instead.
import { dispatch } from '../../../electron/contract';
import { openAppContext } from '../../../electron/services/app-context';

const [dataDir, action, argument] = process.argv.slice(2);
async function main(): Promise<void> {
  const ctx = await openAppContext({ dataDir, today: () => '2026-11-28' });
  const result =
    action === 'restore'
      ? await dispatch(ctx, 'backups.restore', { fileName: argument })
      : await dispatch(ctx, 'dataFolder.move', { target: argument });
  process.stdout.write(result.ok ? 'done\n' : `refused: ${result.error.message}\n`);
  await ctx.close();
}

void main();

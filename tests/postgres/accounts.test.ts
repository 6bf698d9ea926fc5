import { openServerContext } from '../../electron/services/server-context';
import { accountsSuite } from '../helpers/accounts-suite';
import { freshDatabase } from '../helpers/postgres-database';
import { makeTempDir } from '../helpers/temp-dir';
import { dispatch } from '../../electron/contract';

// Accounts, sessions and the policy on a database server: the suite of tests/services/accounts.test.ts, each
// test on an empty database of the run's cluster, started as a server's first start starts it.
accountsSuite(async () => {
  const database = await freshDatabase();
  const temp = makeTempDir('zdxm-accounts-');
  const ctx = await openServerContext({ databaseUrl: database.url, dataDir: temp.dir, today: () => '2026-11-28' });
  const started = await dispatch(ctx, 'app.initialize', { operatorName: '测试填报人', loadDemo: false });
  if (!started.ok) throw new Error(started.error.message);
  return {
    ctx,
    close: async () => {
      await ctx.close();
      await database.remove();
      temp.remove();
    },
  };
});

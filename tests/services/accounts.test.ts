import { accountsSuite } from '../helpers/accounts-suite';
import { createTempApp } from '../helpers/temp-app';

// Accounts, sessions and the policy on a SQLite file (the suite runs on PostgreSQL in tests/postgres/).
accountsSuite(async () => {
  const app = await createTempApp();
  return {
    ctx: app.ctx,
    close: async () => app.close(),
  };
});

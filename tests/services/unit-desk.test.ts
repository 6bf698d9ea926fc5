import { createTempApp } from '../helpers/temp-app';
import { UNIT_DESK_TODAY, unitDeskSuite } from '../helpers/unit-desk-suite';

// 责任单位填报 on a SQLite file (the suite runs on PostgreSQL in tests/postgres/unit-desk.test.ts).
unitDeskSuite(async () => {
  const app = await createTempApp({ engine: 'sqlite', today: UNIT_DESK_TODAY });
  return { ctx: app.ctx, close: () => app.close() };
});

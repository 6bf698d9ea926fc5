import { createTempApp } from '../helpers/temp-app';
import { UNIT_DESK_TODAY, unitDeskSuite } from '../helpers/unit-desk-suite';

// 责任单位填报 on a database server: the suite of tests/services/unit-desk.test.ts on a new library's database.
unitDeskSuite(async () => {
  const app = await createTempApp({ engine: 'postgres', today: UNIT_DESK_TODAY });
  return { ctx: app.ctx, close: () => app.close() };
});

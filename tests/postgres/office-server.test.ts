import { startWebHost } from '../../electron/web-host';
import { officeServerSuite } from '../helpers/office-server-suite';
import { freshDatabase } from '../helpers/postgres-database';
import { newLibraryTemplate } from '../helpers/postgres-templates';
import { makeTempDir } from '../helpers/temp-dir';

// The office server over HTTP on a database server: the suite of tests/services/office-server.test.ts, each test
// on a new library's database of the run's cluster.
officeServerSuite(async () => {
  const database = await freshDatabase({ template: await newLibraryTemplate() });
  const temp = makeTempDir('zdxm-office-server-');
  return {
    start: (server) =>
      startWebHost({
        databaseUrl: database.url,
        dataDir: temp.dir,
        staticDir: temp.dir,
        port: 0,
        today: () => '2026-11-28',
        server,
      }),
    async remove() {
      await database.remove();
      temp.remove();
    },
  };
});

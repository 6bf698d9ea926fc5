import path from 'node:path';
import { startWebHost } from '../../electron/web-host';
import { officeServerSuite } from '../helpers/office-server-suite';
import { makeTempDir } from '../helpers/temp-dir';

// The office server over HTTP on a SQLite file (the suite runs on PostgreSQL in tests/postgres/).
officeServerSuite(async () => {
  const temp = makeTempDir('zdxm-office-server-');
  return {
    start: (server) =>
      startWebHost({
        dataDir: path.join(temp.dir, 'data'),
        staticDir: path.join(temp.dir, 'static'),
        port: 0,
        today: () => '2026-11-28',
        server,
      }),
    remove: async () => temp.remove(),
  };
});

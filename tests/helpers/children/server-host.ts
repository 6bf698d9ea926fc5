// Child process: the browser host on a PostgreSQL database (an app server), so a test can run two of them on one
// database, stop one mid-load or kill one mid-import (ZDXM_CRASH_AT, electron/services/crash-points.ts).
import { startWebHost } from '../../../electron/web-host';

const [databaseUrl, dataDir, staticDir, port, demo] = process.argv.slice(2);
startWebHost({
  databaseUrl,
  dataDir,
  staticDir,
  port: Number(port),
  demo: demo === 'demo',
  today: () => '2026-11-28',
}).then(
  (host) => {
    if (host.ctx.startProblem) process.stderr.write(`${host.ctx.startProblem.message}\n`);
    process.stdout.write(`listening ${host.port}\n`);
    process.on('SIGTERM', () => void host.close().then(() => process.exit(0)));
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);

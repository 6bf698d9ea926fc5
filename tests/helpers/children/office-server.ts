// Child process: the office server (accounts on, loopback) on a data folder or a PostgreSQL database, so a test's
// clients run in a process of their own, as browsers on other PCs would. The first admin's password comes in
// ZDXM_INIT_PASSWORD, as `npm run server --init-admin` takes it.
import { startWebHost } from '../../../electron/web-host';

const [dataDir, staticDir, databaseUrl, adminLogin] = process.argv.slice(2);
const password = process.env.ZDXM_INIT_PASSWORD;
startWebHost({
  dataDir,
  staticDir,
  databaseUrl: databaseUrl || undefined,
  port: 0,
  today: () => '2026-11-28',
  server: {
    listenHost: '127.0.0.1',
    names: [],
    firstAdmin: adminLogin && password ? { login: adminLogin, password } : undefined,
  },
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

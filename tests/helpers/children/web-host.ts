// Child process: the browser host on a data folder, so a test can see whether a request ends the process.
import { startWebHost } from '../../../electron/web-host';

const [dataDir, staticDir] = process.argv.slice(2);
startWebHost({ dataDir, staticDir, port: 0, today: () => '2026-11-28' }).then(
  (host) => {
    process.stdout.write(`listening ${host.port}\n`);
    process.on('SIGTERM', () => void host.close().then(() => process.exit(0)));
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);

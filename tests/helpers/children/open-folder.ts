// Child process: opens the app on a data folder and reports whether it could; holds it for a moment if asked.
import { openAppContext } from '../../../electron/services/app-context';

const [dataDir, holdMs] = process.argv.slice(2);
openAppContext({ dataDir }).then(
  (ctx) => {
    process.stdout.write('opened\n');
    setTimeout(
      () => {
        void ctx.close().then(() => process.exit(0));
      },
      Number(holdMs ?? 0),
    );
  },
  (error: unknown) => {
    process.stdout.write(`refused: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(3);
  },
);

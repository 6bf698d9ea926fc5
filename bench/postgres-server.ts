import { PostgresMissingError, startCluster, type Cluster } from '../scripts/postgres-cluster';

// Where the bench's PostgreSQL comes from: `--database postgres://…` names an empty database of a server the
// caller runs (a database that holds a library is refused by the copy into it); otherwise a throwaway cluster,
// as the tests start one, stopped at the end whatever happens, Ctrl-C included.

export interface BenchDatabase {
  url: string;
  /** how the figures' PostgreSQL is described in the bench's output */
  origin: string;
}

/** `--database <url>` or `--database=<url>`; undefined when not given. */
export function databaseOption(argv: readonly string[]): string | undefined {
  const joined = argv.find((arg) => arg.startsWith('--database='));
  if (joined) return joined.slice('--database='.length);
  const at = argv.indexOf('--database');
  if (at === -1) return undefined;
  const url = argv[at + 1];
  if (!url || url.startsWith('--')) throw new Error('--database takes a URL: postgres://user:password@host:5432/db');
  return url;
}

/** Stops the cluster when the bench is interrupted; `finally` blocks do not run on a signal. */
function stoppedOnSignal(cluster: Cluster): () => void {
  const stop = (signal: NodeJS.Signals) => {
    cluster.stop();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
}

/**
 * `work` with an empty PostgreSQL database; false (and a line saying why, with the apt-get line) where no
 * database was given and this machine has no PostgreSQL to start.
 */
export async function withBenchDatabase(
  argv: readonly string[],
  work: (database: BenchDatabase) => Promise<void>,
): Promise<boolean> {
  const given = databaseOption(argv);
  if (given) {
    await work({ url: given, origin: 'the server of --database' });
    return true;
  }
  let cluster: Cluster;
  try {
    cluster = await startCluster();
  } catch (error) {
    if (!(error instanceof PostgresMissingError)) throw error;
    console.log(`  skipped: ${error.message}`);
    return false;
  }
  const forget = stoppedOnSignal(cluster);
  try {
    cluster.createDatabase('zdxm_bench');
    await work({
      url: cluster.url('zdxm_bench'),
      origin: 'a throwaway cluster on this machine, as the tests start it',
    });
    return true;
  } finally {
    forget();
    cluster.stop();
  }
}

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';

// A throwaway PostgreSQL for one test run or one bench run: its own data folder and port, fast and unsafe
// settings (nothing in it outlives the run), stopped and removed afterwards. PostgreSQL refuses to run as root,
// so as root the binaries run as the unprivileged user Debian's package creates.

export const POSTGRES_INSTALL = 'sudo apt-get install -y postgresql';
const UNPRIVILEGED = 'postgres';

/** The machine has no PostgreSQL: the tests fail with this, the bench skips what needs it. */
export class PostgresMissingError extends Error {}

export interface Cluster {
  /** a connection URL for the cluster's superuser `zdxm` on one database */
  url(database: string): string;
  /** a new empty database in the cluster */
  createDatabase(name: string): void;
  stop(): void;
}

function binaries(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length) {
    throw new PostgresMissingError(
      `这台机器没有 PostgreSQL（找不到 ${root}/*/bin/initdb），无法启动临时的数据库服务器。请先安装：${POSTGRES_INSTALL}`,
    );
  }
  return path.join(root, versions[0], 'bin');
}

function asRunner(): { prefix: string[]; uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return { prefix: [] };
  const uid = Number(execFileSync('id', ['-u', UNPRIVILEGED]).toString());
  const gid = Number(execFileSync('id', ['-g', UNPRIVILEGED]).toString());
  return { prefix: ['runuser', '-u', UNPRIVILEGED, '--'], uid, gid };
}

export async function startCluster(): Promise<Cluster> {
  const bin = binaries();
  const runner = asRunner();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-pg-'));
  if (runner.uid !== undefined) fs.chownSync(dir, runner.uid, runner.gid ?? runner.uid);
  const data = path.join(dir, 'data');
  const run = (program: string, args: string[]) => {
    const [command, ...rest] = [...runner.prefix, path.join(bin, program), ...args];
    execFileSync(command, rest, { stdio: 'pipe', cwd: dir });
  };
  // C collation: text sorts by bytes, as SQLite's does, so both engines list names in the same order
  run('initdb', ['-D', data, '-U', 'zdxm', '--auth=trust', '--encoding=UTF8', '--locale=C']);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', 'start']);
  return {
    url: (database) => `postgres://zdxm@127.0.0.1:${port}/${database}`,
    createDatabase: (name) => run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'zdxm', name]),
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

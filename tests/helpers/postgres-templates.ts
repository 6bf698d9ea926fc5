import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copyLibrary } from '../../db/copy/copy';
import { DATABASE_FILE } from '../../electron/services/app-context';
import { openServerContext } from '../../electron/services/server-context';
import { databaseUrl, onCluster } from './postgres-database';

// Libraries every PostgreSQL test starts from, made once per run as template databases: each test then gets
// `CREATE DATABASE … TEMPLATE`, a copy of the files that takes a fraction of a second, where migrating a new
// database takes about as long again and loading the example office several seconds.

const made = new Map<string, Promise<string>>();

function template(name: string, fill: (url: string) => Promise<void>): Promise<string> {
  let making = made.get(name);
  if (!making) {
    making = makeTemplate(name, fill);
    made.set(name, making);
    making.catch(() => made.delete(name));
  }
  return making;
}

async function makeTemplate(name: string, fill: (url: string) => Promise<void>): Promise<string> {
  const exists = async () => (await onCluster('SELECT 1 FROM pg_database WHERE datname = $1', [name])).length > 0;
  if (await exists()) return name;
  // filled aside and put in place with one rename, so no worker copies half a library; when two workers make it
  // at once the first rename wins and the other's is dropped
  const making = `${name}_making_${randomBytes(4).toString('hex')}`;
  await onCluster(`CREATE DATABASE ${making}`);
  try {
    await fill(databaseUrl(making));
    await onCluster(`ALTER DATABASE ${making} RENAME TO ${name}`);
  } catch (error) {
    await onCluster(`DROP DATABASE IF EXISTS ${making} WITH (FORCE)`);
    if (!(await exists())) throw error;
  }
  return name;
}

/** A database as an app server leaves it after its first start on an empty one: migrated, the plan's chains in. */
export function newLibraryTemplate(): Promise<string> {
  return template('zdxm_template_new', async (url) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-template-'));
    try {
      const ctx = await openServerContext({ databaseUrl: url, dataDir });
      await ctx.close();
      if (ctx.startProblem) throw new Error(ctx.startProblem.message);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

/** The example office of a cached demo folder (demo-cache.ts), copied in by the app's own verified copy. */
export function demoTemplate(demoFolder: string): Promise<string> {
  return template(`zdxm_template_demo_${path.basename(demoFolder)}`.toLowerCase(), async (url) => {
    await copyLibrary(path.join(demoFolder, DATABASE_FILE), url);
  });
}

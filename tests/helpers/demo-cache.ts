import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { dispatch } from '../../electron/contract';
import { openAppContext } from '../../electron/services/app-context';

// The example office takes a while to load (about 120 projects with their nodes, weeks of dispatch and problems)
// and about forty tests start from it. Each distinct first start — the day the app thinks it is, the clerk's name,
// the code that loads it — is made once per run, the way the app makes it, and each test copies the folder it left.

declare module 'vitest' {
  export interface ProvidedContext {
    /** a folder for this run's example offices, made by tests/helpers/demo-cache-setup.ts */
    demoCacheDir: string;
  }
}

const root = path.resolve(__dirname, '..', '..');

let sources: string | undefined;

/** A hash of everything that decides what the example office holds: the schema, the seed, the loader, the app. */
function sourceHash(): string {
  if (sources) return sources;
  const hash = createHash('sha256');
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
    }
  };
  visit(path.join(root, 'db'));
  visit(path.join(root, 'electron'));
  hash.update(fs.readFileSync(path.join(root, 'package.json')));
  sources = hash.digest('hex');
  return sources;
}

/**
 * The data folder a first start with 载入示例数据 leaves (the data file and its first backup), for this `today`
 * and clerk: made on first use, then shared by every test of the run. Null outside a run that provides the cache
 * folder; the caller then loads the example office itself.
 */
export async function cachedDemoFolder(today: string, operatorName: string): Promise<string | null> {
  let cacheDir: string | undefined;
  try {
    cacheDir = inject('demoCacheDir');
  } catch {
    return null;
  }
  if (!cacheDir) return null;
  const key = createHash('sha256')
    .update(JSON.stringify({ sources: sourceHash(), today, operatorName }))
    .digest('hex')
    .slice(0, 24);
  const folder = path.join(cacheDir, key);
  if (fs.existsSync(folder)) return folder;

  // made aside and put in place with one rename: a worker never sees half a folder, and when two make the same
  // office at once the first rename wins and the other copy is dropped
  const making = fs.mkdtempSync(path.join(cacheDir, `${key}.making-`));
  try {
    const ctx = await openAppContext({ dataDir: making, today: () => today });
    try {
      const result = await dispatch(ctx, 'app.initialize', { operatorName, loadDemo: true });
      if (!result.ok) throw new Error(`app.initialize refused: ${result.error.code} ${result.error.message}`);
    } finally {
      // closing folds the WAL into the data file and releases the folder lock
      await ctx.close();
    }
    fs.renameSync(making, folder);
  } catch (error) {
    fs.rmSync(making, { recursive: true, force: true });
    if (!fs.existsSync(folder)) throw error;
  }
  return folder;
}

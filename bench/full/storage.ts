import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/connection';
import { addGoal } from './goals';

const MB = 1024 * 1024;
const FILE_LIMIT_MB = 300;

/**
 * Size per table and index (dbstat), the file's size, and as the bare baseline the same data written
 * compactly (VACUUM INTO): what no layout of these rows can go below without dropping an index.
 */
export function benchStorage(db: Db, dataDir: string, rows: Record<string, number>): void {
  const file = path.join(dataDir, 'projects.sqlite');
  const compact = path.join(dataDir, 'compact.sqlite');
  const sizes = db.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC').all() as {
    name: string;
    bytes: number;
  }[];
  console.log('\nFile size per table and index (dbstat):');
  for (const { name, bytes } of sizes) {
    const count = rows[name] === undefined ? '' : `${rows[name].toLocaleString('en-US').padStart(12)} rows`;
    console.log(`  ${name.padEnd(40)} ${(bytes / MB).toFixed(1).padStart(8)} MB ${count}`);
  }
  db.prepare('VACUUM INTO ?').run(compact);
  const fileMb = fs.statSync(file).size / MB;
  const compactMb = fs.statSync(compact).size / MB;
  fs.rmSync(compact);
  console.log(
    `  ${'file projects.sqlite'.padEnd(40)} ${fileMb.toFixed(1).padStart(8)} MB   (VACUUM INTO: ${compactMb.toFixed(1)} MB)`,
  );
  addGoal({
    name: 'data file of the full office',
    figure: fileMb,
    unit: 'MB',
    limit: FILE_LIMIT_MB,
    baseline: { label: 'same data VACUUM INTO', value: compactMb },
  });
}

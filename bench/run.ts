// `npm run bench`: figures for the performance targets, each beside a bare baseline from the same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { initializeApp } from '../electron/handlers/app';
import { openAppContext } from '../electron/services/app-context';
import { benchLedger } from './ledger';
import { benchLedgerImport } from './ledger-import';
import { benchLibrary, seedProjects } from './library';
import { benchLights, seedMilestones } from './lights';
import { benchDispatch, seedDispatchHistory } from './dispatch';
import { benchPrint } from './print';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-bench-'));
const ctx = openAppContext({ dataDir: dir, today: () => '2026-11-28' });
try {
  await initializeApp(ctx, '基准测试', false);
  const started = Date.now();
  seedProjects(ctx.db, 5_000, 2026);
  console.log(`Seeded 5,000 projects in ${Date.now() - started} ms (${dir})\n`);
  console.log('Median of 15 runs after one warm-up, on this machine:');
  await benchLibrary(ctx);
  console.log('\nExcel 项目台账 of the 5,000 projects:');
  await benchLedger(ctx);
  console.log('\nImporting that ledger (xlsx) into an empty database:');
  await benchLedgerImport(ctx);
  console.log('\nWith 20 nodes per project (100,000 nodes):');
  seedMilestones(ctx.db, 20, 'spread');
  await benchLights(ctx.db, 'spread over 2025–2028');
  await benchLibrary(ctx);
  seedMilestones(ctx.db, 20, 'all-this-year');
  await benchLights(ctx.db, 'worst case, nearly all late');

  const seeding = Date.now();
  const entries = seedDispatchHistory(ctx.db, '2026-11-28', 261);
  console.log(`\nSeeded ${entries.toLocaleString('en-US')} weekly entries (five years) in ${Date.now() - seeding} ms`);
  await benchDispatch(ctx, '2026-W48');
} finally {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

console.log('\nPrinting (needs `npm run build` and Chromium):');
try {
  await benchPrint();
} catch (error) {
  console.log(`  skipped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
}

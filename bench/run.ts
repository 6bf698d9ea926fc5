// `npm run bench`: figures for the performance targets, each beside a bare baseline from the same run.
// `npm run bench -- --only engines`: only the section on both engines (SQLite and PostgreSQL).
// `npm run bench -- --only stats`: only 统计排名, the 工作台 and the 链长 view (issue #16).
// `npm run bench -- --full`: the five-year office of issue #13 and its goals (bench/full/).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { initializeApp } from '../electron/handlers/app';
import { openAppContext } from '../electron/services/app-context';
import { benchBothEngines } from './both-engines';
import { benchLedger } from './ledger';
import { benchLedgerImport } from './ledger-import';
import { benchLibrary, seedProjects } from './library';
import { benchLibrarySlice } from './library-slice';
import { benchLights, seedApprovalsAndInstructions, seedMilestones } from './lights';
import { benchDispatch, seedDispatchHistory } from './dispatch';
import { benchPrint } from './print';
import { benchAudit, seedAuditHistory } from './audit';
import { benchSingleItems, measureSingleItems, printGrowthHeader, printGrowthRow } from './single-item';
import { benchSupervision } from './supervision';
import { benchStats, benchStatsSlice } from './stats';
import { printGoalTable } from './full/goals';
import { benchUnitDesk, benchUnitDeskSlice } from './unit-desk';
import { benchBulletinSlice } from './bulletin';
import { runFull } from './full/run-full';

/** `npm run bench -- --only engines` (or unitdesk, library): one section alone, while working on it. */
async function runOrdinarySlice(argv: readonly string[]): Promise<void> {
  const asked = argv[argv.indexOf('--only') + 1];
  if (asked === 'unitdesk') return benchUnitDeskSlice();
  if (asked === 'library') return benchLibrarySlice();
  if (asked === 'bulletin') return benchBulletinSlice();
  if (asked === 'stats') return benchStatsSlice(argv);
  if (asked !== 'engines')
    throw new Error(
      `--only without --full takes: engines, unitdesk, library, bulletin, stats; not: ${asked ?? '(nothing)'}`,
    );
  await benchBothEngines(argv);
}

async function runOrdinary(): Promise<void> {
  // `npm run bench -- --growth-20k` adds 20,000 projects to the growth table (a few minutes more)
  const GROWTH_SIZES = process.argv.includes('--growth-20k') ? [500, 5_000, 20_000] : [500, 5_000];
  const AUDIT_ROWS = 2_000_000;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-bench-'));
  const ctx = await openAppContext({ dataDir: dir, today: () => '2026-11-28' });
  try {
    await initializeApp(ctx, '基准测试', false);
    const started = Date.now();
    await seedProjects(ctx.store, 5_000, 2026);
    console.log(`Seeded 5,000 projects in ${Date.now() - started} ms (${dir})\n`);
    console.log('Median of 15 runs after one warm-up, on this machine:');
    await benchLibrary(ctx);
    console.log('\nExcel 项目台账 of the 5,000 projects:');
    await benchLedger(ctx);
    console.log('\nImporting that ledger (xlsx) into an empty database:');
    await benchLedgerImport(ctx);
    console.log('\nWith 20 nodes per project (100,000 nodes):');
    seedMilestones(ctx.db, 20, 'spread');
    await benchLights(ctx, 'spread over 2025–2028');
    await benchLibrary(ctx);
    console.log('\nAnd 10 前期手续 items a project (one in ten late), an overdue 批示 on one project in ten:');
    seedApprovalsAndInstructions(ctx.db);
    await benchLights(ctx, 'spread, with 手续 and 批示');
    await benchLibrary(ctx);
    seedMilestones(ctx.db, 20, 'all-this-year');
    await benchLights(ctx, 'worst case, nearly all late');

    const seeding = Date.now();
    const entries = seedDispatchHistory(ctx.db, '2026-11-28', 261);
    console.log(
      `\nSeeded ${entries.toLocaleString('en-US')} weekly entries (five years) in ${Date.now() - seeding} ms`,
    );
    await benchDispatch(ctx, '2026-W48');
    console.log('\n责任单位填报 (one unit of the 20):');
    await benchUnitDesk(ctx, '2026-W48');
    await benchSupervision(ctx);
    console.log('\n统计排名 and the screens counted through the same definitions (median of 7, taking turns):');
    const statsGoal = await benchStats(ctx, '2026-11-28');
    printGoalTable({ title: 'Goals (issue #16)', goals: [statsGoal], lastLine: 'stats goals met' });

    console.log('\nSingle items, with the five years above (median of 15):');
    await benchSingleItems(ctx);

    const auditing = Date.now();
    const auditRows = await seedAuditHistory(ctx, '2026-11-28', AUDIT_ROWS);
    console.log(
      `\nAudit history: ${auditRows.toLocaleString('en-US')} rows (the seeding's own plus bulk rows shaped like the ` +
        `app's) in ${Date.now() - auditing} ms`,
    );
    const oneProject = (ctx.db.prepare('SELECT MIN(id) AS id FROM projects').get() as { id: number }).id;
    await benchAudit(ctx, oneProject);
  } finally {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  console.log('\nGrowth of the single-item calls (20 nodes per project, four weeks of entries; median of 15):');
  printGrowthHeader();
  for (const size of GROWTH_SIZES) {
    const growthDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-bench-growth-'));
    const growth = await openAppContext({ dataDir: growthDir, today: () => '2026-11-28' });
    try {
      await initializeApp(growth, '基准测试', false);
      await seedProjects(growth.store, size, 2026);
      seedMilestones(growth.db, 20, 'spread');
      seedDispatchHistory(growth.db, '2026-11-28', 4);
      printGrowthRow(size, await measureSingleItems(growth));
    } finally {
      await growth.close();
      fs.rmSync(growthDir, { recursive: true, force: true });
    }
  }

  await benchBothEngines(process.argv);

  console.log('\nPrinting (needs `npm run build` and Chromium):');
  try {
    await benchPrint();
  } catch (error) {
    console.log(`  skipped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

if (process.argv.includes('--full')) await runFull(process.argv);
else if (process.argv.includes('--only')) await runOrdinarySlice(process.argv);
else await runOrdinary();

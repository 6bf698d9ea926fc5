import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { initializeApp } from '../electron/handlers/app';
import { openAppContext } from '../electron/services/app-context';
import { benchLibrary, seedProjects } from './library';
import { benchLights, seedApprovalsAndInstructions, seedMilestones } from './lights';

/** `npm run bench -- --only library`: 5,000 projects, then the library's list and searches alone. */
export async function benchLibrarySlice(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-bench-library-'));
  const ctx = await openAppContext({ dataDir: dir, today: () => '2026-11-28' });
  try {
    await initializeApp(ctx, '基准测试', false);
    await seedProjects(ctx.store, 5_000, 2026);
    console.log('projects.list of 5,000 projects, median of 15 runs after one warm-up, on this machine:');
    await benchLibrary(ctx);
    console.log('\nWith 20 nodes and 10 前期手续 items a project, and an overdue 批示 on one project in ten:');
    seedMilestones(ctx.db, 20, 'spread');
    seedApprovalsAndInstructions(ctx.db);
    await benchLights(ctx, 'spread, with 手续 and 批示');
    await benchLibrary(ctx);
  } finally {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

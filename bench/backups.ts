// Backups of a big data folder: time to write and to restore one, beside a bare copy of the same file, and what a
// year of backups kept by the rotation rules costs, beside the data file. Called with a data folder, which is
// copied first and never changed. Not part of `npm run bench`; run it alone with
//   npx tsx -e "import('./bench/backups.ts').then((m) => m.benchBackups('<data folder>'))"

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { backupsToDelete, DEFAULT_BACKUP_KEEP, type RotatedBackup } from '../db/model/backup-rotation';
import { weekOf } from '../db/model/weeks';
import { saveEntry } from '../db/queries/dispatch';
import { setMonthlyInvestment } from '../db/queries/projects-write';
import { openAppContext, type AppContext } from '../electron/services/app-context';
import { AUTOMATIC_PREFIX, backupDirOf, createBackup, extractBackup } from '../electron/services/backup';
import { PACK_EXTENSION, readPackHeader } from '../electron/services/backup-pack-format';
import { writePack } from '../electron/services/backup-pack';
import { stampOf } from '../electron/services/backup-names';
import { databaseFileOf } from '../electron/services/data-files';
import { report } from './timing';

const DAY = 86_400_000;
const MB = 1024 * 1024;

async function timed(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Texts of a week, varied like a clerk's (numbers and phrases change every week), so compression is not flattered. */
const PHRASES = [
  '主体结构施工',
  '完成基础开挖',
  '钢结构吊装进行中',
  '设备已进场调试',
  '正在办理施工许可',
  '土地征收已完成',
  '二次结构砌筑',
  '外墙装饰施工',
  '室外管网铺设',
  '厂房封顶',
  '等待环评批复',
  '资金到位不足',
  '施工用电未接通',
  '协调供水接入',
  '完成竣工验收备案',
];
function textOf(seed: number): string {
  const pick = (n: number) => PHRASES[(seed * 7919 + n * 104_729) % PHRASES.length];
  return `${pick(1)}，完成投资${((seed * 37) % 9000) / 10}万元，${pick(2)}，形象进度${(seed * 13) % 100}%`;
}

/** One week of 周调度: an entry saved for every project, through the app's own write function. */
async function saveWeek(ctx: AppContext, ids: number[], week: string, at: Date): Promise<void> {
  const meta = { operator: '基准测试', now: at.toISOString() };
  await ctx.store.transaction(async () => {
    for (const [i, id] of ids.entries()) {
      const seed = id * 31 + Number(week.slice(-2)) * 1009 + i;
      await saveEntry(
        ctx.store,
        id,
        week,
        {
          progress: textOf(seed),
          problems: seed % 5 === 0 ? textOf(seed + 1) : '',
          coordination: '',
          nextPlan: textOf(seed + 2),
        },
        {
          stage: 'continuing',
          light: 'green',
          lightReasons: [],
          yearCompletedYuan: seed * 1000,
          totalInvestmentYuan: 0,
        },
        meta,
      );
    }
  });
}

/** A month's 投资 figure for every project. */
async function saveMonth(ctx: AppContext, ids: number[], year: number, month: number, at: Date): Promise<void> {
  const meta = { operator: '基准测试', now: at.toISOString() };
  await ctx.store.transaction(async () => {
    for (const id of ids) {
      await setMonthlyInvestment(ctx.store, id, year, month, ((id * 7 + month * 13) % 500) * 10_000, meta);
    }
  });
}

interface Planned {
  at: number;
  label: string;
}

/**
 * The backups a year brings: an automatic one each day, one before each weekly 读取填报表 and one before each
 * monthly 导入台账; those the rotation rules still keep at the year's end are the ones simulated.
 */
function keptAfterAYear(start: number): Planned[] {
  const planned: (RotatedBackup & Planned)[] = [];
  for (let day = 0; day < 365; day++) {
    const at = start + day * DAY + 9 * 3_600_000;
    planned.push({ name: `a${day}`, at, takenAt: at, kind: 'automatic', label: `${AUTOMATIC_PREFIX}-每日` });
    if (day % 7 === 4)
      planned.push({
        name: `f${day}`,
        at: at + 3_600_000,
        takenAt: at + 3_600_000,
        kind: 'event',
        label: '读取填报表前',
      });
    if (day % 30 === 10)
      planned.push({
        name: `l${day}`,
        at: at + 7_200_000,
        takenAt: at + 7_200_000,
        kind: 'event',
        label: '导入台账前',
      });
  }
  const end = start + 365 * DAY;
  const doomed = new Set(backupsToDelete(planned, DEFAULT_BACKUP_KEEP, end));
  return planned.filter((p) => !doomed.has(p.name)).sort((a, b) => a.at - b.at);
}

function folderBytes(dir: string): number {
  return fs.readdirSync(dir).reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);
}

export async function benchBackups(dataDir: string): Promise<{ yearBytes: number; dataBytes: number }> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-bench-backups-'));
  try {
    fs.copyFileSync(databaseFileOf(dataDir), databaseFileOf(work));
    // the year after the seeded history (which ends in 2026-W48), so its weeks are new rows as they would be
    const start = Date.parse('2026-11-30T00:00:00Z');
    let today = '2026-11-30';
    const ctx = await openAppContext({ dataDir: work, today: () => today });
    try {
      ctx.db.pragma('wal_checkpoint(TRUNCATE)');
      const file = databaseFileOf(work);
      const dataBytes = fs.statSync(file).size;
      const ids = (ctx.db.prepare('SELECT id FROM projects').all() as { id: number }[]).map((r) => r.id);
      const bare = await timed(() => fs.copyFileSync(file, path.join(work, 'bare-copy')));
      fs.rmSync(path.join(work, 'bare-copy'));

      const dir = backupDirOf(ctx);
      const restoreTarget = path.join(work, 'rebuilt');

      // the app's own path, twice: the first backup (a full pack) and, a week later, one that is a diff
      const fullMs = await timed(() => createBackup(ctx, `${AUTOMATIC_PREFIX}-每日`, new Date(start)));
      await saveWeek(ctx, ids, weekOf(today).key, new Date(start + DAY));
      let diffFile = '';
      const diffMs = await timed(async () => {
        diffFile = await createBackup(ctx, `${AUTOMATIC_PREFIX}-每日`, new Date(start + 7 * DAY));
      });
      const restoreMs = await timed(() => extractBackup(diffFile, restoreTarget));
      fs.rmSync(restoreTarget);
      fs.rmSync(dir, { recursive: true });
      fs.mkdirSync(dir);
      report('backup, full pack (snapshot, checked, packed, read back)', fullMs, 'bare copy of the data file', bare);
      report('backup, a week later: diff pack (same steps)', diffMs, 'bare copy of the data file', bare);
      report('restore: rebuilding that diff pack, hashes checked', restoreMs, 'bare copy of the data file', bare);

      // The year: each backup the rules keep is written by the app's pack writer (same choice of base, same
      // compression) from the live file, checkpointed; the snapshot, its check and the read-back are left out
      // here because they change no byte of what is kept.
      const plan = keptAfterAYear(start);
      let done = start;
      const schemaVersion = ctx.db.pragma('user_version', { simple: true }) as number;
      for (const backup of plan) {
        // the weeks and months between the previous backup simulated and this one, saved as the clerks would
        for (let at = done; at < backup.at; at += DAY) {
          const date = new Date(at);
          today = date.toISOString().slice(0, 10);
          if (date.getUTCDay() === 5) await saveWeek(ctx, ids, weekOf(today).key, date);
          if (date.getUTCDate() === 5) {
            const month = new Date(at - 10 * DAY);
            await saveMonth(ctx, ids, month.getUTCFullYear(), month.getUTCMonth() + 1, date);
          }
        }
        done = backup.at;
        ctx.db.pragma('wal_checkpoint(TRUNCATE)');
        const target = path.join(dir, `${backup.label}-${stampOf(new Date(backup.at))}${PACK_EXTENSION}`);
        await writePack(file, `${target}.partial`, { projectCount: ids.length, schemaVersion }, backup.at);
        fs.renameSync(`${target}.partial`, target);
      }
      const yearBytes = folderBytes(dir);
      const finalBytes = fs.statSync(file).size;
      const names = fs.readdirSync(dir);
      const fulls = names.filter((n) => readPackHeader(path.join(dir, n))?.header.type === 'full').length;
      console.log(
        `A year of backups kept by the rotation rules (${plan.length} backups, ${fulls} of them full): ` +
          `${(yearBytes / MB).toFixed(1)} MB beside a data file of ${(dataBytes / MB).toFixed(1)} MB ` +
          `(${(finalBytes / MB).toFixed(1)} MB at the year's end): ×${(yearBytes / dataBytes).toFixed(2)}`,
      );
      return { yearBytes, dataBytes };
    } finally {
      await ctx.close();
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

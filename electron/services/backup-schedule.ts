import { AppError } from '../../db/errors';
import { getSetting } from '../../db/queries/settings';
import { AUTOMATIC_PREFIX, backupDirOf, backupEntriesIn, createBackup } from './backup';
import type { AppContext } from './app-context';
import type { IntegrityWatch } from './integrity-watch';

// Automatic backups: one when the app starts and one a day while it stays open (offices leave it running for
// weeks), and the first one right after the first start. Rotation after each keeps the folder from growing.
// Each automatic backup waits for the full check of the file (integrity-watch.ts), so none is taken from a file
// found damaged and the start never waits for either.

const CHECK_EVERY_MS = 60 * 60 * 1000;

export function localDay(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function hasAutomaticBackupOn(ctx: AppContext, day: string): boolean {
  return hasAutomaticBackupIn(backupDirOf(ctx), day);
}

/** Whether `dir` holds an automatic backup taken on `day` (local): then the next one is not due before tomorrow. */
export function hasAutomaticBackupIn(dir: string, day: string): boolean {
  return backupEntriesIn(dir).some((b) => b.kind === 'automatic' && localDay(b.takenAt) === day);
}

/** A new folder holds nothing worth keeping until the first start has filled it (name, blank or example office). */
async function isSetUp(ctx: AppContext): Promise<boolean> {
  return !ctx.damage && !ctx.startProblem && (await getSetting(ctx.store, 'initialized')) === '1';
}

async function safely(ctx: AppContext, label: string): Promise<void> {
  if (!(await isSetUp(ctx))) return;
  try {
    await createBackup(ctx, label);
  } catch (error) {
    // another app server on the same database took it
    if (error instanceof AppError && error.code === 'backup_skipped') console.log(error.message);
    else console.error(`automatic backup ${label} failed`, error);
  }
}

/** The first backup of a new folder, so that it holds what the first start chose (the example office's projects). */
export function backupAfterFirstStart(ctx: AppContext): Promise<void> {
  return safely(ctx, `${AUTOMATIC_PREFIX}-首次启动`);
}

/** Starts the schedule; returns the function that stops it. */
export function startBackupSchedule(
  ctx: AppContext,
  watch: Pick<IntegrityWatch, 'check'>,
  everyMs = CHECK_EVERY_MS,
): () => void {
  const afterCheck = async (label: string) => {
    if (await watch.check()) await safely(ctx, label);
  };
  // a folder set up only after the start (the first start's choice) has its own first backup
  void isSetUp(ctx).then((setUpAtStart) => (setUpAtStart ? afterCheck(`${AUTOMATIC_PREFIX}-启动`) : undefined));
  let daily: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (daily) return;
    daily = (async () => {
      if (!(await isSetUp(ctx)) || hasAutomaticBackupOn(ctx, ctx.today())) return;
      await afterCheck(`${AUTOMATIC_PREFIX}-每日`);
    })().finally(() => (daily = null));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

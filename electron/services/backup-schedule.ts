import { getSetting } from '../../db/queries/settings';
import { AUTOMATIC_PREFIX, backupEntries, createBackup } from './backup';
import type { AppContext } from './app-context';

// Automatic backups: one when the app starts and one a day while it stays open (offices leave it running for
// weeks), and the first one right after the first start. Rotation after each keeps the folder from growing.

const CHECK_EVERY_MS = 60 * 60 * 1000;

function localDay(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function hasAutomaticBackupOn(ctx: AppContext, day: string): boolean {
  return backupEntries(ctx).some((b) => b.kind === 'automatic' && localDay(b.takenAt) === day);
}

/** A new folder holds nothing worth keeping until the first start has filled it (name, blank or example office). */
function isSetUp(ctx: AppContext): boolean {
  return !ctx.damage && !ctx.startProblem && getSetting(ctx.db, 'initialized') === '1';
}

async function safely(ctx: AppContext, label: string): Promise<void> {
  if (!isSetUp(ctx)) return;
  try {
    await createBackup(ctx, label);
  } catch (error) {
    console.error(`automatic backup ${label} failed`, error);
  }
}

/** The first backup of a new folder, so that it holds what the first start chose (the example office's projects). */
export function backupAfterFirstStart(ctx: AppContext): Promise<void> {
  return safely(ctx, `${AUTOMATIC_PREFIX}-首次启动`);
}

/** Starts the schedule; returns the function that stops it. */
export function startBackupSchedule(ctx: AppContext, everyMs = CHECK_EVERY_MS): () => void {
  void safely(ctx, `${AUTOMATIC_PREFIX}-启动`);
  const timer = setInterval(() => {
    if (isSetUp(ctx) && !hasAutomaticBackupOn(ctx, ctx.today())) void safely(ctx, `${AUTOMATIC_PREFIX}-每日`);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

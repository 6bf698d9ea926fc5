import { format, getISOWeek, getISOWeekYear } from 'date-fns';
import type { BackupFilesInfo } from './attachment-backup';

// Which backups to keep: the newest automatic copy of each of the last N days, weeks and months
// (grandfather-father-son), every backup taken before a risky operation for two months (and the latest 20
// whatever their age), and every manual backup until the clerk deletes it. A backup that holds only what changed
// since a base keeps that base, whatever the base's own age: every kept backup stays restorable on its own.

export interface BackupKeep {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_BACKUP_KEEP: BackupKeep = { daily: 14, weekly: 8, monthly: 12 };
export const EVENT_BACKUP_DAYS = 60;
export const EVENT_BACKUP_MIN = 20;

export type BackupKind = 'automatic' | 'event' | 'manual';

export interface BackupInfo {
  fileName: string;
  /** what it was taken before: 自动备份-启动, 导入台账前, 恢复前… */
  label: string;
  kind: BackupKind;
  takenAt: string;
  sizeBytes: number;
  projectCount: number;
  schemaVersion: number;
  /** why it cannot be restored, if it cannot */
  problem: string | null;
  /** the attachment files it holds (issue #17); null when it holds none */
  files: BackupFilesInfo | null;
}

export interface RotatedBackup {
  name: string;
  /** when it was taken, ms since 1970 */
  takenAt: number;
  kind: BackupKind;
  /** the name of the backup it is built on, when it holds only what changed since then */
  base?: string | null;
}

function newestPerPeriod(backups: RotatedBackup[], periodOf: (at: Date) => string, count: number): Set<string> {
  const kept = new Set<string>();
  const periods = new Set<string>();
  for (const backup of backups) {
    const period = periodOf(new Date(backup.takenAt));
    if (periods.has(period)) continue;
    if (periods.size >= count) break;
    periods.add(period);
    kept.add(backup.name);
  }
  return kept;
}

export function backupsToDelete(backups: readonly RotatedBackup[], keep: BackupKeep, now: number): string[] {
  const newestFirst = [...backups].sort((a, b) => b.takenAt - a.takenAt);
  const automatic = newestFirst.filter((b) => b.kind === 'automatic');
  const kept = new Set([
    ...newestPerPeriod(automatic, (d) => format(d, 'yyyy-MM-dd'), keep.daily),
    ...newestPerPeriod(automatic, (d) => `${getISOWeekYear(d)}-W${getISOWeek(d)}`, keep.weekly),
    ...newestPerPeriod(automatic, (d) => format(d, 'yyyy-MM'), keep.monthly),
  ]);
  const events = newestFirst.filter((b) => b.kind === 'event');
  const cutoff = now - EVENT_BACKUP_DAYS * 86_400_000;
  events.forEach((b, index) => {
    if (index < EVENT_BACKUP_MIN || b.takenAt >= cutoff) kept.add(b.name);
  });
  for (const backup of newestFirst) if (backup.kind === 'manual') kept.add(backup.name);
  // a base is always a whole backup itself, so one pass finds every base a kept backup needs
  for (const backup of newestFirst) if (backup.base && kept.has(backup.name)) kept.add(backup.base);
  return newestFirst.filter((b) => !kept.has(b.name)).map((b) => b.name);
}

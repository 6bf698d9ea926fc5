import fs from 'node:fs';
import path from 'node:path';
import type { BackupKind } from '../../db/model/backup-rotation';

// What a backup's file name says: what it was taken before and when (导入台账前-2026-11-28T03-04-05-123Z.zdbak).

export const AUTOMATIC_PREFIX = '自动备份';
export const MANUAL_PREFIX = '手动备份';
export const EXTERNAL_PREFIX = '外部备份';
/** a plain SQLite file: backups of older versions, copies added from a USB stick */
export const PLAIN_EXTENSION = '.sqlite';

export function stampOf(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** A new backup's name before its extension: what it was taken before, then when. */
export function backupNameOf(label: string, now: Date): string {
  return `${label}-${stampOf(now)}`;
}

export function kindOf(name: string): BackupKind {
  if (name.startsWith(AUTOMATIC_PREFIX)) return 'automatic';
  // kept like manual ones: the clerk brought them in, only the clerk removes them
  if (name.startsWith(MANUAL_PREFIX) || name.startsWith(EXTERNAL_PREFIX)) return 'manual';
  return 'event';
}

/** When the name says it was taken; the file's time for a name that does not say. */
export function takenAtOf(file: string): number {
  const match = /(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(path.basename(file));
  if (match) return Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`);
  return fs.statSync(file).mtimeMs;
}

export function labelOf(name: string): string {
  return name.replace(/\.(sqlite|zdbak)$/, '').replace(/-\d{4}-\d{2}-\d{2}T[\d-]+Z(-\d+)?$/, '');
}

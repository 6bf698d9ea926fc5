import type { BackupInfo } from '../../../electron/api-spec';

const pad = (n: number) => String(n).padStart(2, '0');

/** The clerk's local time, as an office writes it: 2026-11-28 14:05. */
export function formatTakenAt(iso: string): string {
  const at = new Date(iso);
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** KB below one megabyte, MB with one decimal above. */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** 类别: automatic and manual copies by their kind, the others by what they were taken before (导入台账前…). */
export function backupKindLabel(backup: Pick<BackupInfo, 'kind' | 'label'>): string {
  if (backup.kind === 'automatic') return '自动';
  if (backup.kind === 'manual') return '手动';
  return backup.label;
}

/** “2026-11-28 14:05 的备份（120个项目）”: how confirmations name a backup. */
export function backupTitle(backup: Pick<BackupInfo, 'takenAt' | 'projectCount'>): string {
  return `${formatTakenAt(backup.takenAt)} 的备份（${backup.projectCount}个项目）`;
}

import type { Db } from '../connection';
import { all, get, run, sql } from '../sql';
import { writeAudit } from './audit';
import type { WriteMeta } from './projects-write';

export const SETTING_KEYS = [
  'operatorName',
  'cityName',
  'planYear',
  'initialized',
  'ui.libraryColumns',
  'lightThresholds',
  'timeProgressMode',
  /** signs the keys of fill-in sheets, so a returned sheet proves it came from this database */
  'fillinSecret',
  /** how many automatic backups to keep: {daily, weekly, monthly} */
  'backupKeep',
  /** 首次使用清单 of an office started blank: 'open' until the clerk chooses 不再显示 ('dismissed') */
  'firstRunChecklist',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export function getSetting(db: Db, key: SettingKey): string | null {
  return get<{ value: string }>(db, sql`SELECT value FROM settings WHERE key = ${key}`)?.value ?? null;
}

export function setSetting(db: Db, key: SettingKey, value: string): void {
  run(
    db,
    sql`INSERT INTO settings (key, value) VALUES (${key}, ${value})
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
}

/**
 * Changes a setting with its line in the change history, old → new as the clerk reads them (which may differ
 * from what is stored: 不再显示 for 'dismissed').
 */
export function changeSetting(
  db: Db,
  key: SettingKey,
  value: string,
  shown: { oldValue: string | null; newValue: string },
  meta: Pick<WriteMeta, 'operator' | 'now'>,
): void {
  setSetting(db, key, value);
  writeAudit(
    db,
    {
      operator: meta.operator,
      entity: 'settings',
      entityId: 0,
      action: 'update',
      changes: [{ field: key, oldValue: shown.oldValue, newValue: shown.newValue }],
    },
    meta.now,
  );
}

export function allSettings(db: Db): Partial<Record<SettingKey, string>> {
  const rows = all<{ key: SettingKey; value: string }>(db, sql`SELECT key, value FROM settings`);
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

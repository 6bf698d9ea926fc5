import type { Db } from '../connection';
import { all, get, run, sql } from '../sql';

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

export function allSettings(db: Db): Partial<Record<SettingKey, string>> {
  const rows = all<{ key: SettingKey; value: string }>(db, sql`SELECT key, value FROM settings`);
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

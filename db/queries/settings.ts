import type { Store } from '../store/store';
import { sql } from '../sql';
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
  /** 纳统 threshold of 总投资 in yuan: a started project at or above it must be 纳统 (纳统率) */
  'statisticsThresholdYuan',
  /** signs the keys of fill-in sheets, so a returned sheet proves it came from this database */
  'fillinSecret',
  /** how many automatic backups to keep: {daily, weekly, monthly} */
  'backupKeep',
  /** 首次使用清单 of an office started blank: 'open' until the clerk chooses 不再显示 ('dismissed') */
  'firstRunChecklist',
  /** 招商: months after 签约 a project is agreed to start within, unless the project says otherwise */
  'attractionStartMonths',
  /** 附件 (issue #17): {fileMegabytes, projectMegabytes}, see db/model/attachments.ts */
  'attachmentLimits',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export async function getSetting(store: Store, key: SettingKey): Promise<string | null> {
  return (await store.get<{ value: string }>(sql`SELECT value FROM settings WHERE key = ${key}`))?.value ?? null;
}

export async function setSetting(store: Store, key: SettingKey, value: string): Promise<void> {
  await store.run(sql`INSERT INTO settings (key, value) VALUES (${key}, ${value})
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
}

/**
 * Changes a setting with its line in the change history, old → new as the clerk reads them (which may differ
 * from what is stored: 不再显示 for 'dismissed').
 */
export async function changeSetting(
  store: Store,
  key: SettingKey,
  value: string,
  shown: { oldValue: string | null; newValue: string },
  meta: Pick<WriteMeta, 'operator' | 'now'>,
): Promise<void> {
  await setSetting(store, key, value);
  await writeAudit(
    store,
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

export async function allSettings(
  store: Store,
): Promise<
  Partial<
    Record<
      | 'planYear'
      | 'operatorName'
      | 'cityName'
      | 'initialized'
      | 'ui.libraryColumns'
      | 'lightThresholds'
      | 'timeProgressMode'
      | 'statisticsThresholdYuan'
      | 'fillinSecret'
      | 'backupKeep'
      | 'firstRunChecklist'
      | 'attractionStartMonths'
      | 'attachmentLimits',
      string
    >
  >
> {
  const rows = await store.all<{ key: SettingKey; value: string }>(sql`SELECT key, value FROM settings`);
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { MIGRATIONS, SCHEMA_VERSION } from '../../db/migrations';
import { backupDirOf } from '../../electron/services/backup';
import { createTempApp, sqliteContext, type TempApp } from '../helpers/temp-app';

// A backup taken before the compact history (version 60) restores like any older backup: its line for the
// restore is written as that version wrote it, and the file is migrated with it when it opens.

let app: TempApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

function writeV60Backup(file: string): void {
  const db = openDatabase(path.join(path.dirname(file), 'v60-work.sqlite'), {
    migrations: MIGRATIONS.filter((m) => m.version <= 60),
  });
  db.prepare(
    `INSERT INTO audit_log (at, operator, entity, entity_id, action, field, old_value, new_value)
     VALUES ('2025-03-04T01:02:03.456Z', '老同事', 'settings', 0, 'update', 'planYear', '2024', '2025')`,
  ).run();
  db.prepare('VACUUM INTO ?').run(file);
  db.close();
}

describe('恢复结构版本60的旧备份', () => {
  it('旧备份恢复后升级到当前结构：旧记录原样在，恢复这一行写在最后，谁、何时都在', async () => {
    app = await createTempApp();
    const fileName = '升级前备份-v60-2025-03-05.sqlite';
    writeV60Backup(path.join(backupDirOf(app.ctx), fileName));

    await app.ok('backups.restore', { fileName });
    expect(sqliteContext(app).db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const page = await app.ok('audit.list', {});
    expect(page.entries.map((e) => [e.operator, e.entity, e.field, e.oldValue, e.newValue])).toEqual([
      ['测试填报人', 'backup', null, null, `从备份 ${fileName} 恢复`],
      ['老同事', 'settings', 'planYear', '2024', '2025'],
    ]);
    expect(page.entries[1].at).toBe('2025-03-04T01:02:03.456Z');
    expect(Date.parse(page.entries[0].at)).toBeGreaterThan(Date.parse('2026-01-01'));
    expect(page.operators).toEqual(['测试填报人', '老同事'].sort());

    // and the restored file takes new lines in the compact form
    const settings = await app.ok('settings.get', {});
    await app.ok('settings.update', {
      operatorName: '测试填报人',
      cityName: '韶山市',
      planYear: settings.planYear,
      lightThresholds: settings.lightThresholds,
      timeProgressMode: settings.timeProgressMode,
      backupKeep: settings.backupKeep,
    });
    const after = await app.ok('audit.list', { operator: '测试填报人', kind: 'settings' });
    expect(after.entries[0]).toMatchObject({ entity: 'settings', field: 'cityName', newValue: '韶山市' });
  });
});

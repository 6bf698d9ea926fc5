import { afterEach, describe, expect, it } from 'vitest';
import { restoreInPlace } from '../../db/restore';
import { createBackup, withPlainBackup } from '../../electron/services/backup';
import { createTempApp, sqliteContext, type TempApp } from '../helpers/temp-app';

let app: TempApp | undefined;
afterEach(() => app?.close());

function dump(app: TempApp): string {
  const db = sqliteContext(app).db;
  const tables = (
    db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  return JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()));
}

describe('就地恢复备份', () => {
  it('备份、改动数据、恢复后与备份完全一致（示例数据，含外键关联）', async () => {
    app = await createTempApp({ demo: true });
    const before = dump(app);
    const file = await createBackup(app.ctx, '测试');
    const [first] = await app.ok('projects.list', {});
    await app.ok('projects.update', { id: first.id, name: '改过的名称' });
    await app.ok('reference.saveUnit', { name: '新增的单位' });
    expect(dump(app)).not.toBe(before);
    await withPlainBackup(file, (plain) => restoreInPlace(sqliteContext(app!).db, plain));
    expect(dump(app)).toBe(before);
    // the search finds the restored name, not the one the restore undid
    expect(await app.ok('projects.list', { search: '改过的名称' })).toEqual([]);
    expect((await app.ok('projects.list', { search: first.name })).map((p) => p.id)).toContain(first.id);
    expect(sqliteContext(app).db.pragma('foreign_key_check')).toEqual([]);
    expect(sqliteContext(app).db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

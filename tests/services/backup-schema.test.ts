import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { MIGRATIONS, SCHEMA_VERSION } from '../../db/migrations';
import { inspectBackup } from '../../electron/services/backup';
import { createTempApp, sqliteContext, type TempApp } from '../helpers/temp-app';
import { makeTempDir } from '../helpers/temp-dir';

// A backup brought from outside (从U盘添加备份, or copied into backups/ by hand) is data, never code: a file whose
// schema carries anything the app's own migrations would not have made is listed with its problem, not added,
// not restored.

let app: TempApp | undefined;
let temp: ReturnType<typeof makeTempDir> | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  temp?.remove();
  temp = undefined;
});

/** A genuine “备份到…” copy of the demo office on a stick, then changed by `tamper` as an attacker would. */
async function tamperedCopy(tamper: string): Promise<{ usb: string; file: string }> {
  app = await createTempApp({ demo: true });
  temp = makeTempDir('zdxm-usb-');
  const { file } = await app.ok('backups.copyTo', { folder: temp.dir });
  const db = new Database(file);
  db.exec(tamper);
  db.close();
  return { usb: temp.dir, file };
}

/** triggers and views in the file, the views audit_log (migration 0070) and dispatch_entries (0090) left out */
const schemaObjects = (a: TempApp) =>
  sqliteContext(a)
    .db.prepare(
      `SELECT type, name FROM sqlite_master
       WHERE type IN (?, ?) AND name NOT IN ('audit_log', 'dispatch_entries') ORDER BY name`,
    )
    .all('trigger', 'view');

/** The app's own triggers: the ones keeping the search index in step with `projects` (migration 0080). */
const OWN_TRIGGERS = ['project_search_delete', 'project_search_insert', 'project_search_update'].map((name) => ({
  type: 'trigger',
  name,
}));

const TRIGGER = `
  CREATE TRIGGER x_audit AFTER INSERT ON audit_entries BEGIN DELETE FROM audit_entries WHERE id = NEW.id; END;
  CREATE TRIGGER x_money BEFORE UPDATE ON monthly_investments BEGIN SELECT 1; END;`;

describe('外来的备份文件只当数据，不带程序', () => {
  it('带触发器的备份：从U盘添加时跳过并说明；放进备份文件夹的也不能恢复，当前数据不受影响', async () => {
    const { usb, file } = await tamperedCopy(TRIGGER);
    const expected = '备份文件中有程序不会建立的触发器“x_audit”、触发器“x_money”，为安全起见不予使用';

    const result = await app!.ok('backups.addFrom', { folder: usb });
    expect(result.added).toEqual([]);
    expect(result.skipped).toEqual([{ fileName: path.basename(file), reason: expected }]);
    expect(fs.readdirSync(path.join(app!.dir, 'backups')).some((n) => n.startsWith('外部备份'))).toBe(false);

    // copied into backups/ by hand, as the README once suggested
    const name = `外部备份-手工复制-${path.basename(file)}`;
    fs.copyFileSync(file, path.join(app!.dir, 'backups', name));
    const listed = (await app!.ok('backups.list', {})).find((b) => b.fileName === name)!;
    expect(listed.problem).toBe(expected);
    const restored = await app!.call('backups.restore', { fileName: name });
    expect(restored.ok).toBe(false);
    expect(restored.ok ? '' : restored.error.message).toContain(expected);
    expect(schemaObjects(app!)).toEqual(OWN_TRIGGERS);
  });

  it('带视图的备份不予使用', async () => {
    const { file } = await tamperedCopy('CREATE VIEW v_projects AS SELECT id, name FROM projects;');
    expect(inspectBackup(file)).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      problem: '备份文件中有程序不会建立的视图“v_projects”，为安全起见不予使用',
    });
  });

  it.each([
    [
      '多出的列',
      'ALTER TABLE projects ADD COLUMN secret TEXT;',
      '备份文件中数据表“projects”有程序不会建立的列“secret”，为安全起见不予使用',
    ],
    ['多出的表', 'CREATE TABLE notes (x TEXT);', '备份文件中有程序不会建立的数据表“notes”，为安全起见不予使用'],
    [
      '改过的索引',
      'DROP INDEX projects_stage; CREATE INDEX projects_stage ON projects(name);',
      '备份文件中索引“projects_stage”的定义与程序建立的不同，为安全起见不予使用',
    ],
    ['多出的索引', 'CREATE INDEX extra_names ON projects(name);', '备份文件中有程序不会建立的索引“extra_names”'],
    ['缺少的表', 'DROP TABLE month_closings;', '备份文件中缺少数据表“month_closings”，为安全起见不予使用'],
    [
      '缺少的列',
      'ALTER TABLE projects DROP COLUMN note;',
      '备份文件中数据表“projects”缺少列“note”，为安全起见不予使用',
    ],
    ['不是本程序的结构版本', 'PRAGMA user_version = 15;', '备份文件的数据结构版本（15）不是本程序建立的'],
    ['更新版本的程序', `PRAGMA user_version = ${SCHEMA_VERSION + 10};`, '来自更新版本的程序'],
  ])('%s：不予使用，并说明找到的是什么', async (_name, tamper, problem) => {
    const { usb, file } = await tamperedCopy(tamper);
    expect(inspectBackup(file).problem).toContain(problem);
    const result = await app!.ok('backups.addFrom', { folder: usb });
    expect(result.added).toEqual([]);
    expect(result.skipped[0].reason).toContain(problem);
  });

  it('“-wal”里藏着与主文件不同的结构：不予使用（恢复只复制主文件）', async () => {
    app = await createTempApp();
    temp = makeTempDir('zdxm-usb-');
    const file = path.join(temp.dir, '带wal的备份.sqlite');
    const db = openDatabase(file);
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TRIGGER hidden AFTER INSERT ON audit_entries BEGIN SELECT 1; END;');
    db.pragma('wal_checkpoint(TRUNCATE)');
    // the trigger is gone in the WAL, still there in the main file that a copy would take
    db.exec('DROP TRIGGER hidden');
    fs.copyFileSync(file, path.join(temp.dir, '副本.sqlite'));
    fs.copyFileSync(`${file}-wal`, path.join(temp.dir, '副本.sqlite-wal'));
    db.close();
    expect(inspectBackup(path.join(temp.dir, '副本.sqlite')).problem).toBe(
      '备份文件旁有未并入的“-wal”文件，无法确认其内容，为安全起见不予使用',
    );
    const result = await app.ok('backups.addFrom', { folder: temp.dir });
    expect(result.added).toEqual(['外部备份-带wal的备份.sqlite']);
    expect(result.skipped.map((s) => s.fileName)).toEqual(['副本.sqlite']);
  });

  it('每个结构版本（10…当前）的真备份都能通过检查：在线备份和 VACUUM INTO 各一份', async () => {
    temp = makeTempDir();
    for (const [i, migration] of MIGRATIONS.entries()) {
      const file = path.join(temp.dir, `v${migration.version}.sqlite`);
      const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, i + 1) });
      db.prepare("INSERT INTO chains (code, name) VALUES ('DZ', '电子信息')").run();
      const online = path.join(temp.dir, `在线备份-v${migration.version}.sqlite`);
      await db.backup(online);
      const vacuumed = path.join(temp.dir, `升级前备份-v${migration.version}.sqlite`);
      db.prepare('VACUUM INTO ?').run(vacuumed);
      db.close();
      const standAlone = new Database(online);
      standAlone.pragma('journal_mode = DELETE');
      standAlone.close();
      for (const backup of [online, vacuumed]) {
        expect(inspectBackup(backup), path.basename(backup)).toEqual({
          projectCount: 0,
          schemaVersion: migration.version,
          problem: null,
        });
      }
    }
    expect(MIGRATIONS.at(-1)!.version).toBe(SCHEMA_VERSION);
  });

  it('本程序自己做的备份（示例数据，结构升级过的文件）照常可用', async () => {
    temp = makeTempDir();
    // a file begun at version 10 and brought up to date by the app, as an old office's file is
    const file = path.join(temp.dir, 'projects.sqlite');
    openDatabase(file, { migrations: [MIGRATIONS[0]] }).close();
    openDatabase(file).close();
    expect(inspectBackup(file).problem).toBeNull();
    app = await createTempApp({ demo: true });
    const backup = await app.ok('backups.create', {});
    expect(backup.problem).toBeNull();
    expect(backup.projectCount).toBeGreaterThan(100);
  });

  it('带 SQLite 统计表（PRAGMA optimize 建的 sqlite_stat1、sqlite_stat4）的备份照常列出、照常恢复', async () => {
    app = await createTempApp({ demo: true });
    // what `PRAGMA optimize` makes once the tables have grown: SQLite's own ANALYZE
    sqliteContext(app).db.exec('ANALYZE');
    const stats = sqliteContext(app)
      .db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_stat%' ORDER BY name")
      .pluck()
      .all();
    expect(stats).toEqual(['sqlite_stat1', 'sqlite_stat4']);
    const projectCount = (await app.ok('projects.list', {})).length;
    const backup = await app.ok('backups.create', {});
    expect(backup.problem).toBeNull();
    expect((await app.ok('backups.list', {})).find((b) => b.fileName === backup.fileName)?.problem).toBeNull();

    const [first] = await app.ok('projects.list', {});
    await app.ok('projects.update', { id: first.id, name: '恢复前改过的名称' });
    await app.ok('backups.restore', { fileName: backup.fileName });
    const restored = await app.ok('projects.list', {});
    expect(restored).toHaveLength(projectCount);
    expect(restored.find((p) => p.id === first.id)?.name).toBe(first.name);
  });
});

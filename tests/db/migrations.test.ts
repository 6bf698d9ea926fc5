import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { schemaVersionOf } from '../../db/migrate';
import { MIGRATIONS, SCHEMA_VERSION } from '../../db/migrations';
import type { Migration } from '../../db/migrations/types';
import { DEFAULT_APPROVAL_TEMPLATES } from '../../db/model/approvals';
import { DEFAULT_MILESTONE_TEMPLATES } from '../../db/model/milestones';
import { STAGES, type Stage } from '../../db/model/stages';
import { makeTempDir } from '../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
afterEach(() => temp?.remove());

function tablesOf(db: Database.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name);
}

describe('迁移执行器', () => {
  it('版本号是10的倍数且递增', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions.every((v) => v % 10 === 0)).toBe(true);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('新文件迁移到最新版本，开启WAL和外键，不产生备份', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'projects.sqlite');
    const db = openDatabase(file);
    expect(schemaVersionOf(db)).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    expect(fs.existsSync(path.join(temp.dir, 'backups'))).toBe(false);
  });

  it('拒绝打开更新版本程序写的文件，且不改动它：文件逐字节不变，旁边也不多出文件', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'projects.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE later_things (id INTEGER) STRICT');
    raw.pragma(`user_version = ${SCHEMA_VERSION + 10}`);
    raw.close();
    const hash = () => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    const before = hash();
    expect(() => openDatabase(file)).toThrow(/更新版本的程序/);
    expect(hash()).toBe(before);
    expect(fs.readdirSync(temp.dir)).toEqual(['projects.sqlite']);
    const again = new Database(file);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 10);
    expect(tablesOf(again)).toEqual(['later_things']);
    again.close();
  });

  it('升级已有文件前先备份，备份保留升级前的数据', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'projects.sqlite');
    openDatabase(file).close();
    const next: Migration = {
      version: SCHEMA_VERSION + 10,
      name: 'test step',
      up: "INSERT INTO settings (key, value) VALUES ('cityName', '升级后')",
    };
    const db = openDatabase(file, { migrations: [...MIGRATIONS, next] });
    expect(schemaVersionOf(db)).toBe(SCHEMA_VERSION + 10);
    db.close();
    const backups = fs.readdirSync(path.join(temp.dir, 'backups'));
    expect(backups).toHaveLength(1);
    const backup = new Database(path.join(temp.dir, 'backups', backups[0]), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(backup.prepare('SELECT COUNT(*) AS n FROM settings').get()).toEqual({ n: 0 });
    backup.close();
  });

  it('待执行的迁移在一个事务里：中途失败则文件保持原样', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'projects.sqlite');
    openDatabase(file).close();
    const good: Migration = {
      version: SCHEMA_VERSION + 10,
      name: 'good',
      up: 'CREATE TABLE extra (id INTEGER) STRICT',
    };
    const bad: Migration = { version: SCHEMA_VERSION + 20, name: 'bad', up: 'CREATE TABLE broken (' };
    expect(() => openDatabase(file, { migrations: [...MIGRATIONS, good, bad] })).toThrow();
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(tablesOf(db)).not.toContain('extra');
    db.close();
  });
});

describe('迁移 0010：初始结构', () => {
  it('从空文件建出项目库的全部表，表均为 STRICT', () => {
    temp = makeTempDir();
    const db = openDatabase(path.join(temp.dir, 'projects.sqlite'), { migrations: [MIGRATIONS[0]] });
    expect(tablesOf(db)).toEqual([
      'audit_log',
      'chains',
      'monthly_investments',
      'parks',
      'project_units',
      'projects',
      'settings',
      'stage_changes',
      'units',
    ]);
    const strict = db
      .prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'")
      .all() as {
      name: string;
      strict: number;
    }[];
    expect(strict.every((t) => t.strict === 1)).toBe(true);
    db.close();
  });

  it('金额列只收整数元：小数金额被数据库拒绝', () => {
    temp = makeTempDir();
    const db = openDatabase(path.join(temp.dir, 'projects.sqlite'));
    db.prepare("INSERT INTO chains (code, name) VALUES ('DZ', '电子信息')").run();
    const insert = (amount: number) =>
      db
        .prepare(
          `INSERT INTO projects (code, name, category, chain_id, owner, stage, total_investment_yuan, created_at, updated_at)
           VALUES (?, '项目', 'industry', 1, '业主', 'reserve', ?, 'x', 'x')`,
        )
        .run(`C${amount}`, amount);
    expect(() => insert(100.5)).toThrow(/cannot store REAL value in INTEGER column/);
    expect(() => insert(-1)).toThrow(/CHECK/);
    insert(12_345_600);
    db.close();
  });
});

describe('迁移 0020：节点与节点模板', () => {
  it('在已有项目的10版文件上加建节点表，项目数据原样保留，默认模板与 DOMAIN 一致', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'projects.sqlite');
    const v10 = openDatabase(file, { migrations: [MIGRATIONS[0]] });
    v10.prepare("INSERT INTO chains (code, name) VALUES ('DZ', '电子信息')").run();
    v10
      .prepare(
        `INSERT INTO projects (code, name, category, chain_id, owner, stage, total_investment_yuan, created_at, updated_at)
         VALUES ('DZ-2026-001', '老项目', 'industry', 1, '业主', 'preliminary', 12345600, 'x', 'x')`,
      )
      .run();
    v10.close();

    const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, 2) });
    expect(schemaVersionOf(db)).toBe(20);
    expect(db.prepare('SELECT code, total_investment_yuan AS total FROM projects').all()).toEqual([
      { code: 'DZ-2026-001', total: 12_345_600 },
    ]);
    const rows = db
      .prepare('SELECT stage, name, duration_days AS durationDays FROM milestone_templates ORDER BY stage, sort_order')
      .all() as { stage: Stage; name: string; durationDays: number }[];
    for (const stage of STAGES) {
      expect(rows.filter((r) => r.stage === stage).map(({ name, durationDays }) => ({ name, durationDays }))).toEqual(
        DEFAULT_MILESTONE_TEMPLATES[stage],
      );
    }
    db.prepare(
      "INSERT INTO milestones (project_id, name, planned_date, sort_order) VALUES (1, '环评批复', '2026-05-01', 1)",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO milestone_templates (stage, name, duration_days, sort_order) VALUES ('reserve', 'x', -1, 9)",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
    expect(fs.readdirSync(path.join(temp.dir, 'backups'))).toHaveLength(1);
  });
});

function fileAt(version: number): { file: string; db: ReturnType<typeof openDatabase> } {
  temp = makeTempDir();
  const file = path.join(temp.dir, 'projects.sqlite');
  const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= version) });
  db.prepare("INSERT INTO chains (code, name) VALUES ('DZ', '电子信息')").run();
  db.prepare(
    `INSERT INTO projects (code, name, category, chain_id, owner, stage, created_at, updated_at)
     VALUES ('DZ-2026-001', '老项目', 'industry', 1, '业主', 'continuing', 'x', 'x')`,
  ).run();
  return { file, db };
}

describe('迁移 0030：周调度填报', () => {
  it('在20版文件上加建调度表，周次格式由数据库把关', () => {
    const { file, db: v20 } = fileAt(20);
    v20.close();
    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 30) });
    expect(schemaVersionOf(db)).toBe(30);
    const insert = (week: string) =>
      db
        .prepare(
          `INSERT INTO dispatch_entries (project_id, week, snapshot_stage, snapshot_light, updated_at, updated_by)
           VALUES (1, ?, 'continuing', 'green', 'x', 'x')`,
        )
        .run(week);
    insert('2026-W48');
    expect(() => insert('2026-48')).toThrow(/CHECK/);
    expect(() => insert('2026-W48')).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM projects').get()).toEqual({ n: 1 });
    db.close();
  });
});

describe('迁移 0040：问题督办', () => {
  it('在30版文件上加建问题表，办结时限不能早于登记日期', () => {
    const { file, db: v30 } = fileAt(30);
    v30.close();
    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 40) });
    expect(schemaVersionOf(db)).toBe(40);
    const insert = (code: string, deadline: string) =>
      db
        .prepare(
          `INSERT INTO problems (code, project_id, description, category, raised_on, deadline, status, created_at, updated_at)
           VALUES (?, 1, '缺电', 'utilities', '2026-11-01', ?, 'pending', 'x', 'x')`,
        )
        .run(code, deadline);
    insert('WT-2026-0001', '2026-11-30');
    expect(() => insert('WT-2026-0002', '2026-10-01')).toThrow(/CHECK/);
    expect(() => insert('WT-2026-0001', '2026-11-30')).toThrow(/UNIQUE/);
    db.close();
  });
});

describe('迁移 0050：月度关账与产业链关键词', () => {
  it('在40版文件上按已报月份关账（灯保持原样），规划中的产业链带上关键词', () => {
    const { file, db: v40 } = fileAt(40);
    v40.prepare("UPDATE chains SET code = 'PG', name = '皮革深加工'").run();
    const month = v40.prepare(
      'INSERT INTO monthly_investments (project_id, year, month, amount_yuan) VALUES (1, ?, ?, ?)',
    );
    for (const m of [1, 2, 4]) month.run(2026, m, 1_000_000);
    month.run(2025, 12, 500_000);
    v40.close();
    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 50) });
    expect(schemaVersionOf(db)).toBe(50);
    const closed = db.prepare('SELECT year, month FROM month_closings ORDER BY year, month').all();
    expect(closed).toEqual([
      { year: 2025, month: 1 },
      ...[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => ({ year: 2025, month: m })),
      { year: 2026, month: 1 },
      { year: 2026, month: 2 },
      { year: 2026, month: 3 },
      { year: 2026, month: 4 },
    ]);
    const words = JSON.parse((db.prepare('SELECT keywords FROM chains').get() as { keywords: string }).keywords);
    expect(words).toContain('皮革');
    expect(() => db.prepare("INSERT INTO month_closings VALUES (2026, 13, '2026-12-01', 'x')").run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('迁移 0130：项目级别与乡镇', () => {
  it('在120版文件上建级别和乡镇名单，建设地点恰为乡镇名的项目归入该乡镇，其余不动', () => {
    const { file, db: v120 } = fileAt(120);
    const project = v120.prepare(
      `INSERT INTO projects (code, name, category, chain_id, owner, location, stage, created_at, updated_at)
       VALUES (?, ?, 'industry', 1, '业主', ?, 'continuing', 'x', 'x')`,
    );
    project.run('DZ-2026-002', '金石镇的项目', '金石镇');
    project.run('DZ-2026-003', '写得不完全一样', '金石镇工业园');
    v120.close();
    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 130) });
    expect(schemaVersionOf(db)).toBe(130);
    const names = (table: string) =>
      (db.prepare(`SELECT name FROM ${table} ORDER BY sort_order`).all() as { name: string }[]).map((r) => r.name);
    expect(names('project_levels')).toEqual(['省重点', '湘潭市重点', '市本级重点']);
    expect(names('townships')).toEqual(['泉塘镇', '东郊镇', '龙洞镇', '金石镇', '棋梓镇', '虞唐镇']);
    const towns = db
      .prepare('SELECT p.code, t.name FROM projects p LEFT JOIN townships t ON t.id = p.township_id ORDER BY p.code')
      .all();
    expect(towns).toEqual([
      { code: 'DZ-2026-001', name: null },
      { code: 'DZ-2026-002', name: '金石镇' },
      { code: 'DZ-2026-003', name: null },
    ]);
    // a project is on a list once, and only on lists that exist
    const join = db.prepare('INSERT INTO level_memberships (project_id, level_id) VALUES (?, ?)');
    join.run(1, 1);
    expect(() => join.run(1, 1)).toThrow(/UNIQUE/);
    expect(() => join.run(1, 99)).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('迁移 0160：前期手续清单与模板', () => {
  it('在150版文件上建手续表和各类别的默认模板，办理状态由数据库把关，删项目连带删清单', () => {
    const { file, db: v150 } = fileAt(150);
    v150.close();
    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 160) });
    expect(schemaVersionOf(db)).toBe(160);
    const template = db
      .prepare("SELECT name, department FROM approval_templates WHERE category = 'industry' ORDER BY sort_order")
      .all() as { name: string; department: string }[];
    expect(template.map((t) => t.name)).toEqual(DEFAULT_APPROVAL_TEMPLATES.industry.map((t) => t.name));
    expect(template[0]).toEqual({ name: '立项/备案', department: '发改局' });
    const add = db.prepare(
      `INSERT INTO approval_items (project_id, name, status, planned_date, sort_order) VALUES (1, ?, ?, '2026-12-01', 1)`,
    );
    add.run('环评批复', 'in_progress');
    expect(() => add.run('节能审查', '已办结')).toThrow(/CHECK/);
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM projects WHERE id = 1').run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM approval_items').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('迁移 0200：名单调入调出与停缓建', () => {
  it('150版文件上的级别行变为“调入日期未记录、仍在名单上”；同一名单同一时间只能在一次，调出后可再调入；停缓建同一时间只有一段', () => {
    const { file, db: v150 } = fileAt(150);
    v150.prepare('INSERT INTO level_memberships (project_id, level_id) VALUES (1, 1)').run();
    v150.close();
    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 200) });
    expect(schemaVersionOf(db)).toBe(200);
    expect(
      db
        .prepare('SELECT project_id, level_id, joined_on, join_reason, left_on, leave_reason FROM level_memberships')
        .all(),
    ).toEqual([{ project_id: 1, level_id: 1, joined_on: null, join_reason: '', left_on: null, leave_reason: '' }]);
    const join = db.prepare(
      "INSERT INTO level_memberships (project_id, level_id, joined_on, join_reason) VALUES (1, 1, '2026-09-01', '再列入')",
    );
    expect(() => join.run()).toThrow(/UNIQUE/);
    db.prepare("UPDATE level_memberships SET left_on = '2026-07-15', leave_reason = '调整' WHERE id = 1").run();
    join.run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM level_memberships WHERE project_id = 1').get()).toEqual({ n: 2 });

    const pause = db.prepare(
      "INSERT INTO project_suspensions (project_id, kind, suspended_on, reason) VALUES (1, ?, '2026-09-01', '资金')",
    );
    pause.run('deferred');
    expect(() => pause.run('halted')).toThrow(/UNIQUE/);
    expect(() => pause.run('stopped')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE project_suspensions SET resumed_on = '2026-08-01'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE project_suspensions SET resumed_on = '2026-10-01'").run();
    pause.run('halted');
    db.close();
  });
});

describe('迁移 0190：包挂领导与领导批示', () => {
  it('在之前的文件上建包挂领导名单和领导批示表，已有项目未设包挂领导；批示的日期、状态和问题各有约束', () => {
    const { file, db: before } = fileAt(150);
    before.close();
    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 190) });
    expect(schemaVersionOf(db)).toBe(190);
    expect(tablesOf(db)).toEqual(expect.arrayContaining(['contact_leaders', 'leader_instructions']));
    expect(db.prepare('SELECT contact_leader_id FROM projects').all()).toEqual([{ contact_leader_id: null }]);
    db.prepare("INSERT INTO contact_leaders (name, title) VALUES ('张三', '副市长')").run();
    expect(() => db.prepare("INSERT INTO contact_leaders (name) VALUES ('张三')").run()).toThrow(/UNIQUE/);
    const add = db.prepare(
      `INSERT INTO leader_instructions (project_id, issued_on, leader_name, leader_id, content, deadline, status,
         closed_on, created_at, updated_at) VALUES (1, ?, '张三', 1, '批示内容', ?, ?, ?, 'x', 'x')`,
    );
    add.run('2026-11-03', '2026-11-20', 'open', null);
    expect(() => add.run('2026-11-03', '2026-11-01', 'open', null)).toThrow(/CHECK/);
    expect(() => add.run('2026-11-03', null, 'closed', null)).toThrow(/CHECK/);
    expect(() => add.run('2026-11-03', null, 'open', '2026-11-04')).toThrow(/CHECK/);
    expect(() => add.run('2026-11-03', null, 'done', null)).toThrow(/CHECK/);
    db.close();
  });
});

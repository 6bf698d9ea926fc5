import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { schemaVersionOf } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { makeTempDir } from '../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
afterEach(() => temp?.remove());

describe('迁移 0170：要素保障', () => {
  it('在150版文件上建 project_factors 和 project_funds：空表，状态和来源由数据库把关，同一项目同年同来源只一行', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'projects.sqlite');
    const v150 = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 150) });
    expect(schemaVersionOf(v150)).toBe(150);
    v150.prepare("INSERT INTO chains (id, code, name) VALUES (1, 'DZ', '电子信息')").run();
    v150
      .prepare(
        `INSERT INTO projects (code, name, category, chain_id, owner, stage, created_at, updated_at)
         VALUES ('DZ-2026-001', '甲', 'industry', 1, '业主', 'continuing', 'x', 'x')`,
      )
      .run();
    v150.close();
    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 170) });
    expect(schemaVersionOf(db)).toBe(170);
    expect(db.prepare('SELECT COUNT(*) AS n FROM project_factors').get()).toEqual({ n: 0 });
    db.prepare(
      "INSERT INTO project_factors (project_id, land_demand_hundredths, updated_at) VALUES (1, 3000, 'x')",
    ).run();
    expect(db.prepare('SELECT land_status, land_supplied_hundredths, version FROM project_factors').get()).toEqual({
      land_status: 'unapplied',
      land_supplied_hundredths: null,
      version: 1,
    });
    expect(() => db.prepare("UPDATE project_factors SET land_status = '随便'").run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE project_factors SET land_demand_hundredths = -1').run()).toThrow(/CHECK/);
    const fund = db.prepare(
      'INSERT INTO project_funds (project_id, year, source, planned_yuan, in_place_yuan) VALUES (1, 2026, ?, 100, 0)',
    );
    fund.run('bank_loan');
    expect(() => fund.run('bank_loan')).toThrow(/UNIQUE/);
    expect(() => fund.run('lottery')).toThrow(/CHECK/);
    // a project removed takes its figures with it
    db.prepare('DELETE FROM projects WHERE id = 1').run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM project_funds').get()).toEqual({ n: 0 });
    db.close();
  });
});

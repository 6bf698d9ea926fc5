import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migratePostgres } from '../../db/migrate-postgres';
import { get, run, sql, type SqlQuery } from '../../db/sql';
import type { Store } from '../../db/store/store';
import { emptyPostgres, sqliteLibrary, type Cleanup } from '../helpers/postgres-library';

// What the schema itself refuses, it refuses on both engines: the same statement fails on each, and the row is
// not there afterwards.

const cleanups: Cleanup[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Engines {
  db: Database.Database;
  store: Store;
}

async function bothEngines(): Promise<Engines> {
  const db = sqliteLibrary(cleanups);
  const { store } = await emptyPostgres(cleanups);
  await migratePostgres(store);
  return { db, store };
}

async function runOnBoth({ db, store }: Engines, statement: SqlQuery): Promise<void> {
  run(db, statement);
  await store.run(statement);
}

async function refusedOnBoth({ db, store }: Engines, statement: SqlQuery): Promise<void> {
  expect(() => run(db, statement)).toThrow(/constraint failed/);
  await expect(store.run(statement)).rejects.toThrow(/violates (check|foreign key) constraint/);
}

async function countOnBoth({ db, store }: Engines, count: SqlQuery) {
  return [get(db, count), await store.get(count)];
}

const project = (id: number, stage: string, chainId = 1) =>
  sql`INSERT INTO projects (id, code, name, category, chain_id, owner, stage, created_at, updated_at)
      VALUES (${id}, ${`DZ-2026-00${id}`}, '园区道路', 'infrastructure', ${chainId}, '城投公司', ${stage}, 't', 't')`;

describe('两种数据库上相同的约束', () => {
  it('项目阶段只能是五个阶段之一，产业链必须存在', async () => {
    const engines = await bothEngines();
    await runOnBoth(engines, sql`INSERT INTO chains (id, code, name) VALUES (1, 'DZ', '电子信息')`);
    await runOnBoth(engines, project(1, 'new_start'));
    await refusedOnBoth(engines, project(2, 'started'));
    await refusedOnBoth(engines, project(3, 'continuing', 99));
    expect(await countOnBoth(engines, sql`SELECT COUNT(*) AS n FROM projects`)).toEqual([{ n: 1 }, { n: 1 }]);
  });

  it('周调度的周次必须是年×100＋周（周不超过59），问题的限期不能早于提出日期', async () => {
    const engines = await bothEngines();
    await runOnBoth(engines, sql`INSERT INTO chains (id, code, name) VALUES (1, 'DZ', '电子信息')`);
    await runOnBoth(engines, project(1, 'new_start'));
    const week = (id: number, code: number) =>
      sql`INSERT INTO dispatch_rows (id, project_id, week, confirmed, stage, light, year_completed_yuan,
                                     total_investment_yuan, updated_at, updated_by)
          VALUES (${id}, 1, ${code}, 0, 2, 0, 0, 0, 0, 1)`;
    await runOnBoth(engines, week(1, 202652));
    await refusedOnBoth(engines, week(2, 202660));
    const problem = (id: number, deadline: string) =>
      sql`INSERT INTO problems (id, code, project_id, description, category, raised_on, deadline, status,
                                created_at, updated_at)
          VALUES (${id}, ${`WT-${id}`}, 1, '用地指标未落实', 'land', '2026-03-10', ${deadline}, 'pending', 't', 't')`;
    await runOnBoth(engines, problem(1, '2026-03-10'));
    await refusedOnBoth(engines, problem(2, '2026-03-09'));
    expect(await countOnBoth(engines, sql`SELECT COUNT(*) AS n FROM dispatch_rows`)).toEqual([{ n: 1 }, { n: 1 }]);
    expect(await countOnBoth(engines, sql`SELECT COUNT(*) AS n FROM problems`)).toEqual([{ n: 1 }, { n: 1 }]);
  });
});

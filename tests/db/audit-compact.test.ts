import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/connection';
import { MIGRATIONS } from '../../db/migrations';
import { AUDIT_KINDS } from '../../db/model/audit-kinds';
import { auditOf, auditOperators, listAudit, writeAudit, type AuditFilter } from '../../db/queries/audit';
import { sqliteStore } from '../../db/store/sqlite-store';
import { inTransaction } from '../../db/transaction';
import type { Store } from '../../db/store/store';
import { OLD_KIND_WHERE } from '../helpers/old-audit-kinds';
import { makeTempDir } from '../helpers/temp-dir';

// A file written by version 60 holds every shape of 变更记录 the app wrote; after migration 0070 every line must
// read back exactly as before, and every filter must find the same lines the old SQL found.

let temp: ReturnType<typeof makeTempDir>;
afterEach(() => temp?.remove());

const V60 = MIGRATIONS.filter((m) => m.version <= 60);
const LONG = '主体结构施工进展顺利，'.repeat(800);
const OPERATORS = ['张晓丽', '李建军', '王芳', "O'Brien", '（未署名）'];

/** Local midnight of 2026-11-20 and the days around it, as the office's clock reads them. */
const midnight = (day: number) => new Date(2026, 10, day).getTime();

interface OldRow {
  at: string;
  operator: string;
  entity: string;
  entity_id: number;
  action: 'create' | 'update' | 'delete';
  field: string | null;
  old_value: string | null;
  new_value: string | null;
}

/** Lines of every kind, nulls, long and repeated texts, times on both sides of local midnights. */
function oldRows(): OldRow[] {
  const rows: OldRow[] = [];
  const shapes: [string, number, string | null][] = [
    ['project', 1, 'dispatch:2026-W47:progress'],
    ['project', 2, 'monthly:2026-10'],
    ['project', 1, 'problem:WT-2026-0001'],
    ['project', 2, 'milestone'],
    ['project', 1, 'progressText'],
    ['project', 2, null],
    ['unit', 3, 'name'],
    ['chain', 1, 'chainLead'],
    ['park', 2, 'name'],
    ['settings', 0, 'planYear'],
    ['milestone_template', 0, 'new_start'],
    ['import', 0, null],
    ['fillin', 0, null],
    ['rollover', 0, null],
    ['backup', 0, null],
    ['something_else', 4, 'x'],
  ];
  // each save's old value is the save before's new value, as 周调度 autosaves are
  let previous: string | null = null;
  for (let i = 0; i < 400; i++) {
    const [entity, entityId, field] = shapes[i % shapes.length];
    const day = 18 + Math.floor(i / 100);
    // around midnight: a millisecond before, on it, after, and the middle of the day
    const offsets = [-1, 0, 1, 12 * 3600_000, -3600_000];
    const at = new Date(midnight(day) + offsets[i % offsets.length] + i).toISOString();
    const text: string = i % 7 === 0 ? LONG : i % 3 === 0 ? '是' : `第${i}次保存：完成约${i % 100}%`;
    rows.push({
      at,
      operator: OPERATORS[i % OPERATORS.length],
      entity,
      entity_id: entityId,
      action: (['create', 'update', 'update', 'delete'] as const)[i % 4],
      field,
      old_value: i % 5 === 0 ? null : previous,
      new_value: i % 11 === 0 ? null : i % 13 === 0 ? '' : text,
    });
    previous = text;
  }
  // the clock set back by a day for a few lines, then right again
  for (let i = 0; i < 5; i++) {
    rows.push({ ...rows[i], at: new Date(midnight(18) - 7 * 3600_000 + i).toISOString(), operator: '钟慢了' });
  }
  rows.push({ ...rows[1], at: new Date(midnight(21) + 5000).toISOString() });
  return rows;
}

function writeV60(file: string): void {
  const db = openDatabase(file, { migrations: V60 });
  db.exec(`INSERT INTO chains (code, name) VALUES ('DZ', '电子信息');
           INSERT INTO projects (code, name, category, chain_id, owner, stage, created_at, updated_at)
           VALUES ('XM-001', '一号项目', 'industry', 1, '业主', 'reserve', 'x', 'x'),
                  ('XM-002', '二号项目', 'industry', 1, '业主', 'reserve', 'x', 'x');`);
  const insert = db.prepare(
    `INSERT INTO audit_log (at, operator, entity, entity_id, action, field, old_value, new_value)
     VALUES (@at, @operator, @entity, @entity_id, @action, @field, @old_value, @new_value)`,
  );
  inTransaction(db, () => oldRows().forEach((row) => insert.run(row)));
  db.close();
}

type Filter = Omit<AuditFilter, 'limit' | 'offset'>;

/** What the version-60 query found for a filter: every matching line, newest first, as the screen reads it. */
function oldList(db: Database.Database, filter: Filter): unknown[] {
  const where: string[] = ['1'];
  const values: (string | number)[] = [];
  if (filter.projectId !== undefined) {
    where.push(`a.entity = 'project' AND a.entity_id = ?`);
    values.push(filter.projectId);
  }
  if (filter.operator) {
    where.push('a.operator = ?');
    values.push(filter.operator);
  }
  if (filter.from) {
    where.push(`date(a.at, 'localtime') >= ?`);
    values.push(filter.from);
  }
  if (filter.to) {
    where.push(`date(a.at, 'localtime') <= ?`);
    values.push(filter.to);
  }
  if (filter.kind) where.push(OLD_KIND_WHERE[filter.kind]);
  return db
    .prepare(
      `SELECT a.id, a.at, a.operator, a.entity, a.entity_id AS entityId, a.action, a.field,
              a.old_value AS oldValue, a.new_value AS newValue, p.code AS projectCode, p.name AS projectName
       FROM audit_log a LEFT JOIN projects p ON a.entity = 'project' AND p.id = a.entity_id
       WHERE ${where.join(' AND ')} ORDER BY a.id DESC`,
    )
    .all(...values);
}

/** Every line a filter finds, read page by page with `before` as the screen does. */
async function everyPage(store: Store, filter: Filter, limit = 37): Promise<unknown[]> {
  const rows: unknown[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await listAudit(store, { ...filter, limit, offset: 0, ...(before !== undefined && { before }) });
    rows.push(...page.rows);
    if (page.nextBefore === null) return rows;
    before = page.nextBefore;
  }
}

const FILTERS: Filter[] = [
  {},
  { projectId: 1 },
  { projectId: 2 },
  { projectId: 99 },
  { operator: '王芳' },
  { operator: "O'Brien" },
  { operator: '钟慢了' },
  { operator: '没有这个人' },
  ...AUDIT_KINDS.map((kind) => ({ kind })),
  { from: '2026-11-19' },
  { to: '2026-11-19' },
  { from: '2026-11-19', to: '2026-11-19' },
  { from: '2026-11-17', to: '2026-11-17' },
  { from: '2026-11-20', to: '2026-11-21' },
  { from: '2026-11-22' },
  { from: '2026-11-21', to: '2026-11-19' },
  { from: '2026-11-19', to: '2026-11-20', operator: '李建军', kind: 'dispatch' },
  { from: '2026-11-18', to: '2026-11-19', projectId: 1, kind: 'problem' },
  { from: '2026-11-18', kind: 'import' },
];

/** A version-60 file, a copy of it kept as it was, and the file opened (and so migrated) by the app. */
function migratedCopy(): { db: Db; store: Store; old: Database.Database } {
  temp = makeTempDir();
  const file = path.join(temp.dir, 'projects.sqlite');
  writeV60(file);
  const kept = path.join(temp.dir, 'v60.sqlite');
  const snapshot = new Database(file, { readonly: true });
  snapshot.prepare('VACUUM INTO ?').run(kept);
  snapshot.close();
  const db = openDatabase(file);
  return { db, store: sqliteStore(db), old: new Database(kept, { readonly: true }) };
}

describe('迁移 0070：变更记录紧凑存储', () => {
  it('每一条旧记录迁移后原样读出：时间、操作人、对象、字段、旧值 → 新值', async () => {
    const { db, store, old } = migratedCopy();
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
    // the old table's pages went back to the disk: the file was vacuumed after the step
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    const before = oldList(old, {});
    expect(before).toHaveLength(406);
    expect(await everyPage(store, {}, 1000)).toEqual(before);
    for (const [entity, id] of [
      ['project', 1],
      ['project', 2],
      ['settings', 0],
      ['something_else', 4],
    ] as const) {
      const wanted = (oldList(old, {}) as { entity: string; entityId: number }[])
        .filter((r) => r.entity === entity && r.entityId === id)
        .map(({ projectCode: _c, projectName: _n, ...entry }: Record<string, unknown>) => entry);
      expect(await auditOf(store, entity, id), `${entity} ${id}`).toEqual(wanted);
    }
    // the view reads as the old table did
    expect(db.prepare('SELECT * FROM audit_log ORDER BY id').all()).toEqual(
      old
        .prepare(
          'SELECT id, at, operator, entity, entity_id, action, field, old_value, new_value FROM audit_log ORDER BY id',
        )
        .all(),
    );
    old.close();
    db.close();
  });

  it('各种筛选（项目、操作人、类别、本地日期边界、组合）逐页读出的记录与迁移前的查询相同', async () => {
    const { db, store, old } = migratedCopy();
    for (const filter of FILTERS) {
      const wanted = oldList(old, filter);
      expect(await everyPage(store, filter), JSON.stringify(filter)).toEqual(wanted);
      const first = await listAudit(store, { ...filter, limit: 10, offset: 0 });
      expect(first.total, JSON.stringify(filter)).toBe(wanted.length);
      const second = await listAudit(store, { ...filter, limit: 10, offset: 10 });
      expect(second.rows, JSON.stringify(filter)).toEqual(wanted.slice(10, 20));
    }
    expect(await auditOperators(store)).toEqual(
      (old.prepare('SELECT DISTINCT operator FROM audit_log ORDER BY operator').all() as { operator: string }[]).map(
        (r) => r.operator,
      ),
    );
    old.close();
    db.close();
  });

  it('每段文字只存一次：旧值指向上一次保存的新值，重复的文字不再多占一行', async () => {
    const { db, store, old } = migratedCopy();
    const distinct = old
      .prepare(
        `SELECT COUNT(*) AS n FROM (SELECT old_value AS t FROM audit_log WHERE old_value IS NOT NULL
                                    UNION SELECT new_value FROM audit_log WHERE new_value IS NOT NULL)`,
      )
      .get() as { n: number };
    const texts = () => (db.prepare('SELECT COUNT(*) AS n FROM audit_texts').get() as { n: number }).n;
    expect(texts()).toBe(distinct.n);
    const names = db.prepare('SELECT name FROM audit_names ORDER BY name').all() as { name: string }[];
    expect(new Set(names.map((n) => n.name)).size).toBe(names.length);

    const stored = texts();
    await writeAudit(
      store,
      {
        operator: '新来的填报人',
        entity: 'project',
        entityId: 1,
        action: 'update',
        changes: [{ field: 'dispatch:2026-W48:progress', oldValue: LONG, newValue: '是' }],
      },
      '2026-11-28T03:00:00.000Z',
    );
    expect(texts()).toBe(stored);
    await writeAudit(
      store,
      {
        operator: '新来的填报人',
        entity: 'project',
        entityId: 1,
        action: 'update',
        changes: [{ field: 'dispatch:2026-W48:progress', oldValue: '是', newValue: '本周完成主体封顶' }],
      },
      '2026-11-28T03:00:05.000Z',
    );
    expect(texts()).toBe(stored + 1);
    const page = await listAudit(store, { projectId: 1, kind: 'dispatch', from: '2026-11-28', limit: 10, offset: 0 });
    expect(page.rows.map((r) => [r.operator, r.at, r.field, r.oldValue, r.newValue])).toEqual([
      ['新来的填报人', '2026-11-28T03:00:05.000Z', 'dispatch:2026-W48:progress', '是', '本周完成主体封顶'],
      ['新来的填报人', '2026-11-28T03:00:00.000Z', 'dispatch:2026-W48:progress', LONG, '是'],
    ]);
    expect(page.rows[0]).toMatchObject({ projectCode: 'XM-001', projectName: '一号项目' });
    expect(await auditOperators(store)).toContain('新来的填报人');
    old.close();
    db.close();
  });

  it('回滚的保存不留下新名字和新文字：之后同名再写也能读出', async () => {
    const { db, store, old } = migratedCopy();
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    const names = count('audit_names');
    const texts = count('audit_texts');
    const change = (text: string) => ({
      operator: '只来过一次的人',
      entity: 'project',
      entityId: 2,
      action: 'update' as const,
      changes: [{ field: 'note', oldValue: null, newValue: text }],
    });
    await store.transaction(async () => {
      await expect(
        store.transaction(async () => {
          await writeAudit(store, change('被撤销的备注'), '2026-11-28T04:00:00.000Z');
          throw new Error('这一行被拒绝');
        }),
      ).rejects.toThrow('这一行被拒绝');
      expect(count('audit_names')).toBe(names);
      expect(count('audit_texts')).toBe(texts);
      await writeAudit(store, change('保留的备注'), '2026-11-28T04:00:01.000Z');
    });
    const [line] = (await listAudit(store, { operator: '只来过一次的人', limit: 10, offset: 0 })).rows;
    expect(line).toMatchObject({ operator: '只来过一次的人', field: 'note', oldValue: null, newValue: '保留的备注' });
    expect((await listAudit(store, { operator: '只来过一次的人', limit: 10, offset: 0 })).total).toBe(1);
    old.close();
    db.close();
  });

  it('不是 toISOString 写法的时间：同一时刻照常读出；读不出的时间取上一条的时间，记录本身不丢', async () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'projects.sqlite');
    const old = openDatabase(file, { migrations: V60 });
    const insert = old.prepare(
      `INSERT INTO audit_log (at, operator, entity, entity_id, action, field, old_value, new_value)
       VALUES (?, '张晓丽', 'settings', 0, 'update', 'cityName', ?, ?)`,
    );
    insert.run('2026-11-20T02:00:00Z', '湘乡市', '韶山市');
    insert.run('不是时间', '韶山市', '湘潭市');
    old.close();
    const db = openDatabase(file);
    const rows = (await listAudit(sqliteStore(db), { limit: 10, offset: 0 })).rows.map((r) => [
      r.at,
      r.oldValue,
      r.newValue,
    ]);
    expect(rows).toEqual([
      ['2026-11-20T02:00:00.000Z', '韶山市', '湘潭市'],
      ['2026-11-20T02:00:00.000Z', '湘乡市', '韶山市'],
    ]);
    db.close();
  });

  it('电脑时钟拨快又拨回：按日期筛选仍找到每一条，且只找到当天的', async () => {
    const { db, store, old } = migratedCopy();
    const write = (operator: string, at: string) =>
      writeAudit(store, { operator, entity: 'settings', entityId: 0, action: 'update', changes: [] }, at);
    await write('时钟正常', '2026-11-28T01:00:00.000Z');
    await write('时钟拨快', '2027-03-01T01:00:00.000Z');
    await write('时钟拨快', '2027-03-01T02:00:00.000Z');
    await write('时钟拨回', '2026-11-28T05:00:00.000Z');
    await write('时钟拨回', '2026-11-29T05:00:00.000Z');
    const who = async (from: string, to: string) =>
      (await everyPage(store, { from, to })).map((r) => (r as { operator: string }).operator);
    expect(await who('2027-03-01', '2027-03-01')).toEqual(['时钟拨快', '时钟拨快']);
    expect(await who('2026-11-28', '2026-11-29')).toEqual(['时钟拨回', '时钟拨回', '时钟正常']);
    expect(await who('2026-11-29', '2027-12-31')).toEqual(['时钟拨回', '时钟拨快', '时钟拨快']);
    old.close();
    db.close();
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_KINDS } from '../../db/model/audit-kinds';
import { AUDIT_COUNT_CAP, writeAuditBatch } from '../../db/queries/audit';
import { OLD_KIND_WHERE } from '../helpers/old-audit-kinds';
import { storedRows } from '../helpers/stored-rows';
import { createTempApp, type TempApp } from '../helpers/temp-app';

const SHAPES: [string, string | null][] = [
  ['project', 'dispatch:2026-W48:progress'],
  ['project', 'monthly:2026-10'],
  ['project', 'problem:WT-2026-0001'],
  ['project', 'milestone'],
  ['project', 'progressText'],
  ['project', null],
  ['unit', 'name'],
  ['chain', 'chainLead'],
  ['settings', 'planYear'],
  ['milestone_template', 'new_start'],
  ['import', null],
  ['backup', null],
];

async function writeRows(app: TempApp, count: number, operators = ['甲', '乙', '丙']): Promise<void> {
  await writeAuditBatch(
    app.ctx.store,
    Array.from({ length: count }, (_, i) => {
      const [entity, field] = SHAPES[i % SHAPES.length];
      return {
        at: '2026-11-20T02:00:00.000Z',
        operator: operators[i % operators.length],
        entity,
        entityId: (i % 5) + 1,
        action: 'update' as const,
        changes: [{ field, oldValue: null, newValue: 'x' }],
      };
    }),
  );
}

const idsWhere = async (app: TempApp, where: string) =>
  (await storedRows<{ id: number }>(app, `SELECT id FROM audit_log WHERE ${where} ORDER BY id DESC`)).map((r) => r.id);

describe('变更记录：按索引筛选、逐页读取', () => {
  let app: TempApp;
  beforeEach(async () => {
    app = await createTempApp();
  });
  afterEach(() => app.close());

  it('按 before 逐页读取：每条记录出现且只出现一次，从新到旧', async () => {
    await writeRows(app, 1_234);
    for (const input of [{}, { kind: 'dispatch' as const }, { operator: '乙' }, { projectId: 3 }]) {
      const seen: number[] = [];
      let before: number | undefined;
      for (;;) {
        const page = await app.ok('audit.list', { ...input, limit: 100, ...(before && { before }) });
        seen.push(...page.entries.map((e) => e.id));
        if (page.nextBefore === null) break;
        before = page.nextBefore;
      }
      const expected = (await app.ok('audit.list', { ...input, limit: 1000 })).total;
      expect(seen).toHaveLength(expected);
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    }
  });

  it('页码翻页与 before 翻页衔接：第二页紧接第一页', async () => {
    await writeRows(app, 450);
    const first = await app.ok('audit.list', { limit: 200 });
    const byOffset = await app.ok('audit.list', { limit: 200, offset: 200 });
    const byKey = await app.ok('audit.list', { limit: 200, before: first.nextBefore ?? 0 });
    expect(byKey.entries.map((e) => e.id)).toEqual(byOffset.entries.map((e) => e.id));
  });

  it('每个类别筛出的记录与原先按字段匹配的规则相同', async () => {
    await writeRows(app, 240);
    for (const kind of AUDIT_KINDS) {
      const page = await app.ok('audit.list', { kind, limit: 1000 });
      expect(
        page.entries.map((e) => e.id),
        kind,
      ).toEqual(await idsWhere(app, OLD_KIND_WHERE[kind]));
    }
  });

  it('操作人名单：有人新写入后即出现在名单中，按名称排序，不重复', async () => {
    await writeRows(app, 30);
    const before = (await app.ok('audit.list', {})).operators;
    expect(before).toEqual(['丙', '乙', '甲'].sort());
    await writeRows(app, 3, ['新来的填报人']);
    const after = (await app.ok('audit.list', {})).operators;
    expect(after).toEqual([...before, '新来的填报人'].sort());
    const stored = await storedRows<{ operator: string }>(
      app,
      'SELECT DISTINCT operator FROM audit_log ORDER BY operator',
    );
    expect(after).toEqual(stored.map((r) => r.operator));
  });

  it(`超过 ${AUDIT_COUNT_CAP} 条只数到上限并说明还有更多；筛选后不足上限时是准确条数`, async () => {
    await writeRows(app, AUDIT_COUNT_CAP + 50);
    const all = await app.ok('audit.list', {});
    expect(all.total).toBe(AUDIT_COUNT_CAP);
    expect(all.totalCapped).toBe(true);
    const one = await app.ok('audit.list', { kind: 'settings' });
    expect(one.totalCapped).toBe(false);
    expect(one.total).toBe((await idsWhere(app, OLD_KIND_WHERE.settings)).length);
    // the 10,050 lines are written one statement each: on PostgreSQL each crosses a connection (5–10 s here)
  }, 60_000);
});

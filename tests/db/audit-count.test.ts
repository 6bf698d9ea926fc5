import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { AUDIT_COUNT_CAP, listAudit, writeAuditBatch, type AuditFilter } from '../../db/queries/audit';
import { sqliteStore } from '../../db/store/sqlite-store';
import type { Store } from '../../db/store/store';
import { makeTempDir } from '../helpers/temp-dir';

// 变更记录 counts the lines a filter matches up to AUDIT_COUNT_CAP (“共 10000 条以上记录” beyond it): right at the
// cap, one past it, under it with more than a page, and a page that holds them all.

let temp: ReturnType<typeof makeTempDir>;
afterEach(() => temp?.remove());

/** Clerk → how many changes they made, one a minute through November 2026, interleaved. */
const CLERKS: Record<string, number> = {
  正好一万条: AUDIT_COUNT_CAP,
  一万零一条: AUDIT_COUNT_CAP + 1,
  三百条: 300,
  五条: 5,
};

async function officeWithHistory() {
  temp = makeTempDir();
  const db = openDatabase(path.join(temp.dir, 'projects.sqlite'));
  const left = { ...CLERKS };
  const records = [];
  let minute = 0;
  while (Object.values(left).some((n) => n > 0)) {
    for (const clerk of Object.keys(left)) {
      if (left[clerk] === 0) continue;
      left[clerk] -= 1;
      const at = new Date(2026, 10, 1, 0, minute++).toISOString();
      // every third line of a clerk is a problem's step, the others weekly entries
      const problem = left[clerk] % 3 === 0;
      records.push({
        at,
        operator: clerk,
        entity: 'project',
        entityId: (minute % 40) + 1,
        action: 'update' as const,
        changes: [
          {
            field: problem ? 'problem:WT-2026-0001' : 'dispatch:2026-W45:progress',
            oldValue: null,
            newValue: `第${minute}次修改`,
          },
        ],
      });
    }
  }
  const store = sqliteStore(db);
  await writeAuditBatch(store, records);
  return store;
}

const page = async (store: Store, filter: Partial<AuditFilter>) => {
  const { total, totalCapped, rows } = await listAudit(store, { limit: 200, offset: 0, ...filter });
  return { total, totalCapped, shown: rows.length };
};

describe('变更记录的条数', () => {
  it('一万条以内如实计数，超过一万条显示“一万条以上”；翻页、按月、按类别都一样', async () => {
    const store = await officeWithHistory();
    expect(await page(store, { operator: '正好一万条' })).toEqual({ total: 10_000, totalCapped: false, shown: 200 });
    expect(await page(store, { operator: '一万零一条' })).toEqual({ total: 10_000, totalCapped: true, shown: 200 });
    expect(await page(store, { operator: '三百条' })).toEqual({ total: 300, totalCapped: false, shown: 200 });
    expect(await page(store, { operator: '三百条', offset: 200 })).toEqual({
      total: 300,
      totalCapped: false,
      shown: 100,
    });
    expect(await page(store, { operator: '五条' })).toEqual({ total: 5, totalCapped: false, shown: 5 });
    expect(await page(store, { operator: '五条', offset: 200 })).toEqual({ total: 5, totalCapped: false, shown: 0 });
    expect(await page(store, {})).toEqual({ total: 10_000, totalCapped: true, shown: 200 });
    // a problem's steps are every third line of each clerk
    expect(await page(store, { operator: '三百条', kind: 'problem' })).toEqual({
      total: 100,
      totalCapped: false,
      shown: 100,
    });
    expect(await page(store, { kind: 'problem' })).toEqual({ total: 6_770, totalCapped: false, shown: 200 });
    expect(await page(store, { kind: 'dispatch' })).toEqual({ total: 10_000, totalCapped: true, shown: 200 });
    // all of it falls in November 2026; a day holds 1,440 minutes
    expect(await page(store, { from: '2026-11-01', to: '2026-11-30' })).toEqual({
      total: 10_000,
      totalCapped: true,
      shown: 200,
    });
    expect(await page(store, { from: '2026-11-02', to: '2026-11-02' })).toEqual({
      total: 1_440,
      totalCapped: false,
      shown: 200,
    });
    expect(await page(store, { from: '2026-12-01' })).toEqual({ total: 0, totalCapped: false, shown: 0 });
    await store.close();
  });
});

import type { Store } from '../store/store';
import { closedThroughOf, type MonthClosing } from '../model/month-closing';
import { sql } from '../sql';
import { writeAudit } from './audit';
import type { WriteMeta } from './projects-write';

export async function closingsOf(store: Store, year: number): Promise<MonthClosing[]> {
  return await store.all<MonthClosing>(sql`SELECT month, closed_on AS "closedOn", closed_by AS "closedBy" FROM month_closings
        WHERE year = ${year} ORDER BY month`);
}

/** N of 时序进度's “1—N月”: months 1…N of the year are closed. */
export async function closedThroughMonth(store: Store, year: number): Promise<number> {
  return closedThroughOf((await closingsOf(store, year)).map((c) => c.month));
}

async function auditClosing(
  store: Store,
  year: number,
  from: number,
  to: number,
  note: string,
  meta: WriteMeta,
): Promise<void> {
  const state = (n: number) => (n ? `${year}年已关账至${n}月` : `${year}年未关账`);
  await writeAudit(
    store,
    {
      operator: meta.operator,
      entity: 'settings',
      entityId: 0,
      action: 'update',
      changes: [
        { field: 'monthClosing', oldValue: state(from), newValue: note ? `${state(to)}（${note}）` : state(to) },
      ],
    },
    meta.now,
  );
}

export async function insertClosing(
  store: Store,
  year: number,
  month: number,
  closedOn: string,
  meta: WriteMeta,
): Promise<void> {
  await store.run(sql`INSERT INTO month_closings (year, month, closed_on, closed_by)
        VALUES (${year}, ${month}, ${closedOn}, ${meta.operator})`);
  await auditClosing(store, year, month - 1, month, '', meta);
}

export async function deleteClosing(
  store: Store,
  year: number,
  month: number,
  reason: string,
  meta: WriteMeta,
): Promise<void> {
  await store.run(sql`DELETE FROM month_closings WHERE year = ${year} AND month = ${month}`);
  await auditClosing(store, year, month, month - 1, `重新打开${month}月：${reason}`, meta);
}

import type { Db } from '../connection';
import { closedThroughOf, type MonthClosing } from '../model/month-closing';
import { all, run, sql } from '../sql';
import { writeAudit } from './audit';
import type { WriteMeta } from './projects-write';

export function closingsOf(db: Db, year: number): MonthClosing[] {
  return all<MonthClosing>(
    db,
    sql`SELECT month, closed_on AS closedOn, closed_by AS closedBy FROM month_closings
        WHERE year = ${year} ORDER BY month`,
  );
}

/** N of 时序进度's “1—N月”: months 1…N of the year are closed. */
export function closedThroughMonth(db: Db, year: number): number {
  return closedThroughOf(closingsOf(db, year).map((c) => c.month));
}

function auditClosing(db: Db, year: number, from: number, to: number, note: string, meta: WriteMeta): void {
  const state = (n: number) => (n ? `${year}年已关账至${n}月` : `${year}年未关账`);
  writeAudit(
    db,
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

export function insertClosing(db: Db, year: number, month: number, closedOn: string, meta: WriteMeta): void {
  run(
    db,
    sql`INSERT INTO month_closings (year, month, closed_on, closed_by)
        VALUES (${year}, ${month}, ${closedOn}, ${meta.operator})`,
  );
  auditClosing(db, year, month - 1, month, '', meta);
}

export function deleteClosing(db: Db, year: number, month: number, reason: string, meta: WriteMeta): void {
  run(db, sql`DELETE FROM month_closings WHERE year = ${year} AND month = ${month}`);
  auditClosing(db, year, month, month - 1, `重新打开${month}月：${reason}`, meta);
}

import type { Store } from '../store/store';
import { sql } from '../sql';
import { writeAudit } from './audit';
import type { WriteMeta } from './projects-write';

/** A month's kept texts as stored: `summary` null while the paragraph is the composed one. */
export interface StoredBulletinText {
  docNumber: string;
  summary: string | null;
  version: number;
}

export async function storedBulletinText(
  store: Store,
  year: number,
  month: number,
): Promise<StoredBulletinText | undefined> {
  return store.get<StoredBulletinText>(sql`SELECT doc_number AS "docNumber", summary, version FROM bulletin_texts
        WHERE year = ${year} AND month = ${month}`);
}

/** The 文号 of the latest month before this one that has one entered; null when none has. */
export async function docNumberBefore(store: Store, year: number, month: number): Promise<string | null> {
  const row = await store.get<{ docNumber: string }>(sql`SELECT doc_number AS "docNumber" FROM bulletin_texts
        WHERE (year < ${year} OR (year = ${year} AND month < ${month})) AND doc_number <> ''
        ORDER BY year DESC, month DESC LIMIT 1`);
  return row?.docNumber ?? null;
}

/** Where a month's texts are in 变更记录: lines of `settings`, the field naming the month and the text. */
export function bulletinFieldPrefix(year: number, month: number): string {
  return `bulletin:${year}-${String(month).padStart(2, '0')}:`;
}

/** Writes the month's texts (the row is made on the first save) with a line in 变更记录 for each that changed. */
export async function saveBulletinText(
  store: Store,
  at: { year: number; month: number },
  before: StoredBulletinText | undefined,
  after: { docNumber: string; summary: string | null },
  meta: WriteMeta,
): Promise<void> {
  const { year, month } = at;
  if (before) {
    await store.run(sql`UPDATE bulletin_texts SET doc_number = ${after.docNumber}, summary = ${after.summary},
          version = version + 1 WHERE year = ${year} AND month = ${month}`);
  } else {
    await store.run(sql`INSERT INTO bulletin_texts (year, month, doc_number, summary)
          VALUES (${year}, ${month}, ${after.docNumber}, ${after.summary})`);
  }
  const prefix = bulletinFieldPrefix(year, month);
  const changes = [
    {
      field: `${prefix}docNumber`,
      oldValue: before?.docNumber ?? null,
      newValue: after.docNumber,
      was: before?.docNumber ?? null,
    },
    {
      field: `${prefix}summary`,
      oldValue: before?.summary ?? null,
      newValue: after.summary,
      was: before?.summary ?? null,
    },
  ]
    .filter((c) => c.was !== c.newValue)
    .map(({ field, oldValue, newValue }) => ({ field, oldValue, newValue }));
  if (!changes.length) return;
  await writeAudit(
    store,
    { operator: meta.operator, entity: 'settings', entityId: 0, action: before ? 'update' : 'create', changes },
    meta.now,
  );
}

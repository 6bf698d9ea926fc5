import type { AuditKind } from './model/audit-kinds';

// How migration 0070 stores 变更记录, shared by the migration, the writer and the readers. Everything here is
// part of the file format: codes and the hash are written into every data file and must never change.

/** Small codes cost nothing in a row: SQLite stores the integers 0 and 1 in the record header alone. */
export const ACTION_CODES = { create: 0, update: 1, delete: 2 } as const;
export type AuditAction = keyof typeof ACTION_CODES;
export const ACTIONS_BY_CODE: readonly AuditAction[] = ['create', 'update', 'delete'];

/** 周调度 is 1: most rows are weekly saves, so the kind index leaves them out (see 0070). */
export const KIND_CODES: Record<AuditKind, number> = {
  project: 0,
  dispatch: 1,
  monthly: 2,
  problem: 3,
  milestone: 4,
  reference: 5,
  settings: 6,
  import: 7,
};

/**
 * A 32-bit signed hash of a text (SQLite keeps it in 4 bytes), to find a stored text by index. Collisions are
 * expected now and then and harmless: a lookup compares the full text of every row with the same hash.
 */
export function textHash(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) | 0;
}

/** ms since 1970 UTC of an ISO time as the app writes it (`toISOString()`); throws on anything else. */
export function auditMs(at: string): number {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new Error(`not a time: ${at}`);
  return ms;
}

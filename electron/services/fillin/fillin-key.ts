import crypto from 'node:crypto';
import { getSetting, setSetting } from '../../../db/queries/settings';
import type { Store } from '../../../db/store/store';

// Each row of a fill-in sheet carries a key: the project, a digest of the locked cells as written, and a
// signature over both with this database's secret. On return a changed locked cell no longer matches its
// digest, and a key edited by hand no longer matches its signature.

export async function fillinSecret(store: Store): Promise<string> {
  // read and made in one transaction: two first exports at once must not sign with two different secrets
  return store.transaction(
    async () => {
      const stored = await getSetting(store, 'fillinSecret');
      if (stored) return stored;
      const secret = crypto.randomBytes(32).toString('hex');
      await setSetting(store, 'fillinSecret', secret);
      return secret;
    },
    { idempotent: true },
  );
}

function sign(secret: string, text: string): string {
  return crypto.createHmac('sha256', secret).update(text).digest('hex').slice(0, 16);
}

/** The locked cells of a row, normalised the same way when written and when read back. */
export function lockedDigest(values: readonly string[]): string {
  return crypto.createHash('sha256').update(JSON.stringify(values)).digest('hex').slice(0, 12);
}

export function rowKey(secret: string, period: string, unitId: number, projectId: number, digest: string): string {
  return `${projectId}-${digest}-${sign(secret, `${period}|${unitId}|${projectId}|${digest}`)}`;
}

export type KeyCheck = { ok: true; projectId: number; digest: string } | { ok: false };

export function checkRowKey(secret: string, period: string, unitId: number, key: string): KeyCheck {
  const match = /^(\d+)-([0-9a-f]{12})-([0-9a-f]{16})$/.exec(key.trim());
  if (!match) return { ok: false };
  const projectId = Number(match[1]);
  const expected = rowKey(secret, period, unitId, projectId, match[2]);
  return expected === key.trim() ? { ok: true, projectId, digest: match[2] } : { ok: false };
}

export function fileSignature(secret: string, period: string, unitId: number): string {
  return sign(secret, `file|${period}|${unitId}`);
}

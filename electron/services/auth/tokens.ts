import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, for the cookie; the server keeps only `tokenHash` of it. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

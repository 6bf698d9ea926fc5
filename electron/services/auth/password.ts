import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { AppError } from '../../../db/errors';

// Passwords are kept as scrypt hashes with a salt of their own. N = 2^15 (r 8, p 1: 32 MB a hash) costs about
// 90–190 ms on this 2-core machine, between a quiet and a busy moment; 2^14 cost 40–85 and 2^16 twice 2^15.
// The parameters are written into the stored hash, so raising them later leaves older hashes readable.

const KEY_LENGTH = 32;
const CURRENT = { N: 2 ** 15, r: 8, p: 1 };

function derive(password: string, salt: Buffer, options: { N: number; r: number; p: number }): Promise<Buffer> {
  const scryptOptions: ScryptOptions = { ...options, maxmem: 128 * options.N * options.r * 2 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, scryptOptions, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export interface PasswordHash {
  /** `scrypt$N$r$p$<key in base64>` */
  hash: string;
  /** 16 random bytes in base64 */
  salt: string;
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, CURRENT);
  return {
    hash: `scrypt$${CURRENT.N}$${CURRENT.r}$${CURRENT.p}$${key.toString('base64')}`,
    salt: salt.toString('base64'),
  };
}

/** Whether `password` is the one hashed; the keys are compared in constant time. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const [scheme, n, r, p, keyText] = stored.hash.split('$');
  if (scheme !== 'scrypt' || !keyText) return false;
  const expected = Buffer.from(keyText, 'base64');
  const key = await derive(password, Buffer.from(stored.salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let dummy: Promise<PasswordHash> | undefined;

/** Spends the time a check takes, so a login that does not exist answers no faster than a wrong password. */
export async function spendCheckTime(password: string): Promise<void> {
  dummy ??= hashPassword('没有这个账户');
  await verifyPassword(password, await dummy);
}

export const MIN_PASSWORD_LENGTH = 8;

/** The rules a new password must meet; refused with what to change. */
export function checkNewPassword(login: string, password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new AppError('invalid_input', `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符`, 'password');
  }
  if (password.trim().toLowerCase() === login.trim().toLowerCase()) {
    throw new AppError('invalid_input', '密码不能与登录名相同', 'password');
  }
}

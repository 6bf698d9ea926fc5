import type pg from 'pg';
import { AppError } from './errors';

// Several app servers on one database back it up into one backups folder, one at a time: each holds a
// session-level advisory lock on a connection of its own for as long as its backup runs. A server that dies
// mid-backup loses its connection, and the lock goes with it.

/** the lock's key, 'zdbk' in ASCII (the migrations hold 'zdxm') */
export const BACKUP_LOCK = 0x7a64626b;

/** how long a backup a clerk asked for waits for another server's backup to finish */
const WAIT_AT_MOST = '10min';

/** Takes the lock if no other server holds it; false when one does. */
export async function tryBackupLock(client: pg.ClientBase): Promise<boolean> {
  const result = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [BACKUP_LOCK]);
  return result.rows[0].locked;
}

/** Takes the lock, waiting for another server's backup to finish first. */
export async function waitForBackupLock(client: pg.ClientBase): Promise<void> {
  await client.query(`SET lock_timeout = '${WAIT_AT_MOST}'`);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [BACKUP_LOCK]);
  } catch (error) {
    if ((error as { code?: string }).code !== '55P03') throw error;
    throw new AppError('backup_busy', '另一台服务器的备份已进行超过10分钟仍未结束，本次备份未进行，请稍后重试');
  }
}

/** Lets the next server back up; a connection already lost took the lock with it. */
export async function releaseBackupLock(client: pg.ClientBase): Promise<void> {
  await client.query('SELECT pg_advisory_unlock($1)', [BACKUP_LOCK]).catch(() => undefined);
}

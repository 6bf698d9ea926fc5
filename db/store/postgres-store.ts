import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { AppError } from '../errors';
import { sqlText, type SqlQuery } from '../sql';
import { postgresChannels } from './postgres-channels';
import type { Store, TransactionOptions } from './store';

// A pool of connections; a transaction takes one of them for its whole length, and every statement run from
// inside it (however deeply it awaits) is recognised by its async context and goes to that connection.
//
// Write transactions run one at a time across every app server on the database, as on SQLite: each takes a
// session-level advisory lock before its BEGIN (so its snapshot is taken once the previous writer has committed)
// and gives it back after its COMMIT; a server that dies takes the lock with its connection. Left to SERIALIZABLE
// alone, twenty clerks' saves on the example office failed two in three after five tries: its small tables are
// read by sequential scans, whose predicate locks cover the whole table, so any two saves conflicted. Inside one
// server the writes wait in line in memory, so a waiting write holds no connection the reads need.

/** 40001 serialization failure, 40P01 deadlock: the database asks for the transaction to be run again. */
const RUN_AGAIN = new Set(['40001', '40P01']);
const ATTEMPTS = 5;
/** the writers' advisory lock, 'zdwr' in ASCII (the migrations hold 'zdxm', the backups 'zdbk') */
export const WRITE_LOCK = 0x7a647772;
/** BIGINT, and NUMERIC (what SUM and AVG of BIGINT give) */
const NUMBERS = new Set([20, 1700]);

interface Held {
  client: pg.PoolClient;
  savepoints: number;
}

type Queryable = pg.Pool | pg.PoolClient;

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', '57P01', '57P03']);

/** A database that cannot be reached gets a message a clerk can act on; anything else is the program's error. */
function explained(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  // a server that went away mid-statement ends the connection without a code
  if (
    (code && UNREACHABLE.has(code)) ||
    /Connection terminated|timeout exceeded when trying to connect/i.test(String(error))
  ) {
    return new AppError('database_unavailable', '连接不上数据库服务器，请检查服务器和网络后重试；本次操作没有保存');
  }
  return error;
}

/** A transaction the database still refused after its tries: the clerk's save is not kept, and may be sent again. */
const busy = () => new AppError('database_busy', '数据库正忙，本次修改没有保存，请稍后再试一次');

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function postgresStore(url: string, options: { connections?: number } = {}): Store {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.connections ?? 10,
    // a server that does not answer at all is reported, not waited for forever
    connectionTimeoutMillis: 15_000,
    // numbers come back as numbers, as from SQLite: money is whole yuan, far below 2^53
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        NUMBERS.has(oid) ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // an idle connection the server closed is an error on the pool, not the end of the host
  pool.on('error', (error) => console.error('[postgres]', error.message));
  const holder = new AsyncLocalStorage<Held>();
  const channels = postgresChannels(url, pool);

  async function query<R extends pg.QueryResultRow>(
    statement: SqlQuery,
    rowMode?: 'array',
    suffix = '',
  ): Promise<pg.QueryResult<R>> {
    const target: Queryable = holder.getStore()?.client ?? pool;
    try {
      return await target.query<R>({
        text: sqlText(statement, 'postgres') + suffix,
        values: statement.values as unknown[],
        ...(rowMode ? { rowMode } : {}),
      });
    } catch (error) {
      throw explained(error);
    }
  }

  async function savepoint<T>(held: Held, work: () => Promise<T>): Promise<T> {
    const name = `s${++held.savepoints}`;
    await held.client.query(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      await held.client.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await held.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      await held.client.query(`RELEASE SAVEPOINT ${name}`);
      throw error;
    }
  }

  /** `work` on one connection, inside BEGIN … COMMIT, rolled back when it fails; a writer holds WRITE_LOCK. */
  async function attempt<T>(begin: string, work: () => Promise<T>, writer = false): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw explained(error);
    }
    let broken = false;
    let locked = false;
    // the pool listens for errors only on idle connections: one lost while a transaction holds it would
    // otherwise be an uncaught error that ends the host; its statement fails on its own
    const lost = () => (broken = true);
    client.on('error', lost);
    try {
      if (writer) {
        await client.query('SELECT pg_advisory_lock($1)', [WRITE_LOCK]);
        locked = true;
      }
      await client.query(begin);
      const result = await holder.run({ client, savepoints: 0 }, work);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw explained(error);
    } finally {
      if (locked && !broken)
        await client.query('SELECT pg_advisory_unlock($1)', [WRITE_LOCK]).catch(() => (broken = true));
      client.off('error', lost);
      // a connection that failed is closed, and a lock it held goes with it
      client.release(broken);
    }
  }

  let writers: Promise<void> = Promise.resolve();

  /** `work` after this server's earlier write transactions, one at a time. */
  async function inLine<T>(work: () => Promise<T>): Promise<T> {
    const before = writers;
    let done!: () => void;
    writers = new Promise<void>((resolve) => (done = resolve));
    try {
      await before;
      return await work();
    } finally {
      done();
    }
  }

  async function transaction<T>(work: () => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const held = holder.getStore();
    if (held) return savepoint(held, work);
    return inLine(async () => {
      for (let tries = 1; ; tries++) {
        try {
          // SERIALIZABLE besides the lock: a row that a statement outside any transaction changed after this one
          // read it is refused (40001, run again), never overwritten unseen
          return await attempt('BEGIN ISOLATION LEVEL SERIALIZABLE', work, true);
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (!code || !RUN_AGAIN.has(code)) throw error;
          if (!options.idempotent || tries === ATTEMPTS) throw busy();
          // a little apart, so the transactions that collided do not collide again
          await pause(5 * tries + Math.random() * 10 * tries);
        }
      }
    });
  }

  return {
    dialect: 'postgres',
    all: async <T>(statement: SqlQuery) => (await query(statement)).rows as T[],
    get: async <T>(statement: SqlQuery) => (await query(statement)).rows[0] as T | undefined,
    allRaw: async <T extends unknown[]>(statement: SqlQuery) => (await query(statement, 'array')).rows as T[],
    getRaw: async <T extends unknown[]>(statement: SqlQuery) =>
      (await query(statement, 'array')).rows[0] as T | undefined,
    run: async (statement) => (await query(statement)).rowCount ?? 0,
    insert: async (statement) =>
      Number((await query<{ id: number }>(statement, undefined, ' RETURNING id')).rows[0].id),
    transaction,
    snapshot: (work) => (holder.getStore() ? work() : attempt('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', work)),
    channels,
    close: async () => {
      await channels.close();
      await pool.end();
    },
  };
}

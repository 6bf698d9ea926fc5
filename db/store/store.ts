import type { Dialect, SqlQuery } from '../sql';

// What handlers and services see of the database, the same on both engines: SQLite in a file for a single PC
// (sqlite-store.ts), PostgreSQL for an office server (postgres-store.ts). Statements are the `sql` tag's, written
// once; each adapter marks their parameters its own way.

export interface TransactionOptions {
  /**
   * The work only reads and writes the database, so it may run again from the start when PostgreSQL aborts it
   * for a conflict with another transaction (a serialization failure or a deadlock). SQLite runs transactions
   * one at a time and never needs to.
   */
  idempotent?: boolean;
}

export interface ChannelListener {
  /** settles once the channel is heard (the first LISTEN has been answered) */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/** Messages between the app servers on one database (db/store/postgres-channels.ts). */
export interface StoreChannels {
  /** sends `payload` (under 8,000 bytes) to every connection listening on the channel, this server's too */
  notify(channel: string, payload: string): Promise<void>;
  /** `onMessage(null)`: the connection was lost and is back, and messages may have been missed */
  listen(channel: string, onMessage: (payload: string | null) => void): ChannelListener;
  close(): Promise<void>;
}

export interface Store {
  readonly dialect: Dialect;
  all<T>(query: SqlQuery): Promise<T[]>;
  get<T>(query: SqlQuery): Promise<T | undefined>;
  /** Rows as arrays of column values, in the SELECT's order: for the few reads of thousands of rows. */
  allRaw<T extends unknown[]>(query: SqlQuery): Promise<T[]>;
  /** The first row as an array of column values, like `allRaw`; undefined when there is none. */
  getRaw<T extends unknown[]>(query: SqlQuery): Promise<T | undefined>;
  /** A statement that changes rows, answering how many. */
  run(query: SqlQuery): Promise<number>;
  /** An INSERT of one row into a table with an `id` key, answering the new row's id. */
  insert(query: SqlQuery): Promise<number>;
  /**
   * `work` as one transaction: committed when it resolves, rolled back when it rejects. Every statement that
   * `work` runs through this store, however deeply, belongs to the transaction; no other request's statement
   * runs inside it. Called inside another transaction it is a savepoint: a failure rolls back only the inner
   * work, and the outer transaction goes on. Nested transactions run one after another, never at once.
   */
  transaction<T>(work: () => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * `work`'s reads all see the database as it was at one moment, whatever other requests write meanwhile: for
   * an answer made of several statements (a list and its totals). Inside a transaction it is that transaction.
   */
  snapshot<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Messages between the app servers on one database (PostgreSQL's LISTEN/NOTIFY), for the changes every open
   * screen is told of; absent on SQLite, whose file has one app.
   */
  readonly channels?: StoreChannels;
  close(): Promise<void>;
}

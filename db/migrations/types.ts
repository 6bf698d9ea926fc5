import type { Database } from 'better-sqlite3';

export interface Migration {
  /** multiples of 10, so a fix can slot in between two released steps */
  version: number;
  name: string;
  /** SQL, or a function for a step that must read data to transform it (it runs inside the migration's transaction) */
  up: string | ((db: Database) => void);
  /** the step leaves much of the file free (a table rewritten smaller): the file is vacuumed once it has run */
  compacts?: boolean;
}

import path from 'node:path';
import { openDatabase, type Db } from '../../db/connection';
import { toIsoDate } from '../../db/model/dates';
import { loadPlanReference } from '../../db/seed/load-reference';

export interface AppContext {
  db: Db;
  dataDir: string;
  /** injectable so every date rule can be tested on any day */
  today(): string;
  close(): void;
}

export const DATABASE_FILE = 'projects.sqlite';

export function openAppContext(options: { dataDir: string; today?: () => string }): AppContext {
  const db = openDatabase(path.join(options.dataDir, DATABASE_FILE));
  loadPlanReference(db);
  return {
    db,
    dataDir: options.dataDir,
    today: options.today ?? (() => toIsoDate(new Date())),
    close: () => db.close(),
  };
}

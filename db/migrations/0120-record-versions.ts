import type { Migration } from './types';

// No lost edits (issue #15): every record a clerk edits in a form carries a version, 1 when made, raised by one
// by every write that changes it, in the same statement. A write that says which version it read is refused
// when the record has moved on since (electron/services/record-versions.ts). Adding a column with a constant
// default rewrites no rows on either engine, however many entries five years of 周调度 hold.

const VERSIONED_TABLES = [
  'projects',
  'problems',
  'milestones',
  'chains',
  'units',
  'parks',
  'dispatch_rows',
  'monthly_investments',
];

const addVersions = (integer: string) =>
  VERSIONED_TABLES.map((table) => `ALTER TABLE ${table} ADD COLUMN version ${integer} NOT NULL DEFAULT 1;`).join('\n');

export const recordVersions: Migration = {
  version: 120,
  name: '记录版本',
  up: { sqlite: addVersions('INTEGER'), postgres: addVersions('integer') },
};

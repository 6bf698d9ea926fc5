import type { ImportChange } from './ledger-import';

// 责任单位填报表: the period a sheet is for, and what reading returned sheets found.

export type FillinPeriod = { kind: 'week'; week: string } | { kind: 'month'; year: number; month: number };

export interface FillinUnitSummary {
  unitId: number;
  unitName: string;
  projectCount: number;
}

export interface FillinUnits {
  periodLabel: string;
  units: FillinUnitSummary[];
}

export interface FillinFileResult {
  fileName: string;
  unitName: string | null;
  /** false: the whole file was not read, `message` says why */
  accepted: boolean;
  message: string | null;
  /** rows that will be written (a week's row that only confirms last week's text has no changes) */
  rows: { row: number; projectId: number; code: string; name: string; changes: ImportChange[] }[];
  unchanged: number;
  /** rows reported, not applied: tampered key, edited locked cells, bad values */
  problems: { row: number; message: string }[];
  /** the unit's projects whose rows are gone from the file (deleted): not reported for the period */
  missing: { projectId: number; code: string; name: string }[];
}

export interface FillinPreview {
  periodLabel: string;
  files: FillinFileResult[];
  fingerprint: string;
}

export interface FillinResult extends FillinPreview {
  backupFile: string;
}

import type { CurrentSuspension } from '../../../db/model/list-membership';
import type { ProjectFields } from '../../../db/model/project';
import type { ProjectFieldChange } from '../../../db/model/project-changes';
import type { StoredProject } from '../../../db/queries/stored-projects';
import type { RetiredOf } from '../project-validation';

// Where an import's rows go. The preview diffs them against its one read of the library in memory; the apply
// writes them inside its transaction. The rows are run by the same code through either: only what the
// library says (is this code taken, is that unit retired, what is the next free code) and where a row's
// result is kept differ, so both answer the same rules. Both answer as promises, since the apply's answers
// come from the database.

/** One row's result, as the library keeps it. */
export interface RowWrite {
  /** the project as stored before this row; absent for a new project */
  stored: StoredProject | undefined;
  fields: ProjectFields;
  /** the month figure that makes 1—N月 add up to the sheet */
  month: { month: number; amountYuan: number } | undefined;
  /** the stage history's reason for a new project or a stage the row changes */
  reason: string;
}

export interface ImportTarget {
  /** the project as stored, or as this run left it */
  stored(id: number): Promise<StoredProject | undefined>;
  retiredOf: RetiredOf;
  codeOwner(code: string): Promise<number | undefined>;
  nextCode(chainCode: string, year: number): Promise<string>;
  /** a unit the sheet names and the list lacks */
  addUnit(name: string): Promise<number>;
  /** runs one row so that a refused row leaves nothing behind */
  inRow<T>(work: () => Promise<T>): Promise<T>;
  /** keeps the row; returns the project's id and its fields' changes as the history records them */
  save(write: RowWrite): Promise<{ id: number; changes: ProjectFieldChange[] }>;
  /** the file's 存在问题 of the projects the run kept */
  saveProblems(items: { id: number; text: string }[]): Promise<void>;
  /** the file's 停缓建 of the projects the run kept: set where the project is not 停建/缓建 already */
  saveSuspensions(items: { id: number; suspension: CurrentSuspension }[]): Promise<void>;
}

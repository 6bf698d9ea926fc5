import type { SqlQuery } from '../sql';
import type { Progress } from './rows';

export interface CopyOptions {
  /** a target that holds a library is emptied and filled with the copy's rows, instead of refused */
  replace?: boolean;
  onProgress?: (progress: Progress) => void;
  /** Runs statements on the target after its rows are written and before they are verified: for tests only. */
  beforeVerify?: (target: { run(statement: SqlQuery): Promise<void> }) => Promise<void>;
}

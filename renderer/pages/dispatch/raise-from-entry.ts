import { createContext, useContext } from 'react';
import type { DispatchRow } from '../../../db/model/dispatch';

export interface RaiseFromEntry {
  /** 转为问题: open 登记问题 for one row's 需协调事项 */
  raise(row: DispatchRow): void;
  /** problems raised from a row since the week was loaded, beside those the server already listed */
  raisedSince(projectId: number): DispatchRow['raisedProblems'];
}

export const RaiseFromEntryContext = createContext<RaiseFromEntry | null>(null);

export const useRaiseFromEntry = () => useContext(RaiseFromEntryContext);

import { createContext, useContext } from 'react';
import { DISPATCH_FIELD_LABELS, type DispatchRow } from '../../../db/model/dispatch';
import { suggestCategory } from '../../../db/model/problems';
import type { DispatchWeek } from '../../../db/model/weeks';
import type { RaiseProblemPreset } from '../../components/RaiseProblemDialog';

export interface RaiseFromEntry {
  /** 转为问题: open 登记问题 for one row's 存在问题 (or 需协调事项) */
  raise(row: DispatchRow): void;
  /** problems raised from a row since the week was loaded, beside those the server already listed */
  raisedSince(projectId: number): DispatchRow['raisedProblems'];
}

export const RaiseFromEntryContext = createContext<RaiseFromEntry | null>(null);

export const useRaiseFromEntry = () => useContext(RaiseFromEntryContext);

/** A row can be raised as a problem once it states one: in 存在问题, or only in 需协调事项. */
export function canRaise(row: DispatchRow): boolean {
  return Boolean(row.problems.trim() || row.coordination.trim());
}

/**
 * 登记问题 filled from a dispatch row: the problem is what the row's 存在问题 says, else its 需协调事项; the
 * category is read from that text (or from the other one when it names none); the 需协调事项 usually names
 * the unit asked to help.
 */
export function presetFromEntry(row: DispatchRow, week: DispatchWeek): RaiseProblemPreset {
  const problems = row.problems.trim();
  const coordination = row.coordination.trim();
  const description = problems || coordination;
  const category = suggestCategory(description);
  return {
    description,
    category: category === 'other' ? suggestCategory(coordination) : category,
    source: `第${week.week}周调度会`,
    sourceWeek: week.key,
    sourceField: DISPATCH_FIELD_LABELS[problems ? 'problems' : 'coordination'],
    unitText: `${coordination} ${problems}`,
  };
}

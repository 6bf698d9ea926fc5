import type { LightLevel } from './lights';
import type { CurrentSuspension } from './list-membership';
import type { Stage } from './stages';
import type { DispatchWeek } from './weeks';

export const DISPATCH_FIELDS = ['progress', 'problems', 'coordination', 'nextPlan'] as const;
export type DispatchField = (typeof DISPATCH_FIELDS)[number];
export const DISPATCH_FIELD_LABELS: Record<DispatchField, string> = {
  progress: '本周进展（形象进度）',
  problems: '存在问题',
  coordination: '需协调事项',
  nextPlan: '下周计划',
};
/** Long enough for a dense paragraph, short enough to fit a cell of the printed list. */
export const DISPATCH_TEXT_MAX = 500;

/** How far back copy-forward looks for a project's last entry: a quarter. */
export const COPY_FORWARD_WEEKS = 13;

export interface DispatchTexts {
  progress: string;
  problems: string;
  coordination: string;
  nextPlan: string;
}

export interface DispatchSnapshot {
  stage: Stage;
  light: LightLevel;
  lightReasons: string[];
  yearCompletedYuan: number;
  totalInvestmentYuan: number;
}

export interface DispatchEntry extends DispatchTexts {
  id: number;
  projectId: number;
  week: string;
  confirmed: boolean;
  snapshot: DispatchSnapshot;
  updatedAt: string;
  updatedBy: string;
  /** raised by every save of the entry */
  version: number;
}

export interface DispatchRow extends DispatchTexts {
  projectId: number;
  code: string;
  name: string;
  stage: Stage;
  chainId: number;
  chainName: string;
  chainLead: string;
  leadUnitName: string | null;
  responsibleUnitNames: string[];
  parkName: string | null;
  light: LightLevel;
  lightReasons: string[];
  /** 前期手续 progress (“已办结5/8，缺施工许可证”); '' for a project without a checklist */
  approvalProgress: string;
  /** 停建/缓建 (issue #17): listed with this instead of a light */
  suspended?: CurrentSuspension;
  totalInvestmentYuan: number;
  annualPlanYuan: number;
  yearCompletedYuan: number;
  /** this week's stored entry, or null while the row only shows copied text */
  entryId: number | null;
  /** the entry's version, 0 while there is none: a save sends back the one its row showed */
  entryVersion: number;
  confirmed: boolean;
  /** the week the shown text was copied from, when there is no entry of this week yet */
  copiedFromWeek: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
  /** problems already raised from this week's 需协调事项 */
  raisedProblems: { id: number; code: string }[];
}

export interface DispatchWeekView {
  week: DispatchWeek;
  label: string;
  isCurrentWeek: boolean;
  rows: DispatchRow[];
  counts: { active: number; confirmed: number; unreported: number };
}

export interface WeekChange {
  projectId: number;
  code: string;
  name: string;
  chainName: string;
  chainLead: string;
  changes: { what: string; before: string; after: string }[];
}

export interface WeekChanges {
  week: DispatchWeek;
  label: string;
  previousWeek: DispatchWeek;
  projects: WeekChange[];
}

import type { LightLevel } from './lights';
import type { ProblemNote, ProblemStatus } from './problems';
import type { Stage } from './stages';
import type { DispatchWeek } from './weeks';

// 责任单位填报 (issue #15): what one unit sees and fills in on its own page, read at one moment.

/** A report's due day: the date and its weekday, e.g. 2026-12-11 周五. */
export interface Deadline {
  date: string;
  weekday: string;
}

/** A week's 本周进展 as it was reported. */
export interface WeekText {
  week: string;
  progress: string;
}

/** This week's text as it was saved: what, by whom, when. */
export interface SavedText extends WeekText {
  updatedAt: string;
  updatedBy: string;
}

export interface UnitDeskProject {
  projectId: number;
  code: string;
  name: string;
  stage: Stage;
  light: LightLevel;
  lightReasons: string[];
  /** the latest text before this week (13 weeks back at most): what 沿用上周 confirms */
  lastWeek: WeekText | null;
  /** this week's own text, once someone saved or confirmed it */
  thisWeek: SavedText | null;
  /** this week's progress is in (已报送) */
  reported: boolean;
  /** started projects report monthly figures; reserve and preliminary ones do not (as on the fill-in sheets) */
  reportsMonth: boolean;
  /** the chosen month's 完成投资 in yuan, null while not reported */
  monthAmountYuan: number | null;
  annualPlanYuan: number;
  /** 1—N月完成: months 1 to the chosen one, in yuan */
  throughMonthYuan: number;
  /** 形象进度 */
  progressText: string;
}

export interface UnitDeskProblem {
  id: number;
  code: string;
  projectId: number;
  projectCode: string;
  projectName: string;
  description: string;
  status: ProblemStatus;
  deadline: string | null;
  daysOverdue: number;
  leadUnitName: string | null;
  responsibleUnitNames: string[];
  /** the latest notes, oldest first */
  notes: ProblemNote[];
  /** how many notes there are in all */
  noteCount: number;
}

export interface UnitDesk {
  unitId: number;
  unitName: string;
  /** the caller is the unit's own user (no unit to choose) */
  asUnit: boolean;
  week: DispatchWeek;
  weekDeadline: Deadline;
  year: number;
  month: number;
  /** no setting names a day for the monthly figures: the month's last day (see README) */
  monthDeadline: Deadline;
  /** the office has closed the month (月度关账): figures still save, and its 时序进度 is already counted */
  monthClosed: boolean;
  today: string;
  projects: UnitDeskProject[];
  counts: { weekReported: number; weekUnreported: number; monthFilled: number; monthUnfilled: number };
  problems: UnitDeskProblem[];
}

/** How many of a problem's notes the page shows: enough to answer the latest 催办. */
export const UNIT_DESK_NOTES = 3;

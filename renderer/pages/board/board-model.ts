import type { LightLevel } from '../../../db/model/lights';
import type { ProjectListRow } from '../../../db/model/project-list';
import { backwardMoveIssue, transitionIssue } from '../../../db/model/stage-rules';
import { STAGES, stageIndex, type Stage } from '../../../db/model/stages';
import { matchesSearch } from '../../../db/model/project-search';
import { hasCommonFilters, matchesCommon, type CommonFilters } from '../../ui/filters/filter-model';

export interface BoardFilters extends Pick<CommonFilters, 'search' | 'chainIds' | 'leads'> {
  /** 只看红黄灯 */
  alertsOnly: boolean;
}

export const NO_FILTERS: BoardFilters = { search: '', chainIds: [], leads: [], alertsOnly: false };

export interface BoardColumnData {
  stage: Stage;
  projects: ProjectListRow[];
  totalInvestmentYuan: number;
  red: number;
  yellow: number;
}

export function hasFilters(filters: BoardFilters): boolean {
  return hasCommonFilters(filters) || filters.alertsOnly;
}

function matches(project: ProjectListRow, filters: BoardFilters): boolean {
  return (!filters.alertsOnly || project.light !== 'green') && matchesCommon(project, filters, matchesSearch);
}

const LIGHT_ORDER: Record<LightLevel, number> = { red: 0, yellow: 1, green: 2 };

/** Red first, then yellow: the cards that need pressing are at the top of each column. */
function byUrgency(a: ProjectListRow, b: ProjectListRow): number {
  return LIGHT_ORDER[a.light] - LIGHT_ORDER[b.light] || a.code.localeCompare(b.code, 'en');
}

/** One column per stage, in pipeline order, with the figures its header shows. */
export function boardColumns(projects: readonly ProjectListRow[], filters: BoardFilters): BoardColumnData[] {
  const columns = new Map<Stage, BoardColumnData>(
    STAGES.map((stage) => [stage, { stage, projects: [], totalInvestmentYuan: 0, red: 0, yellow: 0 }]),
  );
  for (const project of projects) {
    if (!matches(project, filters)) continue;
    const column = columns.get(project.stage);
    if (!column) continue;
    column.projects.push(project);
    column.totalInvestmentYuan += project.totalInvestmentYuan;
    if (project.light === 'red') column.red += 1;
    if (project.light === 'yellow') column.yellow += 1;
  }
  const result = [...columns.values()];
  for (const column of result) column.projects.sort(byUrgency);
  return result;
}

/** The stages a card may be moved to from where it is: the next one first, as that is the usual move. */
export function moveTargets(stage: Stage): { stage: Stage; forward: boolean }[] {
  const at = stageIndex(stage);
  const targets: { stage: Stage; forward: boolean }[] = [];
  if (at < STAGES.length - 1) targets.push({ stage: STAGES[at + 1], forward: true });
  if (at > 0) targets.push({ stage: STAGES[at - 1], forward: false });
  return targets;
}

/**
 * Why a card cannot go to `to` at all, in the rule's own words; null when the dialog may ask for the rest.
 * Missing dates and the reason for going back are what the dialog asks for, so they are not refusals here.
 */
export function moveRefusal(project: ProjectListRow, to: Stage): string | null {
  const step = stageIndex(to) - stageIndex(project.stage);
  if (step === 0) return null;
  if (Math.abs(step) > 1) return transitionIssue(project.stage, to, '');
  if (step < 0) return backwardMoveIssue(project.stage, to, project);
  return null;
}

export const isAdjacent = (from: Stage, to: Stage): boolean => Math.abs(stageIndex(to) - stageIndex(from)) === 1;

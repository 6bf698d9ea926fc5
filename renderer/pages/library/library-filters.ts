import type { ColumnFiltersState } from '@tanstack/react-table';
import type { LightLevel } from '../../../db/model/lights';
import type { ProjectListRow } from '../../../db/model/project-list';
import { matchesSearch } from '../../../db/model/project-search';
import { STAGES, type Stage } from '../../../db/model/stages';
import { isLightChoice, matchesLightChoices, type LightChoice } from '../../ui/filters/light-choice';

/** The column ids that carry a filter; the table's column filters are the one source of truth. */
export const FILTER_COLUMNS = {
  stage: 'stage',
  chain: 'chain',
  lead: 'chainLead',
  park: 'park',
  level: 'levels',
  township: 'township',
  contactLeader: 'contactLeader',
  light: 'light',
  promotion: 'promotion',
} as const;

export interface LibraryFilters {
  search: string;
  stage: Stage | null;
  chainIds: number[];
  leads: string[];
  parkIds: number[];
  /** on any of these lists of key projects */
  levelIds: number[];
  townshipIds: number[];
  /** 包挂领导 */
  contactLeaderIds: number[];
  /** the lights to show; empty shows every project */
  lights: LightChoice[];
  /** only 招商引资 projects (the 招商 table's links) */
  promotionOnly: boolean;
}

export { isLightChoice, type LightChoice };

/** The search box: the same rule as the server's `projects.list` search (db/model/project-search.ts). */
export { matchesSearch };

export const matchesStage = (project: ProjectListRow, stage: Stage | null): boolean =>
  !stage || project.stage === stage;
export const matchesChain = (project: ProjectListRow, chainIds: readonly number[]): boolean =>
  chainIds.length === 0 || chainIds.includes(project.chainId);
export const matchesLead = (project: ProjectListRow, leads: readonly string[]): boolean =>
  leads.length === 0 || leads.includes(project.chainLead);
export const matchesPark = (project: ProjectListRow, parkIds: readonly number[]): boolean =>
  parkIds.length === 0 || (project.parkId !== null && parkIds.includes(project.parkId));
export const matchesLevel = (project: ProjectListRow, levelIds: readonly number[]): boolean =>
  levelIds.length === 0 || project.levelIds.some((id) => levelIds.includes(id));
export const matchesTownship = (project: ProjectListRow, townshipIds: readonly number[]): boolean =>
  townshipIds.length === 0 || (project.townshipId !== null && townshipIds.includes(project.townshipId));
export const matchesContactLeader = (project: ProjectListRow, leaderIds: readonly number[]): boolean =>
  leaderIds.length === 0 || (project.contactLeaderId !== null && leaderIds.includes(project.contactLeaderId));
export const matchesPromotion = (project: ProjectListRow, only: boolean): boolean =>
  !only || project.isInvestmentPromotion;
export const matchesLight = (
  project: { light: LightLevel; missingFields: readonly string[]; suspended?: unknown },
  lights: readonly LightChoice[],
): boolean => matchesLightChoices(project, lights);

function arrayValue<T>(filters: ColumnFiltersState, id: string): T[] {
  const value = filters.find((f) => f.id === id)?.value;
  return Array.isArray(value) ? (value as T[]) : [];
}

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

export function readFilters(columnFilters: ColumnFiltersState, globalFilter: string): LibraryFilters {
  const stage = columnFilters.find((f) => f.id === FILTER_COLUMNS.stage)?.value;
  return {
    search: globalFilter,
    stage: isStage(stage) ? stage : null,
    chainIds: arrayValue<number>(columnFilters, FILTER_COLUMNS.chain),
    leads: arrayValue<string>(columnFilters, FILTER_COLUMNS.lead),
    parkIds: arrayValue<number>(columnFilters, FILTER_COLUMNS.park),
    levelIds: arrayValue<number>(columnFilters, FILTER_COLUMNS.level),
    townshipIds: arrayValue<number>(columnFilters, FILTER_COLUMNS.township),
    contactLeaderIds: arrayValue<number>(columnFilters, FILTER_COLUMNS.contactLeader),
    lights: arrayValue<unknown>(columnFilters, FILTER_COLUMNS.light).filter(isLightChoice),
    promotionOnly: columnFilters.some((f) => f.id === FILTER_COLUMNS.promotion && f.value === true),
  };
}

export function hasActiveFilters(filters: LibraryFilters): boolean {
  return (
    filters.search.trim() !== '' ||
    filters.stage !== null ||
    filters.chainIds.length > 0 ||
    filters.leads.length > 0 ||
    filters.parkIds.length > 0 ||
    filters.levelIds.length > 0 ||
    filters.townshipIds.length > 0 ||
    filters.contactLeaderIds.length > 0 ||
    filters.lights.length > 0 ||
    filters.promotionOnly
  );
}

export type StageCounts = Record<Stage | 'all', number>;

function matchesToolbar(project: ProjectListRow, filters: LibraryFilters): boolean {
  return (
    matchesSearch(project, filters.search) &&
    matchesChain(project, filters.chainIds) &&
    matchesLead(project, filters.leads) &&
    matchesPark(project, filters.parkIds) &&
    matchesLevel(project, filters.levelIds) &&
    matchesTownship(project, filters.townshipIds) &&
    matchesContactLeader(project, filters.contactLeaderIds) &&
    matchesPromotion(project, filters.promotionOnly)
  );
}

/** Tab counts: every active filter except the stage itself, so each tab says what clicking it would show. */
export function stageCounts(projects: readonly ProjectListRow[], filters: LibraryFilters): StageCounts {
  const counts: StageCounts = { all: 0, reserve: 0, preliminary: 0, new_start: 0, continuing: 0, completed: 0 };
  for (const project of projects) {
    if (matchesToolbar(project, filters) && matchesLight(project, filters.lights)) {
      counts.all += 1;
      counts[project.stage] += 1;
    }
  }
  return counts;
}

export type LightCounts = Record<LightChoice, number>;

/** Red, yellow and 资料待补 counts beside the 预警 filter: every filter but the light itself, like the stage tabs. */
export function lightCounts(projects: readonly ProjectListRow[], filters: LibraryFilters): LightCounts {
  const counts: LightCounts = { red: 0, yellow: 0, green: 0, missing: 0, suspended: 0 };
  for (const project of projects) {
    if (!matchesToolbar(project, filters) || !matchesStage(project, filters.stage)) continue;
    counts[project.suspended ? 'suspended' : project.light] += 1;
    if (project.missingFields.length > 0) counts.missing += 1;
  }
  return counts;
}

/** `stage=new_start` from the location's query, so other screens can link to a filtered library. */
export function stageFromQuery(search: string): Stage | null {
  const stage = new URLSearchParams(search).get('stage');
  return isStage(stage) ? stage : null;
}

/** The filter list with one column's filter replaced; an empty value removes it. */
export function withFilter(filters: ColumnFiltersState, id: string, value: unknown): ColumnFiltersState {
  const rest = filters.filter((f) => f.id !== id);
  const empty = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
  return empty ? rest : [...rest, { id, value }];
}

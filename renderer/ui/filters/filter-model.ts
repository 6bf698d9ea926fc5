import type { LightLevel } from '../../../db/model/lights';
import { UNASSIGNED_LEAD } from '../../../db/model/overview';
import type { Stage } from '../../../db/model/stages';
import { matchesLightChoices, type LightChoice } from './light-choice';

/**
 * The filters every project list offers, under one name each. A page keeps the ones it shows and adds its
 * own beside them (the dispatch's 责任单位, the board's 只看红黄灯…).
 */
export interface CommonFilters {
  search: string;
  chainIds: number[];
  leads: string[];
  parkIds: number[];
  /** the lights to show; empty shows every project */
  lights: LightChoice[];
  stages: Stage[];
}

export const NO_COMMON_FILTERS: CommonFilters = {
  search: '',
  chainIds: [],
  leads: [],
  parkIds: [],
  lights: [],
  stages: [],
};

/** The one wording for a project without a 链长, as the server's counts name it (db/model/overview). */
export const NO_LEAD = UNASSIGNED_LEAD;

/** The fields the common filters look at; a page's row has whichever of them it shows. */
export interface FilterableRow {
  chainId?: number;
  chainLead?: string;
  parkId?: number | null;
  light?: LightLevel;
  missingFields?: readonly string[];
  /** 停建/缓建: in no light */
  suspended?: unknown;
  stage?: Stage;
}

/** The 链长 a row is filed under: its own, or 未设链长. */
export const leadKeyOf = (row: { chainLead?: string }): string => row.chainLead || NO_LEAD;

export function hasCommonFilters(filters: Partial<CommonFilters>): boolean {
  return (
    (filters.search ?? '').trim() !== '' ||
    Boolean(filters.chainIds?.length) ||
    Boolean(filters.leads?.length) ||
    Boolean(filters.parkIds?.length) ||
    Boolean(filters.lights?.length) ||
    Boolean(filters.stages?.length)
  );
}

/** Every word typed in the search box occurs in the text (case-insensitive). */
export function matchesWords(text: string, search: string): boolean {
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = text.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/**
 * The one predicate for the common filters: an empty filter lets every row through. `matchesSearch` says how
 * this page's rows answer the search box (each list searches its own columns).
 */
export function matchesCommon<R extends FilterableRow>(
  row: R,
  filters: Partial<CommonFilters>,
  matchesSearch: (row: R, search: string) => boolean,
): boolean {
  const { chainIds, leads, parkIds, lights, stages, search } = filters;
  if (chainIds?.length && !chainIds.includes(row.chainId ?? -1)) return false;
  if (leads?.length && !leads.includes(leadKeyOf(row))) return false;
  if (parkIds?.length && !parkIds.includes(row.parkId ?? -1)) return false;
  if (stages?.length && (!row.stage || !stages.includes(row.stage))) return false;
  if (lights?.length && !matchesLightChoices(row, lights)) return false;
  return !search?.trim() || matchesSearch(row, search);
}

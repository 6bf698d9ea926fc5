import {
  isOpen,
  PROBLEM_CATEGORIES,
  PROBLEM_CATEGORY_LABELS,
  PROBLEM_STATUSES,
  PROBLEM_STATUS_LABELS,
  type ProblemCategory,
  type ProblemListRow,
  type ProblemStatus,
} from '../../../db/model/problems';
import { leadKeyOf, matchesWords } from '../../ui/filters/filter-model';

/** 未销号 (every status but 已销号), 全部, or one status. */
export type StatusFilter = 'open' | 'all' | ProblemStatus;

export interface ProblemFilters {
  status: StatusFilter;
  /** a unit's id as text, or NO_UNIT for problems that name none (the keys of problems.summary) */
  unit: string | null;
  lead: string | null;
  category: ProblemCategory | null;
  overdue: boolean;
}

export const DEFAULT_FILTERS: ProblemFilters = {
  status: 'open',
  unit: null,
  lead: null,
  category: null,
  overdue: false,
};

/** problems.summary's key for a problem without units (a project without a 链长 is ui/filters' NO_LEAD) */
export const NO_UNIT = '';

export const STATUS_FILTER_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'open', label: '未销号' },
  { value: 'all', label: '全部状态' },
  ...PROBLEM_STATUSES.map((s) => ({ value: s, label: PROBLEM_STATUS_LABELS[s] })),
];

/** Same grouping as the server's counts: the 牵头单位 and every 责任单位. */
export function unitKeysOf(p: ProblemListRow): string[] {
  const keys = new Set<string>();
  if (p.leadUnitId !== null) keys.add(String(p.leadUnitId));
  for (const id of p.responsibleUnitIds) keys.add(String(id));
  return keys.size ? [...keys] : [NO_UNIT];
}

function matchesStatus(p: ProblemListRow, status: StatusFilter): boolean {
  if (status === 'all') return true;
  if (status === 'open') return isOpen(p.status);
  return p.status === status;
}

/** The words the search box looks in: number, project, description, units, person, source. */
function searchText(p: ProblemListRow): string {
  return [
    p.code,
    p.projectCode,
    p.projectName,
    p.description,
    p.leadUnitName ?? '',
    ...p.responsibleUnitNames,
    p.responsiblePerson,
    p.source,
    p.chainName,
    p.chainLead,
    PROBLEM_CATEGORY_LABELS[p.category],
  ].join(' ');
}

export function filterProblems(
  rows: readonly ProblemListRow[],
  filters: ProblemFilters,
  search: string,
): ProblemListRow[] {
  return rows.filter(
    (p) =>
      matchesStatus(p, filters.status) &&
      (filters.unit === null || unitKeysOf(p).includes(filters.unit)) &&
      (filters.lead === null || leadKeyOf(p) === filters.lead) &&
      (filters.category === null || p.category === filters.category) &&
      (!filters.overdue || p.daysOverdue > 0) &&
      matchesWords(searchText(p), search),
  );
}

export function hasFilters(filters: ProblemFilters, search: string): boolean {
  return (
    search.trim() !== '' ||
    filters.status !== DEFAULT_FILTERS.status ||
    filters.unit !== null ||
    filters.lead !== null ||
    filters.category !== null ||
    filters.overdue
  );
}

const isStatusFilter = (v: string | null): v is StatusFilter =>
  v === 'open' || v === 'all' || PROBLEM_STATUSES.includes(v as ProblemStatus);
const isCategory = (v: string | null): v is ProblemCategory => PROBLEM_CATEGORIES.includes(v as ProblemCategory);

/**
 * The list's view lives in the address (?status=all&unit=3&lead=…&category=land&overdue=1&id=12), so other
 * screens can link to “超期问题” or one problem, and the back button returns to the same view.
 */
export function viewFromQuery(search: string): { filters: ProblemFilters; openId: number | null } {
  const q = new URLSearchParams(search);
  const status = q.get('status');
  const unit = q.get('unit');
  const category = q.get('category');
  const id = Number(q.get('id'));
  return {
    filters: {
      status: isStatusFilter(status) ? status : DEFAULT_FILTERS.status,
      unit: unit === null ? null : unit === 'none' ? NO_UNIT : unit,
      lead: q.get('lead'),
      category: isCategory(category) ? category : null,
      overdue: q.get('overdue') === '1',
    },
    openId: Number.isInteger(id) && id > 0 ? id : null,
  };
}

export function queryOf(filters: ProblemFilters, openId: number | null): string {
  const q = new URLSearchParams();
  if (filters.status !== DEFAULT_FILTERS.status) q.set('status', filters.status);
  if (filters.unit !== null) q.set('unit', filters.unit === NO_UNIT ? 'none' : filters.unit);
  if (filters.lead !== null) q.set('lead', filters.lead);
  if (filters.category) q.set('category', filters.category);
  if (filters.overdue) q.set('overdue', '1');
  if (openId !== null) q.set('id', String(openId));
  const text = q.toString();
  return text ? `?${text}` : '';
}

import { AUDIT_KINDS, type AuditKind } from '../../db/model/audit-kinds';
import type { MethodInput } from '../../electron/api-spec';

/** What the 变更记录 screen is filtered by; every field empty means “all”. */
export interface HistoryFilters {
  projectId: number | null;
  operator: string | null;
  /** ISO dates, inclusive, in local days */
  from: string | null;
  to: string | null;
  kind: AuditKind | null;
}

export const NO_FILTERS: HistoryFilters = { projectId: null, operator: null, from: null, to: null, kind: null };

/** Rows fetched per page: the server's default. */
export const PAGE_SIZE = 200;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isKind = (v: string | null): v is AuditKind => AUDIT_KINDS.includes(v as AuditKind);
const positiveInt = (v: string | null): number | null => {
  const n = Number(v);
  return v !== null && Number.isInteger(n) && n > 0 ? n : null;
};
const isoDateOrNull = (v: string | null): string | null => (v !== null && ISO_DATE.test(v) ? v : null);

/**
 * The view lives in the address (#/history?project=12&operator=…&from=2026-11-01&to=2026-11-28&kind=dispatch&page=2)
 * so another screen can link to one project's history and the back button returns to the same page.
 */
export function viewFromQuery(search: string): { filters: HistoryFilters; page: number; before: number | null } {
  const q = new URLSearchParams(search);
  const kind = q.get('kind');
  return {
    before: positiveInt(q.get('before')),
    filters: {
      projectId: positiveInt(q.get('project')),
      operator: q.get('operator') || null,
      from: isoDateOrNull(q.get('from')),
      to: isoDateOrNull(q.get('to')),
      kind: isKind(kind) ? kind : null,
    },
    page: positiveInt(q.get('page')) ?? 1,
  };
}

/** `before`: past the counted rows the pages go on from the oldest row shown (“更多…”), by its id. */
export function queryOf(filters: HistoryFilters, page = 1, before: number | null = null): string {
  const q = new URLSearchParams();
  if (filters.projectId !== null) q.set('project', String(filters.projectId));
  if (filters.operator) q.set('operator', filters.operator);
  if (filters.from) q.set('from', filters.from);
  if (filters.to) q.set('to', filters.to);
  if (filters.kind) q.set('kind', filters.kind);
  if (before !== null) q.set('before', String(before));
  if (page > 1) q.set('page', String(page));
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** The address of the 变更记录 screen with these filters, for links from other screens. */
export function historyHref(filters: Partial<HistoryFilters> = {}): string {
  return `/history${queryOf({ ...NO_FILTERS, ...filters })}`;
}

export function hasFilters(filters: HistoryFilters): boolean {
  return Object.values(filters).some((v) => v !== null);
}

export function auditInputOf(
  filters: HistoryFilters,
  page: number,
  before: number | null = null,
): MethodInput<'audit.list'> {
  return {
    ...(filters.projectId !== null && { projectId: filters.projectId }),
    ...(filters.operator && { operator: filters.operator }),
    ...(filters.from && { from: filters.from }),
    ...(filters.to && { to: filters.to }),
    ...(filters.kind && { kind: filters.kind }),
    ...(before !== null && { before }),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
}

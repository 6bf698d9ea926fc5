import type { Db } from '../../db/connection';
import { weekOf } from '../../db/model/weeks';
import type { MethodName } from '../../electron/api-spec';
import { auditCases } from '../audit';
import { SEARCH_TERMS } from './office-texts';

/** One measured call of an API method, the same whether made in process or over HTTP. */
export interface MethodCall {
  label: string;
  method: MethodName;
  input: unknown;
}

/** A project still in the weekly grid, for the single-item calls. */
export function activeProject(db: Db): number {
  const row = db
    .prepare(
      "SELECT id FROM projects WHERE stage <> 'completed' ORDER BY id LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM projects)",
    )
    .get() as { id: number } | undefined;
  return (
    row?.id ?? (db.prepare("SELECT MIN(id) AS id FROM projects WHERE stage <> 'completed'").get() as { id: number }).id
  );
}

/** Every screen's data and the single-item calls of issue #13, at the office's today. */
export function methodCalls(db: Db, today: string): MethodCall[] {
  const week = weekOf(today).key;
  const projectId = activeProject(db);
  return [
    { label: 'projects.list {}', method: 'projects.list', input: {} },
    {
      label: `projects.list search “${SEARCH_TERMS.three}”`,
      method: 'projects.list',
      input: { search: SEARCH_TERMS.three },
    },
    {
      label: `projects.list search “${SEARCH_TERMS.two}”`,
      method: 'projects.list',
      input: { search: SEARCH_TERMS.two },
    },
    { label: 'projects.get', method: 'projects.get', input: { id: projectId } },
    { label: 'dispatch.week', method: 'dispatch.week', input: { week } },
    {
      label: 'dispatch.saveEntry',
      method: 'dispatch.saveEntry',
      input: { projectId, week, progress: '主体结构施工至第9层，完成投资1200万元' },
    },
    {
      label: 'dispatch.printData',
      method: 'dispatch.printData',
      input: { week, groupBy: 'chainLead', scope: 'all' },
    },
    { label: 'overview.dashboard', method: 'overview.dashboard', input: {} },
    { label: 'overview.lightTrend', method: 'overview.lightTrend', input: {} },
    { label: 'overview.monthlyInvestment', method: 'overview.monthlyInvestment', input: {} },
    { label: 'supervision.overview', method: 'supervision.overview', input: {} },
    { label: 'problems.list', method: 'problems.list', input: {} },
    ...auditCases(db, projectId).map((c) => ({
      label: `audit.list, ${c.label}`,
      method: 'audit.list' as const,
      input: c.input,
    })),
  ];
}

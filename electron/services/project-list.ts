import type { Db } from '../../db/connection';
import { computeLights } from '../../db/model/lights';
import type { ProjectListRow } from '../../db/model/project-list';
import { matchesSearch, searchWords } from '../../db/model/project-search';
import { listRowSources } from '../../db/queries/project-list';
import { searchCandidates } from '../../db/queries/search-candidates';
import { lightInputsOf } from './project-lights';

/**
 * `projects.list`: the library's rows with their lights. A search reads only the rows the index says may match,
 * then keeps those the search rule finds, so it costs what it finds rather than what the library holds.
 */
export function listProjectRows(db: Db, planYear: number, today: string, search = ''): ProjectListRow[] {
  const words = searchWords(search);
  const ids = words.length ? searchCandidates(db, words) : undefined;
  if (ids && ids.length === 0) return [];
  const sources = listRowSources(db, planYear, ids);
  const found = ids ? sources.filter((row) => matchesSearch(row, search)) : sources;
  const inputs = lightInputsOf(db, planYear, today, ids && found.map((row) => row.id));
  return found.map((row) => {
    const { light, lights, missingFields } = computeLights(inputs.of(row), inputs.context);
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      isDemo: row.isDemo,
      stage: row.stage,
      chainId: row.chainId,
      chainName: row.chainName,
      chainLead: row.chainLead,
      owner: row.owner,
      location: row.location,
      parkId: row.parkId,
      parkName: row.parkName,
      leadUnitName: row.leadUnitName,
      responsibleUnitNames: row.responsibleUnitNames,
      nature: row.nature,
      startYear: row.startYear,
      endYear: row.endYear,
      plannedStartDate: row.plannedStartDate,
      actualStartDate: row.actualStartDate,
      plannedCompletionDate: row.plannedCompletionDate,
      totalInvestmentYuan: row.totalInvestmentYuan,
      annualPlanYuan: row.annualPlanYuan,
      yearCompletedYuan: row.yearCompletedYuan,
      sinceStartCompletedYuan: row.sinceStartCompletedYuan,
      progressText: row.progressText,
      inStatistics: row.inStatistics,
      updatedAt: row.updatedAt,
      light,
      lights,
      missingFields,
    };
  });
}

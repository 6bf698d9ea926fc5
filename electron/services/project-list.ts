import { computeLights, type ProjectLights } from '../../db/model/lights';
import type { ProjectListRow } from '../../db/model/project-list';
import { matchesSearch, searchWords } from '../../db/model/project-search';
import { compareProjectCodes } from '../../db/model/project-code';
import { listRowSources, projectCodes, type ListRowSource } from '../../db/queries/project-list';
import { searchCandidates } from '../../db/queries/search-candidates';
import type { Store } from '../../db/store/store';
import { lightInputsOf } from './project-lights';

/** A list row's sources with their lights: what the list and the 工作台's figures are made of. */
export type LitListSource = ListRowSource & ProjectLights;

/** The lights of list rows, from one read per kind of input for all of them (or only `ids`). */
async function listLights(store: Store, planYear: number, today: string, ids?: readonly number[]) {
  const inputs = await lightInputsOf(store, planYear, today, ids);
  return (row: ListRowSource) => computeLights(inputs.of(row), inputs.context);
}

/** Every project as the list reads it, lit. */
export async function litListSources(store: Store, planYear: number, today: string): Promise<LitListSource[]> {
  const lightsOf = await listLights(store, planYear, today);
  // the lights join the row read for this call: copying 5,000 rows of thirty fields costs more than the read
  return (await listRowSources(store, planYear)).map((row) => Object.assign(row, lightsOf(row)));
}

/**
 * `projects.list`: the library's rows with their lights. A search reads only the rows the index says may match,
 * then keeps those the search rule finds, so it costs what it finds rather than what the library holds.
 */
export async function listProjectRows(
  store: Store,
  planYear: number,
  today: string,
  search = '',
): Promise<ProjectListRow[]> {
  const words = searchWords(search);
  // the whole answer of a request: its rows and their lights as of one moment
  return store.snapshot(async () => {
    const ids = words.length ? await searchCandidates(store, words) : undefined;
    if (ids && ids.length === 0) return [];
    const sources = await listRowSources(store, planYear, ids);
    const found = ids ? sources.filter((row) => matchesSearch(row, search)) : sources;
    const lightsOf = await listLights(store, planYear, today, ids && found.map((row) => row.id));
    return found.map((row) => toListRow(row, lightsOf(row)));
  });
}

/**
 * `projects.list { first }`: the first rows in the library's own order (by 项目编号), read and lit alone. The 项目库
 * draws them while the whole library is on its way, so its first screen does not wait for five thousand rows.
 */
export async function firstProjectRows(
  store: Store,
  planYear: number,
  today: string,
  count: number,
): Promise<ProjectListRow[]> {
  // the whole answer of a request: its rows and their lights as of one moment
  return store.snapshot(async () => {
    const ids = (await projectCodes(store))
      .sort((a, b) => compareProjectCodes(a[1], b[1]))
      .slice(0, count)
      .map(([id]) => id);
    if (ids.length === 0) return [];
    const lightsOf = await listLights(store, planYear, today, ids);
    return (await listRowSources(store, planYear, ids))
      .sort((a, b) => compareProjectCodes(a.code, b.code))
      .map((row) => toListRow(row, lightsOf(row)));
  });
}

/** Only what the list shows: the lights' own inputs stay behind. */
function toListRow(row: ListRowSource, { light, lights, missingFields, suspended }: ProjectLights): ProjectListRow {
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
    townshipId: row.townshipId,
    townshipName: row.townshipName,
    contactLeaderId: row.contactLeaderId,
    contactLeaderName: row.contactLeaderName,
    levelIds: row.levelIds,
    levelNames: row.levelNames,
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
    isInvestmentPromotion: row.isInvestmentPromotion,
    light,
    lights,
    missingFields,
    ...(suspended ? { suspended } : {}),
  };
}

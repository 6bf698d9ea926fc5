import type { ProjectLights } from './lights';
import type { ProjectFields, ProjectRow } from './project';

/**
 * One row of `projects.list`: what the 项目库 grid (every column its picker offers, its filters, totals and
 * search), the 阶段看板 cards and the project pickers show. Everything else of a project comes with projects.get.
 */
export type ProjectListRow = Pick<
  ProjectRow,
  | 'id'
  | 'code'
  | 'name'
  | 'isDemo'
  | 'stage'
  | 'chainId'
  | 'chainName'
  | 'chainLead'
  | 'owner'
  | 'location'
  | 'parkId'
  | 'parkName'
  | 'townshipId'
  | 'townshipName'
  | 'contactLeaderId'
  | 'contactLeaderName'
  | 'levelNames'
  | 'leadUnitName'
  | 'responsibleUnitNames'
  | 'nature'
  | 'startYear'
  | 'endYear'
  | 'plannedStartDate'
  | 'actualStartDate'
  | 'plannedCompletionDate'
  | 'totalInvestmentYuan'
  | 'annualPlanYuan'
  | 'yearCompletedYuan'
  | 'sinceStartCompletedYuan'
  | 'progressText'
  | 'inStatistics'
  | 'updatedAt'
  | 'isInvestmentPromotion'
> &
  Pick<ProjectFields, 'levelIds'> &
  Pick<ProjectLights, 'light' | 'lights' | 'missingFields' | 'suspended'>;

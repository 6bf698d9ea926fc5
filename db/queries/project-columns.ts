import type { ProjectFields } from '../model/project';

/**
 * Each stored field of a project and its column in `projects` (责任单位 live in `project_units`, the levels in
 * `level_memberships`).
 */
export const COLUMNS: Record<Exclude<keyof ProjectFields, 'responsibleUnitIds' | 'levelIds'>, string> = {
  code: 'code',
  name: 'name',
  category: 'category',
  isInvestmentPromotion: 'is_investment_promotion',
  chainId: 'chain_id',
  chainLeadOverride: 'chain_lead_override',
  leadUnitId: 'lead_unit_id',
  responsiblePerson: 'responsible_person',
  contactPerson: 'contact_person',
  contactPhone: 'contact_phone',
  owner: 'owner',
  location: 'location',
  parkId: 'park_id',
  townshipId: 'township_id',
  contactLeaderId: 'contact_leader_id',
  content: 'content',
  nature: 'nature',
  startYear: 'start_year',
  endYear: 'end_year',
  plannedStartDate: 'planned_start_date',
  actualStartDate: 'actual_start_date',
  plannedCompletionDate: 'planned_completion_date',
  actualCompletionDate: 'actual_completion_date',
  signingDate: 'signing_date',
  registrationDate: 'registration_date',
  productionDate: 'production_date',
  startWithinMonths: 'start_within_months',
  contractInvestmentYuan: 'contract_investment_yuan',
  fundsInPlaceYuan: 'funds_in_place_yuan',
  totalInvestmentYuan: 'total_investment_yuan',
  investedBeforeYearYuan: 'invested_before_year_yuan',
  annualPlanYuan: 'annual_plan_yuan',
  stage: 'stage',
  progressText: 'progress_text',
  inStatistics: 'in_statistics',
  note: 'note',
};
export type ColumnField = keyof typeof COLUMNS;
export const COLUMN_FIELDS = Object.keys(COLUMNS) as ColumnField[];

import { attachmentAuditLabel } from './attachments';
import { DISPATCH_FIELD_LABELS, type DispatchField } from './dispatch';
import type { Stage } from './stages';
import { FACTOR_FIELD_PREFIX, factorFieldLabel } from './factors';

export const CATEGORIES = ['industry', 'infrastructure', 'livelihood', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, string> = {
  industry: '产业项目',
  infrastructure: '基础设施',
  livelihood: '社会民生',
  other: '其他',
};

export const NATURES = ['new', 'expansion', 'renovation', 'upgrade'] as const;
export type Nature = (typeof NATURES)[number];
export const NATURE_LABELS: Record<Nature, string> = {
  new: '新建',
  expansion: '扩建',
  renovation: '改建',
  upgrade: '技改',
};

/** What a clerk fills in; money in integer yuan, dates ISO or null. */
export interface ProjectFields {
  code: string;
  name: string;
  category: Category;
  isInvestmentPromotion: boolean;
  /** the lists of key projects it is on (省重点, 湘潭市重点…), by ascending id: a set, whatever order was chosen */
  levelIds: number[];
  chainId: number;
  chainLeadOverride: string | null;
  leadUnitId: number | null;
  responsibleUnitIds: number[];
  responsiblePerson: string;
  contactPerson: string;
  contactPhone: string;
  owner: string;
  location: string;
  parkId: number | null;
  /** 所在乡镇/街道 */
  townshipId: number | null;
  /** 包挂领导 (联系领导), besides the 链长 */
  contactLeaderId: number | null;
  content: string;
  nature: Nature | null;
  startYear: number | null;
  endYear: number | null;
  plannedStartDate: string | null;
  actualStartDate: string | null;
  plannedCompletionDate: string | null;
  actualCompletionDate: string | null;
  signingDate: string | null;
  /** 招商: 注册, 投产 and the agreed months from 签约 to 开工 (null: the office's setting) */
  registrationDate: string | null;
  productionDate: string | null;
  startWithinMonths: number | null;
  contractInvestmentYuan: number;
  fundsInPlaceYuan: number;
  totalInvestmentYuan: number;
  investedBeforeYearYuan: number;
  annualPlanYuan: number;
  stage: Stage;
  progressText: string;
  inStatistics: boolean;
  note: string;
}

/** One row of the library: stored fields plus names and derived figures. */
export interface ProjectRow extends Omit<ProjectFields, 'responsibleUnitIds' | 'levelIds'> {
  id: number;
  isDemo: boolean;
  chainName: string;
  chainCode: string;
  /** the project's override, else the chain's 链长 */
  chainLead: string;
  leadUnitName: string | null;
  responsibleUnitNames: string[];
  parkName: string | null;
  townshipName: string | null;
  contactLeaderName: string | null;
  levelNames: string[];
  /** 本年累计完成投资: sum of this plan year's monthly figures */
  yearCompletedYuan: number;
  /** 自开工累计完成投资 */
  sinceStartCompletedYuan: number;
  /** months with a reported figure this plan year (1—N月) */
  reportedMonths: number;
  /** the day it entered the library (its first stage record) */
  enteredOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MonthlyInvestment {
  month: number;
  amountYuan: number;
}

export interface StageChange {
  id: number;
  fromStage: Stage | null;
  toStage: Stage;
  changedOn: string;
  operator: string;
  reason: string;
}

export interface ProjectDetail extends ProjectRow {
  responsibleUnitIds: number[];
  levelIds: number[];
  /** raised by every change of the project's own fields: a form sends back the one it read */
  version: number;
  planYear: number;
  monthly: MonthlyInvestment[];
  stageChanges: StageChange[];
}

export interface AuditEntry {
  id: number;
  at: string;
  operator: string;
  entity: string;
  entityId: number;
  action: 'create' | 'update' | 'delete';
  field: string | null;
  fieldLabel: string | null;
  oldValue: string | null;
  newValue: string | null;
}

export const PROJECT_FIELD_LABELS: Record<keyof ProjectFields, string> = {
  code: '项目编号',
  name: '项目名称',
  category: '项目类别',
  isInvestmentPromotion: '是否招商引资项目',
  levelIds: '项目级别',
  chainId: '产业链',
  chainLeadOverride: '链长（本项目指定）',
  leadUnitId: '牵头单位',
  responsibleUnitIds: '责任单位',
  responsiblePerson: '责任人',
  contactPerson: '联系人',
  contactPhone: '联系电话',
  owner: '建设单位',
  location: '建设地点',
  parkId: '园区/片区',
  townshipId: '所在乡镇',
  contactLeaderId: '包挂领导',
  content: '建设内容及规模',
  nature: '建设性质',
  startYear: '建设起始年',
  endYear: '建设结束年',
  plannedStartDate: '计划开工日期',
  actualStartDate: '实际开工日期',
  plannedCompletionDate: '计划竣工日期',
  actualCompletionDate: '实际竣工日期',
  signingDate: '签约日期',
  registrationDate: '注册日期',
  productionDate: '投产日期',
  startWithinMonths: '约定开工期限（月）',
  contractInvestmentYuan: '合同投资',
  fundsInPlaceYuan: '到位资金',
  totalInvestmentYuan: '总投资',
  investedBeforeYearYuan: '截至上年底累计完成投资',
  annualPlanYuan: '本年计划投资',
  stage: '阶段',
  progressText: '形象进度',
  inStatistics: '是否纳统',
  note: '备注',
};

export const PROJECT_FIELD_KEYS = Object.keys(PROJECT_FIELD_LABELS) as (keyof ProjectFields)[];

/**
 * Spelled out, not copied key by key: V8 keeps an object built by thirty computed-key stores as a slow
 * dictionary, and an import copies and compares thousands of these.
 */
export function pickProjectFields(r: ProjectFields): ProjectFields {
  return {
    code: r.code,
    name: r.name,
    category: r.category,
    isInvestmentPromotion: r.isInvestmentPromotion,
    levelIds: r.levelIds,
    chainId: r.chainId,
    chainLeadOverride: r.chainLeadOverride,
    leadUnitId: r.leadUnitId,
    responsibleUnitIds: r.responsibleUnitIds,
    responsiblePerson: r.responsiblePerson,
    contactPerson: r.contactPerson,
    contactPhone: r.contactPhone,
    owner: r.owner,
    location: r.location,
    parkId: r.parkId,
    townshipId: r.townshipId,
    contactLeaderId: r.contactLeaderId,
    content: r.content,
    nature: r.nature,
    startYear: r.startYear,
    endYear: r.endYear,
    plannedStartDate: r.plannedStartDate,
    actualStartDate: r.actualStartDate,
    plannedCompletionDate: r.plannedCompletionDate,
    actualCompletionDate: r.actualCompletionDate,
    signingDate: r.signingDate,
    registrationDate: r.registrationDate,
    productionDate: r.productionDate,
    startWithinMonths: r.startWithinMonths,
    contractInvestmentYuan: r.contractInvestmentYuan,
    fundsInPlaceYuan: r.fundsInPlaceYuan,
    totalInvestmentYuan: r.totalInvestmentYuan,
    investedBeforeYearYuan: r.investedBeforeYearYuan,
    annualPlanYuan: r.annualPlanYuan,
    stage: r.stage,
    progressText: r.progressText,
    inStatistics: r.inStatistics,
    note: r.note,
  };
}

/** The label a change-history row shows for a stored field name. */
export function auditFieldLabel(field: string | null): string | null {
  if (field === null) return null;
  if (field === 'milestone') return '节点';
  if (field === 'approval') return '前期手续';
  if (field === 'levelTransfer') return '名单调入调出';
  if (field === 'suspension') return '停建/缓建';
  if (field.startsWith('attachment:')) return attachmentAuditLabel(field) ?? field;
  if (field.startsWith('problem:')) return `问题${field.slice('problem:'.length)}`;
  if (field.startsWith('instruction:')) return '领导批示';
  if (field.startsWith(FACTOR_FIELD_PREFIX)) return factorFieldLabel(field) ?? field;
  const dispatch = /^dispatch:\d{4}-W(\d{2}):(\w+)$/.exec(field);
  if (dispatch) {
    const label = DISPATCH_FIELD_LABELS[dispatch[2] as DispatchField] ?? '报送确认';
    return `第${Number(dispatch[1])}周调度·${label}`;
  }
  const monthly = /^monthly:(\d{4})-(\d{1,2})$/.exec(field);
  if (monthly) return `${monthly[1]}年${Number(monthly[2])}月完成投资`;
  return PROJECT_FIELD_LABELS[field as keyof ProjectFields] ?? field;
}

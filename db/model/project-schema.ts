import { z } from 'zod';
import { attractionDateIssues } from './attraction-rules';
import { CATEGORIES, NATURES, type ProjectFields } from './project';
import { STAGES } from './stages';
import { isoDate, optionalText, recordId, requiredText, yuanAmount } from './validation';

const year = (label: string) =>
  z
    .number({ error: `${label}应为年份` })
    .int({ error: `${label}应为年份` })
    .min(1990, { error: `${label}应在1990—2100年之间` })
    .max(2100, { error: `${label}应在1990—2100年之间` });

export const projectFieldShape = {
  code: optionalText('项目编号', 30).regex(/^[A-Za-z0-9_-]*$/, {
    error: '项目编号只能由字母、数字和“-”组成',
  }),
  name: requiredText('项目名称', 100),
  category: z.enum(CATEGORIES, { error: '请选择项目类别' }),
  isInvestmentPromotion: z.boolean({ error: '是否招商引资项目应为是或否' }),
  levelIds: z
    .array(recordId('项目级别'), { error: '项目级别格式不正确' })
    .max(10, { error: '项目级别最多10个' })
    .transform((ids) => [...ids].sort((a, b) => a - b)),
  chainId: recordId('产业链'),
  chainLeadOverride: optionalText('链长', 50).nullable(),
  leadUnitId: recordId('牵头单位').nullable(),
  responsibleUnitIds: z
    .array(recordId('责任单位'), { error: '责任单位格式不正确' })
    .max(20, { error: '责任单位最多20个' }),
  responsiblePerson: optionalText('责任人', 50),
  contactPerson: optionalText('联系人', 50),
  contactPhone: optionalText('联系电话', 40).regex(/^[0-9+\-()（）\s、/,，转]*$/, {
    error: '联系电话只能包含数字和“-”',
  }),
  owner: requiredText('建设单位', 100),
  location: optionalText('建设地点', 100),
  parkId: recordId('园区/片区').nullable(),
  townshipId: recordId('乡镇/街道').nullable(),
  contactLeaderId: recordId('包挂领导').nullable(),
  content: optionalText('建设内容及规模', 2000),
  nature: z.enum(NATURES, { error: '请选择建设性质' }).nullable(),
  startYear: year('建设起始年').nullable(),
  endYear: year('建设结束年').nullable(),
  plannedStartDate: isoDate('计划开工日期').nullable(),
  actualStartDate: isoDate('实际开工日期').nullable(),
  plannedCompletionDate: isoDate('计划竣工日期').nullable(),
  actualCompletionDate: isoDate('实际竣工日期').nullable(),
  signingDate: isoDate('签约日期').nullable(),
  registrationDate: isoDate('注册日期').nullable(),
  productionDate: isoDate('投产日期').nullable(),
  startWithinMonths: z
    .number({ error: '约定开工期限应为月数' })
    .int({ error: '约定开工期限应为整月数' })
    .min(1, { error: '约定开工期限应在1—120个月之间' })
    .max(120, { error: '约定开工期限应在1—120个月之间' })
    .nullable(),
  contractInvestmentYuan: yuanAmount('合同投资'),
  fundsInPlaceYuan: yuanAmount('到位资金'),
  totalInvestmentYuan: yuanAmount('总投资'),
  investedBeforeYearYuan: yuanAmount('截至上年底累计完成投资'),
  annualPlanYuan: yuanAmount('本年计划投资'),
  stage: z.enum(STAGES, { error: '请选择阶段' }),
  progressText: optionalText('形象进度', 500),
  inStatistics: z.boolean({ error: '是否纳统应为是或否' }),
  note: optionalText('备注', 1000),
};

/** `gap`: a date the record lacks rather than one that contradicts another (see missing-data.ts) */
type Issue = { field: keyof ProjectFields; message: string; gap?: boolean };

/** Rules between fields that hold whatever the date today is. */
export function crossFieldIssues(p: ProjectFields): Issue[] {
  const issues: Issue[] = [];
  if (p.plannedStartDate && p.plannedCompletionDate && p.plannedCompletionDate < p.plannedStartDate) {
    issues.push({ field: 'plannedCompletionDate', message: '计划竣工日期不能早于计划开工日期' });
  }
  if (p.actualStartDate && p.actualCompletionDate && p.actualCompletionDate < p.actualStartDate) {
    issues.push({ field: 'actualCompletionDate', message: '实际竣工日期不能早于实际开工日期' });
  }
  if (p.actualCompletionDate && !p.actualStartDate) {
    issues.push({ field: 'actualStartDate', message: '已填实际竣工日期，请先填写实际开工日期', gap: true });
  }
  if (p.startYear !== null && p.endYear !== null && p.endYear < p.startYear) {
    issues.push({ field: 'endYear', message: '建设结束年不能早于起始年' });
  }
  if (p.totalInvestmentYuan > 0 && p.investedBeforeYearYuan > p.totalInvestmentYuan) {
    issues.push({ field: 'investedBeforeYearYuan', message: '截至上年底累计完成投资不能超过总投资' });
  }
  if (new Set(p.responsibleUnitIds).size !== p.responsibleUnitIds.length) {
    issues.push({ field: 'responsibleUnitIds', message: '责任单位有重复' });
  }
  if (new Set(p.levelIds).size !== p.levelIds.length) {
    issues.push({ field: 'levelIds', message: '项目级别有重复' });
  }
  issues.push(...attractionDateIssues(p));
  return issues;
}

/** Each field on its own, the rules between fields left to the caller. */
export const projectFieldsOnlySchema = z.object(projectFieldShape);

export const projectFieldsSchema = projectFieldsOnlySchema.superRefine((fields, ctx) => {
  for (const issue of crossFieldIssues(fields as ProjectFields)) {
    ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
  }
});

/** Any subset of the fields, each checked on its own; the whole record is checked after merging. */
export const projectPatchSchema = z.object(projectFieldShape).partial().strict();

export type ProjectPatch = z.input<typeof projectPatchSchema>;

/** A new project before the clerk has typed anything. */
export function emptyProjectFields(): Omit<ProjectFields, 'name' | 'chainId' | 'owner' | 'stage'> {
  return {
    code: '',
    category: 'industry',
    isInvestmentPromotion: false,
    levelIds: [],
    chainLeadOverride: null,
    leadUnitId: null,
    responsibleUnitIds: [],
    responsiblePerson: '',
    contactPerson: '',
    contactPhone: '',
    location: '',
    parkId: null,
    townshipId: null,
    contactLeaderId: null,
    content: '',
    nature: null,
    startYear: null,
    endYear: null,
    plannedStartDate: null,
    actualStartDate: null,
    plannedCompletionDate: null,
    actualCompletionDate: null,
    signingDate: null,
    registrationDate: null,
    productionDate: null,
    startWithinMonths: null,
    contractInvestmentYuan: 0,
    fundsInPlaceYuan: 0,
    totalInvestmentYuan: 0,
    investedBeforeYearYuan: 0,
    annualPlanYuan: 0,
    progressText: '',
    inStatistics: false,
    note: '',
  };
}

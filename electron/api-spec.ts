// The typed API: every method's name, input schema and output type. Handlers live in contract.ts;
// the renderer imports this file for types, so it may import only zod and db/model.
import { z } from 'zod';
import type { LightThresholds, ProjectLights } from '../db/model/lights';
import type { GeneratedSchedule, Milestone, MilestoneTemplateNode } from '../db/model/milestones';
import type { ChainLeadOverview, DashboardSummary, LitProjectRow } from '../db/model/overview';
import type { DispatchRow, DispatchWeekView, WeekChanges } from '../db/model/dispatch';
import { DISPATCH_TEXT_MAX } from '../db/model/dispatch';
import { PRINT_GROUPINGS, type PrintGroup, type PrintTotals } from '../db/model/dispatch-print';
import {
  PROBLEM_ACTIONS,
  PROBLEM_CATEGORIES,
  PROBLEM_STATUSES,
  type Problem,
  type ProblemCount,
  type ProblemListRow,
  type SupervisionItem,
} from '../db/model/problems';
import type { FirstRunChecklist } from '../db/model/first-run';
import type { AuditEntry, ProjectDetail } from '../db/model/project';
import { parseWeek, type DispatchWeek } from '../db/model/weeks';
import type { RolloverProposal } from '../db/model/rollover';
import { TIME_PROGRESS_MODES, type OfficeTimeProgress, type TimeProgressMode } from '../db/model/time-progress';
import { projectPatchSchema } from '../db/model/project-schema';
import type { ReferenceData } from '../db/model/reference';
import { STAGES, type Stage } from '../db/model/stages';
import { AUDIT_KINDS } from '../db/model/audit-kinds';
import type { MonthClosingState } from '../db/model/month-closing';
import { fileTooBigMessage, MAX_IMPORT_BASE64_CHARS } from '../db/model/import-limits';
import { LEDGER_FIELDS, type LedgerField } from '../db/model/ledger-fields';
import { isoDate, optionalText, recordId, requiredText, yuanAmount } from '../db/model/validation';

function method<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

const noInput = z.object({}).strict();

/** A spreadsheet sent for import: its name (the type is judged by content) and its bytes in base64. */
const importFile = z
  .object({
    fileName: requiredText('文件名', 255),
    contentBase64: z
      .string({ error: '请选择要导入的文件' })
      .max(MAX_IMPORT_BASE64_CHARS, { error: fileTooBigMessage() })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: '文件内容编码不正确，请重新选择文件' }),
    defaultChainId: recordId('产业链').optional(),
  })
  .strict();

/** A ledger to import, with the clerk's corrections from the preview. */
const ledgerImport = importFile
  .extend({
    columnMap: z
      .record(
        z.string().max(200, { error: '列名过长' }),
        z.enum(LEDGER_FIELDS, { error: '列对应的栏目不正确' }).nullable(),
        { error: '列对应格式不正确' },
      )
      .refine((map) => Object.keys(map).length <= 500, { error: '列对应过多' })
      .default({}),
    rowChains: z
      .record(z.string().max(300, { error: '行号格式不正确' }), recordId('产业链'), { error: '各行产业链格式不正确' })
      .refine((map) => Object.keys(map).length <= 50_000, { error: '各行产业链过多' })
      .default({}),
  })
  .strict();

/** Methods that carry a whole file: the browser host lets their requests be larger. */
export const FILE_METHODS: ReadonlySet<string> = new Set([
  'ledger.previewImport',
  'ledger.applyImport',
  'fillin.preview',
  'fillin.apply',
]);
const byId = z.object({ id: recordId('项目') }).strict();

/** One project as its page shows it: the record, its lights, and the office's 时序进度 to read its rate against. */
export type ProjectView = ProjectDetail & ProjectLights & { timeProgress: OfficeTimeProgress };

export interface AppStatus {
  needsSetup: boolean;
  operatorName: string | null;
  cityName: string;
  planYear: number;
  today: string;
  version: string;
  schemaVersion: number;
  projectCount: number;
  demoProjectCount: number;
  /** 首次使用清单 on the 工作台 of an office started blank, until done or dismissed (不再显示); else null */
  firstRunChecklist: FirstRunChecklist | null;
  /** the data file failed its checks at start: the app shows only the way to restore it */
  damage: { message: string; details: string[] } | null;
  /** the data folder could not be opened (moved data missing, disk full, read-only): a screen says so */
  startProblem: { kind: 'missing_folder' | 'disk_full' | 'read_only'; message: string; path: string } | null;
  /** what the start settled that the clerk should know (an interrupted restore or move finished or undone) */
  notice: string | null;
}

export interface Settings {
  operatorName: string;
  cityName: string;
  planYear: number;
  libraryColumns: Record<string, boolean> | null;
  lightThresholds: LightThresholds;
  timeProgressMode: TimeProgressMode;
  /** automatic backups kept: the newest of each of the last N days, weeks and months */
  backupKeep: { daily: number; weekly: number; monthly: number };
}

export type MilestoneTemplates = Record<Stage, MilestoneTemplateNode[]>;

export interface GeneratedMilestones {
  stage: Stage;
  anchorField: 'plannedStartDate' | 'plannedCompletionDate';
  anchorDate: string;
  direction: 'backward' | 'forward';
  schedule: GeneratedSchedule;
  /** the 责任单位 every generated node is given, taken from the project */
  unit: { id: number; name: string } | null;
  /** the project's nodes after writing (unchanged for a preview) */
  milestones: Milestone[];
}

export interface DispatchPrint {
  title: string;
  week: DispatchWeek;
  /** 统计时段 11月23日—11月29日 */
  span: string;
  reportedMonths: number;
  groups: PrintGroup[];
  total: PrintTotals;
  operatorName: string;
  printedOn: string;
}

export interface MonthGridRow {
  projectId: number;
  code: string;
  name: string;
  stage: Stage;
  chainName: string;
  chainLead: string;
  annualPlanYuan: number;
  investedBeforeYearYuan: number;
  /** 1月 … 12月, null where nothing is reported */
  months: (number | null)[];
  yearCompletedYuan: number;
  sinceStartCompletedYuan: number;
}

export interface ProblemSummary {
  byUnit: ProblemCount[];
  byChainLead: ProblemCount[];
}

export interface ProblemPrint {
  title: string;
  cityName: string;
  groups: { key: string; title: string; problems: ProblemListRow[] }[];
  operatorName: string;
  printedOn: string;
}

/** A generated file, carried as base64 so both transports (IPC and HTTP JSON) can hand it over. */
export interface ExportedFile {
  fileName: string;
  base64: string;
  /** data rows written (projects or problems), for the clerk's confirmation message */
  rows: number;
}

export interface ImportChange {
  label: string;
  before: string | null;
  after: string | null;
}

export interface ImportRow {
  sheet: string;
  /** the row number Excel shows */
  row: number;
  code: string;
  name: string;
  owner: string;
  stage: Stage;
  totalInvestmentYuan: number;
  /** the money the project holds after the import, so a column read into the wrong field shows before applying */
  money: { totalYuan: number; annualPlanYuan: number; yearCompletedYuan: number; sinceStartYuan: number };
  /** its 产业链 and where that came from; a proposed or default one may be changed per row (rowChains) */
  chain: { id: number; name: string; source: ImportChainSource; reason: string | null };
  /** for updates: each field that changes, as the change history will show it */
  changes: ImportChange[];
}

/** sheet: the sheet's 产业链 column; library: the project's own; lead: its 链长's only chain */
export type ImportChainSource = 'sheet' | 'library' | 'lead' | 'chosen' | 'proposed' | 'default';

export interface ImportColumn {
  sheet: string;
  /** 0-based column of the sheet */
  index: number;
  /** as the sheet shows it (two-level headers as 投资情况/累计完成): the key of a columnMap */
  header: string;
  /** the field it is read into, null when it is left out */
  field: LedgerField | null;
  /** what its header's words could mean, likeliest first */
  candidates: LedgerField[];
  /** a reading the clerk must confirm (by choosing it in the columnMap) before applying */
  question: string | null;
  /** set by the clerk's columnMap */
  chosen: boolean;
}

export interface ImportRowError {
  sheet: string;
  row: number;
  name: string;
  message: string;
  /** refused only for want of a 产业链: choosing one for the row (rowChains) lets it in */
  needsChain?: boolean;
}

export interface LedgerImportPreview {
  fileName: string;
  /** the sheets a ledger table was found in */
  sheets: string[];
  year: number;
  /** 截至日期 of the file, else today: the week its 存在问题 belong to */
  asOf: string;
  /** every headed column of each sheet and what it is read into */
  columns: ImportColumn[];
  /** whether any sheet has a 产业链 column (without one, new projects' chains are proposed per row) */
  hasChainColumn: boolean;
  creates: ImportRow[];
  updates: ImportRow[];
  unchanged: number;
  /** section, subtotal, total and note rows */
  skipped: number;
  errors: ImportRowError[];
  /** rows that import, with something to check: 资料待补, an unknown word, an amount rounded to 0.01万元 */
  warnings: ImportRowError[];
  /** units named in the file that are not in the list yet; created with the import */
  newUnits: string[];
  /** identifies exactly this preview: applying checks nothing changed in between */
  fingerprint: string;
}

export interface LedgerImportResult extends LedgerImportPreview {
  backupFile: string;
}

export type FillinPeriod = { kind: 'week'; week: string } | { kind: 'month'; year: number; month: number };

export interface FillinUnitSummary {
  unitId: number;
  unitName: string;
  projectCount: number;
}

export interface FillinUnits {
  periodLabel: string;
  units: FillinUnitSummary[];
}

export interface FillinFileResult {
  fileName: string;
  unitName: string | null;
  /** false: the whole file was not read, `message` says why */
  accepted: boolean;
  message: string | null;
  /** rows that will be written (a week's row that only confirms last week's text has no changes) */
  rows: { row: number; projectId: number; code: string; name: string; changes: ImportChange[] }[];
  unchanged: number;
  /** rows reported, not applied: tampered key, edited locked cells, bad values */
  problems: { row: number; message: string }[];
  /** the unit's projects whose rows are gone from the file (deleted): not reported for the period */
  missing: { projectId: number; code: string; name: string }[];
}

export interface FillinPreview {
  periodLabel: string;
  files: FillinFileResult[];
  fingerprint: string;
}

export interface FillinResult extends FillinPreview {
  backupFile: string;
}

export interface BackupInfo {
  fileName: string;
  /** what it was taken before: 自动备份-启动, 导入台账前, 恢复前… */
  label: string;
  kind: 'automatic' | 'event' | 'manual';
  takenAt: string;
  sizeBytes: number;
  projectCount: number;
  schemaVersion: number;
  /** why it cannot be restored, if it cannot */
  problem: string | null;
}

export interface AuditRow extends AuditEntry {
  projectCode: string | null;
  projectName: string | null;
}

export interface AuditPage {
  total: number;
  entries: AuditRow[];
  /** everyone who has changed anything, for the filter */
  operators: string[];
}

export interface DataFolderInfo {
  dataDir: string;
  databaseFile: string;
  sizeBytes: number;
  backupDir: string;
}

export interface RolloverResult {
  toYear: number;
  backupFile: string;
  moved: number;
  rolled: number;
}

const planYear = z
  .number({ error: '计划年度应为年份' })
  .int({ error: '计划年度应为年份' })
  .min(2000, { error: '计划年度应在2000—2100年之间' })
  .max(2100, { error: '计划年度应在2000—2100年之间' });

const monthNumber = z
  .number({ error: '月份应为1—12' })
  .int({ error: '月份应为1—12' })
  .min(1, { error: '月份应为1—12' })
  .max(12, { error: '月份应为1—12' });

const keepCount = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}应为份数` })
    .int({ error: `${label}应为整数` })
    .min(min, { error: `${label}不能少于${min}份` })
    .max(max, { error: `${label}不能超过${max}份` });

const days = (label: string, max: number) =>
  z
    .number({ error: `${label}应为天数` })
    .int({ error: `${label}应为整数` })
    .min(0, { error: `${label}不能为负数` })
    .max(max, { error: `${label}不能超过${max}` });

const thresholdsSchema = z
  .object({
    startRedDays: days('开工红灯天数', 3650),
    milestoneDueDays: days('节点临期天数', 365),
    investmentYellowPoints: days('投资黄灯百分点', 100),
    investmentRedPoints: days('投资红灯百分点', 100),
    statisticsYellowMonths: days('纳统黄灯月数', 24),
    statisticsRedMonths: days('纳统红灯月数', 24),
    reportDeadlineWeekday: days('报送截止星期', 7).min(1, { error: '报送截止星期应为周一至周日' }),
    problemDueDays: days('问题临期天数', 365),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.investmentRedPoints < t.investmentYellowPoints) {
      ctx.addIssue({ code: 'custom', path: ['investmentRedPoints'], message: '投资红灯的百分点不能小于黄灯' });
    }
    if (t.statisticsRedMonths < t.statisticsYellowMonths) {
      ctx.addIssue({ code: 'custom', path: ['statisticsRedMonths'], message: '纳统红灯的月数不能小于黄灯' });
    }
  });

const milestoneNode = z
  .object({
    id: recordId('节点').optional(),
    name: requiredText('节点名称', 50),
    stage: z.enum(STAGES, { error: '阶段不正确' }).nullable().default(null),
    plannedDate: isoDate('计划日期').nullable(),
    actualDate: isoDate('实际日期').nullable(),
    unitId: recordId('责任单位').nullable().default(null),
    note: optionalText('备注', 200).default(''),
  })
  .strict();

const templateNode = z
  .object({
    name: requiredText('节点名称', 50),
    durationDays: z
      .number({ error: '工期应为天数' })
      .int({ error: '工期应为整数天' })
      .min(0, { error: '工期不能为负数' })
      .max(3650, { error: '工期不能超过3650天' }),
  })
  .strict();

const weekKey = z
  .string({ error: '请选择调度周' })
  .refine((key) => parseWeek(key) !== null, { error: '调度周格式不正确，或该年没有这一周' });

const fillinPeriod = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('week'), week: weekKey }).strict(),
    z
      .object({
        kind: z.literal('month'),
        year: planYear,
        month: z
          .number({ error: '请选择月份' })
          .int({ error: '月份不正确' })
          .min(1, { error: '月份应在1—12之间' })
          .max(12, { error: '月份应在1—12之间' }),
      })
      .strict(),
  ],
  { error: '请选择填报的周或月份' },
);

/** Returned fill-in sheets: small files, read together (all of them within one upload's size). */
const fillinFiles = z
  .array(importFile.pick({ fileName: true, contentBase64: true }), { error: '请选择填报表文件' })
  .min(1, { error: '请选择填报表文件' })
  .max(100, { error: '一次最多读取100份填报表' })
  .refine((files) => files.reduce((sum, f) => sum + f.contentBase64.length, 0) <= MAX_IMPORT_BASE64_CHARS, {
    error: fileTooBigMessage(),
  });

const dispatchText = (label: string) => optionalText(label, DISPATCH_TEXT_MAX);

export const apiSpec = {
  'app.status': method<AppStatus>()(noInput),
  'app.retryStart': method<AppStatus>()(noInput),
  'app.initialize': method<AppStatus>()(
    z.object({ operatorName: requiredText('您的姓名', 20), loadDemo: z.boolean() }).strict(),
  ),
  'app.dismissFirstRunChecklist': method<AppStatus>()(noInput),
  'settings.get': method<Settings>()(noInput),
  'settings.update': method<Settings>()(
    z
      .object({
        operatorName: requiredText('您的姓名', 20),
        cityName: requiredText('城市名称', 20),
        planYear,
        lightThresholds: thresholdsSchema,
        timeProgressMode: z.enum(TIME_PROGRESS_MODES, { error: '时序进度算法不正确' }),
        backupKeep: z
          .object({
            daily: keepCount('按日保留', 1, 60),
            weekly: keepCount('按周保留', 0, 52),
            monthly: keepCount('按月保留', 0, 120),
          })
          .strict(),
      })
      .partial()
      .strict(),
  ),
  'settings.saveLibraryColumns': method<Settings>()(
    z.object({ columns: z.record(z.string().max(40), z.boolean()) }).strict(),
  ),
  'projects.list': method<LitProjectRow[]>()(
    z
      .object({
        search: optionalText('搜索内容', 100),
        stage: z.enum(STAGES, { error: '阶段不正确' }),
        chainId: recordId('产业链'),
        parkId: recordId('园区/片区'),
        chainLead: optionalText('链长', 50),
        light: z.enum(['green', 'yellow', 'red'], { error: '预警等级不正确' }),
      })
      .partial()
      .strict(),
  ),
  'projects.get': method<ProjectView>()(byId),
  'projects.create': method<ProjectView>()(projectPatchSchema),
  'projects.update': method<ProjectView>()(projectPatchSchema.extend({ id: recordId('项目') })),
  'projects.history': method<AuditEntry[]>()(byId),
  'projects.nextCode': method<{ code: string }>()(
    z.object({ chainId: recordId('产业链'), year: planYear.optional() }).strict(),
  ),
  'projects.setMonthlyInvestment': method<ProjectView>()(
    z
      .object({
        projectId: recordId('项目'),
        year: planYear,
        month: monthNumber,
        amountYuan: yuanAmount('本月完成投资').nullable(),
      })
      .strict(),
  ),
  'projects.changeStage': method<ProjectView>()(
    z
      .object({
        id: recordId('项目'),
        toStage: z.enum(STAGES, { error: '请选择目标阶段' }),
        changedOn: isoDate('变更日期').optional(),
        reason: optionalText('变更原因', 500).default(''),
        plannedStartDate: isoDate('计划开工日期').optional(),
        actualStartDate: isoDate('实际开工日期').optional(),
        actualCompletionDate: isoDate('实际竣工日期').optional(),
      })
      .strict(),
  ),
  'milestones.list': method<Milestone[]>()(z.object({ projectId: recordId('项目') }).strict()),
  'milestones.save': method<Milestone[]>()(
    z
      .object({
        projectId: recordId('项目'),
        nodes: z.array(milestoneNode, { error: '节点格式不正确' }).max(100, { error: '一个项目最多100个节点' }),
      })
      .strict(),
  ),
  'milestones.generate': method<GeneratedMilestones>()(
    z
      .object({
        projectId: recordId('项目'),
        stage: z.enum(STAGES, { error: '阶段不正确' }).optional(),
        mode: z.enum(['preview', 'append', 'replace'], { error: '生成方式不正确' }),
      })
      .strict(),
  ),
  'milestoneTemplates.list': method<MilestoneTemplates>()(noInput),
  'milestoneTemplates.save': method<MilestoneTemplates>()(
    z
      .object({
        stage: z.enum(STAGES, { error: '阶段不正确' }),
        nodes: z.array(templateNode, { error: '模板格式不正确' }).max(50, { error: '一个模板最多50个节点' }),
      })
      .strict(),
  ),
  'milestoneTemplates.reset': method<MilestoneTemplates>()(
    z.object({ stage: z.enum(STAGES, { error: '阶段不正确' }) }).strict(),
  ),
  'overview.dashboard': method<DashboardSummary>()(noInput),
  'overview.chainLeads': method<ChainLeadOverview>()(noInput),
  'rollover.preview': method<RolloverProposal>()(noInput),
  'rollover.apply': method<RolloverResult>()(
    z
      .object({
        fromYear: planYear,
        selectedProjectIds: z.array(recordId('项目'), { error: '所选项目格式不正确' }).max(100_000),
        unstarted: z
          .array(
            z.discriminatedUnion(
              'action',
              [
                z.object({ projectId: recordId('项目'), action: z.literal('preliminary') }).strict(),
                z
                  .object({
                    projectId: recordId('项目'),
                    action: z.literal('replan'),
                    plannedStartDate: isoDate('新的计划开工日期'),
                  })
                  .strict(),
              ],
              { error: '未开工项目的处理方式不正确' },
            ),
            { error: '未开工项目的处理方式不正确' },
          )
          .max(100_000)
          .default([]),
      })
      .strict(),
  ),
  'rollover.undo': method<AppStatus>()(z.object({ backupFile: requiredText('备份文件', 500) }).strict()),
  'dispatch.week': method<DispatchWeekView>()(z.object({ week: weekKey.optional() }).strict()),
  'dispatch.saveEntry': method<DispatchRow>()(
    z
      .object({
        projectId: recordId('项目'),
        week: weekKey,
        progress: dispatchText('本周进展'),
        problems: dispatchText('存在问题'),
        coordination: dispatchText('需协调事项'),
        nextPlan: dispatchText('下周计划'),
      })
      .partial({ progress: true, problems: true, coordination: true, nextPlan: true })
      .strict(),
  ),
  'dispatch.confirm': method<DispatchWeekView>()(
    z
      .object({
        week: weekKey,
        projectIds: z
          .array(recordId('项目'), { error: '所选项目格式不正确' })
          .min(1, { error: '请先选择项目' })
          .max(10_000),
      })
      .strict(),
  ),
  'dispatch.changes': method<WeekChanges>()(z.object({ week: weekKey }).strict()),
  'dispatch.printData': method<DispatchPrint>()(
    z
      .object({
        week: weekKey,
        groupBy: z.enum(PRINT_GROUPINGS, { error: '分组方式不正确' }).default('chainLead'),
        scope: z.enum(['all', 'redYellow'], { error: '打印范围不正确' }).default('all'),
        chainLead: optionalText('链长', 50).optional(),
      })
      .strict(),
  ),
  'investment.grid': method<MonthGridRow[]>()(z.object({ year: planYear.optional() }).strict()),
  'investment.months': method<MonthClosingState>()(z.object({ year: planYear.optional() }).strict()),
  'investment.closeMonth': method<MonthClosingState>()(z.object({ year: planYear, month: monthNumber }).strict()),
  'investment.reopenMonth': method<MonthClosingState>()(
    z.object({ year: planYear, month: monthNumber, reason: requiredText('重新打开的原因', 200) }).strict(),
  ),
  'problems.list': method<ProblemListRow[]>()(
    z
      .object({
        projectId: recordId('项目'),
        status: z.enum(PROBLEM_STATUSES, { error: '状态不正确' }),
        openOnly: z.boolean({ error: '只看未销号应为是或否' }),
        unitId: recordId('单位'),
        chainLead: optionalText('链长', 50),
        category: z.enum(PROBLEM_CATEGORIES, { error: '问题类别不正确' }),
        overdueOnly: z.boolean({ error: '只看超期应为是或否' }),
      })
      .partial()
      .strict(),
  ),
  'problems.get': method<Problem>()(z.object({ id: recordId('问题') }).strict()),
  'problems.create': method<Problem>()(
    z
      .object({
        projectId: recordId('项目'),
        description: requiredText('问题描述', 1000),
        category: z.enum(PROBLEM_CATEGORIES, { error: '请选择问题类别' }),
        source: optionalText('来源', 100).default(''),
        sourceWeek: weekKey.nullable().default(null),
        leadUnitId: recordId('牵头单位').nullable().default(null),
        responsibleUnitIds: z.array(recordId('责任单位')).max(20, { error: '责任单位最多20个' }).default([]),
        responsiblePerson: optionalText('责任人', 50).default(''),
        raisedOn: isoDate('登记日期').optional(),
        deadline: isoDate('办结时限').nullable().default(null),
      })
      .strict(),
  ),
  'problems.update': method<Problem>()(
    z
      .object({
        id: recordId('问题'),
        description: requiredText('问题描述', 1000),
        category: z.enum(PROBLEM_CATEGORIES, { error: '请选择问题类别' }),
        source: optionalText('来源', 100),
        leadUnitId: recordId('牵头单位').nullable(),
        responsibleUnitIds: z.array(recordId('责任单位')).max(20, { error: '责任单位最多20个' }),
        responsiblePerson: optionalText('责任人', 50),
        deadline: isoDate('办结时限').nullable(),
      })
      .partial({
        description: true,
        category: true,
        source: true,
        leadUnitId: true,
        responsibleUnitIds: true,
        responsiblePerson: true,
        deadline: true,
      })
      .strict(),
  ),
  'problems.act': method<Problem>()(
    z
      .object({
        id: recordId('问题'),
        action: z.enum(PROBLEM_ACTIONS, { error: '办理动作不正确' }),
        date: isoDate('办理日期').optional(),
        text: optionalText('说明', 1000).default(''),
        deadline: isoDate('办结时限').optional(),
        leadUnitId: recordId('牵头单位').nullable().optional(),
        responsibleUnitIds: z.array(recordId('责任单位')).max(20, { error: '责任单位最多20个' }).optional(),
      })
      .strict(),
  ),
  'problems.addNote': method<Problem>()(
    z
      .object({
        id: recordId('问题'),
        kind: z.enum(['progress', 'chase', 'feedback'], { error: '记录类别不正确' }),
        text: requiredText('内容', 1000),
        notedOn: isoDate('日期').optional(),
      })
      .strict(),
  ),
  'problems.summary': method<ProblemSummary>()(noInput),
  'problems.printData': method<ProblemPrint>()(
    z
      .object({
        groupBy: z.enum(['unit', 'chainLead'], { error: '分组方式不正确' }).default('unit'),
        scope: z.enum(['open', 'all'], { error: '打印范围不正确' }).default('open'),
        ids: z.array(recordId('问题')).max(10_000).optional(),
      })
      .strict(),
  ),
  'supervision.overview': method<SupervisionItem[]>()(noInput),
  'ledger.export': method<ExportedFile>()(
    z
      .object({
        year: planYear.optional(),
        stages: z
          .array(z.enum(STAGES, { error: '阶段不正确' }))
          .max(5)
          .optional(),
        chainIds: z.array(recordId('产业链')).max(100).optional(),
        totalUnit: z.enum(['wan', 'yi'], { error: '总投资单位应为万元或亿元' }).default('wan'),
        /** the 打印版 (leaders' columns, legible on A3) beside the full ledger, or the full ledger alone */
        sheets: z
          .enum(['printAndFull', 'fullOnly'], { error: '导出的工作表应为“打印版＋完整台账”或“只要完整台账”' })
          .default('printAndFull'),
      })
      .strict(),
  ),
  'ledger.exportDispatch': method<ExportedFile>()(
    z
      .object({
        week: weekKey,
        groupBy: z.enum(PRINT_GROUPINGS, { error: '分组方式不正确' }).default('chainLead'),
        scope: z.enum(['all', 'redYellow'], { error: '范围不正确' }).default('all'),
        chainLead: optionalText('链长', 50).optional(),
      })
      .strict(),
  ),
  'ledger.exportProblems': method<ExportedFile>()(
    z
      .object({
        groupBy: z.enum(['unit', 'chainLead'], { error: '分组方式不正确' }).default('unit'),
        scope: z.enum(['open', 'all'], { error: '范围不正确' }).default('open'),
      })
      .strict(),
  ),
  'ledger.previewImport': method<LedgerImportPreview>()(ledgerImport),
  'ledger.applyImport': method<LedgerImportResult>()(
    ledgerImport
      .extend({
        fingerprint: z.string({ error: '请先预览再导入' }).regex(/^[0-9a-f]{16}$/, { error: '请先预览再导入' }),
        skipErrors: z.boolean({ error: '是否跳过有错误的行应为是或否' }).default(false),
      })
      .strict(),
  ),
  'fillin.units': method<FillinUnits>()(z.object({ period: fillinPeriod }).strict()),
  'fillin.export': method<ExportedFile>()(
    z.object({ period: fillinPeriod, unitIds: z.array(recordId('单位')).max(500).optional() }).strict(),
  ),
  'fillin.preview': method<FillinPreview>()(z.object({ period: fillinPeriod, files: fillinFiles }).strict()),
  'fillin.apply': method<FillinResult>()(
    z
      .object({
        period: fillinPeriod,
        files: fillinFiles,
        fingerprint: z.string({ error: '请先预览再确认' }).regex(/^[0-9a-f]{16}$/, { error: '请先预览再确认' }),
      })
      .strict(),
  ),
  'backups.list': method<BackupInfo[]>()(noInput),
  'backups.create': method<BackupInfo>()(noInput),
  'backups.copyTo': method<{ file: string }>()(z.object({ folder: requiredText('文件夹', 500) }).strict()),
  'backups.addFrom': method<{ added: string[]; skipped: { fileName: string; reason: string }[] }>()(
    z.object({ folder: requiredText('文件夹', 500) }).strict(),
  ),
  'backups.restore': method<{ safetyBackup: string | null }>()(
    z.object({ fileName: requiredText('备份文件', 255) }).strict(),
  ),
  'dataFolder.get': method<DataFolderInfo>()(noInput),
  'dataFolder.move': method<DataFolderInfo>()(z.object({ target: requiredText('新位置', 500) }).strict()),
  'audit.list': method<AuditPage>()(
    z
      .object({
        projectId: recordId('项目').optional(),
        operator: optionalText('操作人', 50).optional(),
        from: isoDate('开始日期').optional(),
        to: isoDate('结束日期').optional(),
        kind: z.enum(AUDIT_KINDS, { error: '类别不正确' }).optional(),
        limit: z.number().int().min(1).max(1000).default(200),
        offset: z.number().int().min(0).max(10_000_000).default(0),
      })
      .strict(),
  ),
  'reference.list': method<ReferenceData>()(noInput),
  'reference.saveChain': method<ReferenceData>()(
    z
      .object({
        id: recordId('产业链').optional(),
        code: requiredText('产业链代码', 6).regex(/^[A-Z]{2,6}$/, { error: '产业链代码应为2—6位大写字母' }),
        name: requiredText('产业链名称', 30),
        industryGroup: optionalText('产业类别', 20).default(''),
        chainLead: optionalText('链长', 50).default(''),
        leadUnitId: recordId('牵头单位').nullable().default(null),
      })
      .strict(),
  ),
  'reference.saveUnit': method<ReferenceData>()(
    z.object({ id: recordId('单位').optional(), name: requiredText('单位名称', 50) }).strict(),
  ),
  'reference.savePark': method<ReferenceData>()(
    z
      .object({
        id: recordId('园区/片区').optional(),
        name: requiredText('园区/片区名称', 50),
        area: optionalText('所属区域', 20).default(''),
        focus: optionalText('主导产业', 50).default(''),
      })
      .strict(),
  ),
  'reference.setRetired': method<ReferenceData>()(
    z
      .object({
        kind: z.enum(['chain', 'unit', 'park'], { error: '类别不正确' }),
        id: recordId('条目'),
        retired: z.boolean({ error: '停用应为是或否' }),
      })
      .strict(),
  ),
};

export type ApiSpec = typeof apiSpec;
export type MethodName = keyof ApiSpec;
export type MethodInput<M extends MethodName> = z.input<ApiSpec[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<ApiSpec[M]['input']>;
export type MethodOutput<M extends MethodName> = ApiSpec[M]['output'];

export interface ApiErrorBody {
  code: string;
  message: string;
  field?: string;
  fieldErrors?: Record<string, string>;
}
export type ApiResult<T = unknown> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

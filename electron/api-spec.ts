// The typed API: every method's name, input schema and output type. Handlers live in contract.ts;
// the renderer imports this file for types, so it may import only zod and db/model.
import { z } from 'zod';
import type { AuditEntry, ProjectDetail, ProjectRow } from '../db/model/project';
import { projectPatchSchema } from '../db/model/project-schema';
import type { ReferenceData } from '../db/model/reference';
import { STAGES } from '../db/model/stages';
import { isoDate, optionalText, recordId, requiredText, yuanAmount } from '../db/model/validation';

function method<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

const noInput = z.object({}).strict();
const byId = z.object({ id: recordId('项目') }).strict();

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
}

export interface Settings {
  operatorName: string;
  cityName: string;
  planYear: number;
  libraryColumns: Record<string, boolean> | null;
}

const planYear = z
  .number({ error: '计划年度应为年份' })
  .int({ error: '计划年度应为年份' })
  .min(2000, { error: '计划年度应在2000—2100年之间' })
  .max(2100, { error: '计划年度应在2000—2100年之间' });

export const apiSpec = {
  'app.status': method<AppStatus>()(noInput),
  'app.initialize': method<AppStatus>()(
    z.object({ operatorName: requiredText('您的姓名', 20), loadDemo: z.boolean() }).strict(),
  ),
  'settings.get': method<Settings>()(noInput),
  'settings.update': method<Settings>()(
    z
      .object({
        operatorName: requiredText('您的姓名', 20),
        cityName: requiredText('城市名称', 20),
        planYear,
      })
      .partial()
      .strict(),
  ),
  'settings.saveLibraryColumns': method<Settings>()(
    z.object({ columns: z.record(z.string().max(40), z.boolean()) }).strict(),
  ),
  'projects.list': method<ProjectRow[]>()(
    z
      .object({
        search: optionalText('搜索内容', 100),
        stage: z.enum(STAGES, { error: '阶段不正确' }),
        chainId: recordId('产业链'),
        parkId: recordId('园区/片区'),
        chainLead: optionalText('链长', 50),
      })
      .partial()
      .strict(),
  ),
  'projects.get': method<ProjectDetail>()(byId),
  'projects.create': method<ProjectDetail>()(projectPatchSchema),
  'projects.update': method<ProjectDetail>()(projectPatchSchema.extend({ id: recordId('项目') })),
  'projects.history': method<AuditEntry[]>()(byId),
  'projects.nextCode': method<{ code: string }>()(
    z.object({ chainId: recordId('产业链'), year: planYear.optional() }).strict(),
  ),
  'projects.setMonthlyInvestment': method<ProjectDetail>()(
    z
      .object({
        projectId: recordId('项目'),
        year: planYear,
        month: z
          .number({ error: '月份应为1—12' })
          .int({ error: '月份应为1—12' })
          .min(1, { error: '月份应为1—12' })
          .max(12, { error: '月份应为1—12' }),
        amountYuan: yuanAmount('本月完成投资').nullable(),
      })
      .strict(),
  ),
  'projects.changeStage': method<ProjectDetail>()(
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

// The typed API: each domain declares its methods beside its handlers (handlers/<domain>.spec.ts), merged
// here into one map. The renderer imports this file for types, so it and the specs import only zod and db/model.
import type { z } from 'zod';
import { appSpec } from './handlers/app.spec';
import { approvalsSpec } from './handlers/approvals.spec';
import { attractionSpec } from './handlers/attraction.spec';
import { auditSpec } from './handlers/audit.spec';
import { authSpec } from './handlers/auth.spec';
import { backupsSpec } from './handlers/backups.spec';
import { dispatchSpec } from './handlers/dispatch.spec';
import { factorsSpec } from './handlers/factors.spec';
import { fillinSpec } from './handlers/fillin.spec';
import { investmentSpec } from './handlers/investment.spec';
import { ledgerImportSpec } from './handlers/ledger-import.spec';
import { ledgerSpec } from './handlers/ledger.spec';
import { milestonesSpec } from './handlers/milestones.spec';
import { overviewSpec } from './handlers/overview.spec';
import { overviewTrendsSpec } from './handlers/overview-trends.spec';
import { problemsSpec } from './handlers/problems.spec';
import { projectsSpec } from './handlers/projects.spec';
import { referenceSpec } from './handlers/reference.spec';
import { rolloverSpec } from './handlers/rollover.spec';
import { settingsSpec } from './handlers/settings.spec';
import { statsSpec } from './handlers/stats.spec';
import { supervisionSpec } from './handlers/supervision.spec';
import { unitDeskSpec } from './handlers/unit-desk.spec';
import { usersSpec } from './handlers/users.spec';
import { bulletinSpec } from './handlers/bulletin.spec';
import { membershipSpec } from './handlers/membership.spec';
import { attachmentsSpec } from './handlers/attachments.spec';
import { leadersSpec } from './handlers/leaders.spec';
import { photoSheetSpec } from './handlers/photo-sheet.spec';

export const apiSpec = {
  ...appSpec,
  ...settingsSpec,
  ...projectsSpec,
  ...milestonesSpec,
  ...overviewSpec,
  ...statsSpec,
  ...overviewTrendsSpec,
  ...rolloverSpec,
  ...dispatchSpec,
  ...investmentSpec,
  ...problemsSpec,
  ...supervisionSpec,
  ...ledgerSpec,
  ...ledgerImportSpec,
  ...fillinSpec,
  ...backupsSpec,
  ...auditSpec,
  ...referenceSpec,
  ...authSpec,
  ...usersSpec,
  ...unitDeskSpec,
  ...attractionSpec,
  ...bulletinSpec,
  ...approvalsSpec,
  ...membershipSpec,
  ...attachmentsSpec,
  ...leadersSpec,
  ...factorsSpec,
  ...photoSheetSpec,
};

export type ApiSpec = typeof apiSpec;
export type MethodName = keyof ApiSpec;
export type MethodInput<M extends MethodName> = z.input<ApiSpec[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<ApiSpec[M]['input']>;
export type MethodOutput<M extends MethodName> = ApiSpec[M]['output'];

/** Methods that carry a whole file: the browser host lets their requests be larger. */
export const FILE_METHODS: ReadonlySet<string> = new Set([
  'ledger.previewImport',
  'ledger.applyImport',
  'fillin.preview',
  'fillin.apply',
  // attachments travel as base64 both ways: up to 20 MB a file (db/model/attachments.ts)
  'attachments.add',
  'attachments.get',
] satisfies MethodName[]);

/**
 * Reads that only draw a screen: when the window that asked has gone (it navigated away and aborted them), the
 * browser host skips one it has not started. Never a write, nor a read whose answer is saved or printed.
 */
export const SCREEN_READS: ReadonlySet<string> = new Set([
  'projects.list',
  'dispatch.week',
  'overview.dashboard',
  'overview.lightTrend',
  'overview.monthlyInvestment',
  'stats.ranking',
  'supervision.overview',
  'problems.list',
  'audit.list',
  'factors.shortfalls',
] satisfies MethodName[]);

export interface ApiErrorBody {
  code: string;
  message: string;
  field?: string;
  fieldErrors?: Record<string, string>;
  /** with `conflict`: who changed the record since it was read, when (ISO), and its version now */
  conflict?: { by: string; at: string; version: number };
}
export type ApiResult<T = unknown> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

// What the methods answer, under the names the renderer has always imported from here.
export type { AppStatus } from './handlers/app.spec';
export type { ApprovalChecklist } from './handlers/approvals.spec';
export type { AuditPage, AuditRow } from './handlers/audit.spec';
export type { DataFolderInfo } from './handlers/backups.spec';
export type { MonthGridRow } from './handlers/investment.spec';
export type { GeneratedMilestones, MilestoneTemplates } from './handlers/milestones.spec';
export type { ProblemSummary } from './handlers/problems.spec';
export type { RolloverResult } from './handlers/rollover.spec';
export type { Settings } from './handlers/settings.spec';
export type { BackupInfo } from '../db/model/backup-rotation';
export type { DispatchPrint } from '../db/model/dispatch-print';
export type { ExportedFile } from '../db/model/exported-file';
export type { FillinFileResult, FillinPeriod, FillinPreview, FillinResult } from '../db/model/fillin';
export type { FillinUnits, FillinUnitSummary } from '../db/model/fillin';
export type {
  ImportChainSource,
  ImportChange,
  ImportColumn,
  ImportRow,
  ImportRowError,
} from '../db/model/ledger-import';
export type { LedgerImportPreview, LedgerImportResult } from '../db/model/ledger-import';
export type { ProjectView } from '../db/model/overview';
export type { ProblemPrint } from '../db/model/problems';
export type {
  AttachmentAdded,
  AttachmentContent,
  AttachmentImage,
  AttachmentInfo,
  AttachmentLimits,
} from '../db/model/attachments';

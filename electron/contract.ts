import { ZodError } from 'zod';
import { DISK_TROUBLE_MESSAGES, diskTroubleOf } from '../db/disk-errors';
import { AppError, ConflictError } from '../db/errors';
import { fieldErrorsOf } from '../db/model/validation';
import { apiSpec, type ApiResult, type MethodName, type MethodOutput, type ParsedInput } from './api-spec';
import { appHandlers } from './handlers/app';
import { approvalHandlers } from './handlers/approvals';
import { attractionHandlers } from './handlers/attraction';
import { dispatchHandlers } from './handlers/dispatch';
import { factorHandlers } from './handlers/factors';
import { investmentHandlers } from './handlers/investment';
import { ledgerHandlers } from './handlers/ledger';
import { ledgerImportHandlers } from './handlers/ledger-import';
import { fillinHandlers } from './handlers/fillin';
import { backupHandlers } from './handlers/backups';
import { auditHandlers } from './handlers/audit';
import { authHandlers } from './handlers/auth';
import { usersHandlers } from './handlers/users';
import { milestoneHandlers } from './handlers/milestones';
import { overviewHandlers } from './handlers/overview';
import { overviewTrendHandlers } from './handlers/overview-trends';
import { problemHandlers } from './handlers/problems';
import { supervisionHandlers } from './handlers/supervision';
import { projectHandlers } from './handlers/projects';
import { referenceHandlers } from './handlers/reference';
import { rolloverHandlers } from './handlers/rollover';
import { settingsHandlers } from './handlers/settings';
import { statsHandlers } from './handlers/stats';
import { unitDeskHandlers } from './handlers/unit-desk';
import { bulletinHandlers } from './handlers/bulletin';
import { membershipHandlers } from './handlers/membership';
import { attachmentHandlers } from './handlers/attachments';
import { leadersHandlers } from './handlers/leaders';
import { photoSheetHandlers } from './handlers/photo-sheet';
import { checkRole, checkScope } from './access/authorize';
import type { AppContext } from './services/app-context';
import type { WriteEventRule } from './services/live/write-event';
import { runAsCaller, type RequestCaller } from './services/auth/caller';
import { recheckCaller } from './services/auth/sessions';
import { publishWrite } from './services/live/publish-write';
import { WRITE_EVENTS } from './access/write-events';

export type { ApiResult } from './api-spec';

type Handlers = {
  [M in MethodName]: (ctx: AppContext, input: ParsedInput<M>) => Promise<MethodOutput<M>>;
};

/** Every method of the API; `satisfies` makes a missing or mistyped handler a compile error. */
export const handlers = {
  ...appHandlers,
  ...settingsHandlers,
  ...projectHandlers,
  ...referenceHandlers,
  ...milestoneHandlers,
  ...overviewHandlers,
  ...statsHandlers,
  ...overviewTrendHandlers,
  ...rolloverHandlers,
  ...dispatchHandlers,
  ...investmentHandlers,
  ...problemHandlers,
  ...supervisionHandlers,
  ...ledgerHandlers,
  ...ledgerImportHandlers,
  ...fillinHandlers,
  ...backupHandlers,
  ...auditHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...unitDeskHandlers,
  ...attractionHandlers,
  ...bulletinHandlers,
  ...approvalHandlers,
  ...membershipHandlers,
  ...attachmentHandlers,
  ...leadersHandlers,
  ...factorHandlers,
  ...photoSheetHandlers,
} satisfies Handlers;

/** All that may run while the data file is damaged: enough to see the backups and restore one. */
const RECOVERY_METHODS: ReadonlySet<string> = new Set([
  'app.status',
  'app.retryStart',
  'backups.list',
  'backups.restore',
  'dataFolder.get',
]);

/** While the folder cannot be opened: a retry, and for moved data that went missing, a restore here. */
function allowedWithStartProblem(ctx: AppContext, method: string): boolean {
  if (method === 'app.status' || method === 'app.retryStart' || method === 'dataFolder.get') return true;
  return ctx.startProblem?.kind === 'missing_folder' && (method === 'backups.list' || method === 'backups.restore');
}

export const methodNames = Object.keys(apiSpec) as MethodName[];

function isMethod(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(apiSpec, name);
}

function errorResult(error: unknown, method: string): ApiResult {
  if (error instanceof ConflictError) {
    return { ok: false, error: { code: error.code, message: error.message, conflict: error.conflict } };
  }
  if (error instanceof AppError) {
    return {
      ok: false,
      error: { code: error.code, message: error.message, field: error.field, fieldErrors: error.fieldErrors },
    };
  }
  const trouble = diskTroubleOf(error);
  if (trouble) {
    console.error(`[api] ${method}: ${trouble}`, error);
    return { ok: false, error: { code: trouble, message: DISK_TROUBLE_MESSAGES[trouble] } };
  }
  if (error instanceof ZodError) {
    const fieldErrors = fieldErrorsOf(error);
    const [field, message] = Object.entries(fieldErrors)[0] ?? ['', '输入内容不正确'];
    return { ok: false, error: { code: 'invalid_input', message, field: field || undefined, fieldErrors } };
  }
  console.error(`[api] ${method} failed`, error);
  return {
    ok: false,
    error: { code: 'internal', message: '操作未完成：程序内部出错，数据未改动。请重试或联系维护人员。' },
  };
}

const damaged = (message: string): ApiResult => ({ ok: false, error: { code: 'database_damaged', message } });

/** A logged-in caller whose session is still live (not ended by the admin, a logout or a restore since). */
async function liveCaller(ctx: AppContext, caller: RequestCaller | undefined): Promise<RequestCaller | undefined> {
  return caller?.user ? recheckCaller(ctx.store, caller) : caller;
}

/**
 * The one entry point of both transports: validate, check the caller against the policy (electron/access/),
 * run, and never throw. No caller: a single PC, where no one logs in and every method is open.
 */
export async function dispatch(
  ctx: AppContext,
  method: string,
  input: unknown,
  caller?: RequestCaller,
): Promise<ApiResult> {
  if (typeof method !== 'string' || !isMethod(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `未知的操作：${String(method).slice(0, 60)}` } };
  }
  if (ctx.damage && !RECOVERY_METHODS.has(method)) return damaged(ctx.damage.message);
  if (ctx.startProblem && !allowedWithStartProblem(ctx, method)) {
    return { ok: false, error: { code: ctx.startProblem.kind, message: ctx.startProblem.message } };
  }
  try {
    const live = await liveCaller(ctx, caller);
    checkRole(method, live);
    const parsed = apiSpec[method].input.parse(input ?? {});
    await checkScope(ctx.store, method, parsed, live);
    const handler = handlers[method] as (ctx: AppContext, input: unknown) => Promise<unknown>;
    const data = await runAsCaller(live, () => handler(ctx, parsed));
    await publishWrite(ctx, WRITE_EVENTS[method] as WriteEventRule, method, parsed, data, live);
    return { ok: true, data };
  } catch (error) {
    // the background check found the file damaged while this ran: SQLite refused the write, and the clerk is
    // told why rather than what the refusal looked like
    if (ctx.damage && !RECOVERY_METHODS.has(method)) return damaged(ctx.damage.message);
    return errorResult(error, method);
  }
}

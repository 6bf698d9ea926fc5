import packageJson from '../../package.json';
import { AppError } from '../../db/errors';
import { schemaVersionOf } from '../../db/migrate';
import { getSetting, setSetting } from '../../db/queries/settings';
import { projectCounts } from '../../db/queries/projects-read';
import type { AppStatus, ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { backupAfterFirstStart } from '../services/backup-schedule';
import { loadDemoData } from '../services/demo-data';
import { dismissFirstRunChecklist, firstRunChecklistOf, offerFirstRunChecklist } from './first-run';
import { planYearOf } from '../services/session';
import { inTransaction } from '../../db/transaction';

export function appStatus(ctx: AppContext): AppStatus {
  if (ctx.damage || ctx.startProblem) {
    return {
      needsSetup: false,
      operatorName: null,
      cityName: '',
      planYear: Number(ctx.today().slice(0, 4)),
      today: ctx.today(),
      version: packageJson.version,
      schemaVersion: 0,
      projectCount: 0,
      demoProjectCount: 0,
      firstRunChecklist: null,
      damage: ctx.damage,
      fullCheck: ctx.fullCheck,
      startProblem: ctx.startProblem,
      notice: ctx.notice,
    };
  }
  const counts = projectCounts(ctx.db);
  const operatorName = getSetting(ctx.db, 'operatorName');
  return {
    needsSetup: !operatorName || getSetting(ctx.db, 'initialized') !== '1',
    operatorName,
    cityName: getSetting(ctx.db, 'cityName') ?? '',
    planYear: planYearOf(ctx),
    today: ctx.today(),
    version: packageJson.version,
    schemaVersion: schemaVersionOf(ctx.db),
    projectCount: counts.total,
    demoProjectCount: counts.demo,
    firstRunChecklist: firstRunChecklistOf(ctx.db, counts.total),
    damage: null,
    fullCheck: ctx.fullCheck,
    startProblem: null,
    notice: ctx.notice,
  };
}

/** First start: the clerk's name, then a blank office or the example one; then the folder's first backup. */
export async function initializeApp(ctx: AppContext, operatorName: string, loadDemo: boolean): Promise<AppStatus> {
  const status = appStatus(ctx);
  if (loadDemo && status.demoProjectCount > 0) {
    throw new AppError('demo_loaded', '示例数据已经载入过了');
  }
  const now = new Date().toISOString();
  inTransaction(ctx.db, () => {
    setSetting(ctx.db, 'operatorName', operatorName);
    setSetting(ctx.db, 'initialized', '1');
    if (loadDemo) loadDemoData(ctx.db, { operator: operatorName, now }, ctx.today());
    else offerFirstRunChecklist(ctx.db);
  });
  await backupAfterFirstStart(ctx);
  return appStatus(ctx);
}

export const appHandlers = {
  'app.status': async (ctx: AppContext) => appStatus(ctx),
  'app.retryStart': async (ctx: AppContext) => {
    // only a folder that could not be opened is tried again; an open one is left exactly as it is
    if (ctx.startProblem) ctx.retryStart();
    return appStatus(ctx);
  },
  'app.initialize': async (ctx: AppContext, input: ParsedInput<'app.initialize'>) =>
    initializeApp(ctx, input.operatorName, input.loadDemo),
  'app.dismissFirstRunChecklist': async (ctx: AppContext) => {
    dismissFirstRunChecklist(ctx);
    return appStatus(ctx);
  },
};

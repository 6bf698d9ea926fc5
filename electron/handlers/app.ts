import packageJson from '../../package.json';
import { AppError } from '../../db/errors';
import { getSetting, setSetting } from '../../db/queries/settings';
import { projectCounts } from '../../db/queries/projects-read';
import type { AppStatus, ParsedInput } from '../api-spec';
import { schemaVersionIn, type AppContext } from '../services/app-context';
import { backupAfterFirstStart } from '../services/backup-schedule';
import { loadDemoData } from '../services/demo-data';
import { loadDemoPhotos } from '../services/demo-photos';
import { dismissFirstRunChecklist, firstRunChecklistOf, offerFirstRunChecklist } from './first-run';
import { planYearOf } from '../services/session';
import { currentCaller, onOfficeServer } from '../services/auth/caller';

export async function appStatus(ctx: AppContext): Promise<AppStatus> {
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
      accounts: onOfficeServer(),
    };
  }
  const status = await libraryStatus(ctx);
  // before a login the office server shows its name and little else: not who set it up, nor what it holds
  if (onOfficeServer() && !currentCaller()) {
    return { ...status, operatorName: null, projectCount: 0, demoProjectCount: 0, firstRunChecklist: null };
  }
  return status;
}

function libraryStatus(ctx: AppContext): Promise<AppStatus> {
  return ctx.store.snapshot(async () => {
    const counts = await projectCounts(ctx.store);
    const operatorName = await getSetting(ctx.store, 'operatorName');
    const initialized = await getSetting(ctx.store, 'initialized');
    return {
      needsSetup: !operatorName || initialized !== '1',
      operatorName,
      cityName: (await getSetting(ctx.store, 'cityName')) ?? '',
      planYear: await planYearOf(ctx),
      today: ctx.today(),
      version: packageJson.version,
      schemaVersion: await schemaVersionIn(ctx),
      projectCount: counts.total,
      demoProjectCount: counts.demo,
      firstRunChecklist: await firstRunChecklistOf(ctx.store, counts.total),
      damage: null,
      fullCheck: ctx.fullCheck,
      startProblem: null,
      notice: ctx.notice,
      accounts: onOfficeServer(),
    };
  });
}

/** First start: the clerk's name, then a blank office or the example one; then the folder's first backup. */
export async function initializeApp(ctx: AppContext, operatorName: string, loadDemo: boolean): Promise<AppStatus> {
  const now = new Date().toISOString();
  await ctx.store.transaction(
    async () => {
      // checked inside, so two first starts at once cannot both load the example office
      if (loadDemo && (await projectCounts(ctx.store)).demo > 0) {
        throw new AppError('demo_loaded', '示例数据已经载入过了');
      }
      await setSetting(ctx.store, 'operatorName', operatorName);
      await setSetting(ctx.store, 'initialized', '1');
      if (loadDemo) {
        await loadDemoData(ctx.store, { operator: operatorName, now }, ctx.today());
        await loadDemoPhotos(ctx.store, ctx.dataDir, ctx.today(), { operator: operatorName, now });
      } else await offerFirstRunChecklist(ctx.store);
    },
    { idempotent: true },
  );
  await backupAfterFirstStart(ctx);
  return appStatus(ctx);
}

export const appHandlers = {
  'app.status': async (ctx: AppContext) => appStatus(ctx),
  'app.retryStart': async (ctx: AppContext) => {
    // only a folder that could not be opened is tried again; an open one is left exactly as it is
    if (ctx.startProblem) await ctx.retryStart();
    return appStatus(ctx);
  },
  'app.initialize': async (ctx: AppContext, input: ParsedInput<'app.initialize'>) =>
    initializeApp(ctx, input.operatorName, input.loadDemo),
  'app.dismissFirstRunChecklist': async (ctx: AppContext) => {
    await dismissFirstRunChecklist(ctx);
    return appStatus(ctx);
  },
};

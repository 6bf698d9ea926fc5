import { allSettings, changeSetting, setSetting } from '../../db/queries/settings';
import type { ParsedInput, Settings } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { lightThresholdsOf, statisticsThresholdOf, timeProgressModeOf } from '../services/project-lights';
import { planYearOf } from '../services/session';
import { backupKeepOf } from '../services/backup';
import { attractionStartMonthsOf } from '../../db/model/attraction';
import { attachmentLimitsOf } from '../../db/model/attachments';

/** Every setting the 设置 page shows, read at one moment. */
export function readSettings(ctx: AppContext): Promise<Settings> {
  return ctx.store.snapshot(async () => {
    const stored = await allSettings(ctx.store);
    return {
      operatorName: stored.operatorName ?? '',
      cityName: stored.cityName ?? '',
      planYear: await planYearOf(ctx),
      libraryColumns: parseColumns(stored['ui.libraryColumns']),
      lightThresholds: await lightThresholdsOf(ctx.store),
      timeProgressMode: await timeProgressModeOf(ctx.store),
      statisticsThresholdYuan: await statisticsThresholdOf(ctx.store),
      backupKeep: await backupKeepOf(ctx),
      attractionStartMonths: attractionStartMonthsOf(stored.attractionStartMonths),
      attachmentLimits: attachmentLimitsOf(stored.attachmentLimits),
    };
  });
}

function parseColumns(stored: string | undefined): Settings['libraryColumns'] {
  try {
    return stored ? (JSON.parse(stored) as Record<string, boolean>) : null;
  } catch {
    return null;
  }
}

export const settingsHandlers = {
  'settings.get': async (ctx: AppContext) => readSettings(ctx),

  'settings.update': async (ctx: AppContext, input: ParsedInput<'settings.update'>) => {
    const now = new Date().toISOString();
    await ctx.store.transaction(
      async () => {
        // what is changed is compared with what the transaction sees
        const before = await readSettings(ctx);
        // The operator may be changed by whoever sits at the PC: the new name signs its own change.
        const operator = input.operatorName ?? before.operatorName;
        for (const key of [
          'operatorName',
          'cityName',
          'planYear',
          'lightThresholds',
          'timeProgressMode',
          'statisticsThresholdYuan',
          'backupKeep',
          'attractionStartMonths',
          'attachmentLimits',
        ] as const) {
          const value = input[key];
          if (value === undefined || JSON.stringify(value) === JSON.stringify(before[key])) continue;
          const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
          const shown = { oldValue: describeSetting(before[key]), newValue: text };
          await changeSetting(ctx.store, key, text, shown, { operator, now });
        }
      },
      { idempotent: true },
    );
    return readSettings(ctx);
  },

  'settings.saveLibraryColumns': async (ctx: AppContext, input: ParsedInput<'settings.saveLibraryColumns'>) => {
    await setSetting(ctx.store, 'ui.libraryColumns', JSON.stringify(input.columns));
    return readSettings(ctx);
  },
};

function describeSetting(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

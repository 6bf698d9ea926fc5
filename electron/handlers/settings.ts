import { allSettings, changeSetting, setSetting } from '../../db/queries/settings';
import type { ParsedInput, Settings } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { lightThresholdsOf, timeProgressModeOf } from '../services/project-lights';
import { planYearOf } from '../services/session';
import { backupKeepOf } from '../services/backup';
import { inTransaction } from '../../db/transaction';

export function readSettings(ctx: AppContext): Settings {
  const stored = allSettings(ctx.db);
  return {
    operatorName: stored.operatorName ?? '',
    cityName: stored.cityName ?? '',
    planYear: planYearOf(ctx),
    libraryColumns: parseColumns(stored['ui.libraryColumns']),
    lightThresholds: lightThresholdsOf(ctx.db),
    timeProgressMode: timeProgressModeOf(ctx.db),
    backupKeep: backupKeepOf(ctx),
  };
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
    const before = readSettings(ctx);
    // The operator may be changed by whoever sits at the PC: the new name signs its own change.
    const operator = input.operatorName ?? before.operatorName;
    const now = new Date().toISOString();
    inTransaction(ctx.db, () => {
      for (const key of [
        'operatorName',
        'cityName',
        'planYear',
        'lightThresholds',
        'timeProgressMode',
        'backupKeep',
      ] as const) {
        const value = input[key];
        if (value === undefined || JSON.stringify(value) === JSON.stringify(before[key])) continue;
        const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
        changeSetting(ctx.db, key, text, { oldValue: describeSetting(before[key]), newValue: text }, { operator, now });
      }
    });
    return readSettings(ctx);
  },

  'settings.saveLibraryColumns': async (ctx: AppContext, input: ParsedInput<'settings.saveLibraryColumns'>) => {
    setSetting(ctx.db, 'ui.libraryColumns', JSON.stringify(input.columns));
    return readSettings(ctx);
  },
};

function describeSetting(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

import { z } from 'zod';
import type { FirstRunChecklist } from '../../db/model/first-run';
import type { FullCheckStatus } from '../../db/model/full-check';
import { requiredText } from '../../db/model/validation';
import { method, noInput } from './spec-shared';

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
  /** the data file failed its checks (at start or in the background): the app shows only the way to restore it */
  damage: { message: string; details: string[] } | null;
  /** the full check of the file, which runs in the background after the start */
  fullCheck: FullCheckStatus;
  /**
   * the data could not be opened (moved data missing, disk full, read-only; the database server unreachable, or
   * its database of a newer program): a screen says so
   */
  startProblem: {
    kind: 'missing_folder' | 'disk_full' | 'read_only' | 'database_unavailable' | 'database_refused';
    message: string;
    path: string;
  } | null;
  /** the host is an office server: users log in (auth.me, auth.login); false on a single PC */
  accounts: boolean;
  /** what the start settled that the clerk should know (an interrupted restore or move finished or undone) */
  notice: string | null;
}

export const appSpec = {
  'app.status': method<AppStatus>()(noInput),
  'app.retryStart': method<AppStatus>()(noInput),
  'app.initialize': method<AppStatus>()(
    z.object({ operatorName: requiredText('您的姓名', 20), loadDemo: z.boolean() }).strict(),
  ),
  'app.dismissFirstRunChecklist': method<AppStatus>()(noInput),
};

import type { MethodOutput } from '../../electron/api-spec';
import type { UserView } from '../../electron/services/auth/user-view';
import { ServerBrowser } from './server-client';

// The office of the load test as its admin sets it up over HTTP: the accounts of a real office (clerks, leaders,
// one or two users per 责任单位 that has projects in the week), each logged in with its own cookie and its first
// password changed, and what the example office holds that the sessions will work on.

/** the day the servers take for today (tests/helpers/children/office-server.ts), and its week */
export const LOAD_TODAY = '2026-11-28';
export const LOAD_WEEK = '2026-W48';
export const FIRST_ADMIN = { login: 'admin', password: '初始密码-2026' };
const FIRST_PASSWORD = '账户初始密码-2026';
/** how the sessions log in at once: scrypt runs on libuv's four threads, so more would only queue */
const LOGINS_AT_ONCE = 4;

export type LoadRole = 'office' | 'leader' | 'unit';

export interface LoadSession {
  index: number;
  login: string;
  role: LoadRole;
  /** the operator the change history must name for this session's writes */
  operator: string;
  unitId: number | null;
  browser: ServerBrowser;
}

export interface LoadOffice {
  admin: ServerBrowser;
  sessions: LoadSession[];
  /** the week's projects (the weekly grid's rows), each with the units it belongs to (牵头 and 责任) */
  projects: { id: number; stage: string; unitIds: number[] }[];
  /** problems not closed, for the clerks' 进展 notes */
  openProblems: { id: number; projectId: number; code: string }[];
}

export interface LoadMix {
  office: number;
  leader: number;
  unit: number;
}

type WeekView = MethodOutput<'dispatch.week'>;
type Reference = MethodOutput<'reference.list'>;
type ProblemRows = MethodOutput<'problems.list'>;

/** Sessions with `timeoutMs` on every call: session i logs in on ports[i] and then works on the next server. */
export async function setUpLoadOffice(ports: number[], mix: LoadMix, timeoutMs: number): Promise<LoadOffice> {
  const target = (i: number) => ({ port: ports[i % ports.length], timeoutMs });
  const admin = new ServerBrowser(target(0));
  await admin.ok('auth.login', FIRST_ADMIN);
  await admin.ok('auth.changePassword', { oldPassword: FIRST_ADMIN.password, newPassword: '管理员的新密码-2026' });

  const reference = await admin.ok<Reference>('reference.list');
  const unitIdByName = new Map(reference.units.map((unit) => [unit.name, unit.id]));
  const week = await admin.ok<WeekView>('dispatch.week', { week: LOAD_WEEK });
  const projects = week.rows.map((row) => ({
    id: row.projectId,
    stage: row.stage,
    unitIds: [row.leadUnitName, ...row.responsibleUnitNames]
      .map((name) => (name === null ? undefined : unitIdByName.get(name)))
      .filter((id): id is number => id !== undefined),
  }));
  const unitsWithProjects = reference.units
    .filter((unit) => !unit.retired && projects.some((p) => p.unitIds.includes(unit.id)))
    .map((unit) => unit.id);
  const problems = await admin.ok<ProblemRows>('problems.list', { openOnly: true });

  const accounts: { login: string; displayName: string; role: LoadRole; unitId: number | null }[] = [];
  for (let i = 1; i <= mix.office; i++)
    accounts.push({ login: `clerk${i}`, displayName: `项目办文员${i}`, role: 'office', unitId: null });
  for (let i = 1; i <= mix.leader; i++)
    accounts.push({ login: `leader${i}`, displayName: `领导${i}`, role: 'leader', unitId: null });
  for (let i = 1; i <= mix.unit; i++) {
    const unitId = unitsWithProjects[(i - 1) % unitsWithProjects.length];
    accounts.push({ login: `unit${i}`, displayName: `单位填报员${i}`, role: 'unit', unitId });
  }

  const sessions: LoadSession[] = [];
  await inBatches(accounts, LOGINS_AT_ONCE, async (account) => {
    const index = accounts.indexOf(account);
    await admin.ok<UserView>('users.create', { ...account, password: FIRST_PASSWORD });
    const login = new ServerBrowser(target(index));
    await login.ok('auth.login', { login: account.login, password: FIRST_PASSWORD });
    await login.ok('auth.changePassword', {
      oldPassword: FIRST_PASSWORD,
      newPassword: `${account.login}的新密码-2026`,
    });
    // the session lives in the library, so the other server knows the cookie too
    const browser = new ServerBrowser(target(index + 1));
    browser.cookie = login.cookie;
    sessions.push({
      index,
      login: account.login,
      role: account.role,
      operator: `${account.displayName}（127.0.0.1）`,
      unitId: account.unitId,
      browser,
    });
  });
  sessions.sort((a, b) => a.index - b.index);
  const openProblems = problems.map(({ id, projectId, code }) => ({ id, projectId, code }));
  return { admin, sessions, projects, openProblems };
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

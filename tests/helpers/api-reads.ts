import type { MethodName } from '../../electron/api-spec';

// Every method of the API, as the test that compares the engines' answers sees it: a read is called with inputs
// that reach the example office's data; anything else is listed with the reason it is not compared as a read.

/** Ids, weeks and texts of the example office that the reads are asked about. */
export interface ReadSample {
  /** every project: each one's page, history and nodes */
  projectIds: number[];
  /** a project with nodes, problems, entries and monthly figures */
  projectId: number;
  problemId: number;
  chainId: number;
  unitId: number;
  chainLead: string;
  operator: string;
  planYear: number;
  week: string;
  lastWeek: string;
  /** a month of the plan year that has begun */
  month: number;
  /** from/to of the change history that hold some of its lines */
  auditFrom: string;
  auditTo: string;
  /** an id of the change history for `before` */
  auditBefore: number;
  /** the example office's ledger and a unit's fill-in sheet, as exported on SQLite: what the previews read */
  ledgerFile: { fileName: string; contentBase64: string };
  fillinFile: { fileName: string; contentBase64: string };
}

type Inputs = (s: ReadSample) => unknown[];

const weekPeriod = (s: ReadSample) => ({ kind: 'week', week: s.week });
const monthPeriod = (s: ReadSample) => ({ kind: 'month', year: s.planYear, month: s.month });

export const READS: Partial<Record<MethodName, Inputs>> = {
  'app.status': () => [{}],
  'app.retryStart': () => [{}],
  'settings.get': () => [{}],
  'reference.list': () => [{}],
  'projects.list': () => [
    {},
    { first: 80 },
    { search: '湘乡' },
    { search: '厂房' },
    { search: 'dz' },
    { search: 'DZ-2026-00' },
    { search: '金石 项目' },
    { search: '经济开发区' },
  ],
  'projects.get': (s) => s.projectIds.map((id) => ({ id })),
  'projects.history': (s) => s.projectIds.map((id) => ({ id })),
  'projects.nextCode': (s) => [{ chainId: s.chainId }, { chainId: s.chainId, year: s.planYear + 1 }],
  'milestones.list': (s) => s.projectIds.map((projectId) => ({ projectId })),
  'milestones.generate': (s) => [
    { projectId: s.projectId, mode: 'preview' },
    { projectId: s.projectId, stage: 'preliminary', mode: 'preview' },
  ],
  'milestoneTemplates.list': () => [{}],
  'approvals.list': (s) => s.projectIds.map((projectId) => ({ projectId })),
  'approvals.templates': () => [{}],
  'overview.dashboard': () => [{}],
  'overview.chainLeads': () => [{}],
  'overview.contactLeaders': () => [{}],
  'instructions.list': (s) => [{}, { projectId: s.projectId }, { status: 'open' }, { overdueOnly: true }],
  'stats.ranking': (s) => [
    { year: s.planYear, month: s.month, by: 'unit' },
    { year: s.planYear, month: s.month, by: 'chainLead' },
    { year: s.planYear, month: 1, by: 'park' },
    { year: s.planYear, month: 1, by: 'chain' },
    { year: s.planYear, month: s.month, by: 'level' },
    { year: s.planYear, month: 1, by: 'level' },
  ],
  'levels.history': (s) => s.projectIds.map((projectId) => ({ projectId })),
  'overview.lightTrend': () => [{}, { weeks: 1 }, { weeks: 52 }],
  'overview.monthlyInvestment': (s) => [{}, { year: s.planYear - 1 }],
  'stats.attraction': (s) => [{}, { year: s.planYear - 1 }],
  'stats.export': (s) => [{ year: s.planYear, month: s.month, by: 'unit' }],
  'rollover.preview': () => [{}],
  'dispatch.week': (s) => [{}, { week: s.week, first: 40 }, { week: s.lastWeek }],
  'dispatch.changes': (s) => [{ week: s.week }, { week: s.lastWeek }],
  'dispatch.printData': (s) => [
    { week: s.week },
    { week: s.week, groupBy: 'chain', scope: 'redYellow' },
    { week: s.lastWeek, groupBy: 'stage' },
    { week: s.week, groupBy: 'park' },
    { week: s.week, chainLead: s.chainLead },
  ],
  'investment.grid': (s) => [{}, { year: s.planYear - 1 }],
  'investment.months': (s) => [{}, { year: s.planYear }],
  'problems.list': (s) => [
    {},
    { projectId: s.projectId },
    { status: 'in_progress' },
    { openOnly: true },
    { unitId: s.unitId },
    { chainLead: s.chainLead },
    { category: 'land' },
    { overdueOnly: true },
  ],
  'problems.get': (s) => [{ id: s.problemId }],
  'problems.summary': () => [{}],
  'problems.printData': (s) => [{}, { groupBy: 'chainLead', scope: 'all' }, { ids: [s.problemId] }],
  'supervision.overview': () => [{}],
  'ledger.export': (s) => [
    {},
    { year: s.planYear, stages: ['continuing', 'new_start'], chainIds: [s.chainId], totalUnit: 'yi' },
    { sheets: 'fullOnly' },
  ],
  'ledger.exportDispatch': (s) => [{ week: s.week }, { week: s.lastWeek, groupBy: 'chain', scope: 'redYellow' }],
  'ledger.exportProblems': () => [{}, { groupBy: 'chainLead', scope: 'all' }],
  'bulletin.printData': (s) => [
    { year: s.planYear, month: s.month },
    { year: s.planYear, month: 1, honourSize: 2 },
  ],
  'bulletin.export': (s) => [{ year: s.planYear, month: s.month }],
  'ledger.previewImport': (s) => [s.ledgerFile],
  'fillin.units': (s) => [{ period: weekPeriod(s) }, { period: monthPeriod(s) }],
  'fillin.export': (s) => [{ period: weekPeriod(s) }, { period: monthPeriod(s), unitIds: [s.unitId] }],
  'fillin.preview': (s) => [{ period: monthPeriod(s), files: [s.fillinFile] }],
  'users.list': () => [{}],
  'unitDesk.get': (s) => [{ unitId: s.unitId }, { unitId: s.unitId, week: s.lastWeek, month: s.month }],
  'attachments.list': (s) => [
    { ownerKind: 'project', ownerId: s.projectId },
    { ownerKind: 'problem', ownerId: s.problemId },
  ],
  'attachments.listByProject': (s) => [{ projectId: s.projectId }, { projectId: s.projectId, includeDeleted: true }],
  'factors.get': (s) => [
    ...s.projectIds.map((projectId) => ({ projectId })),
    { projectId: s.projectId, year: s.planYear - 1 },
  ],
  'factors.shortfalls': (s) => [
    { kind: 'land' },
    { kind: 'funds' },
    { kind: 'funds', year: s.planYear - 1 },
    { kind: 'energy' },
  ],
  'factors.export': (s) => [{ kind: 'land' }, { kind: 'funds', year: s.planYear }],
  'attachments.photoSheet': (s) => [{ week: s.week }, { projectIds: s.projectIds.slice(0, 40) }],
  'audit.list': (s) => [
    {},
    { projectId: s.projectId },
    { operator: s.operator },
    { from: s.auditFrom, to: s.auditTo },
    { kind: 'dispatch' },
    { kind: 'problem', limit: 20 },
    { limit: 50, offset: 50 },
    { before: s.auditBefore, limit: 30 },
  ],
};

/** The methods that are not reads of the library, each with why the comparison of reads leaves it out. */
export const NOT_READS: Partial<Record<MethodName, string>> = {
  'app.initialize': 'a first start: the libraries compared are started already',
  'app.dismissFirstRunChecklist': 'a write (of a setting)',
  'settings.update': 'a write',
  'settings.saveLibraryColumns': 'a write',
  'reference.saveChain': 'a write',
  'reference.saveUnit': 'a write',
  'reference.savePark': 'a write',
  'reference.saveLevel': 'a write',
  'reference.saveTownship': 'a write',
  'reference.saveContactLeader': 'a write',
  'reference.setRetired': 'a write',
  'bulletin.saveText': 'a write',
  'projects.create': 'a write',
  'projects.update': 'a write',
  'projects.setMonthlyInvestment': 'a write',
  'projects.changeStage': 'a write',
  'levels.transfer': 'a write',
  'projects.suspend': 'a write',
  'projects.resume': 'a write',
  'milestones.save': 'a write',
  'milestoneTemplates.save': 'a write',
  'milestoneTemplates.reset': 'a write',
  'approvals.save': 'a write',
  'approvals.saveTemplate': 'a write',
  'rollover.apply': 'a write, after a backup of its own engine',
  'rollover.undo': 'a restore of a backup file',
  'dispatch.saveEntry': 'a write',
  'dispatch.confirm': 'a write',
  'investment.closeMonth': 'a write',
  'investment.reopenMonth': 'a write',
  'problems.create': 'a write',
  'problems.update': 'a write',
  'problems.act': 'a write',
  'problems.addNote': 'a write',
  'instructions.save': 'a write',
  'instructions.close': 'a write',
  'instructions.reopen': 'a write',
  'instructions.toProblem': 'a write',
  'factors.save': 'a write',
  'ledger.applyImport': 'a write, after a backup of its own engine',
  'fillin.apply': 'a write, after a backup of its own engine',
  'backups.list': "the backups folder's files, each engine's own folder, not the library",
  'backups.create': 'writes a backup file',
  'backups.copyTo': 'writes a file into a folder',
  'backups.addFrom': 'copies files into the backups folder',
  'backups.restore': 'replaces the library with a backup file',
  'dataFolder.get': "where the library lives (a folder on this PC, or the server's database), not what it holds",
  'dataFolder.move': 'moves the data folder',
  'auth.login': 'opens a session (a write), with a token of its own each time',
  'auth.logout': "ends the caller's session: a single PC has none",
  'auth.me': 'the caller, not the library: a single PC has none',
  'auth.changePassword': "the caller's password: a single PC has no caller",
  'users.create': 'a write',
  'users.update': 'a write',
  'users.resetPassword': 'a write',
  'users.disable': 'a write',
  'users.endSessions': 'a write',
  'users.endSession': 'a write',
  'users.sessions': "the sessions open now: they never travel with the library, so each engine's are its own",
  'attachments.add': 'a write (of a file and its row)',
  'attachments.get':
    'an attachment: the example office has none; tests/services/contract-attachments.test.ts reads them on both engines',
  'attachments.thumbnail':
    'an attachment: the example office has none; tests/services/contract-attachments.test.ts reads them on both engines',
  'attachments.preview':
    'an attachment: the example office has none; tests/services/contract-attachments.test.ts reads them on both engines',
  'attachments.setCaption': 'a write',
  'attachments.remove': 'a write',
  'attachments.restore': 'a write',
  'users.loginEvents':
    'the login history: the compared libraries have none; tests/helpers/accounts-suite.ts reads it on both engines',
};

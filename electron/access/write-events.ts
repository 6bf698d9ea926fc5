import type { ChangeKind } from '../../db/model/change-event';
import type { MethodName, MethodOutput, ParsedInput } from '../api-spec';
import { NO_EVENT, type WriteEvent } from '../services/live/write-event';

// Which methods change the library, and what the office's open screens are told when one succeeds: the one
// table beside the access policy (policy.ts). Every method of api-spec has its entry — a missing one is a compile
// error here and fails tests/services/live-events.test.ts.

type WriteEvents = { [M in MethodName]: WriteEvent<ParsedInput<M>, MethodOutput<M>> | typeof NO_EVENT };

const project = (kind: ChangeKind) => ({ kind, ids: (input: { projectId: number }) => [input.projectId] });
const byId = (kind: ChangeKind) => ({ kind, ids: (input: { id: number }) => [input.id] });
const answerId = (kind: ChangeKind) => ({ kind, ids: (_input: unknown, output: { id: number }) => [output.id] });
const LIBRARY: WriteEvent<unknown, unknown> = { kind: 'library' };
const SETTINGS: WriteEvent<unknown, unknown> = { kind: 'settings' };
const REFERENCE: WriteEvent<unknown, unknown> = { kind: 'reference' };
const INSTRUCTION = {
  kind: 'project' as const,
  ids: (_input: unknown, output: { projectId: number }) => [output.projectId],
};

export const WRITE_EVENTS: WriteEvents = {
  'app.status': NO_EVENT,
  // reopens the same data, changing none of it
  'app.retryStart': NO_EVENT,
  'app.initialize': LIBRARY,
  'app.dismissFirstRunChecklist': SETTINGS,

  // accounts and sessions: on no shared screen (the admin's own screens reload after their writes)
  'auth.login': NO_EVENT,
  'auth.logout': NO_EVENT,
  'auth.me': NO_EVENT,
  'auth.changePassword': NO_EVENT,
  'users.list': NO_EVENT,
  'users.create': NO_EVENT,
  'users.update': NO_EVENT,
  'users.resetPassword': NO_EVENT,
  'users.disable': NO_EVENT,
  'users.endSessions': NO_EVENT,
  'users.endSession': NO_EVENT,
  'users.sessions': NO_EVENT,
  'users.loginEvents': NO_EVENT,

  'settings.get': NO_EVENT,
  'settings.update': SETTINGS,
  'settings.saveLibraryColumns': SETTINGS,

  // backups copy the data without changing it; a restore or a move replaces all of it
  'backups.list': NO_EVENT,
  'backups.create': NO_EVENT,
  'backups.copyTo': NO_EVENT,
  'backups.addFrom': NO_EVENT,
  'backups.restore': LIBRARY,
  'dataFolder.get': NO_EVENT,
  'dataFolder.move': LIBRARY,

  'projects.list': NO_EVENT,
  'projects.get': NO_EVENT,
  'projects.create': answerId('project'),
  'projects.update': byId('project'),
  'projects.history': NO_EVENT,
  'projects.nextCode': NO_EVENT,
  'projects.setMonthlyInvestment': project('investment'),
  'projects.changeStage': byId('project'),
  'levels.history': NO_EVENT,
  'levels.transfer': project('project'),
  'projects.suspend': project('project'),
  'projects.resume': project('project'),

  'reference.list': NO_EVENT,
  'reference.saveChain': REFERENCE,
  'reference.saveUnit': REFERENCE,
  'reference.savePark': REFERENCE,
  'reference.saveLevel': REFERENCE,
  'reference.saveTownship': REFERENCE,
  'reference.saveContactLeader': REFERENCE,
  'reference.setRetired': REFERENCE,

  'milestones.list': NO_EVENT,
  'milestones.save': project('milestone'),
  'milestones.generate': { ...project('milestone'), writes: (input) => input.mode !== 'preview' },
  'milestoneTemplates.list': NO_EVENT,
  'milestoneTemplates.save': SETTINGS,
  'milestoneTemplates.reset': SETTINGS,
  'approvals.list': NO_EVENT,
  'approvals.save': project('project'),
  'approvals.templates': NO_EVENT,
  'approvals.saveTemplate': SETTINGS,

  'overview.dashboard': NO_EVENT,
  'overview.chainLeads': NO_EVENT,
  'stats.ranking': NO_EVENT,
  'overview.lightTrend': NO_EVENT,
  'overview.monthlyInvestment': NO_EVENT,
  'stats.attraction': NO_EVENT,
  'stats.export': NO_EVENT,
  'supervision.overview': NO_EVENT,

  'rollover.preview': NO_EVENT,
  'rollover.apply': LIBRARY,
  'rollover.undo': LIBRARY,

  'dispatch.week': NO_EVENT,
  'dispatch.saveEntry': project('dispatch'),
  'dispatch.confirm': { kind: 'dispatch', ids: (input) => input.projectIds },
  'dispatch.changes': NO_EVENT,
  'dispatch.printData': NO_EVENT,

  'investment.grid': NO_EVENT,
  'investment.months': NO_EVENT,
  'investment.closeMonth': { kind: 'investment' },
  'investment.reopenMonth': { kind: 'investment' },

  'problems.list': NO_EVENT,
  'problems.get': NO_EVENT,
  'problems.create': answerId('problem'),
  'problems.update': byId('problem'),
  'problems.act': byId('problem'),
  'problems.addNote': byId('problem'),
  'problems.summary': NO_EVENT,
  'problems.printData': NO_EVENT,

  // a 批示 lights its project: its screens are told as of a change of the project
  'instructions.list': NO_EVENT,
  'instructions.save': INSTRUCTION,
  'instructions.close': INSTRUCTION,
  'instructions.reopen': INSTRUCTION,
  'instructions.toProblem': { kind: 'problem', ids: (_input, output) => (output.problemId ? [output.problemId] : []) },
  'overview.contactLeaders': NO_EVENT,

  'ledger.export': NO_EVENT,
  'ledger.exportDispatch': NO_EVENT,
  'ledger.exportProblems': NO_EVENT,
  'bulletin.printData': NO_EVENT,
  // a month's 文号 and summary: on the 月度通报 screen only, kept with the settings
  'bulletin.saveText': SETTINGS,
  'bulletin.export': NO_EVENT,
  'ledger.previewImport': NO_EVENT,
  'ledger.applyImport': LIBRARY,

  'fillin.units': NO_EVENT,
  'fillin.export': NO_EVENT,
  'fillin.preview': NO_EVENT,
  'fillin.apply': LIBRARY,

  'audit.list': NO_EVENT,

  'unitDesk.get': NO_EVENT,

  // 附件: the project's page (and its weekly entry's, problem's, checklist's attachments) is told
  'attachments.add': { kind: 'project', ids: (_input, output) => [output.projectId] },
  'attachments.get': NO_EVENT,
  'attachments.list': NO_EVENT,
  'attachments.listByProject': NO_EVENT,
  'attachments.thumbnail': NO_EVENT,
  'attachments.preview': NO_EVENT,
  'attachments.setCaption': { kind: 'project', ids: (_input, output) => [output.projectId] },
  'attachments.remove': { kind: 'project', ids: (_input, output) => [output.projectId] },
  'attachments.restore': { kind: 'project', ids: (_input, output) => [output.projectId] },
  'factors.get': NO_EVENT,
  'factors.save': project('project'),
  'factors.shortfalls': NO_EVENT,
  'factors.export': NO_EVENT,
  'attachments.photoSheet': NO_EVENT,
};

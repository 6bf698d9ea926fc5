import type { AttachmentOwnerKind } from '../../db/model/attachments';
import type { Role } from '../../db/model/roles';
import type { MethodName, ParsedInput } from '../api-spec';

// Who may call what on the office server: the one place that decides it (issue #15). Every method of api-spec
// has its entry — a missing one is a compile error here and fails tests/services/access-policy.test.ts.
//   管理员 (admin): reads, and accounts, settings, backups;   项目办 (office): reads and every edit;
//   领导/链长 (leader): reads and printing;   责任单位 (unit): their unit's projects only — weekly texts, monthly
//   figures, 形象进度 and feedback on problems — and the few reads that are scoped to them.
// A single PC (no caller) is not asked: it has no login.

/** Which of a unit user's projects or problems a call touches, read from its parsed input. */
export type UnitScope<I> =
  | { projects: (input: I) => readonly number[] }
  | { problem: (input: I) => number }
  /** the unit a call names (undefined: the caller's own), which must be the caller's own */
  | { ownUnit: (input: I) => number | undefined }
  /** holds no project's data (names of units and chains, the plan year): the same for every unit */
  | { unscoped: true }
  /** an attachment's owner (issue #17): the project it belongs to, or for a problem the problem, must be the unit's */
  | { attachmentOwner: (input: I) => { kind: AttachmentOwnerKind; id: number } }
  /** an attachment, by the project it is on (or its problem), as for its owner */
  | { attachment: (input: I) => number };

export interface Rule<I> {
  /** anyone may call it, logged in or not (the login itself, the start screen's status) */
  public?: true;
  /** every logged-in user, whatever the role (their own session and password) */
  signedIn?: true;
  roles?: readonly Role[];
  /** for a unit user: what the call touches, which must be the unit's */
  unit?: UnitScope<I>;
  /** for a unit user: the part of the method open to them; false refuses the call */
  unitMay?: (input: I) => boolean;
}

type Policy = { [M in MethodName]: Rule<ParsedInput<M>> };

const READ: readonly Role[] = ['admin', 'office', 'leader'];
const READ_AND_UNIT: readonly Role[] = [...READ, 'unit'];
const EDIT: readonly Role[] = ['office'];
const EDIT_AND_UNIT: readonly Role[] = ['office', 'unit'];
const ADMIN: readonly Role[] = ['admin'];
const EVERYONE: Rule<unknown> = { public: true };
const SIGNED_IN: Rule<unknown> = { signedIn: true };

const byProjectId = { projects: (input: { projectId: number }) => [input.projectId] };
const byId = { projects: (input: { id: number }) => [input.id] };

export const POLICY: Policy = {
  'app.status': EVERYONE,
  'app.retryStart': { roles: ADMIN },
  'app.initialize': { roles: ADMIN },
  'app.dismissFirstRunChecklist': { roles: EDIT },

  'auth.login': EVERYONE,
  'auth.logout': SIGNED_IN,
  'auth.me': SIGNED_IN,
  'auth.changePassword': SIGNED_IN,

  'users.list': { roles: ADMIN },
  'users.create': { roles: ADMIN },
  'users.update': { roles: ADMIN },
  'users.resetPassword': { roles: ADMIN },
  'users.disable': { roles: ADMIN },
  'users.endSessions': { roles: ADMIN },
  'users.sessions': { roles: ADMIN },
  'users.endSession': { roles: ADMIN },
  'users.loginEvents': { roles: ADMIN },

  'settings.get': { roles: READ_AND_UNIT, unit: { unscoped: true } },
  'settings.update': { roles: ADMIN },
  'settings.saveLibraryColumns': { roles: ['admin', 'office'] },

  'backups.list': { roles: ADMIN },
  'backups.create': { roles: ADMIN },
  'backups.copyTo': { roles: ADMIN },
  'backups.addFrom': { roles: ADMIN },
  'backups.restore': { roles: ADMIN },
  'dataFolder.get': { roles: ADMIN },
  'dataFolder.move': { roles: ADMIN },

  'projects.list': { roles: READ },
  'projects.get': { roles: READ_AND_UNIT, unit: byId },
  'projects.create': { roles: EDIT },
  // a unit reports its projects' 形象进度, and nothing else of the project's fields
  'projects.update': {
    roles: EDIT_AND_UNIT,
    unit: byId,
    unitMay: (input) =>
      Object.entries(input).every(
        ([key, value]) => key === 'id' || key === 'version' || key === 'progressText' || value === undefined,
      ),
  },
  'projects.history': { roles: READ_AND_UNIT, unit: byId },
  'projects.nextCode': { roles: EDIT },
  'projects.setMonthlyInvestment': { roles: EDIT_AND_UNIT, unit: byProjectId },
  'projects.changeStage': { roles: EDIT },

  'reference.list': { roles: READ_AND_UNIT, unit: { unscoped: true } },
  'reference.saveChain': { roles: EDIT },
  'reference.saveUnit': { roles: EDIT },
  'reference.savePark': { roles: EDIT },
  'reference.saveLevel': { roles: EDIT },
  'reference.saveTownship': { roles: EDIT },
  'reference.saveContactLeader': { roles: EDIT },
  'reference.setRetired': { roles: EDIT },

  // 动态管理 (issue #17): 调入/调出 and 停建/缓建 are the office's
  'levels.history': { roles: READ_AND_UNIT, unit: byProjectId },
  'levels.transfer': { roles: EDIT },
  'projects.suspend': { roles: EDIT },
  'projects.resume': { roles: EDIT },

  'milestones.list': { roles: READ_AND_UNIT, unit: byProjectId },
  'milestones.save': { roles: EDIT },
  'milestones.generate': { roles: EDIT },
  'milestoneTemplates.list': { roles: READ },
  'milestoneTemplates.save': { roles: EDIT },
  'milestoneTemplates.reset': { roles: EDIT },
  'approvals.list': { roles: READ_AND_UNIT, unit: byProjectId },
  'approvals.save': { roles: EDIT },
  'approvals.templates': { roles: READ },
  'approvals.saveTemplate': { roles: EDIT },

  'overview.dashboard': { roles: READ },
  'overview.chainLeads': { roles: READ },
  'stats.ranking': { roles: READ },
  'overview.lightTrend': { roles: READ },
  'overview.monthlyInvestment': { roles: READ },
  'stats.attraction': { roles: READ },
  'stats.export': { roles: READ },
  'supervision.overview': { roles: READ },

  'rollover.preview': { roles: EDIT },
  'rollover.apply': { roles: EDIT },
  'rollover.undo': { roles: EDIT },

  'dispatch.week': { roles: READ },
  'dispatch.saveEntry': { roles: EDIT_AND_UNIT, unit: byProjectId },
  'dispatch.confirm': { roles: EDIT_AND_UNIT, unit: { projects: (input) => input.projectIds } },
  'dispatch.changes': { roles: READ },
  'dispatch.printData': { roles: READ },

  'investment.grid': { roles: READ },
  'investment.months': { roles: READ },
  'investment.closeMonth': { roles: EDIT },
  'investment.reopenMonth': { roles: EDIT },

  'problems.list': { roles: READ },
  'problems.get': { roles: READ_AND_UNIT, unit: { problem: (input) => input.id } },
  'problems.create': { roles: EDIT },
  'problems.update': { roles: EDIT },
  'problems.act': { roles: EDIT },
  // a unit answers the problems assigned to it: 反馈 notes only
  'problems.addNote': {
    roles: EDIT_AND_UNIT,
    unit: { problem: (input) => input.id },
    unitMay: (input) => input.kind === 'feedback',
  },
  'problems.summary': { roles: READ },
  'problems.printData': { roles: READ },

  'instructions.list': { roles: READ },
  'instructions.save': { roles: EDIT },
  'instructions.close': { roles: EDIT },
  'instructions.reopen': { roles: EDIT },
  'instructions.toProblem': { roles: EDIT },
  'overview.contactLeaders': { roles: READ },

  'ledger.export': { roles: READ },
  'ledger.exportDispatch': { roles: READ },
  'ledger.exportProblems': { roles: READ },
  'bulletin.printData': { roles: READ },
  'bulletin.saveText': { roles: EDIT },
  'bulletin.export': { roles: READ },
  'ledger.previewImport': { roles: EDIT },
  'ledger.applyImport': { roles: EDIT },

  'fillin.units': { roles: EDIT },
  'fillin.export': { roles: EDIT },
  'fillin.preview': { roles: EDIT },
  'fillin.apply': { roles: EDIT },

  'audit.list': { roles: READ },

  // a unit user's own page; the others name the unit whose page they look at
  'unitDesk.get': { roles: READ_AND_UNIT, unit: { ownUnit: (input) => input.unitId } },

  // 附件 (issue #17): the office adds, deletes and restores; a unit adds 现场照片 to its own projects' weekly
  // entries and sees the attachments on its projects; leaders and the admin read
  'attachments.add': {
    roles: EDIT_AND_UNIT,
    unit: { attachmentOwner: (input) => ({ kind: input.ownerKind, id: input.ownerId }) },
    unitMay: (input) => input.ownerKind === 'entry',
  },
  'attachments.get': { roles: READ_AND_UNIT, unit: { attachment: (input) => input.id } },
  'attachments.list': {
    roles: READ_AND_UNIT,
    unit: { attachmentOwner: (input) => ({ kind: input.ownerKind, id: input.ownerId }) },
  },
  'attachments.listByProject': { roles: READ_AND_UNIT, unit: byProjectId },
  'attachments.thumbnail': { roles: READ_AND_UNIT, unit: { attachment: (input) => input.id } },
  'attachments.preview': { roles: READ_AND_UNIT, unit: { attachment: (input) => input.id } },
  'attachments.setCaption': { roles: EDIT },
  'attachments.remove': { roles: EDIT },
  'attachments.restore': { roles: EDIT },

  // 要素保障: the office keeps the figures; leaders read them and the shortfall lists
  'factors.get': { roles: READ },
  'factors.save': { roles: EDIT },
  'factors.shortfalls': { roles: READ },
  'factors.export': { roles: READ },
  // the printed 现场照片: a read, and printing is open to leaders as every other paper is
  'attachments.photoSheet': { roles: READ },
};

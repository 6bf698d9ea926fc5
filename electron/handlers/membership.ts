import { AppError } from '../../db/errors';
import {
  SUSPENSION_LABELS,
  resumeIssue,
  suspendIssue,
  suspensionText,
  transferIssue,
  transferText,
  type MembershipHistory,
} from '../../db/model/list-membership';
import { writeAudit } from '../../db/queries/audit';
import { joinList, leaveList, levelById, listStaysOf, touchProject } from '../../db/queries/level-memberships';
import type { WriteMeta } from '../../db/queries/projects-write';
import { endSuspension, suspend, suspensionsOf } from '../../db/queries/suspensions';
import type { Store } from '../../db/store/store';
import { sql } from '../../db/sql';
import type { ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { writeMeta } from '../services/session';

/** Only reads and writes the library: PostgreSQL may run it again after a conflict. */
const IDEMPOTENT = { idempotent: true };

async function historyOf(store: Store, projectId: number): Promise<MembershipHistory> {
  const exists = await store.get(sql`SELECT id FROM projects WHERE id = ${projectId}`);
  if (!exists) throw new AppError('not_found', '找不到该项目，可能已被删除', 'projectId');
  const stays = await listStaysOf(store, projectId);
  const suspensions = await suspensionsOf(store, projectId);
  const open = suspensions.find((s) => s.resumedOn === null);
  return {
    projectId,
    stays,
    suspensions,
    suspended: open ? { kind: open.kind, since: open.since, reason: open.reason } : null,
  };
}

async function audit(
  store: Store,
  projectId: number,
  field: string,
  oldValue: string | null,
  newValue: string,
  meta: WriteMeta,
) {
  await writeAudit(
    store,
    {
      operator: meta.operator,
      entity: 'project',
      entityId: projectId,
      action: 'update',
      changes: [{ field, oldValue, newValue }],
    },
    meta.now,
  );
}

export const membershipHandlers = {
  'levels.history': (ctx: AppContext, input: ParsedInput<'levels.history'>) =>
    ctx.store.snapshot(() => historyOf(ctx.store, input.projectId)),

  'levels.transfer': async (ctx: AppContext, input: ParsedInput<'levels.transfer'>): Promise<MembershipHistory> => {
    const meta = await writeMeta(ctx);
    const today = ctx.today();
    return ctx.store.transaction(async () => {
      const before = await historyOf(ctx.store, input.projectId);
      const level = await levelById(ctx.store, input.levelId);
      if (!level) throw new AppError('not_found', '找不到该项目级别，可能已被删除', 'levelId');
      if (input.direction === 'in' && level.retired) {
        throw new AppError('invalid_input', `${level.name}已停用，不能再调入项目`, 'levelId');
      }
      const issue = transferIssue(before.stays, input, today);
      if (issue) throw new AppError('invalid_input', issue.message, issue.field);
      // the lists it was on, in the lists' order (省重点, 湘潭市重点, 市本级重点 …)
      const lists = before.stays
        .filter((s) => s.leftOn === null)
        .sort((a, b) => a.levelId - b.levelId)
        .map((s) => s.levelName);
      if (input.direction === 'in') await joinList(ctx.store, input.projectId, input.levelId, input.date, input.reason);
      else await leaveList(ctx.store, input.projectId, input.levelId, input.date, input.reason);
      await touchProject(ctx.store, input.projectId, meta.now);
      const text = transferText(input.direction, level.name, input.date, input.reason);
      await audit(ctx.store, input.projectId, 'levelTransfer', lists.join('、') || null, text, meta);
      return historyOf(ctx.store, input.projectId);
    }, IDEMPOTENT);
  },

  'projects.suspend': async (ctx: AppContext, input: ParsedInput<'projects.suspend'>): Promise<MembershipHistory> => {
    const meta = await writeMeta(ctx);
    const today = ctx.today();
    return ctx.store.transaction(async () => {
      const before = await historyOf(ctx.store, input.projectId);
      const issue = suspendIssue(before.suspended, before.suspensions, input, today);
      if (issue) throw new AppError('invalid_input', issue.message, issue.field);
      const label = SUSPENSION_LABELS[input.kind];
      // 停建 ⇄ 缓建: the running spell ends where the new one begins, and says what it became
      if (before.suspended) await endSuspension(ctx.store, input.projectId, input.date, `转为${label}`);
      await suspend(ctx.store, input.projectId, input.kind, input.date, input.reason);
      const oldText = before.suspended ? suspensionText(before.suspended) : null;
      await audit(ctx.store, input.projectId, 'suspension', oldText, `${label} ${input.date}：${input.reason}`, meta);
      return historyOf(ctx.store, input.projectId);
    }, IDEMPOTENT);
  },

  'projects.resume': async (ctx: AppContext, input: ParsedInput<'projects.resume'>): Promise<MembershipHistory> => {
    const meta = await writeMeta(ctx);
    const today = ctx.today();
    return ctx.store.transaction(async () => {
      const before = await historyOf(ctx.store, input.projectId);
      const issue = resumeIssue(before.suspended, input.date, today);
      if (issue) throw new AppError('invalid_input', issue.message, issue.field);
      await endSuspension(ctx.store, input.projectId, input.date, input.note);
      const text = `复工 ${input.date}${input.note ? `：${input.note}` : ''}`;
      await audit(ctx.store, input.projectId, 'suspension', suspensionText(before.suspended!), text, meta);
      return historyOf(ctx.store, input.projectId);
    }, IDEMPOTENT);
  },
};

import { AppError } from '../../db/errors';
import { approvalItemProblem, approvalProgress, type ApprovalItem } from '../../db/model/approvals';
import { CATEGORY_LABELS } from '../../db/model/project';
import {
  attachmentCountsOf,
  listApprovals,
  listApprovalTemplates,
  replaceApprovals,
  replaceApprovalTemplate,
} from '../../db/queries/approvals';
import { getProject } from '../../db/queries/projects-read';
import type { ApprovalChecklist, ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { refuseAsChanged, refuseIfChanged } from '../services/record-versions';
import { planYearOf, writeMeta } from '../services/session';

async function projectOf(ctx: AppContext, id: number) {
  const project = await getProject(ctx.store, id, await planYearOf(ctx));
  if (!project) throw new AppError('not_found', '找不到该项目，可能已被删除');
  return project;
}

async function checklistOf(ctx: AppContext, projectId: number): Promise<ApprovalChecklist> {
  const project = await projectOf(ctx, projectId);
  const items: ApprovalItem[] = await listApprovals(ctx.store, projectId);
  return {
    projectId,
    category: project.category,
    items,
    progress: approvalProgress(items),
    template: (await listApprovalTemplates(ctx.store))[project.category],
  };
}

function checkItems(ctx: AppContext, items: ParsedInput<'approvals.save'>['items']): void {
  const today = ctx.today();
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (seen.has(item.name)) throw new AppError('invalid_input', `手续“${item.name}”重复，请合并为一项`, 'items');
    seen.add(item.name);
    const problem = approvalItemProblem(item, today);
    if (problem) throw new AppError('invalid_input', `第${index + 1}项“${item.name}”：${problem}`, 'items');
  }
}

export const approvalHandlers = {
  'approvals.list': async (ctx: AppContext, input: ParsedInput<'approvals.list'>) =>
    ctx.store.snapshot(() => checklistOf(ctx, input.projectId)),

  'approvals.save': async (ctx: AppContext, input: ParsedInput<'approvals.save'>) => {
    const meta = await writeMeta(ctx);
    checkItems(ctx, input.items);
    return ctx.store.transaction(
      async () => {
        await projectOf(ctx, input.projectId);
        const current = await listApprovals(ctx.store, input.projectId);
        const owned = new Map(current.map((i) => [i.id, i.version]));
        const foreign = input.items.find((i) => i.id !== undefined && !owned.has(i.id));
        if (foreign) throw new AppError('invalid_input', `手续“${foreign.name}”不属于该项目，请刷新后重试`, 'items');
        const subject = { entity: 'project', entityId: input.projectId, field: 'approval' };
        for (const item of input.items) {
          if (item.id === undefined) continue;
          await refuseIfChanged(ctx, item.version, owned.get(item.id)!, subject);
        }
        const read = input.readIds && new Set(input.readIds);
        const addedSince = read && [...owned].find(([id]) => !read.has(id));
        if (addedSince) await refuseAsChanged(ctx, addedSince[1], subject);
        // an item's 批复 scans stay with it: removing an item that still holds some would leave them owned by nothing
        const kept = new Set(input.items.map((i) => i.id));
        const removed = current.filter((i) => !kept.has(i.id));
        const attached = await attachmentCountsOf(
          ctx.store,
          removed.map((i) => i.id),
        );
        const holding = removed.find((i) => attached.has(i.id));
        if (holding) {
          throw new AppError(
            'invalid_input',
            `手续“${holding.name}”有${attached.get(holding.id)}个附件，请先删除其附件再删去此项（不需办理的可改状态）`,
            'items',
          );
        }
        await replaceApprovals(ctx.store, input.projectId, input.items, meta);
        return checklistOf(ctx, input.projectId);
      },
      { idempotent: true },
    );
  },

  'approvals.templates': async (ctx: AppContext) => listApprovalTemplates(ctx.store),

  'approvals.saveTemplate': async (ctx: AppContext, input: ParsedInput<'approvals.saveTemplate'>) => {
    const meta = await writeMeta(ctx);
    const names = input.items.map((i) => i.name);
    const duplicate = names.find((name, i) => names.indexOf(name) !== i);
    if (duplicate) {
      throw new AppError('invalid_input', `${CATEGORY_LABELS[input.category]}模板中“${duplicate}”重复`, 'items');
    }
    await ctx.store.transaction(() => replaceApprovalTemplate(ctx.store, input.category, input.items, meta), {
      idempotent: true,
    });
    return listApprovalTemplates(ctx.store);
  },
};

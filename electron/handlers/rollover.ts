import { AppError } from '../../db/errors';
import { pickProjectFields } from '../../db/model/project';
import { proposeRollover, unstartedDecisionIssue, type RolloverProposal } from '../../db/model/rollover';
import { getProject, listProjects } from '../../db/queries/projects-read';
import { recordStageChange, updateProject } from '../../db/queries/projects-write';
import { changeSetting } from '../../db/queries/settings';
import { restoreInPlace } from '../../db/restore';
import type { ParsedInput, RolloverResult } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { createBackup, inspectBackup, ownBackupFile, PackDamaged, withPlainBackup } from '../services/backup';
import { loadBackupIntoServer } from '../services/restore-server';
import { appStatus } from './app';
import { planYearOf, writeMeta } from '../services/session';
import { filesBeforeRestore, noteWithMissing } from '../services/attachments/restore-files';

async function proposal(ctx: AppContext): Promise<RolloverProposal> {
  const { planYear, projects } = await ctx.store.snapshot(async () => {
    const planYear = await planYearOf(ctx);
    return { planYear, projects: await listProjects(ctx.store, planYear) };
  });
  return proposeRollover(projects, planYear);
}

export const rolloverHandlers = {
  'rollover.preview': async (ctx: AppContext) => proposal(ctx),

  'rollover.apply': async (ctx: AppContext, input: ParsedInput<'rollover.apply'>): Promise<RolloverResult> => {
    const meta = await writeMeta(ctx);
    const plan = await proposal(ctx);
    if (input.fromYear !== plan.fromYear) {
      throw new AppError('stale', `计划年度已是${plan.fromYear}年，请重新预览后再结转`);
    }
    const proposed = new Set(plan.moves.map((m) => m.projectId));
    const stray = input.selectedProjectIds.find((id) => !proposed.has(id));
    if (stray !== undefined) throw new AppError('invalid_input', '所选项目不在结转建议中，请重新预览');
    const undecided = unstartedDecisionIssue(plan, input.unstarted);
    if (undecided) throw new AppError('unstarted_undecided', undecided);
    const selected = new Set(input.selectedProjectIds);
    const moves = [
      ...plan.moves.filter((m) => selected.has(m.projectId)),
      ...input.unstarted
        .filter((d) => d.action === 'preliminary')
        .flatMap((d) => plan.unstarted.filter((u) => u.projectId === d.projectId))
        .map((u) => ({
          projectId: u.projectId,
          code: u.code,
          name: u.name,
          fromStage: 'new_start' as const,
          toStage: 'preliminary' as const,
          reason: `${plan.fromYear}年未开工，退回前期`,
          selected: true,
        })),
    ];
    const replanned = new Map(
      input.unstarted.flatMap((d) => (d.action === 'replan' ? [[d.projectId, d.plannedStartDate] as const] : [])),
    );
    const backupFile = await createBackup(ctx, `年度结转前-${plan.fromYear}`);
    const today = ctx.today();
    await ctx.store.transaction(
      async () => {
        const touched = new Set([
          ...moves.map((m) => m.projectId),
          ...plan.money.map((m) => m.projectId),
          ...replanned.keys(),
        ]);
        const moveOf = new Map(moves.map((m) => [m.projectId, m]));
        const rollOf = new Map(plan.money.map((m) => [m.projectId, m]));
        for (const id of touched) {
          const stored = await getProject(ctx.store, id, plan.fromYear);
          if (!stored) continue;
          const before = pickProjectFields(stored);
          const move = moveOf.get(id);
          const roll = rollOf.get(id);
          const after = {
            ...before,
            stage: move?.toStage ?? before.stage,
            plannedStartDate: replanned.get(id) ?? before.plannedStartDate,
            investedBeforeYearYuan: roll?.newInvestedBeforeYearYuan ?? before.investedBeforeYearYuan,
            annualPlanYuan: roll ? 0 : before.annualPlanYuan,
          };
          await updateProject(ctx.store, id, before, after, meta);
          if (move) {
            await recordStageChange(
              ctx.store,
              id,
              {
                fromStage: move.fromStage,
                toStage: move.toStage,
                changedOn: today,
                reason: `年度结转：${move.reason}`,
              },
              meta,
            );
          }
        }
        await changeSetting(
          ctx.store,
          'planYear',
          String(plan.toYear),
          { oldValue: String(plan.fromYear), newValue: `${plan.toYear}（年度结转）` },
          meta,
        );
      },
      { idempotent: true },
    );
    return { toYear: plan.toYear, backupFile, moved: moves.length, rolled: plan.money.length };
  },

  'rollover.undo': async (ctx: AppContext, input: ParsedInput<'rollover.undo'>) => {
    const meta = await writeMeta(ctx);
    const file = ownBackupFile(ctx, input.backupFile);
    // a file in backups/ may have been replaced since the rollover: it is data only if its structure is the app's
    const inspected = inspectBackup(file);
    if (inspected.problem) throw new AppError('backup_damaged', `该备份不能用于撤销：${inspected.problem}。`);
    // the state being undone is itself kept, so an undo can be undone by hand
    await createBackup(ctx, '撤销结转前');
    const text = `撤销年度结转，恢复备份 ${file}`;
    if (ctx.engine === 'postgres') {
      await loadBackupIntoServer(ctx, file, { operator: meta.operator, text, at: meta.now });
      return appStatus(ctx);
    }
    const db = ctx.db;
    // the attachment files the backup's rows need, back in the data folder (verified); a missing one is named in
    // the undo's line, not refused: the rollover's own backup is being undone
    const files = await filesBeforeRestore(ctx.dataDir, file, { allowMissing: true });
    const line = files ? noteWithMissing(text, files) : text;
    try {
      // the file is restored in place through its own handle: in the Store's turn, so that no request's
      // transaction is open on it meanwhile
      await ctx.store.snapshot(() =>
        withPlainBackup(file, (plain) => {
          const problem = inspectBackup(plain).problem;
          if (problem) throw new AppError('backup_damaged', `该备份不能用于撤销：${problem}。`);
          restoreInPlace(db, plain, { text: line, meta });
        }),
      );
    } catch (error) {
      if (error instanceof PackDamaged) throw new AppError('backup_damaged', `该备份不能用于撤销：${error.message}。`);
      throw error;
    }
    return appStatus(ctx);
  },
};

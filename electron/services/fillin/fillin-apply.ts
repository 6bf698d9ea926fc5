import crypto from 'node:crypto';
import { AppError } from '../../../db/errors';
import { DISPATCH_FIELDS, type DispatchTexts } from '../../../db/model/dispatch';
import { pickProjectFields, type ProjectFields } from '../../../db/model/project';
import { parseWeek } from '../../../db/model/weeks';
import { writeOperationNote } from '../../../db/queries/audit';
import { trialRun } from '../../../db/trial-run';
import { saveEntry } from '../../../db/queries/dispatch';
import { getProject } from '../../../db/queries/projects-read';
import { setMonthlyInvestment, updateProject, type WriteMeta } from '../../../db/queries/projects-write';
import type { FillinPreview, FillinResult } from '../../../db/model/fillin';
import { validateProject } from '../project-validation';
import { planYearOf, writeMeta } from '../session';
import type { AppContext } from '../app-context';
import { createBackup } from '../backup';
import { dispatchWeekRows } from '../dispatch-week';
import { periodLabel, type FillinPeriod } from './fillin-layout';
import { readFillinFiles, type FillinFile, type FillinReading, type FillinWrite } from './fillin-read';

// Applies what returned sheets say, all files in one transaction, each row in a savepoint so a row the
// project rules refuse is reported and the rest still apply. The preview is the same run rolled back.

/** A week's writer: the rows the sheets change, read once (the view lists every project, so not per row). */
async function weekWriter(ctx: AppContext, week: string, writes: FillinWrite[], meta: WriteMeta) {
  const parsed = parseWeek(week);
  if (!parsed) throw new AppError('invalid_input', '调度周不正确');
  const ids = new Set(writes.map((w) => w.projectId));
  const { view, snapshots } = await dispatchWeekRows(ctx.store, parsed, await planYearOf(ctx), ctx.today(), ids);
  const rows = new Map(view.rows.map((r) => [r.projectId, r]));
  return async (write: FillinWrite) => {
    const row = rows.get(write.projectId);
    if (!row) throw new AppError('not_found', '找不到该项目，可能已被删除');
    const texts = Object.fromEntries(
      DISPATCH_FIELDS.map((f) => [f, String(write.values[f] ?? '')]),
    ) as unknown as DispatchTexts;
    await saveEntry(ctx.store, write.projectId, week, texts, snapshots.get(write.projectId)!, meta, row);
  };
}

async function writeMonth(
  ctx: AppContext,
  year: number,
  month: number,
  write: FillinWrite,
  meta: WriteMeta,
): Promise<void> {
  const planYear = await planYearOf(ctx);
  const project = await getProject(ctx.store, write.projectId, planYear);
  if (!project) throw new AppError('not_found', '找不到该项目，可能已被删除');
  const before = { ...pickProjectFields(project), responsibleUnitIds: project.responsibleUnitIds };
  const after: ProjectFields = { ...before };
  const v = write.values;
  if (typeof v.progressText === 'string') after.progressText = v.progressText;
  if (typeof v.actualStartDate === 'string') after.actualStartDate = v.actualStartDate;
  if (typeof v.inStatistics === 'boolean') after.inStatistics = v.inStatistics;
  const fields = await validateProject(
    { store: ctx.store, today: ctx.today(), planYear, before: { ...before, id: project.id } },
    after,
  );
  await updateProject(ctx.store, project.id, before, fields, meta);
  if (typeof v.amount === 'number') await setMonthlyInvestment(ctx.store, project.id, year, month, v.amount, meta);
}

async function run(ctx: AppContext, period: FillinPeriod, reading: FillinReading, keep: boolean): Promise<void> {
  const meta = await writeMeta(ctx);
  const writeAll = async () => {
    const writeOne =
      period.kind === 'week'
        ? await weekWriter(ctx, period.week, reading.writes, meta)
        : (write: FillinWrite) => writeMonth(ctx, period.year, period.month, write, meta);
    for (const write of reading.writes) {
      try {
        // a savepoint per row: a row the rules refuse leaves nothing behind, and the others still apply
        await ctx.store.transaction(() => writeOne(write));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const file = reading.files.find((f) => f.fileName === write.fileName);
        if (file) {
          file.rows = file.rows.filter((r) => r.row !== write.row);
          file.problems.push({ row: write.row, message: error.message });
        }
      }
    }
  };
  const audit = async () => {
    const rows = reading.files.reduce((sum, f) => sum + f.rows.length, 0);
    const files = reading.files.filter((f) => f.accepted).length;
    const text = `读取${periodLabel(period)}填报表${files}份，更新${rows}个项目`;
    await writeOperationNote(ctx.store, { entity: 'fillin', action: 'update', text }, meta);
  };
  await trialRun(ctx.store, keep, writeAll, audit);
}

function previewOf(period: FillinPeriod, reading: FillinReading): FillinPreview {
  const body = { periodLabel: periodLabel(period), files: reading.files };
  const fingerprint = crypto.createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16);
  return { ...body, fingerprint };
}

export async function previewFillin(
  ctx: AppContext,
  period: FillinPeriod,
  files: FillinFile[],
): Promise<FillinPreview> {
  const reading = await readFillinFiles(ctx, period, files);
  await run(ctx, period, reading, false);
  return previewOf(period, reading);
}

export async function applyFillin(
  ctx: AppContext,
  period: FillinPeriod,
  files: FillinFile[],
  fingerprint: string,
): Promise<FillinResult> {
  const preview = await previewFillin(ctx, period, files);
  if (preview.fingerprint !== fingerprint) {
    throw new AppError('preview_stale', '预览之后文件或库中数据已有变化，请重新预览后再确认');
  }
  if (!preview.files.some((f) => f.rows.length)) {
    throw new AppError('nothing_to_import', '这些填报表没有需要更新的内容，未做任何修改');
  }
  const backupFile = await createBackup(ctx, '读取填报表前');
  const reading = await readFillinFiles(ctx, period, files);
  await run(ctx, period, reading, true);
  return { ...previewOf(period, reading), backupFile };
}

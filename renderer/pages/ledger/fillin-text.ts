import type { ExportedFile, FillinFileResult } from '../../../electron/api-spec';
import type { PeriodKind } from './fillin-period';

// Every sentence the 填报表 panel says, in one place so the wording stays the same.

export const FILLIN_NOTE = '各单位只填白色格子；灰色的项目信息和隐藏的识别码不要改动。收回后在下方读取。';

export const READ_EXPLANATION =
  '选择各单位交回的填报表（.xlsx，可一次选多份）。读取前会逐份核对周期、单位和识别码，确认后才写入；写入前自动备份数据库。';

export function generatedSentence(file: ExportedFile, units: number): string {
  return `已生成：${file.fileName}（${units}个单位，${file.rows}个项目）`;
}

/** The projects a preview would write; a project is taken from one file only, so rows never repeat one. */
export function projectsToUpdate(files: FillinFileResult[]): number {
  return new Set(files.flatMap((file) => file.rows.map((row) => row.projectId))).size;
}

/** 缺少N个项目的行：编号 名称、…: projects whose rows a unit deleted, which stay unreported for the period. */
export function missingSentence(file: FillinFileResult): string | null {
  const n = file.missing.length;
  if (n === 0) return null;
  const shown = file.missing.slice(0, 5).map((p) => `${p.code} ${p.name}`);
  const more = n > shown.length ? `等${n}个` : '';
  return `缺少${n}个项目的行：${shown.join('、')}${more}。这些项目本期不算已报送；如是误删，请该单位用原表重新填写。`;
}

export function missingRows(files: FillinFileResult[]): number {
  return files.reduce((sum, file) => sum + (file.accepted ? file.missing.length : 0), 0);
}

export function problemRows(files: FillinFileResult[]): number {
  return files.reduce((sum, file) => sum + file.problems.length, 0);
}

/**
 * 共N份：可读取X份，不读取Y份；将更新Z个项目；W行有问题未读取 (the last part only when there are such rows);
 * once applied the same counts read as what was done.
 */
export function previewSummary(files: FillinFileResult[], applied = false): string {
  const accepted = files.filter((file) => file.accepted).length;
  const rejected = files.length - accepted;
  const parts = applied
    ? [`共${files.length}份：已读取${accepted}份，未读取${rejected}份`, `已更新${projectsToUpdate(files)}个项目`]
    : [`共${files.length}份：可读取${accepted}份，不读取${rejected}份`, `将更新${projectsToUpdate(files)}个项目`];
  const problems = problemRows(files);
  if (problems > 0) parts.push(`${problems}行有问题未读取`);
  const missing = missingRows(files);
  if (missing > 0) parts.push(`${missing}个项目的行被删去`);
  return parts.join('；');
}

export function confirmSentence(projects: number): string {
  return `将按填报表更新${projects}个项目。更新前会自动备份数据库。`;
}

export function appliedSentence(projects: number, backup: string): string {
  return `已更新${projects}个项目。更新前的数据已备份：${backup}`;
}

/** A row the unit returned exactly as it was sent: reading it still confirms it for the period. */
export function unchangedRowText(kind: PeriodKind): string {
  return kind === 'week' ? '确认沿用上周内容' : '确认无变化';
}

export const EMPTY_VALUE = '（空）';

/** Why “确认更新” cannot be pressed, or null when it can. */
export function applyBlocker(files: FillinFileResult[]): string | null {
  if (projectsToUpdate(files) > 0) return null;
  if (!files.some((file) => file.accepted)) return '没有可读取的填报表';
  return problemRows(files) > 0 ? '没有可更新的项目：有问题的行请各单位改正后重新交回' : '填报内容与库中一致，无需更新';
}

export function failureMessage(error: unknown, fallback: string): string {
  return error instanceof Error && error.message ? error.message : fallback;
}

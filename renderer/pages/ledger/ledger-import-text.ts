import type { ImportChainSource, ImportChange, ImportRowError, LedgerImportPreview } from '../../../electron/api-spec';

// Every sentence the import panel says about a preview or a result, in one place so the wording stays the same.

export const IMPORT_EXPLANATION =
  '可导入Excel工作簿（.xlsx）或CSV（UTF-8/GBK）；旧版.xls请先另存为.xlsx。标题行、两级表头、分节和小计行都能识别；导入前会自动备份。';

export function previewSummary(preview: LedgerImportPreview): string {
  const parts = [
    `新建 ${preview.creates.length} 个项目，更新 ${preview.updates.length} 个，无变化 ${preview.unchanged} 个`,
  ];
  if (preview.skipped > 0) parts.push(`跳过分节、小计等 ${preview.skipped} 行`);
  if (preview.warnings.length > 0) parts.push(`${preview.warnings.length} 条提醒`);
  if (preview.errors.length > 0) parts.push(`${preview.errors.length} 行有错误`);
  return parts.join('；');
}

export function confirmSentence(preview: LedgerImportPreview, skipErrors: boolean): string {
  const skipped = skipErrors && preview.errors.length > 0 ? `有错误的 ${preview.errors.length} 行不导入。` : '';
  return `将新建 ${preview.creates.length} 个、更新 ${preview.updates.length} 个项目。${skipped}导入前会自动备份数据库，可在备份中恢复。`;
}

export function importedSentence(created: number, updated: number, backup: string): string {
  return `已导入：新建 ${created} 个项目，更新 ${updated} 个项目。导入前的数据已备份：${backup}`;
}

/** After an import that skipped rows: which ones, so the clerk can fix them in the file and import it again. */
export function skippedRowsSentence(errors: ImportRowError[]): string | null {
  if (errors.length === 0) return null;
  const shown = errors.slice(0, 5).map((e) => `第${e.row}行${e.name ? ` ${e.name}` : ''}`);
  const more = errors.length > shown.length ? `等${errors.length}行` : '';
  return `未导入有错误的 ${errors.length} 行：${shown.join('、')}${more}。在表中改正后可再次导入这份台账，已导入的项目将显示为无变化。`;
}

/** “总投资：100,000.00万元 → 120,000.00万元”; an empty value reads “（空）”. */
export function changeText(change: ImportChange): string {
  return `${change.label}：${change.before ?? '（空）'} → ${change.after ?? '（空）'}`;
}

export const CHAIN_SOURCE_LABELS: Record<ImportChainSource, string> = {
  sheet: '表中注明',
  library: '库中原有',
  lead: '按链长',
  chosen: '已选定',
  proposed: '按名称推断',
  default: '其余项目归入',
};

/** A reading of a column the clerk must confirm, as the question the preview asks. */
export function columnQuestions(preview: LedgerImportPreview): { header: string; question: string }[] {
  return preview.columns.flatMap((c) => (c.question ? [{ header: c.header, question: c.question }] : []));
}

/** Why “确认导入” cannot be pressed yet, or null when it can. */
export function applyBlocker(preview: LedgerImportPreview, skipErrors: boolean): string | null {
  const question = columnQuestions(preview)[0];
  if (question) return `请先确认“${question.header}”一列的含义`;
  if (preview.creates.length + preview.updates.length === 0) {
    return preview.errors.length > 0
      ? '没有可导入的项目：请改正表中有错误的行后重新选择文件'
      : '表中项目与项目库一致，无需导入';
  }
  if (preview.errors.length > 0 && !skipErrors) return '请改正有错误的行后重新选择文件，或勾选跳过这些行';
  return null;
}

import type { ExportedFile, MethodInput } from '../../electron/api-spec';
import { invoke } from '../api';
import { downloadFile } from '../download';

export type ExportMethod =
  | 'ledger.export'
  | 'ledger.exportDispatch'
  | 'ledger.exportProblems'
  | 'bulletin.export'
  | 'stats.export'
  | 'factors.export';

/** What the file's rows are, for the confirmation “已导出：…（N个项目）”. */
export type ExportedNoun = '项目' | '问题' | '单位' | '组';

/** Asks the app for the workbook and hands it to the clerk as a download; throws ApiError when refused. */
export async function exportExcel<M extends ExportMethod>(method: M, input: MethodInput<M>): Promise<ExportedFile> {
  const file = await invoke(method, input);
  downloadFile(file);
  return file;
}

export function exportedMessage(file: ExportedFile, noun: ExportedNoun): string {
  return `已导出：${file.fileName}（${file.rows}个${noun}）`;
}

export function exportErrorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : '导出未完成，请重试';
}

import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import type { ExportedFile } from '../../electron/api-spec';
import { exportedMessage, exportErrorMessage, type ExportedNoun } from './export-excel';

interface ExcelExportButtonProps {
  /** builds and downloads the workbook with the options on screen */
  onExport(): Promise<ExportedFile>;
  noun: ExportedNoun;
  disabled?: boolean;
}

/** “导出Excel” beside the print buttons: the same rows as the paper, as a workbook. */
export function ExcelExportButton({ onExport, noun, disabled }: ExcelExportButtonProps) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      message.success(exportedMessage(await onExport(), noun));
    } catch (error) {
      message.error(exportErrorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FileExcelOutlined />} loading={busy} disabled={disabled} onClick={() => void run()}>
      {busy ? '正在生成…' : '导出Excel'}
    </Button>
  );
}

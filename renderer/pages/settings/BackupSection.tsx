import { Alert, App, Button, Typography } from 'antd';
import { useState } from 'react';
import type { BackupInfo } from '../../../electron/api-spec';
import { ApiError, invoke } from '../../api';
import { MissingFilesList } from '../../components/backups/MissingFilesList';
import { useApi } from '../../hooks/use-api';
import { backupTitle } from '../../components/backups/data-safety-format';
import { AddBackupsFrom } from '../../components/backups/AddBackupsFrom';
import { BackupTable } from '../../components/backups/BackupTable';
import { DataSafetyFolderInput } from '../../components/backups/DataSafetyFolderInput';
import { DataSafetySection } from './DataSafetySection';
import { reloadApp } from './reload-app';

// long enough to read “已恢复” before the window reloads with the restored data
const RELOAD_DELAY_MS = 800;

/** 备份: a backup now, a copy onto a USB stick, and the list of backups with 恢复. */
export function BackupSection() {
  const backups = useApi('backups.list', {});
  const { modal, message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [copying, setCopying] = useState(false);
  const [copyError, setCopyError] = useState<string | null>(null);
  const [copiedFile, setCopiedFile] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function createNow() {
    setCreating(true);
    setFailure(null);
    try {
      const made = await invoke('backups.create', {});
      await backups.reload();
      message.success(`已备份（${made.projectCount}个项目）`);
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setCreating(false);
    }
  }

  async function copyTo(folder: string): Promise<boolean> {
    setCopying(true);
    setCopyError(null);
    setCopiedFile(null);
    try {
      const { file } = await invoke('backups.copyTo', { folder });
      setCopiedFile(file);
      return true;
    } catch (error) {
      setCopyError((error as Error).message);
      return false;
    } finally {
      setCopying(false);
    }
  }

  async function restore(backup: BackupInfo, allowMissingFiles = false) {
    setRestoring(backup.fileName);
    setFailure(null);
    try {
      const { missingFiles } = await invoke('backups.restore', { fileName: backup.fileName, allowMissingFiles });
      if (missingFiles.length) {
        // the clerk confirmed; the list is shown once more, since the window reloads after it
        modal.warning({
          title: `已恢复，${missingFiles.length}个附件文件缺失`,
          content: <MissingFilesList lines={missingFiles} />,
          okText: '知道了',
          width: 520,
          onOk: reloadApp,
        });
        return;
      }
      message.success('已恢复，正在重新载入数据…');
      window.setTimeout(reloadApp, RELOAD_DELAY_MS);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'backup_files_missing') {
        setRestoring(null);
        confirmMissingFiles(error.message, () => restore(backup, true));
        return;
      }
      setFailure((error as Error).message);
      setRestoring(null);
      await backups.reload();
    }
  }

  function confirmMissingFiles(text: string, onOk: () => Promise<void>) {
    modal.confirm({
      title: '这份备份缺少附件文件',
      content: text,
      okText: '仍然恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      focusable: { autoFocusButton: 'cancel' },
      width: 520,
      onOk,
    });
  }

  function askToRestore(backup: BackupInfo) {
    modal.confirm({
      title: '用这份备份替换现在的数据？',
      content: `将用 ${backupTitle(backup)}替换现在的数据。替换前会先备份现在的数据，可随时恢复回来。`,
      okText: '恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      focusable: { autoFocusButton: 'cancel' },
      width: 460,
      onOk: () => restore(backup),
    });
  }

  return (
    <DataSafetySection title="备份" hint="恢复时整份数据换成备份时的样子；备份之后录入的内容需要重新录入。">
      <div className="data-safety-toolbar">
        <Button type="primary" loading={creating} disabled={restoring !== null} onClick={() => void createNow()}>
          立即备份
        </Button>
        <DataSafetyFolderInput
          buttonLabel="备份到…"
          actionLabel="备份"
          inputLabel="备份到的文件夹"
          placeholder="U盘或文件夹的完整路径，如 E:\ 或 /media/usb"
          busy={copying}
          error={copyError}
          onEdit={() => {
            setCopyError(null);
            setCopiedFile(null);
          }}
          onFolder={copyTo}
        />
        <AddBackupsFrom onAdded={backups.reload} />
      </div>
      {copiedFile && (
        <div className="data-safety-done zd-text-green" role="status">
          已备份到：
          <Typography.Text copyable={{ text: copiedFile, tooltips: ['复制路径', '已复制'] }}>
            {copiedFile}
          </Typography.Text>
        </div>
      )}
      {failure && (
        <Alert
          className="data-safety-alert"
          type="error"
          showIcon
          title={failure}
          closable={{ onClose: () => setFailure(null) }}
        />
      )}
      {backups.error && !backups.data ? (
        <Alert type="error" showIcon title="无法读取备份列表" description={backups.error.message} />
      ) : (
        <BackupTable
          backups={backups.data ?? []}
          loading={backups.loading && !backups.data}
          restoring={restoring}
          onRestore={askToRestore}
          maxHeight={330}
        />
      )}
    </DataSafetySection>
  );
}

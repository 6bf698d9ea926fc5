import { ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, App, Button, Collapse, Spin, Typography } from 'antd';
import { useState } from 'react';
import type { AppStatus, BackupInfo } from '../../electron/api-spec';
import { ApiError, invoke } from '../api';
import { useApi } from '../hooks/use-api';
import { AddBackupsFrom } from '../components/backups/AddBackupsFrom';
import { BackupTable } from '../components/backups/BackupTable';
import { backupKindLabel, backupTitle, formatSize, formatTakenAt } from '../components/backups/data-safety-format';
import './recovery.css';

const ASK_FOR_HELP = '请联系维护人员，不要删除数据文件夹里的任何文件。';

/** Newest first whatever order the list came in; the first without a problem is the one to offer. */
function newestGood(backups: BackupInfo[]): BackupInfo | undefined {
  return [...backups].sort((a, b) => b.takenAt.localeCompare(a.takenAt)).find((b) => b.problem === null);
}

/** The screen's heading and what it offers, by what went wrong at start. */
function troubleOf(status: AppStatus) {
  const problem = status.startProblem;
  if (!problem) {
    return { title: '数据文件未通过检查', message: status.damage?.message ?? '', retry: null, backups: true };
  }
  if (problem.kind === 'missing_folder') {
    return { title: '找不到数据文件夹', message: problem.message, retry: '重新查找', backups: true };
  }
  const titles: Record<typeof problem.kind, string> = {
    disk_full: '磁盘空间不足',
    read_only: '数据文件夹只读',
    database_unavailable: '连接不上数据库服务器',
    database_refused: '数据库不能使用',
  };
  return { title: titles[problem.kind], message: problem.message, retry: '重试', backups: false };
}

/**
 * Shown instead of the app when the data cannot be used as it is: a file that failed its checks (never
 * written to; the way on is a good backup), moved data that went missing (look for it again, or restore a
 * backup here; no empty database is made), a full or read-only folder (free space, then retry), or a database
 * server that cannot be reached or holds a newer program's data (retry once it is up, or the program upgraded).
 */
export function RecoveryScreen({ status, onRestored }: { status: AppStatus; onRestored(): Promise<void> }) {
  const trouble = troubleOf(status);
  return (
    <div className="recovery">
      <main className="recovery-panel" aria-label="数据恢复">
        <div className="recovery-app zd-muted zd-small">{status.cityName}重点项目推进台</div>
        <h1 className="recovery-title zd-strong">
          <ExclamationCircleFilled className="zd-text-red" aria-hidden />
          {trouble.title}
        </h1>
        <p className="recovery-message">{trouble.message}</p>
        {status.damage && status.damage.details.length > 0 && (
          <Collapse
            className="recovery-details"
            size="small"
            ghost
            items={[
              {
                key: 'details',
                label: '技术细节',
                children: (
                  <ul className="recovery-details-list zd-small zd-secondary">
                    {status.damage.details.map((line, i) => (
                      <li key={i}>{line}</li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        )}
        {trouble.retry && <RetryButton label={trouble.retry} onRetried={onRestored} />}
        {trouble.backups && (
          <BackupsPart missing={status.startProblem?.kind === 'missing_folder'} onRestored={onRestored} />
        )}
      </main>
    </div>
  );
}

function RetryButton({ label, onRetried }: { label: string; onRetried(): Promise<void> }) {
  const [trying, setTrying] = useState(false);
  const [still, setStill] = useState<string | null>(null);
  async function retry() {
    setTrying(true);
    setStill(null);
    try {
      const status = await invoke('app.retryStart', {});
      if (status.startProblem) setStill(`仍然不行：${status.startProblem.message}`);
      else await onRetried();
    } catch (error) {
      setStill((error as Error).message);
    } finally {
      setTrying(false);
    }
  }
  return (
    <div className="recovery-retry">
      <Button type="primary" loading={trying} onClick={() => void retry()}>
        {label}
      </Button>
      {still && <Alert className="recovery-failure" type="warning" showIcon title={still} />}
    </div>
  );
}

function BackupsPart({ missing, onRestored }: { missing: boolean; onRestored(): Promise<void> }) {
  const backups = useApi('backups.list', {});
  const folder = useApi('dataFolder.get', {});
  const { modal } = App.useApp();
  const [restoring, setRestoring] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const list = backups.data ?? [];
  const recommended = newestGood(list);

  async function restore(backup: BackupInfo, allowMissingFiles = false) {
    setRestoring(backup.fileName);
    setFailure(null);
    try {
      await invoke('backups.restore', { fileName: backup.fileName, allowMissingFiles });
      await onRestored();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'backup_files_missing') {
        setRestoring(null);
        modal.confirm({
          title: '这份备份缺少附件文件',
          content: error.message,
          okText: '仍然恢复',
          cancelText: '取消',
          width: 520,
          onOk: () => restore(backup, true),
        });
        return;
      }
      setFailure((error as Error).message);
      setRestoring(null);
      await backups.reload();
    }
  }

  function askToRestore(backup: BackupInfo) {
    modal.confirm({
      title: '从这份备份恢复数据？',
      content: (
        <div className="recovery-confirm">
          {missing ? (
            <>
              <p>将在下面的数据文件夹中用 {backupTitle(backup)}恢复数据，今后使用这里的数据。</p>
              <p>备份时间之后录入的内容需要重新录入。如果日后找回了移走的数据，请联系维护人员合并。</p>
            </>
          ) : (
            <>
              <p>将用 {backupTitle(backup)}替换已损坏的数据文件。备份时间之后录入的内容需要重新录入。</p>
              <p>已损坏的数据文件不会删除，将另存到数据文件夹中的“damaged”子文件夹，供维护人员查看。</p>
            </>
          )}
        </div>
      ),
      okText: '恢复',
      cancelText: '取消',
      width: 480,
      onOk: () => restore(backup),
    });
  }

  let backupsPart;
  if (backups.error && !backups.data) {
    backupsPart = (
      <Alert type="error" showIcon title="无法读取备份列表" description={`${backups.error.message}${ASK_FOR_HELP}`} />
    );
  } else if (!backups.data) {
    backupsPart = <Spin description="正在查找备份…" />;
  } else {
    backupsPart = (
      <>
        {recommended ? (
          <div className="recovery-recommend">
            <div className="recovery-recommend-text">
              <div className="zd-muted zd-small">推荐使用最近的一份完好备份</div>
              <div className="recovery-recommend-what zd-strong">
                <span className="zd-num">{formatTakenAt(recommended.takenAt)}</span>
                <span>{backupKindLabel(recommended)}</span>
                <span>{recommended.projectCount}个项目</span>
                <span>{formatSize(recommended.sizeBytes)}</span>
              </div>
            </div>
            <Button
              type="primary"
              loading={restoring === recommended.fileName}
              disabled={restoring !== null && restoring !== recommended.fileName}
              onClick={() => askToRestore(recommended)}
            >
              从这份备份恢复（推荐）
            </Button>
          </div>
        ) : (
          <Alert
            className="recovery-none"
            type="warning"
            showIcon
            title={list.length === 0 ? '数据文件夹里没有任何备份' : '没有可用的完好备份'}
            description={`如曾用“备份到…”把数据备份到U盘，请插上U盘，点下面的“从U盘添加备份…”。否则${ASK_FOR_HELP}`}
          />
        )}
        <AddBackupsFrom onAdded={backups.reload} />
        {failure && <Alert className="recovery-failure" type="error" showIcon title={failure} />}
        {list.length > 0 && (
          <>
            <div className="recovery-list-title zd-muted zd-small">
              全部备份（{list.length}份）{recommended && list.length > 1 ? '：也可以选择其他完好的备份恢复' : ''}
            </div>
            <BackupTable
              backups={list}
              recommended={recommended?.fileName}
              restoring={restoring}
              onRestore={askToRestore}
              maxHeight={260}
            />
          </>
        )}
      </>
    );
  }

  return (
    <>
      <h2 className="recovery-section-title zd-strong">从备份恢复</h2>
      {backupsPart}
      <div className="recovery-folder zd-secondary zd-small">
        数据文件夹：
        {folder.data ? (
          <Typography.Text copyable={{ text: folder.data.dataDir, tooltips: ['复制路径', '已复制'] }}>
            {folder.data.dataDir}
          </Typography.Text>
        ) : (
          <span className="zd-faint">{folder.error ? folder.error.message : '正在读取…'}</span>
        )}
      </div>
    </>
  );
}

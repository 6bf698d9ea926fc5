import { Button, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { BackupInfo } from '../../../electron/api-spec';
import { backupKindLabel, formatSize, formatTakenAt } from './data-safety-format';
import './backups.css';

interface Props {
  backups: BackupInfo[];
  loading?: boolean;
  /** the row marked 推荐 (the recovery screen's newest good backup) */
  recommended?: string;
  /** the backup being restored: its button spins, the others wait */
  restoring: string | null;
  onRestore(backup: BackupInfo): void;
  /** the table scrolls inside this height instead of pushing the page down */
  maxHeight?: number;
}

/** The backups, newest first, each with its 恢复 button (or why it cannot be restored). */
export function BackupTable({ backups, loading, recommended, restoring, onRestore, maxHeight }: Props) {
  const columns: TableColumnsType<BackupInfo> = [
    {
      key: 'takenAt',
      title: '时间',
      width: 140,
      render: (_, backup) => (
        <span className="backup-time" title={backup.fileName}>
          {formatTakenAt(backup.takenAt)}
        </span>
      ),
    },
    {
      key: 'kind',
      title: '类别',
      width: 150,
      render: (_, backup) => (
        <>
          {backupKindLabel(backup)}
          {backup.fileName === recommended && (
            <Tag color="blue" className="backup-recommended-tag">
              推荐
            </Tag>
          )}
        </>
      ),
    },
    {
      key: 'projectCount',
      title: '项目数',
      width: 72,
      align: 'right',
      className: 'num',
      render: (_, backup) => (backup.problem ? '—' : backup.projectCount),
    },
    {
      key: 'size',
      title: '大小',
      width: 84,
      align: 'right',
      className: 'num',
      render: (_, backup) => formatSize(backup.sizeBytes),
    },
    {
      key: 'files',
      title: '附件',
      width: 96,
      align: 'right',
      className: 'num',
      render: (_, backup) =>
        backup.files ? (
          <span title={`${backup.files.count}个附件文件，共 ${formatSize(backup.files.bytes)}`}>
            {backup.files.count}个 {formatSize(backup.files.bytes)}
          </span>
        ) : (
          '—'
        ),
    },
    {
      key: 'action',
      title: '操作',
      render: (_, backup) => (
        <span className="backup-action">
          <Button
            size="small"
            type="link"
            aria-label={`恢复 ${formatTakenAt(backup.takenAt)} ${backupKindLabel(backup)}`}
            disabled={Boolean(backup.problem) || (restoring !== null && restoring !== backup.fileName)}
            loading={restoring === backup.fileName}
            onClick={() => onRestore(backup)}
          >
            恢复
          </Button>
          {backup.problem && <span className="zd-text-red">{backup.problem}</span>}
          {!backup.problem && backup.files?.problem && <span className="zd-text-yellow">{backup.files.problem}</span>}
        </span>
      ),
    },
  ];

  return (
    <Table<BackupInfo>
      className="settings-table backup-table"
      classNames={{ header: { cell: 'zd-cell-line' }, body: { cell: 'zd-cell-line' } }}
      size="small"
      rowKey="fileName"
      columns={columns}
      dataSource={backups}
      loading={loading}
      pagination={false}
      scroll={maxHeight ? { y: maxHeight } : undefined}
      rowClassName={(backup) =>
        backup.fileName === recommended ? 'backup-row-recommended' : backup.problem ? 'backup-row-bad' : ''
      }
      locale={{ emptyText: '还没有备份' }}
    />
  );
}

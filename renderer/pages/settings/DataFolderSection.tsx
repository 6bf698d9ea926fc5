import { Alert, App, Spin, Typography } from 'antd';
import { useState } from 'react';
import type { DataFolderInfo } from '../../../electron/api-spec';
import { invoke } from '../../api';
import { chosenFolderPath } from '../../chosen-folders';
import { useApi } from '../../hooks/use-api';
import { formatSize } from '../../components/backups/data-safety-format';
import { DataSafetyFolderInput } from '../../components/backups/DataSafetyFolderInput';
import { DataSafetySection } from './DataSafetySection';

const MOVE_EXPLAIN = '将复制全部数据和备份到新文件夹，核对无误后改用新位置；原文件夹保留一份改名的旧文件和去向说明。';

function Path({ value }: { value: string }) {
  return (
    <Typography.Text className="data-safety-path-text" copyable={{ text: value, tooltips: ['复制路径', '已复制'] }}>
      {value}
    </Typography.Text>
  );
}

/** Where the data is and how large, and where its backups are: the data folder and file, or the database. */
function DataFacts({ info }: { info: DataFolderInfo }) {
  const onServer = info.engine === 'postgres';
  return (
    <dl className="zd-facts data-safety-facts">
      {!onServer && (
        <>
          <dt>数据文件夹</dt>
          <dd>
            <Path value={info.dataDir} />
          </dd>
        </>
      )}
      <dt>{onServer ? '数据库' : '数据文件'}</dt>
      <dd>
        <span className="num">{formatSize(info.sizeBytes)}</span>
        <span className="zd-muted zd-small data-safety-file">{info.databaseFile}</span>
      </dd>
      <dt>备份文件夹</dt>
      <dd>
        <Path value={info.backupDir} />
      </dd>
    </dl>
  );
}

/** On a database server: the library is the server's (its DBA's), the folder holds the server's backups. */
function ServerDataSection({ info }: { info: DataFolderInfo }) {
  return (
    <DataSafetySection
      title="数据库服务器"
      hint="全部项目数据保存在数据库服务器上，由服务器管理员维护；程序的备份保存在服务器的备份文件夹里。"
    >
      <DataFacts info={info} />
    </DataSafetySection>
  );
}

/** 数据文件夹: where the data and its backups live, and moving them (offices keep data on D:). */
export function DataFolderSection() {
  const folder = useApi('dataFolder.get', {});
  const { modal, message } = App.useApp();
  const [moved, setMoved] = useState<DataFolderInfo>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const info = moved ?? folder.data;

  async function move(target: string): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      const fresh = await invoke('dataFolder.move', { target });
      setMoved(fresh);
      message.success(`数据文件夹已移到：${fresh.dataDir}`);
      return true;
    } catch (failure) {
      setError((failure as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  }

  function askToMove(target: string): Promise<boolean> {
    return new Promise((resolve) => {
      modal.confirm({
        title: '移动数据文件夹？',
        content: (
          <div className="data-safety-confirm">
            <p>
              新位置：<span className="data-safety-confirm-path zd-strong">{chosenFolderPath(target)}</span>
            </p>
            <p>{MOVE_EXPLAIN}</p>
          </div>
        ),
        okText: '移动',
        cancelText: '取消',
        width: 480,
        onOk: async () => resolve(await move(target)),
        onCancel: () => resolve(false),
      });
    });
  }

  if (info?.engine === 'postgres') return <ServerDataSection info={info} />;

  let body;
  if (!info) {
    body = folder.error ? (
      <Alert type="error" showIcon title="无法读取数据文件夹" description={folder.error.message} />
    ) : (
      <Spin size="small" description="正在读取…" />
    );
  } else {
    body = (
      <Spin spinning={busy} description="正在复制并核对数据…">
        <DataFacts info={info} />
      </Spin>
    );
  }

  return (
    <DataSafetySection
      title="数据文件夹"
      hint="全部项目数据保存在这个文件夹里。建议放在D盘等非系统盘，重装系统时不会丢失。"
    >
      {body}
      <DataSafetyFolderInput
        buttonLabel="移动到其他位置…"
        actionLabel="移动"
        inputLabel="新的数据文件夹"
        placeholder="新文件夹的完整路径，如 D:\重点项目数据"
        busy={busy}
        error={error}
        onEdit={() => setError(null)}
        onFolder={askToMove}
      />
    </DataSafetySection>
  );
}

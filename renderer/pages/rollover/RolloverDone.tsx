import { Alert, App, Button, Result, Typography } from 'antd';
import { useState } from 'react';
import { useLocation } from 'wouter';
import type { RolloverResult } from '../../../electron/api-spec';
import type { RolloverProposal } from '../../../db/model/rollover';
import { invoke } from '../../api';

interface RolloverDoneProps {
  proposal: RolloverProposal;
  result: RolloverResult;
  onRefreshStatus(): Promise<void>;
  onRestart(): Promise<void>;
}

type UndoState = { phase: 'idle' } | { phase: 'undoing' } | { phase: 'undone' } | { phase: 'failed'; message: string };

/** Step 4 完成: where the backup is, what moved, and the way back. */
export function RolloverDone({ proposal, result, onRefreshStatus, onRestart }: RolloverDoneProps) {
  const { modal } = App.useApp();
  const [, navigate] = useLocation();
  const [undo, setUndo] = useState<UndoState>({ phase: 'idle' });

  async function runUndo() {
    setUndo({ phase: 'undoing' });
    try {
      await invoke('rollover.undo', { backupFile: result.backupFile });
      setUndo({ phase: 'undone' });
    } catch (error) {
      setUndo({ phase: 'failed', message: (error as Error).message || '撤销未完成，数据未改动。' });
    } finally {
      await onRefreshStatus();
    }
  }

  function askToUndo() {
    modal.confirm({
      title: '撤销本次年度结转？',
      content: `将用结转前的备份恢复全部数据，计划年度改回${proposal.fromYear}年。结转之后所做的其他修改也会一并撤销。撤销前的数据另行备份。`,
      okText: '撤销结转',
      okButtonProps: { danger: true },
      cancelText: '不撤销',
      autoFocusButton: 'cancel',
      onOk: () => {
        void runUndo();
      },
    });
  }

  const backup = (
    <div className="rollover-backup">
      <span className="rollover-backup-label zd-nowrap zd-muted">结转前备份：</span>
      <Typography.Text copyable={{ text: result.backupFile, tooltips: ['复制路径', '已复制'] }} code>
        {result.backupFile}
      </Typography.Text>
    </div>
  );

  if (undo.phase === 'undone') {
    return (
      <div className="rollover-panel rollover-done">
        <Result
          status="info"
          title="已撤销本次结转"
          subTitle={`数据已恢复到结转前，计划年度为${proposal.fromYear}年。`}
          extra={[
            <Button key="again" type="primary" onClick={() => void onRestart()}>
              重新开始结转
            </Button>,
            <Button key="library" onClick={() => navigate('/projects')}>
              查看项目库
            </Button>,
          ]}
        >
          {backup}
        </Result>
      </div>
    );
  }

  return (
    <div className="rollover-panel rollover-done">
      <Result
        status="success"
        title={`已结转到${result.toYear}年度`}
        subTitle={`变更了 ${result.moved} 个项目的阶段，结转了 ${result.rolled} 个项目的投资数字，计划年度已改为${result.toYear}年。`}
        extra={[
          <Button key="library" type="primary" onClick={() => navigate('/projects')}>
            查看项目库
          </Button>,
          <Button key="dashboard" onClick={() => navigate('/dashboard')}>
            回到工作台
          </Button>,
          <Button key="undo" danger loading={undo.phase === 'undoing'} onClick={askToUndo}>
            撤销本次结转
          </Button>,
        ]}
      >
        {backup}
        {undo.phase === 'failed' && (
          <Alert className="rollover-alert" type="error" showIcon title="撤销未完成" description={undo.message} />
        )}
        <p className="rollover-done-next zd-muted">
          接下来：请在项目库中为{result.toYear}年各项目填报“本年计划投资”，新列入新开工的项目核对计划开工日期。
        </p>
      </Result>
    </div>
  );
}

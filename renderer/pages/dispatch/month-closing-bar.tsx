import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Button, Input, Tooltip } from 'antd';
import { useState } from 'react';
import type { MonthClosingState } from '../../../db/model/month-closing';
import { invoke } from '../../api';
import { useApi } from '../../hooks/use-api';
import { useMayCall } from '../../app/session/session';

/** 时序进度 as the clerk reads it: “1—N月，N/12 = 50.0%”. */
function progressText(closedThrough: number): string {
  if (closedThrough === 0) return '尚未关账，按0计';
  return `1—${closedThrough}月（${((closedThrough / 12) * 100).toFixed(1)}%）`;
}

interface MonthClosingBarProps {
  year: number;
}

/**
 * 月度关账: 时序进度 counts only months the office has closed, so a figure typed early moves nobody's light.
 * The clerk closes the next month once every unit has reported it, and may reopen the last one with a reason.
 */
export function MonthClosingBar({ year }: MonthClosingBarProps) {
  const { message, modal } = App.useApp();
  const state = useApi('investment.months', { year });
  const [busy, setBusy] = useState(false);
  const mayClose = useMayCall()('investment.closeMonth');
  if (!state.data) return <span className="zd-strong">时序进度：{state.error ? '读取失败' : '…'}</span>;
  const { closedThrough, currentMonth } = state.data;
  const next = closedThrough + 1;
  const canClose = next <= 12 && next <= currentMonth;

  async function run(change: () => Promise<MonthClosingState>, done: string) {
    setBusy(true);
    try {
      await change();
      message.success(done);
      await state.reload();
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function askClose() {
    modal.confirm({
      title: `${year}年${next}月关账？`,
      content: `关账表示${next}月各项目的完成投资已报齐。关账后时序进度按1—${next}月计（${((next / 12) * 100).toFixed(1)}%），各项目的投资预警随之更新。关账可以重新打开。`,
      okText: '关账',
      cancelText: '取消',
      onOk: () => run(() => invoke('investment.closeMonth', { year, month: next }), `${year}年${next}月已关账`),
    });
  }

  function askReopen() {
    let reason = '';
    modal.confirm({
      title: `重新打开${year}年${closedThrough}月？`,
      content: (
        <div className="inv-reopen">
          <p>重新打开后时序进度退回1—{closedThrough - 1}月。请写明原因（记入变更记录）：</p>
          <Input.TextArea
            aria-label="重新打开的原因"
            autoSize={{ minRows: 2, maxRows: 4 }}
            maxLength={200}
            onChange={(e) => (reason = e.target.value)}
          />
        </div>
      ),
      okText: '重新打开',
      cancelText: '取消',
      onOk: async () => {
        if (!reason.trim()) {
          message.error('请填写重新打开的原因');
          throw new Error('no reason');
        }
        await run(
          () => invoke('investment.reopenMonth', { year, month: closedThrough, reason: reason.trim() }),
          `${year}年${closedThrough}月已重新打开`,
        );
      },
    });
  }

  return (
    <span className="inv-closing" aria-label="月度关账">
      <span className="zd-strong">时序进度：{progressText(closedThrough)}</span>
      {mayClose && canClose && (
        <Tooltip title={`${next}月各项目报齐后关账，时序进度即计入${next}月`}>
          <Button size="small" icon={<LockOutlined />} loading={busy} onClick={askClose}>
            {next}月关账
          </Button>
        </Tooltip>
      )}
      {mayClose && closedThrough > 0 && (
        <Button size="small" type="text" icon={<UnlockOutlined />} disabled={busy} onClick={askReopen}>
          重新打开{closedThrough}月
        </Button>
      )}
    </span>
  );
}

import { Alert, Button, Spin } from 'antd';
import { useState } from 'react';
import { useApi } from '../../hooks/use-api';
import { RolloverHeading, RolloverSteps } from './RolloverFrame';
import { RolloverWizard } from './RolloverWizard';
import './rollover.css';

/** 年度结转: loads the office's proposal, then hands it to the wizard. */
export function RolloverPage() {
  const preview = useApi('rollover.preview', {});
  // a new wizard (fresh ticks, step 1) for every proposal read, e.g. after an undo
  const [round, setRound] = useState(0);
  const restart = async () => {
    await preview.reload();
    setRound((r) => r + 1);
  };

  if (preview.error && !preview.data) {
    return (
      <div className="zd-page rollover-page">
        <RolloverHeading />
        <Alert
          type="error"
          showIcon
          title="结转方案读取失败"
          description={preview.error.message}
          action={
            <Button size="small" onClick={() => void preview.reload()}>
              重试
            </Button>
          }
        />
      </div>
    );
  }
  if (!preview.data) {
    return (
      <div className="zd-page rollover-page">
        <RolloverHeading />
        <RolloverSteps current={0} />
        <div className="rollover-loading">
          <Spin description="正在整理结转方案…">
            <div className="rollover-loading-box" />
          </Spin>
        </div>
      </div>
    );
  }
  return <RolloverWizard key={round} proposal={preview.data} onRestart={restart} />;
}

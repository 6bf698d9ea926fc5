import { Steps, Tag } from 'antd';
import type { RolloverProposal } from '../../../db/model/rollover';

export type WizardStep = 0 | 1 | 2 | 3;

const STEP_ITEMS = [
  { title: '说明', content: '结转内容' },
  { title: '预览', content: '逐项核对' },
  { title: '确认', content: '备份并执行' },
  { title: '完成', content: '可撤销' },
];

export function RolloverHeading({ proposal }: { proposal?: RolloverProposal }) {
  return (
    <h1 className="rollover-title zd-strong">
      年度结转
      {proposal && (
        <Tag className="rollover-years zd-num" color="blue">
          {proposal.fromYear}年 → {proposal.toYear}年
        </Tag>
      )}
    </h1>
  );
}

interface RolloverStepsProps {
  current: WizardStep;
  /** steps already passed can be revisited until the rollover is applied */
  onChange?(step: WizardStep): void;
}

export function RolloverSteps({ current, onChange }: RolloverStepsProps) {
  return (
    <Steps
      className="rollover-steps"
      size="small"
      current={current}
      onChange={onChange ? (step) => onChange(step as WizardStep) : undefined}
      items={STEP_ITEMS.map((item, index) => ({
        ...item,
        disabled: !onChange || index > current,
        status: index < current || (index === 3 && current === 3) ? 'finish' : undefined,
      }))}
    />
  );
}

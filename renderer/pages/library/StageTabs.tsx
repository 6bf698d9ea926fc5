import { Tabs } from 'antd';
import { STAGE_LABELS, STAGES, type Stage } from '../../../db/model/stages';
import { isStage, type StageCounts } from './library-filters';

const ALL = 'all';

interface StageTabsProps {
  /** null while the library is still arriving */
  counts: StageCounts | null;
  stage: Stage | null;
  onChange(stage: Stage | null): void;
}

export function StageTabs({ counts, stage, onChange }: StageTabsProps) {
  const tab = (key: Stage | typeof ALL, label: string) => ({
    key,
    label: (
      <span className="library-tab">
        {label}
        <span className="library-tab-count zd-faint zd-num"> {counts ? counts[key] : '…'}</span>
      </span>
    ),
  });
  return (
    <Tabs
      className="zd-none"
      styles={{ header: { marginBottom: 6 } }}
      size="small"
      activeKey={stage ?? ALL}
      onChange={(key) => onChange(isStage(key) ? key : null)}
      items={[tab(ALL, '全部'), ...STAGES.map((s) => tab(s, STAGE_LABELS[s]))]}
    />
  );
}

import { Tag } from 'antd';
import { STAGE_LABELS, type Stage } from '../../../db/model/stages';

const STAGE_COLORS: Record<Stage, string> = {
  reserve: 'default',
  preliminary: 'gold',
  new_start: 'blue',
  continuing: 'cyan',
  completed: 'green',
};

export function StageTag({ stage }: { stage: Stage }) {
  return (
    <Tag color={STAGE_COLORS[stage]} className="stage-tag">
      {STAGE_LABELS[stage]}
    </Tag>
  );
}

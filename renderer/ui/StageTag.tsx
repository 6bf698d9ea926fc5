import { Tag } from 'antd';
import { STAGE_LABELS, type Stage } from '../../db/model/stages';

/** A stage as a tag, in the stage's colour (ui/marks.css) as everywhere else. */
export function StageTag({ stage }: { stage: Stage }) {
  return <Tag className={`stage-tag stage-${stage}`}>{STAGE_LABELS[stage]}</Tag>;
}

import { Tag } from 'antd';
import { STAGE_LABELS, type Stage } from '../../db/model/stages';

/**
 * A stage in the stage's colour (ui/marks.css), the same on every screen: a tag in forms and headings,
 * `compact` in a grid's row, where a tag's frame and height would not fit.
 */
export function StageTag({ stage, compact = false }: { stage: Stage; compact?: boolean }) {
  if (compact) return <span className={`stage-badge stage-${stage}`}>{STAGE_LABELS[stage]}</span>;
  return <Tag className={`stage-tag stage-${stage}`}>{STAGE_LABELS[stage]}</Tag>;
}

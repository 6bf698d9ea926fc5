import { Tooltip } from 'antd';
import { LIGHT_LABELS, type LightLevel } from '../../../db/model/lights';

function reasonsTip(reasons: readonly string[]) {
  return (
    <ol className="light-tip">
      {reasons.map((reason) => (
        <li key={reason}>{reason}</li>
      ))}
    </ol>
  );
}

/** The coloured dot alone; its reasons are on the line below, so it needs no tooltip of its own. */
export function LightDot({ light }: { light: LightLevel }) {
  return (
    <span
      role="img"
      aria-label={LIGHT_LABELS[light]}
      title={LIGHT_LABELS[light]}
      className={`light-dot light-${light} board-light-dot`}
    />
  );
}

/** The first reason as text, with a count of the others; all of them in the tooltip. */
export function LightReason({ light, reasons }: { light: LightLevel; reasons: readonly string[] }) {
  if (!reasons.length) return null;
  return (
    <Tooltip title={reasonsTip(reasons)} placement="bottomLeft">
      <div className={`light-reason light-${light}`}>
        <span className="light-reason-text">{reasons[0]}</span>
        {reasons.length > 1 && <span className="light-reason-more">等{reasons.length}项</span>}
      </div>
    </Tooltip>
  );
}

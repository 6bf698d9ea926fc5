import { Tooltip } from 'antd';
import type { LightLevel } from '../../../db/model/lights';

function reasonsTip(reasons: readonly string[]) {
  return (
    <ol className="light-tip">
      {reasons.map((reason) => (
        <li key={reason}>{reason}</li>
      ))}
    </ol>
  );
}

/** The first reason as text, with a count of the others; all of them in the tooltip. */
export function LightReason({ light, reasons }: { light: LightLevel; reasons: readonly string[] }) {
  if (!reasons.length) return null;
  return (
    <Tooltip title={reasonsTip(reasons)} placement="bottomLeft">
      <div className={`light-reason zd-small zd-nowrap light-${light}`}>
        <span className="light-reason-text">{reasons[0]}</span>
        {reasons.length > 1 && <span className="light-reason-more">等{reasons.length}项</span>}
      </div>
    </Tooltip>
  );
}

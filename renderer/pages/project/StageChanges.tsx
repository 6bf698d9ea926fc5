import { STAGE_LABELS } from '../../../db/model/stages';
import type { StageChange } from '../../../db/model/project';

/** 阶段变更记录: when, from which stage to which, who, and why. */
export function StageChanges({ changes }: { changes: StageChange[] }) {
  if (!changes.length) return <div className="pd-empty">暂无阶段变更记录</div>;
  return (
    <table className="pd-grid pd-list">
      <thead>
        <tr>
          <th className="pd-col-date">变更日期</th>
          <th className="pd-col-stage">阶段变更</th>
          <th className="pd-col-person">办理人</th>
          <th>原因</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.id}>
            <td>{change.changedOn}</td>
            <td>
              {change.fromStage ? `${STAGE_LABELS[change.fromStage]} → ` : '新建 → '}
              {STAGE_LABELS[change.toStage]}
            </td>
            <td>{change.operator}</td>
            <td>{change.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

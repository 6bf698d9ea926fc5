import { Timeline } from 'antd';
import type { StageChange } from '../../../db/model/project';
import { STAGE_LABELS, stageIndex } from '../../../db/model/stages';

/** 阶段变更记录 as a timeline, newest first: when, from which stage to which, who, and why. */
export function StageTimeline({ changes }: { changes: StageChange[] }) {
  if (!changes.length) return <div className="pd-empty zd-faint">暂无阶段变更记录</div>;
  const newestFirst = [...changes].sort((a, b) =>
    a.changedOn === b.changedOn ? b.id - a.id : a.changedOn < b.changedOn ? 1 : -1,
  );
  return (
    <Timeline
      className="stage-timeline"
      items={newestFirst.map((change) => {
        const back = change.fromStage !== null && stageIndex(change.toStage) < stageIndex(change.fromStage);
        return {
          key: change.id,
          color: back ? 'red' : change.fromStage === null ? 'gray' : 'blue',
          content: (
            <div className="st-item">
              <span className="st-date zd-num">{change.changedOn}</span>
              <span className={back ? 'st-move zd-text-red' : 'st-move'}>
                {change.fromStage ? `${STAGE_LABELS[change.fromStage]} → ` : '新建 → '}
                {STAGE_LABELS[change.toStage]}
              </span>
              <span className="st-person">{change.operator}</span>
              {change.reason && <span className="zd-long">{change.reason}</span>}
            </div>
          ),
        };
      })}
    />
  );
}

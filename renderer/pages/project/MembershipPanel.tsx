import { Button } from 'antd';
import { useState } from 'react';
import { SUSPENSION_LABELS, type ListStay, type SuspensionSpell } from '../../../db/model/list-membership';
import { useMayCall } from '../../app/session/session';
import { useApi } from '../../hooks/use-api';
import { MembershipDialog, type MembershipMove } from './MembershipDialog';

const NOT_RECORDED = '建档时已列入';

/** Newest first: a stay that is still open, then by the day it began (undated ones last). */
function staysNewestFirst(stays: readonly ListStay[]): ListStay[] {
  return [...stays].sort(
    (a, b) =>
      Number(a.leftOn !== null) - Number(b.leftOn !== null) ||
      (b.joinedOn ?? '').localeCompare(a.joinedOn ?? '') ||
      b.id - a.id,
  );
}

function StayRows({ stays }: { stays: readonly ListStay[] }) {
  return (
    <table className="zd-table pd-list ms-table">
      <thead>
        <tr>
          <th className="ms-col-level">名单</th>
          <th className="ms-col-date">调入日期</th>
          <th>调入原因</th>
          <th className="ms-col-date">调出日期</th>
          <th>调出原因</th>
        </tr>
      </thead>
      <tbody>
        {staysNewestFirst(stays).map((s) => (
          <tr key={s.id} className={s.leftOn ? 'ms-left' : undefined}>
            <td className="zd-nowrap">{s.levelName}</td>
            <td className="zd-num zd-nowrap">{s.joinedOn ?? <span className="zd-faint">{NOT_RECORDED}</span>}</td>
            <td className="zd-long">{s.joinReason}</td>
            <td className="zd-num zd-nowrap">{s.leftOn ?? <span className="zd-text-green">仍在名单</span>}</td>
            <td className="zd-long">{s.leaveReason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SpellRows({ spells }: { spells: readonly SuspensionSpell[] }) {
  return (
    <table className="zd-table pd-list ms-table">
      <thead>
        <tr>
          <th className="ms-col-level">状态</th>
          <th className="ms-col-date">起始日期</th>
          <th>原因</th>
          <th className="ms-col-date">结束</th>
          <th>说明</th>
        </tr>
      </thead>
      <tbody>
        {[...spells].reverse().map((s) => (
          <tr key={s.id} className={s.resumedOn ? 'ms-left' : undefined}>
            <td className="zd-nowrap">{SUSPENSION_LABELS[s.kind]}</td>
            <td className="zd-num zd-nowrap">{s.since}</td>
            <td className="zd-long">{s.reason}</td>
            <td className="zd-num zd-nowrap">
              {s.resumedOn ?? <span className="zd-strong">未复工</span>}
              {s.resumedOn && !s.resumeNote.startsWith('转为') && <span className="zd-faint"> 复工</span>}
            </td>
            <td className="zd-long">{s.resumeNote}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface Props {
  project: { id: number; name: string };
  /** after a move: the page reads the project and its history again */
  onChanged(): void;
}

/**
 * 名单与停缓建 (动态管理): the key lists the project is on with each 调入/调出 and its reason, and its 停建/缓建
 * spells with 复工. The office records each as a dated step; leaders and units read it.
 */
export function MembershipPanel({ project, onChanged }: Props) {
  const mayCall = useMayCall();
  const history = useApi('levels.history', { projectId: project.id });
  const reference = useApi('reference.list', {});
  const [move, setMove] = useState<MembershipMove | null>(null);
  const data = history.data;
  if (!data) {
    return (
      <div className="pd-empty zd-faint">{history.error ? `名单读取失败：${history.error.message}` : '正在读取…'}</div>
    );
  }
  const open = data.stays.filter((s) => s.leftOn === null);
  const joinable = (reference.data?.levels ?? []).filter((l) => !l.retired && !open.some((s) => s.levelId === l.id));
  const mayTransfer = mayCall('levels.transfer');
  const maySuspend = mayCall('projects.suspend');
  const { suspended } = data;
  return (
    <div className="ms-panel">
      <div className="ms-now">
        <span className="ms-label zd-faint">现在所在名单</span>
        {open.length === 0 && <span className="zd-faint">未列入任何名单</span>}
        {open.map((s) => (
          <span key={s.id} className="ms-level">
            <b>{s.levelName}</b>
            <span className="zd-faint zd-small">{s.joinedOn ? `${s.joinedOn}调入` : NOT_RECORDED}</span>
            {mayTransfer && (
              <Button
                size="small"
                type="link"
                onClick={() => setMove({ kind: 'out', levelId: s.levelId, levelName: s.levelName })}
              >
                调出…
              </Button>
            )}
          </span>
        ))}
        {mayTransfer && (
          <Button size="small" onClick={() => setMove({ kind: 'in' })} disabled={!joinable.length}>
            调入名单…
          </Button>
        )}
      </div>
      <div className="ms-now">
        <span className="ms-label zd-faint">建设状态</span>
        {suspended ? (
          <span className="ms-level">
            <span className="suspended-mark">{SUSPENSION_LABELS[suspended.kind]}</span>
            <span>
              {suspended.since}起：{suspended.reason}
            </span>
            <span className="zd-faint zd-small">不亮红黄绿灯，不计入灯的统计</span>
          </span>
        ) : (
          <span>正常建设</span>
        )}
        {maySuspend && (
          <Button size="small" onClick={() => setMove({ kind: 'suspend' })}>
            {suspended
              ? `转为${SUSPENSION_LABELS[suspended.kind === 'deferred' ? 'halted' : 'deferred']}…`
              : '停建/缓建…'}
          </Button>
        )}
        {maySuspend && suspended && (
          <Button size="small" type="primary" onClick={() => setMove({ kind: 'resume' })}>
            复工…
          </Button>
        )}
      </div>
      {data.stays.length > 0 && (
        <>
          <h4 className="pd-section-title">调入调出记录</h4>
          <StayRows stays={data.stays} />
        </>
      )}
      {data.suspensions.length > 0 && (
        <>
          <h4 className="pd-section-title">停建/缓建记录</h4>
          <SpellRows spells={data.suspensions} />
        </>
      )}
      {move && (
        <MembershipDialog
          projectId={project.id}
          projectName={project.name}
          move={move}
          levels={joinable}
          suspended={suspended?.kind ?? null}
          onClose={() => setMove(null)}
          onDone={() => {
            setMove(null);
            void history.reload();
            onChanged();
          }}
        />
      )}
    </div>
  );
}

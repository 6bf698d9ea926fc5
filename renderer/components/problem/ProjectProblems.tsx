import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { isOpen, PROBLEM_CATEGORY_LABELS, type ProblemListRow } from '../../../db/model/problems';
import { RaiseProblemDialog } from '../RaiseProblemDialog';
import { useApi } from '../../hooks/use-api';
import { ProblemDrawer } from './ProblemDrawer';
import { OverdueMark, ProblemStatusTag } from './ProblemStatusTag';
import { chooseSlips } from '../slip-choice';
import './problem-detail.css';
import { useMayCall } from '../../app/session/session';

interface ProjectProblemsProps {
  project: { id: number; code: string; name: string };
  /** a problem was raised, moved or edited: the project's light may have changed */
  onChanged(): void;
}

/** Open problems first, the longest overdue on top; struck-off ones after, newest first. */
function ordered(rows: ProblemListRow[]): ProblemListRow[] {
  return rows
    .slice()
    .sort(
      (a, b) =>
        Number(isOpen(b.status)) - Number(isOpen(a.status)) ||
        b.daysOverdue - a.daysOverdue ||
        (isOpen(a.status) ? a.code.localeCompare(b.code) : b.code.localeCompare(a.code)),
    );
}

function unitsText(p: ProblemListRow): string {
  const names = [p.leadUnitName, ...p.responsibleUnitNames.filter((n) => n !== p.leadUnitName)].filter(Boolean);
  return names.join('、');
}

/** 问题协调 on the project page: the project's problems, raised and followed up right here. */
export function ProjectProblems({ project, onChanged }: ProjectProblemsProps) {
  const problems = useApi('problems.list', { projectId: project.id });
  const [raising, setRaising] = useState(false);
  const mayCall = useMayCall();
  const [openId, setOpenId] = useState<number | null>(null);
  const rows = ordered(problems.data ?? []);
  const open = rows.filter((p) => isOpen(p.status)).length;
  const overdue = rows.filter((p) => p.daysOverdue > 0).length;
  const changed = () => {
    void problems.reload();
    onChanged();
  };

  return (
    <section className="zd-panel pd-panel" aria-label="问题协调">
      <div className="pp-head">
        <h3 className="zd-panel-title">
          问题协调
          {rows.length > 0 && (
            <span className="zd-panel-note">
              未销号 {open} 个{overdue > 0 && <span className="zd-text-red">，超期 {overdue} 个</span>}
              {rows.length > open && `，已销号 ${rows.length - open} 个`}
            </span>
          )}
        </h3>
        {mayCall('problems.create') && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setRaising(true)}>
            登记问题
          </Button>
        )}
      </div>
      {problems.error && !problems.data ? (
        <div className="pd-empty zd-faint">问题读取失败：{problems.error.message}</div>
      ) : !problems.data ? (
        <div className="pd-empty zd-faint">正在读取…</div>
      ) : rows.length === 0 ? (
        <div className="pd-empty zd-faint">
          暂无问题。调度会上提出的需协调事项，可点“登记问题”记入，交办责任单位跟踪办理。
        </div>
      ) : (
        <table className="zd-table zd-table-hover pp-table">
          <colgroup>
            <col style={{ width: 104 }} />
            <col />
            <col style={{ width: 76 }} />
            <col style={{ width: 200 }} />
            <col style={{ width: 92 }} />
            <col style={{ width: 92 }} />
            <col style={{ width: 84 }} />
            <col style={{ width: 86 }} />
          </colgroup>
          <thead>
            <tr>
              <th>编号</th>
              <th>问题描述</th>
              <th>类别</th>
              <th>牵头/责任单位</th>
              <th className="num">登记日期</th>
              <th className="num">办结时限</th>
              <th>状态</th>
              <th className="num">超期</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr
                key={p.id}
                className={isOpen(p.status) ? undefined : 'is-closed'}
                aria-label={p.code}
                tabIndex={0}
                onClick={() => setOpenId(p.id)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') setOpenId(p.id);
                }}
              >
                <td className="num pp-code">{p.code}</td>
                <td className="pp-desc" title={p.description}>
                  {p.description}
                </td>
                <td>{PROBLEM_CATEGORY_LABELS[p.category]}</td>
                <td className="pp-units" title={unitsText(p)}>
                  {unitsText(p) || <span className="zd-hint">未指定</span>}
                </td>
                <td className="num">{p.raisedOn}</td>
                <td className="num">{p.deadline ?? <span className="zd-hint">未定</span>}</td>
                <td>
                  <ProblemStatusTag status={p.status} />
                </td>
                <td className="num">
                  <OverdueMark days={p.daysOverdue} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ProblemDrawer id={openId} onClose={() => setOpenId(null)} onChanged={changed} />
      <RaiseProblemDialog
        open={raising}
        project={project}
        onClose={() => setRaising(false)}
        onCreated={(created) => {
          setRaising(false);
          chooseSlips([created.id]);
          changed();
        }}
      />
    </section>
  );
}

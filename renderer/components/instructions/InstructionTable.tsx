import { Button, Popconfirm } from 'antd';
import { Link } from 'wouter';
import { INSTRUCTION_STATUS_LABELS, type InstructionRow } from '../../../db/model/instructions';
import { OverdueMark } from '../problem/ProblemStatusTag';
import './instructions.css';

export interface InstructionActions {
  onEdit(row: InstructionRow): void;
  onClose(row: InstructionRow): void;
  onReopen(row: InstructionRow): void;
  onToProblem(row: InstructionRow): void;
}

interface InstructionTableProps {
  rows: readonly InstructionRow[];
  /** the cross-project list names each 批示's project and 包挂领导 */
  showProject?: boolean;
  /** absent for whoever may only read (a leader): no buttons */
  actions?: InstructionActions;
  /** the 批示 being turned into a problem, whose button waits */
  busyId?: number | null;
}

function StatusText({ row }: { row: InstructionRow }) {
  if (row.status === 'closed') return <span className="zd-chip chip-green">已办结 {row.closedOn?.slice(5)}</span>;
  return <span className="zd-chip chip-blue">{INSTRUCTION_STATUS_LABELS.open}</span>;
}

/** 领导批示 as a table: date, leader, content and 办理情况, 办理时限, status, days overdue, the problem it became. */
export function InstructionTable({ rows, showProject, actions, busyId }: InstructionTableProps) {
  return (
    <table className="zd-table zd-table-hover ins-table">
      <colgroup>
        <col style={{ width: 92 }} />
        {showProject && <col style={{ width: 190 }} />}
        <col style={{ width: 84 }} />
        <col />
        <col style={{ width: 92 }} />
        <col style={{ width: 96 }} />
        <col style={{ width: 76 }} />
        <col style={{ width: 96 }} />
        {actions && <col style={{ width: 156 }} />}
      </colgroup>
      <thead>
        <tr>
          <th className="num">批示日期</th>
          {showProject && <th>项目（包挂领导）</th>}
          <th>批示领导</th>
          <th>批示内容 / 办理情况</th>
          <th className="num">办理时限</th>
          <th>状态</th>
          <th className="num">超期</th>
          <th>转为问题</th>
          {actions && <th>操作</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className={row.status === 'closed' ? 'is-closed' : undefined} aria-label={`批示${row.id}`}>
            <td className="num">{row.issuedOn}</td>
            {showProject && (
              <td className="ins-project">
                <Link href={`/projects/${row.projectId}`}>{row.projectName}</Link>
                <div className="zd-hint">
                  {row.projectCode}
                  {row.contactLeaderName ? ` · ${row.contactLeaderName}` : ''}
                </div>
              </td>
            )}
            <td>{row.leaderName}</td>
            <td>
              <div className="ins-content">{row.content}</div>
              {row.progress && <div className="ins-progress">办理情况：{row.progress}</div>}
            </td>
            <td className="num">{row.deadline ?? <span className="zd-hint">未定</span>}</td>
            <td>
              <StatusText row={row} />
            </td>
            <td className="num">
              <OverdueMark days={row.daysOverdue} />
            </td>
            <td className="ins-problem">{row.problemCode ?? ''}</td>
            {actions && (
              <td>
                <div className="ins-actions">
                  <Button size="small" type="link" onClick={() => actions.onEdit(row)}>
                    编辑
                  </Button>
                  {row.status === 'open' ? (
                    <Button size="small" type="link" onClick={() => actions.onClose(row)}>
                      办结
                    </Button>
                  ) : (
                    <Button size="small" type="link" onClick={() => actions.onReopen(row)}>
                      重新办理
                    </Button>
                  )}
                  {row.status === 'open' && row.problemId === null && (
                    <Popconfirm
                      title="转为问题"
                      description="按此批示登记一个协调问题，交办责任单位跟踪办理？"
                      okText="转为问题"
                      cancelText="取消"
                      onConfirm={() => actions.onToProblem(row)}
                    >
                      <Button size="small" type="link" loading={busyId === row.id}>
                        转为问题
                      </Button>
                    </Popconfirm>
                  )}
                </div>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

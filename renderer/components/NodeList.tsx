import { Button } from 'antd';
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { useState } from 'react';
import { Link } from 'wouter';
import type { DueMilestone } from '../../db/model/overview';
import './node-list.css';

/** “逾期12天”, “今天到期”, “明天到期”, “3天后到期”: how far a node's planned date is from today. */
export function nodeDueText(plannedDate: string, today: string): { text: string; overdue: boolean } {
  const days = differenceInCalendarDays(parseISO(plannedDate), parseISO(today));
  if (days < 0) return { text: `逾期${-days}天`, overdue: true };
  if (days === 0) return { text: '今天到期', overdue: false };
  if (days === 1) return { text: '明天到期', overdue: false };
  return { text: `${days}天后到期`, overdue: false };
}

interface NodeListProps {
  nodes: readonly DueMilestone[];
  today: string;
  /** what the clerk reads when there is nothing to list */
  empty: string;
  /** inside one 链长's card the 链长 column would repeat the heading */
  hideLead?: boolean;
  /** rows shown before “展开” */
  limit?: number;
  /** how many there are in all, when `nodes` are only the earliest of them (the 工作台 carries a hundred) */
  total?: number;
}

/** Nodes due or overdue: 计划日期, 项目, 节点, 责任单位, 链长 and how many days late or left. */
export function NodeList({ nodes, today, empty, hideLead = false, limit = 8, total = nodes.length }: NodeListProps) {
  const [expanded, setExpanded] = useState(false);
  if (nodes.length === 0) return <div className="node-list-empty zd-faint">{empty}</div>;
  const shown = expanded ? nodes : nodes.slice(0, limit);
  const hidden = nodes.length - shown.length;
  return (
    <>
      <table className={`zd-table zd-table-rows zd-table-hover node-list${hideLead ? ' no-lead' : ''}`}>
        <colgroup>
          <col style={{ width: 96 }} />
          <col />
          <col className="node-list-name" />
          <col className="node-list-unit" />
          {!hideLead && <col style={{ width: '16%' }} />}
          <col style={{ width: 88 }} />
        </colgroup>
        <thead>
          <tr>
            <th>计划日期</th>
            <th>项目</th>
            <th>节点</th>
            <th>责任单位</th>
            {!hideLead && <th>链长</th>}
            <th className="num">状态</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((node) => {
            const due = node.plannedDate ? nodeDueText(node.plannedDate, today) : null;
            return (
              <tr key={node.id}>
                <td className="num-date">{node.plannedDate}</td>
                <td title={node.projectName}>
                  <Link href={`/projects/${node.projectId}`}>{node.projectName}</Link>
                </td>
                <td title={node.name}>{node.name}</td>
                <td title={node.unitName ?? ''}>{node.unitName}</td>
                {!hideLead && <td title={node.chainLead}>{node.chainLead}</td>}
                <td className={`num ${due?.overdue ? 'zd-text-red' : 'zd-text-yellow'}`}>{due?.text}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {nodes.length > limit && (
        <Button type="link" size="small" className="node-list-more" onClick={() => setExpanded(!expanded)}>
          {expanded ? '收起' : total > nodes.length ? `展开至最早的 ${nodes.length} 个` : `展开其余 ${hidden} 个节点`}
        </Button>
      )}
      {expanded && total > nodes.length && (
        <div className="node-list-rest zd-small zd-muted">
          另有 {total - nodes.length} 个未列出，完整清单请到<Link href="/chain-leads">链长视图</Link>查看。
        </div>
      )}
    </>
  );
}

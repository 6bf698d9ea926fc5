import { Link } from 'wouter';
import type { SupervisionItem } from '../../../db/model/problems';
import { redRunText } from './supervision-format';
import { LightBadge } from '../../ui/LightBadge';

function ProblemsTable({ item }: { item: SupervisionItem }) {
  if (item.problems.length === 0) return <p className="supervision-none zd-hint">没有未销号的问题</p>;
  return (
    <table className="zd-table zd-table-rows supervision-table zd-small">
      <colgroup>
        <col style={{ width: 104 }} />
        <col />
        <col style={{ width: 150 }} />
        <col style={{ width: 86 }} />
        <col style={{ width: 76 }} />
      </colgroup>
      <thead>
        <tr>
          <th>编号</th>
          <th>问题描述</th>
          <th>责任单位</th>
          <th>办结时限</th>
          <th className="num">超期</th>
        </tr>
      </thead>
      <tbody>
        {item.problems.map((p) => {
          const units = [...new Set([p.leadUnitName, ...p.responsibleUnitNames].filter(Boolean))].join('、');
          return (
            <tr key={p.id} className={p.daysOverdue > 0 ? 'supervision-late' : undefined}>
              <td className="zd-num zd-nowrap">{p.code}</td>
              <td className="supervision-wrap">{p.description}</td>
              <td className="supervision-wrap">{units || <span className="zd-faint">未交办</span>}</td>
              <td className="num">{p.deadline ?? <span className="zd-faint">未定</span>}</td>
              <td className="num">
                {p.daysOverdue > 0 ? (
                  <b className="zd-text-red zd-strong">超期{p.daysOverdue}天</b>
                ) : (
                  <span className="zd-faint">未超期</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function NodesTable({ item }: { item: SupervisionItem }) {
  if (item.lateMilestones.length === 0) return <p className="supervision-none zd-hint">没有逾期的节点</p>;
  return (
    <table className="zd-table zd-table-rows supervision-table zd-small">
      <colgroup>
        <col />
        <col style={{ width: 86 }} />
        <col style={{ width: 76 }} />
        <col style={{ width: 150 }} />
      </colgroup>
      <thead>
        <tr>
          <th>节点</th>
          <th>计划日期</th>
          <th className="num">逾期</th>
          <th>责任单位</th>
        </tr>
      </thead>
      <tbody>
        {item.lateMilestones.map((m) => (
          <tr key={`${m.name}-${m.plannedDate}`} className="supervision-late">
            <td className="supervision-wrap">{m.name}</td>
            <td className="num">{m.plannedDate}</td>
            <td className="num">
              <b className="zd-text-red zd-strong">逾期{m.daysLate}天</b>
            </td>
            <td className="supervision-wrap">{m.unitName ?? <span className="zd-faint">未指定</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One red project: why it is red, how long, and what is open on it — problems beside late nodes. */
export function SupervisionBlock({ item }: { item: SupervisionItem }) {
  const titleId = `supervision-${item.projectId}`;
  return (
    <article className="supervision-item" aria-labelledby={titleId}>
      <header className="supervision-head">
        <LightBadge light="red" className="supervision-dot" />
        <Link id={titleId} className="supervision-name zd-nowrap zd-strong" href={`/projects/${item.projectId}`}>
          {item.name}
        </Link>
        <span className="zd-ellipsis zd-gap zd-muted zd-small">
          {item.code}
          {item.chainName && ` · ${item.chainName}产业链`}
          {item.chainLead && ` · 链长：${item.chainLead}`}
        </span>
        <span className="zd-chip chip-red supervision-run zd-strong">{redRunText(item)}</span>
      </header>
      {item.lightReasons.length > 0 && (
        <ul className="supervision-reasons" aria-label="红灯原因">
          {item.lightReasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      <div className="supervision-sides">
        <section aria-label="未销号问题">
          <h3 className="supervision-side-title zd-small zd-strong zd-muted">
            未销号问题 <span className="num">{item.problems.length}</span>
          </h3>
          <ProblemsTable item={item} />
        </section>
        <section aria-label="逾期节点">
          <h3 className="supervision-side-title zd-small zd-strong zd-muted">
            逾期节点 <span className="num">{item.lateMilestones.length}</span>
          </h3>
          <NodesTable item={item} />
        </section>
      </div>
    </article>
  );
}

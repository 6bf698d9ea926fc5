import { Link } from 'wouter';
import type { LightLevel } from '../../../db/model/lights';
import { formatWan } from '../../../db/model/money';
import { UNASSIGNED_LEAD, type ChainLeadSummary, type ChainSummary } from '../../../db/model/overview';
import { STAGE_LABELS, STAGES } from '../../../db/model/stages';
import { NodeList } from '../../components/NodeList';
import { libraryHref } from '../../links/library-href';
import { percentText } from '../../ui/percent';
import { ChainMultiples } from './ChainMultiples';
import { yiText } from './yi';

const LIGHT_CELLS: { light: LightLevel; label: string }[] = [
  { light: 'red', label: '红灯' },
  { light: 'yellow', label: '黄灯' },
  { light: 'green', label: '绿灯' },
];

interface LeadCardProps {
  lead: ChainLeadSummary;
  today: string;
  dueWithinDays: number;
  /** 2025年目标产值 by chain id, in yuan */
  targets: ReadonlyMap<number, number | null>;
  /** every chain's figures by id, and the largest stage count of any: the small multiples' one scale */
  chainFigures: ReadonlyMap<number, ChainSummary>;
  largestStageCount: number;
}

function chainText(chain: { id: number; name: string }, targets: ReadonlyMap<number, number | null>): string {
  const target = targets.get(chain.id);
  return target ? `${chain.name}（2025年目标产值${yiText(target)}亿元）` : chain.name;
}

/** One 链长: their chains, counts by stage and light, 开工率, and the nodes that need pressing. */
export function LeadCard({ lead, today, dueWithinDays, targets, chainFigures, largestStageCount }: LeadCardProps) {
  const unassigned = lead.chainLead === UNASSIGNED_LEAD;
  const nodes = [...lead.overdue, ...lead.dueSoon];
  return (
    <section className="cl-card" aria-label={lead.chainLead}>
      <header className="cl-card-head">
        <h3 className="zd-card-title zd-ellipsis" title={lead.chainLead}>
          {lead.chainLead}
        </h3>
        <span className="zd-push zd-none zd-muted zd-nowrap">
          {lead.projectCount} 个项目 · 总投资 <span className="num">{formatWan(lead.totalInvestmentYuan)}</span> 万元
        </span>
      </header>
      <div className="cl-chains zd-muted zd-small">
        {unassigned
          ? '产业链未设链长、项目也未单独指定链长'
          : `产业链：${lead.chains.map((c) => chainText(c, targets)).join('、')}`}
      </div>
      <table className="zd-table cl-stats" aria-label="项目统计">
        <thead>
          <tr>
            {STAGES.map((stage) => (
              <th key={stage}>{STAGE_LABELS[stage]}</th>
            ))}
            {LIGHT_CELLS.map(({ light, label }) => (
              <th key={light}>{label}</th>
            ))}
            <th>开工率</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            {STAGES.map((stage) => (
              <td key={stage} className="num">
                {lead.byStage[stage]}
              </td>
            ))}
            {LIGHT_CELLS.map(({ light, label }) => {
              const count = lead.byLight[light];
              const linkable = light !== 'green' && count > 0 && !unassigned;
              return (
                <td key={light} className={`num cl-light ${count ? `light-${light}` : 'is-zero'}`}>
                  {linkable ? (
                    <Link
                      href={libraryHref({ light, lead: lead.chainLead })}
                      title={`在项目库中查看${lead.chainLead}的${label}项目`}
                    >
                      {count}
                    </Link>
                  ) : (
                    count
                  )}
                </td>
              );
            })}
            <td className="num" title={`已开工 ${lead.newStartStarted} 个 / 列入新开工 ${lead.newStartListed} 个`}>
              {percentText(lead.startRate)}
              {lead.newStartListed > 0 && (
                <span className="cl-rate-of zd-hint">
                  {lead.newStartStarted}/{lead.newStartListed}
                </span>
              )}
            </td>
          </tr>
        </tbody>
      </table>
      <ChainMultiples chains={lead.chains.flatMap((c) => chainFigures.get(c.id) ?? [])} largest={largestStageCount} />
      {nodes.length === 0 ? (
        <div className="cl-nodes-title zd-secondary">没有逾期或{dueWithinDays}天内到期的节点。</div>
      ) : (
        <>
          <div className="cl-nodes-title zd-secondary">
            逾期节点 <b className={lead.overdue.length ? 'is-late' : ''}>{lead.overdue.length}</b> 个 · {dueWithinDays}
            天内到期 <b>{lead.dueSoon.length}</b> 个
          </div>
          <NodeList nodes={nodes} today={today} hideLead limit={5} empty="" />
        </>
      )}
    </section>
  );
}

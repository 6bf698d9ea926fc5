import { Link } from 'wouter';
import type { ContactLeaderCard as Card } from '../../../db/model/instructions';
import type { LightLevel } from '../../../db/model/lights';
import { formatWan } from '../../../db/model/money';
import { OverdueMark } from '../../components/problem/ProblemStatusTag';
import { libraryHref } from '../../links/library-href';
import { LightBadge } from '../../ui/LightBadge';

const LIGHT_CELLS: { light: LightLevel; label: string }[] = [
  { light: 'red', label: '红灯' },
  { light: 'yellow', label: '黄灯' },
  { light: 'green', label: '绿灯' },
];

/** How many red/yellow projects and 批示 a card names; the rest are counted (the library and list show all). */
const LISTED = 5;

/** One 包挂领导: their projects' lights, the red and yellow ones with reasons, and the 批示 still open. */
export function ContactLeaderCard({ card }: { card: Card }) {
  const leaderId = card.leaderId;
  const flagged = card.flagged.slice(0, LISTED);
  const instructions = card.openInstructions.slice(0, LISTED);
  return (
    <section className="ctl-card" aria-label={card.name}>
      <header className="ctl-card-head">
        <h3 className="zd-card-title zd-ellipsis" title={card.name}>
          {card.name}
          {card.title && <span className="ctl-title zd-muted">{card.title}</span>}
          {card.retired && <span className="ctl-title zd-hint">（已停用）</span>}
        </h3>
        <span className="zd-push zd-none zd-muted zd-nowrap">
          {leaderId === null ? (
            `${card.projectCount} 个重点项目`
          ) : (
            <Link href={libraryHref({ contactLeader: leaderId })} title={`在项目库中查看${card.name}包挂的项目`}>
              {card.projectCount} 个项目
            </Link>
          )}{' '}
          · 总投资 <span className="num">{formatWan(card.totalInvestmentYuan)}</span> 万元
        </span>
      </header>
      {leaderId === null && <div className="ctl-note zd-muted zd-small">列入重点项目名单、尚未选定包挂领导的项目</div>}
      <div className="ctl-lights" aria-label="项目灯色">
        {LIGHT_CELLS.map(({ light, label }) => {
          const count = card.byLight[light];
          const linkable = light !== 'green' && count > 0 && leaderId !== null;
          return (
            <span key={light} className={`ctl-light ${count ? `light-${light}` : 'is-zero'}`}>
              <span className="ctl-light-label">{label}</span>
              {linkable ? (
                <Link
                  href={libraryHref({ light, contactLeader: leaderId })}
                  title={`在项目库中查看${card.name}包挂的${label}项目`}
                >
                  {count}
                </Link>
              ) : (
                <b>{count}</b>
              )}
            </span>
          );
        })}
        <span className="ctl-light ctl-ins">
          <span className="ctl-light-label">办理中批示</span>
          <b>{card.openInstructions.length}</b>
        </span>
        <span className={`ctl-light ctl-ins ${card.overdueInstructions ? 'light-red' : 'is-zero'}`}>
          <span className="ctl-light-label">超期批示</span>
          <b>{card.overdueInstructions}</b>
        </span>
      </div>

      <div className="ctl-section-title zd-secondary">红黄灯项目</div>
      {flagged.length === 0 ? (
        <div className="ctl-none zd-faint">没有红灯、黄灯项目。</div>
      ) : (
        <ul className="ctl-list">
          {flagged.map((p) => (
            <li key={p.id} className="ctl-project">
              <LightBadge light={p.light} />
              <Link href={`/projects/${p.id}`} className="ctl-project-name" title={p.name}>
                {p.name}
              </Link>
              <span className="ctl-reasons zd-muted" title={p.reasons.join('；')}>
                {p.reasons.join('；')}
              </span>
            </li>
          ))}
          {card.flagged.length > LISTED && (
            <li className="ctl-more zd-hint">另有 {card.flagged.length - LISTED} 个红黄灯项目</li>
          )}
        </ul>
      )}

      <div className="ctl-section-title zd-secondary">办理中的领导批示</div>
      {instructions.length === 0 ? (
        <div className="ctl-none zd-faint">没有办理中的批示。</div>
      ) : (
        <ul className="ctl-list">
          {instructions.map((i) => (
            <li key={i.id} className="ctl-instruction">
              <span className="ctl-ins-date num">{i.issuedOn.slice(5)}</span>
              <span className="ctl-ins-leader">{i.leaderName}</span>
              <Link href={`/projects/${i.projectId}`} className="ctl-ins-text" title={`${i.projectName}：${i.content}`}>
                {i.projectName}：{i.content}
              </Link>
              <span className="ctl-ins-due num">
                {i.daysOverdue > 0 ? (
                  <OverdueMark days={i.daysOverdue} />
                ) : i.deadline ? (
                  `${i.deadline.slice(5)}前`
                ) : (
                  ''
                )}
              </span>
            </li>
          ))}
          {card.openInstructions.length > LISTED && (
            <li className="ctl-more zd-hint">另有 {card.openInstructions.length - LISTED} 件办理中的批示</li>
          )}
        </ul>
      )}
    </section>
  );
}

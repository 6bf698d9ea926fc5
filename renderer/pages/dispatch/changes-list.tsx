import { Link } from 'wouter';
import type { WeekChange } from '../../../db/model/dispatch';
import { lightOf, type LeadGroup } from '../../print/changes-model';
import { LightBadge } from '../../ui/LightBadge';

const MONEY_KINDS = new Set(['本年完成投资', '总投资']);

/** One side of a change; a 预警 shows its colour, an empty text says so. */
function ChangeValue({ what, text, side }: { what: string; text: string; side: 'before' | 'after' }) {
  const light = what === '预警' ? lightOf(text) : null;
  const classes = [
    'chg-value',
    `chg-${side}`,
    light ? `light-${light}` : '',
    MONEY_KINDS.has(what) ? 'zd-num' : '',
    text === '本周未报送' ? 'zd-text-yellow' : '',
  ];
  return (
    <div className={classes.filter(Boolean).join(' ')}>
      {light && <LightBadge light={light} className="chg-dot" />}
      {text ? <span className="chg-text">{text}</span> : <span className="chg-empty">（空）</span>}
    </div>
  );
}

function ProjectChanges({ project }: { project: WeekChange }) {
  return (
    <div className="chg-project" role="listitem" aria-label={project.name}>
      <div className="chg-project-head">
        <Link
          href={`/projects/${project.projectId}`}
          className="chg-project-name zd-nowrap zd-strong"
          title={project.name}
        >
          {project.name}
        </Link>
        <div className="chg-project-meta zd-hint">
          <span className="num">{project.code}</span>
          <span>{project.chainName}</span>
        </div>
      </div>
      <div className="chg-lines">
        {project.changes.map((change) => (
          <div className="chg-line" key={change.what}>
            <div className="chg-what zd-secondary zd-small">{change.what}</div>
            <ChangeValue what={change.what} text={change.before} side="before" />
            <div className="chg-arrow zd-faint" aria-label="变为">
              →
            </div>
            <ChangeValue what={change.what} text={change.after} side="after" />
          </div>
        ))}
      </div>
    </div>
  );
}

export function ChangesList({
  groups,
  previousLabel,
  currentLabel,
}: {
  groups: LeadGroup[];
  previousLabel: string;
  currentLabel: string;
}) {
  return (
    <div className="zd-grid-scroll chg-scroll" role="region" aria-label="较上周变化明细">
      <div className="chg-columns zd-small zd-strong zd-secondary" aria-hidden="true">
        <div>项目</div>
        <div className="chg-line">
          <div>变化事项</div>
          <div>上周（{previousLabel}）</div>
          <div />
          <div>本周（{currentLabel}）</div>
        </div>
      </div>
      {groups.map((group) => (
        <section key={group.lead} className="chg-group" aria-label={`链长：${group.lead}`}>
          <h3 className="chg-group-head zd-strong">
            链长：{group.lead}
            <span className="chg-group-count zd-small zd-muted">{group.projects.length}个项目</span>
          </h3>
          <div role="list">
            {group.projects.map((project) => (
              <ProjectChanges key={project.projectId} project={project} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

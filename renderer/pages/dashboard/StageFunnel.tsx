import { Link } from 'wouter';
import type { StageCounts } from '../../../db/model/overview';
import { STAGE_LABELS, STAGES } from '../../../db/model/stages';
import { libraryHref } from '../../links/library-href';
import { barWidth } from '../../ui/percent';

/** One bar per stage, 储备 to 竣工, the office's funnel. */
export function StageFunnel({ counts }: { counts: StageCounts }) {
  const largest = Math.max(1, ...STAGES.map((s) => counts.byStage[s]));
  return (
    <section className="zd-panel db-funnel" aria-label="阶段分布">
      <h3 className="zd-panel-title">
        阶段分布<span className="zd-panel-note">共 {counts.projectCount} 个项目</span>
      </h3>
      {STAGES.map((stage) => (
        <Link key={stage} className="db-funnel-row" href={libraryHref({ stage })}>
          <span className="db-funnel-label zd-secondary">{STAGE_LABELS[stage]}</span>
          <span className="db-funnel-track">
            <span
              className={`db-funnel-bar stage-${stage}`}
              style={{ width: barWidth(counts.byStage[stage] / largest) }}
            />
          </span>
          <span className="zd-strong num">{counts.byStage[stage]}</span>
        </Link>
      ))}
    </section>
  );
}

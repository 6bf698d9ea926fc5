import { Progress } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { DashboardSummary } from '../../../db/model/overview';
import { libraryHref } from '../../links/library-href';
import { colors } from '../../ui/tokens';
import { percentText } from '../../ui/percent';

function Batch({ name, stage, figure, foot }: { name: string; stage: string; figure: ReactNode; foot: ReactNode }) {
  return (
    <section className="db-batch" aria-label={name}>
      <div className="db-batch-head">
        <h3 className="zd-card-title">{name}</h3>
        <span className="zd-hint">{stage}</span>
      </div>
      <div className="db-batch-figure zd-nowrap">{figure}</div>
      <div className="db-batch-foot zd-muted zd-nowrap">{foot}</div>
    </section>
  );
}

const Count = ({ value, unit = '个' }: { value: number; unit?: string }) => (
  <>
    <span className="db-big zd-strong zd-num">{value}</span>
    <span className="db-big-unit">{unit}</span>
  </>
);

/** 四个一批: 开工一批, 推进一批, 建成一批, 储备一批 of this plan year. */
export function BatchStats({ summary }: { summary: DashboardSummary }) {
  const { counts, planYear } = summary;
  const { byStage } = counts;
  return (
    <div className="db-batches">
      <Batch
        name="开工一批"
        stage="新开工"
        figure={
          <>
            <span className="db-big zd-strong zd-num">{counts.newStartStarted}</span>
            <span className="db-big-of">/ {counts.newStartListed} 个</span>
            <span className="zd-push zd-hint">已开工 / 列入计划</span>
          </>
        }
        foot={
          <>
            <span className="db-rate">
              开工率 <b className="num">{percentText(counts.startRate)}</b>
            </span>
            <Progress
              className="db-rate-bar"
              percent={(counts.startRate ?? 0) * 100}
              showInfo={false}
              strokeColor={colors.brand}
              size="small"
              aria-label="开工率"
            />
            <Link href={libraryHref({ stage: 'new_start' })}>查看</Link>
          </>
        }
      />
      <Batch
        name="推进一批"
        stage="续建"
        figure={<Count value={byStage.continuing} />}
        foot={<Link href={libraryHref({ stage: 'continuing' })}>查看续建项目</Link>}
      />
      <Batch
        name="建成一批"
        stage="竣工"
        figure={<Count value={summary.completedThisYear} />}
        foot={
          <>
            <span>{planYear}年内实际竣工</span>
            <Link href={libraryHref({ stage: 'completed' })}>查看全部竣工项目（{byStage.completed}个）</Link>
          </>
        }
      />
      <Batch
        name="储备一批"
        stage="储备 + 前期"
        figure={<Count value={byStage.reserve + byStage.preliminary} />}
        foot={
          <>
            <Link href={libraryHref({ stage: 'reserve' })}>储备 {byStage.reserve} 个</Link>
            <Link href={libraryHref({ stage: 'preliminary' })}>前期 {byStage.preliminary} 个</Link>
          </>
        }
      />
    </div>
  );
}

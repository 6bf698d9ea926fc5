import { annualCompletionRate } from '../../../db/model/derived';
import { formatWan } from '../../../db/model/money';
import type { DashboardSummary } from '../../../db/model/overview';
import { barWidth, percentText } from '../../ui/percent';

/** “落后时序进度11.7个百分点” / “快于时序进度…” / “与时序进度持平”. */
function gapText(rate: number, timeProgress: number): { text: string; behind: boolean } {
  const points = Math.round((rate - timeProgress) * 1000) / 10;
  if (points < 0) return { text: `落后时序进度${(-points).toFixed(1)}个百分点`, behind: true };
  if (points > 0) return { text: `快于时序进度${points.toFixed(1)}个百分点`, behind: false };
  return { text: '与时序进度持平', behind: false };
}

/** 本年计划 vs 本年完成, with 完成率 against 时序进度. */
export function InvestmentPanel({ summary }: { summary: DashboardSummary }) {
  const rate = annualCompletionRate(summary.yearCompletedYuan, summary.annualPlanYuan);
  const gap = rate === null ? null : gapText(rate, summary.timeProgress);
  return (
    <section className="zd-panel db-invest" aria-label="本年投资">
      <h3 className="zd-panel-title">
        本年投资<span className="zd-panel-note">单位：万元</span>
      </h3>
      <table className="db-figures">
        <tbody>
          <tr>
            <th>本年计划投资</th>
            <td className="num">{formatWan(summary.annualPlanYuan)}</td>
          </tr>
          <tr>
            <th>本年累计完成</th>
            <td className="num">{formatWan(summary.yearCompletedYuan)}</td>
          </tr>
        </tbody>
      </table>
      <div className="db-invest-rates zd-secondary">
        <span>
          完成率 <b className="num">{percentText(rate)}</b>
        </span>
        <span>
          时序进度 <b className="num">{percentText(summary.timeProgress)}</b>
        </span>
      </div>
      <div className="db-track" title={`完成率 ${percentText(rate)}，时序进度 ${percentText(summary.timeProgress)}`}>
        <div className={`db-track-fill${gap?.behind ? ' is-behind' : ''}`} style={{ width: barWidth(rate) }} />
        <div className="db-track-mark" style={{ left: barWidth(summary.timeProgress) }} />
      </div>
      {gap && <div className={`db-invest-gap zd-muted zd-small${gap.behind ? ' is-behind' : ''}`}>{gap.text}</div>}
      {rate === null && <div className="db-invest-gap zd-muted zd-small">尚未填报本年计划投资</div>}
    </section>
  );
}

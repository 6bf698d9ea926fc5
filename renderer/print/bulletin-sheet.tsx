import { Fragment } from 'react';
import type { BulletinPrint } from '../../db/model/bulletin';
import { percentFigure, signedPointsText } from '../../db/model/bulletin-numbers';
import { throughMonthLabel } from '../../db/model/bulletin-summary';
import { formatChineseDate } from '../../db/model/dates';
import { formatWan } from '../../db/model/money';
import { STATS_BY_LABELS } from '../../db/model/stat-grouping';
import type { StatsRanking, StatsRow } from '../../db/model/stat-ranking';

const rate = (value: number | null) => (value === null ? '—' : `${percentFigure(value)}%`);
const count = (value: number | null) => (value === null ? '—' : String(value));

function RankingHead({ groupLabel, month }: { groupLabel: string; month: number }) {
  return (
    <thead>
      <tr>
        <th className="bl-col-rank">名次</th>
        <th className="bl-col-name">{groupLabel}</th>
        <th className="bl-col-count">项目数</th>
        <th className="bl-col-money">本年计划</th>
        <th className="bl-col-money">{throughMonthLabel(month)}完成</th>
        <th className="bl-col-rate">完成率</th>
        <th className="bl-col-rate">较序时进度（百分点）</th>
        <th className="bl-col-rate">开工率</th>
        <th className="bl-col-rate">按期竣工率</th>
        <th className="bl-col-rate">纳统率</th>
        <th className="bl-col-count">红灯</th>
      </tr>
    </thead>
  );
}

function RankingRow({ row, label, className }: { row: StatsRow; label?: string; className?: string }) {
  const f = row.figures;
  return (
    <tr className={className}>
      <td className="num bl-center">{label ?? (row.rank === null ? '—' : row.rank)}</td>
      <td>{row.group.name}</td>
      <td className="num">{f.projectCount}</td>
      <td className="num">{formatWan(f.annualPlanYuan)}</td>
      <td className="num">{formatWan(f.completedYuan)}</td>
      <td className="num">{rate(f.investmentRate.value)}</td>
      <td className={`num${f.gapPoints !== null && f.gapPoints < 0 ? ' bl-behind' : ''}`}>
        {signedPointsText(f.gapPoints)}
      </td>
      <td className="num">{rate(f.startRate.value)}</td>
      <td className="num">{rate(f.onTimeCompletionRate.value)}</td>
      <td className="num">{rate(f.statisticsRate.value)}</td>
      <td className="num">{count(f.red)}</td>
    </tr>
  );
}

function RankingTable({ ranking, label }: { ranking: StatsRanking; label: string }) {
  return (
    <table className="paper-table bl-table" aria-label={`按${label}排名`}>
      <RankingHead groupLabel={label} month={ranking.month} />
      <tbody>
        {ranking.rows.map((row) => (
          <RankingRow key={row.group.key} row={row} />
        ))}
        <RankingRow
          className="paper-total"
          row={{ group: { key: '', name: '全市合计' }, rank: null, figures: ranking.total }}
          label=""
        />
      </tbody>
    </table>
  );
}

/** The 月度通报 on paper: the heading of an official document, the paragraph, charts and tables. */
export function BulletinSheet({ data, charts }: { data: BulletinPrint; charts: { trend: string; units: string } }) {
  const areaLabel = STATS_BY_LABELS[data.byArea.by];
  const unitLabel = '责任单位';
  const lightsNote =
    data.byUnit.lightsFrom.kind === 'none'
      ? '该月没有周调度记录，红黄灯无记录。'
      : data.byUnit.lightsFrom.kind === 'week'
        ? `红黄灯取${data.byUnit.lightsFrom.week}周调度表。`
        : `红黄灯取${formatChineseDate(data.byUnit.lightsFrom.date)}的预警。`;
  return (
    <article className="bl-sheet">
      <header className="bl-head">
        <h1 className="bl-title">{data.title}</h1>
        <div className="bl-issue">
          <span className="bl-doc-number">{data.text.docNumber}</span>
          <span className="bl-date">{formatChineseDate(data.printedOn)}</span>
        </div>
        <div className="bl-rule" />
      </header>

      <h2 className="bl-section">一、总体情况</h2>
      <p className="bl-summary">{data.text.summary}</p>
      <p className="bl-note">
        注：序时进度{rate(data.byUnit.timeProgress)}（{data.year}年{data.month}月底）；金额单位万元；{lightsNote}
      </p>

      <h2 className="bl-section">二、投资完成情况</h2>
      <figure className="bl-chart" aria-label="月度投资完成与序时进度">
        <div className="bl-chart-svg" dangerouslySetInnerHTML={{ __html: charts.trend }} />
        <figcaption>图1 全市重点项目月度投资完成与序时进度（万元）</figcaption>
      </figure>
      <figure className="bl-chart" aria-label="各责任单位投资完成率">
        <div className="bl-chart-svg" dangerouslySetInnerHTML={{ __html: charts.units }} />
        <figcaption>图2 各责任单位投资完成率与序时进度（%）</figcaption>
      </figure>

      <h2 className="bl-section">三、按{unitLabel}排名</h2>
      <RankingTable ranking={data.byUnit} label={unitLabel} />

      <h2 className="bl-section">四、按{areaLabel}排名</h2>
      <RankingTable ranking={data.byArea} label={areaLabel} />

      <h2 className="bl-section">五、红榜、黑榜</h2>
      <table className="paper-table bl-table" aria-label="红榜黑榜">
        <RankingHead groupLabel={unitLabel} month={data.month} />
        <tbody>
          {[
            { title: `红榜（前${data.honour.size}名）`, rows: data.honour.top },
            { title: `黑榜（后${data.honour.size}名）`, rows: data.honour.bottom },
          ].map((list) => (
            <Fragment key={list.title}>
              <tr className="paper-group">
                <td colSpan={11}>{list.title}</td>
              </tr>
              {list.rows.length ? (
                list.rows.map((row) => <RankingRow key={row.group.key} row={row} />)
              ) : (
                <tr>
                  <td colSpan={11} className="bl-center">
                    无
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>

      <h2 className="bl-section">六、红灯项目（{data.redProjects.length}个）</h2>
      <table className="paper-table bl-table" aria-label="红灯项目">
        <thead>
          <tr>
            <th className="bl-col-rank">序号</th>
            <th className="bl-col-project">项目名称</th>
            <th className="bl-col-unit">牵头单位</th>
            <th className="bl-col-lead">链长</th>
            <th>红灯原因</th>
          </tr>
        </thead>
        <tbody>
          {data.redProjects.length ? (
            data.redProjects.map((p, i) => (
              <tr key={p.projectId}>
                <td className="num bl-center">{i + 1}</td>
                <td>
                  {p.name}
                  <span className="bl-code">{p.code}</span>
                </td>
                <td>{p.leadUnitName}</td>
                <td>{p.chainLead}</td>
                <td>{p.reasons.join('；')}</td>
              </tr>
            ))
          ) : (
            <tr>
              <td colSpan={5} className="bl-center">
                本月没有红灯项目
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </article>
  );
}

import { formatWan } from '../../../db/model/money';
import type { UnitDesk } from '../../../db/model/unit-desk';
import { LightBadge } from '../../ui/LightBadge';
import { StageTag } from '../../ui/StageTag';
import { LastWeekCell } from './LastWeekCell';
import { MonthAmountCell } from './MonthAmountCell';
import { ProgressTextCell } from './ProgressTextCell';
import { throughMonthLabel } from './unit-desk-text';
import { WeekTextCell } from './WeekTextCell';

/** The unit's projects, one row each: last week and this week, the month's figure and 形象进度 (Tab in that order). */
export function UnitProjectsTable({ desk, onSaved }: { desk: UnitDesk; onSaved(): void }) {
  if (!desk.projects.length) {
    return (
      <div className="unit-desk-empty zd-muted">本单位暂无需要填报的项目（牵头或参与的在建、储备项目会列在这里）。</div>
    );
  }
  return (
    <table className="unit-desk-table">
      <colgroup>
        <col className="unit-desk-col-project" />
        <col className="unit-desk-col-last" />
        <col className="unit-desk-col-week" />
        <col className="unit-desk-col-money" />
        <col className="unit-desk-col-year" />
        <col className="unit-desk-col-progress" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">项目</th>
          <th scope="col">上周进展</th>
          <th scope="col">本周进展</th>
          <th scope="col">{desk.month}月完成（万元）</th>
          <th scope="col" className="unit-desk-year">
            {throughMonthLabel(desk.month)}完成
            <br />
            本年计划
          </th>
          <th scope="col">形象进度</th>
        </tr>
      </thead>
      <tbody>
        {desk.projects.map((project) => (
          <tr key={project.projectId}>
            <th scope="row" className="unit-desk-project">
              <div className="unit-desk-project-name">
                <LightBadge light={project.light} label={project.lightReasons.join('；') || undefined} />
                <span>{project.name}</span>
              </div>
              <div className="unit-desk-project-meta">
                <span className="num">{project.code}</span>
                <StageTag stage={project.stage} compact />
              </div>
            </th>
            <LastWeekCell project={project} week={desk.week.key} today={desk.today} onSaved={onSaved} />
            <WeekTextCell project={project} week={desk.week.key} today={desk.today} onSaved={onSaved} />
            <MonthAmountCell
              project={project}
              year={desk.year}
              month={desk.month}
              today={desk.today}
              onSaved={onSaved}
            />
            <td className="unit-desk-year num">
              {project.reportsMonth ? (
                <>
                  <div>{formatWan(project.throughMonthYuan)}</div>
                  <div className="zd-muted">/ {formatWan(project.annualPlanYuan)}</div>
                </>
              ) : (
                <span className="zd-muted">—</span>
              )}
            </td>
            <ProgressTextCell project={project} today={desk.today} onSaved={onSaved} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import type { WeekChanges } from '../../db/model/dispatch';
import { formatChineseDate } from '../../db/model/dates';
import { weekSpan } from '../../db/model/weeks';
import { groupByLead, lightOf } from './changes-model';
import { colors } from '../ui/tokens';

/** @page cannot be scoped to one element, so this sheet states its own while it is on screen. */
const PAGE_RULE = `@page {
  size: A4 landscape;
  margin: 12mm 10mm 14mm 10mm;
  @bottom-center {
    content: "第 " counter(page) " 页 共 " counter(pages) " 页";
    font-family: "SimSun", "FangSong", "Microsoft YaHei", "Noto Serif CJK SC", "Noto Sans CJK SC", serif;
    font-size: 9pt;
    color: ${colors.ink};
  }
}`;

interface ChangesSheetProps {
  changes: WeekChanges;
  cityName: string;
  operatorName: string;
  printedOn: string;
}

function Value({ what, text }: { what: string; text: string }) {
  const light = what === '预警' ? lightOf(text) : null;
  return <span className={light ? `chp-light zd-text-${light}` : undefined}>{text || '（空）'}</span>;
}

/** 较上周变化 on A4 landscape: one row per change, a project's rows kept on one page. */
export function ChangesSheet({ changes, cityName, operatorName, printedOn }: ChangesSheetProps) {
  const projects = groupByLead(changes.projects).flatMap((g) => g.projects);
  const changeCount = projects.reduce((sum, p) => sum + p.changes.length, 0);
  return (
    <article className="paper paper-sheet chp-sheet">
      <style>{PAGE_RULE}</style>
      <h1 className="paper-title">
        {cityName}重点项目较上周变化（第{changes.week.week}周）
      </h1>
      <div className="chp-sub">
        <span>
          统计时段：{weekSpan(changes.week)}（与第{changes.previousWeek.week}周 {weekSpan(changes.previousWeek)} 比较）
        </span>
        <span>
          共{projects.length}个项目、{changeCount}项变化
        </span>
      </div>
      <table className="paper-table chp-table">
        <colgroup>
          <col className="chp-col-serial" />
          <col className="chp-col-name" />
          <col className="chp-col-lead" />
          <col className="chp-col-what" />
          <col className="chp-col-before" />
          <col className="chp-col-after" />
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            <th>项目名称</th>
            <th>链长</th>
            <th>变化事项</th>
            <th>上周（第{changes.previousWeek.week}周）</th>
            <th>本周（第{changes.week.week}周）</th>
          </tr>
        </thead>
        {projects.length === 0 && (
          <tbody>
            <tr>
              <td colSpan={6} className="chp-none">
                本周与上周相比，没有项目发生变化
              </td>
            </tr>
          </tbody>
        )}
        {projects.map((project, index) => (
          <tbody key={project.projectId} className="chp-project">
            {project.changes.map((change, i) => (
              <tr key={change.what}>
                {i === 0 && (
                  <>
                    <td rowSpan={project.changes.length} className="chp-serial">
                      {index + 1}
                    </td>
                    <td rowSpan={project.changes.length}>{project.name}</td>
                    <td rowSpan={project.changes.length} className="chp-lead">
                      {project.chainLead}
                    </td>
                  </>
                )}
                <td className="chp-what">{change.what}</td>
                <td>
                  <Value what={change.what} text={change.before} />
                </td>
                <td>
                  <Value what={change.what} text={change.after} />
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      <footer className="paper-sign chp-footer">
        <span>填表人：{operatorName}</span>
        <span>审核人：</span>
        <span>填报日期：{formatChineseDate(printedOn)}</span>
      </footer>
    </article>
  );
}

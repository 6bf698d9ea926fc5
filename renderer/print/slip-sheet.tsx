import { useLayoutEffect, useRef, useState } from 'react';
import { formatChineseDate } from '../../db/model/dates';
import { PROBLEM_CATEGORY_LABELS, type ProblemListRow } from '../../db/model/problems';

/** A4 portrait in millimetres; the left margin is wider for binding. */
export const SLIP_PAPER_MM = { width: 210, height: 297 };
export const SLIP_MARGIN_MM = { top: 20, right: 18, bottom: 18, left: 22 };
const m = SLIP_MARGIN_MM;
/** The slip fills its page to just under the printable height, so it can never spill onto a second page. */
export const SLIP_CONTENT_MM = {
  width: SLIP_PAPER_MM.width - m.left - m.right,
  height: SLIP_PAPER_MM.height - m.top - m.bottom - 1,
};

export const SLIP_REQUIREMENT = '请于办结时限前办结并书面反馈办理结果，逾期未办结的纳入督查通报。';

// @page cannot be scoped to one element, so the slips state their own while they are on screen.
const PAGE_RULE = `@page {
  size: A4 portrait;
  margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
}`;

export function SlipPageStyle() {
  return <style>{PAGE_RULE}</style>;
}

/** A blank 年 月 日 with room to write the numbers in by hand. */
const BLANK_DATE = '年\u3000\u3000月\u3000\u3000日';

/** A date to print, or a blank 年 月 日 for the clerk to write in by hand. */
function dateOrBlank(iso: string | null) {
  return iso ? formatChineseDate(iso) : <span className="slip-handwrite">{BLANK_DATE}</span>;
}

const FIT_STEPS = 4;

/**
 * A slip that does not fit its page (a long description, many units) is drawn again a step tighter —
 * smaller description text, then less space around the rows and lines — until it does.
 */
function useFitToPage(content: unknown) {
  const ref = useRef<HTMLElement>(null);
  const [fit, setFit] = useState({ content, step: 0 });
  const step = fit.content === content ? fit.step : 0;
  useLayoutEffect(() => {
    const slip = ref.current;
    if (!slip || step >= FIT_STEPS) return;
    if (slip.scrollHeight > slip.clientHeight + 1) setFit({ content, step: step + 1 });
  }, [content, step]);
  return [ref, step] as const;
}

function Blank({ wide }: { wide?: boolean }) {
  return <span className={wide ? 'slip-blank slip-blank-wide' : 'slip-blank'} />;
}

/** 交办单: one problem on one A4 portrait page, for the responsible unit to sign. */
export function ProblemSlip({ problem, cityName }: { problem: ProblemListRow; cityName: string }) {
  const units = problem.responsibleUnitNames.join('、');
  const [fitRef, fitStep] = useFitToPage(problem);
  const fitClasses = Array.from({ length: fitStep }, (_, i) => ` slip-fit-${i + 1}`).join('');
  return (
    <section
      ref={fitRef}
      className={`paper slip${fitClasses}`}
      aria-label={`交办单 ${problem.code}`}
      style={{ height: `${SLIP_CONTENT_MM.height}mm` }}
    >
      <h1 className="slip-title">{cityName}重点项目问题交办单</h1>
      <div className="slip-number">
        编号：<span className="slip-code">{problem.code}</span>
      </div>
      <table className="paper-table slip-table">
        <colgroup>
          <col className="slip-col-label" />
          <col className="slip-col-short" />
          <col className="slip-col-label" />
          <col />
        </colgroup>
        <tbody>
          <tr>
            <th>项目名称</th>
            <td colSpan={3}>{problem.projectName}</td>
          </tr>
          <tr>
            <th>项目编号</th>
            <td>{problem.projectCode}</td>
            <th>链长</th>
            <td>{problem.chainLead}</td>
          </tr>
          <tr>
            <th>问题来源</th>
            <td>{problem.source}</td>
            <th>问题类别</th>
            <td>{PROBLEM_CATEGORY_LABELS[problem.category]}</td>
          </tr>
          <tr className="slip-description">
            <th>问题描述</th>
            <td colSpan={3}>{problem.description}</td>
          </tr>
          <tr>
            <th>牵头单位</th>
            <td colSpan={3}>{problem.leadUnitName ?? ''}</td>
          </tr>
          <tr>
            <th>责任单位</th>
            <td colSpan={3}>{units}</td>
          </tr>
          <tr>
            <th>责任人</th>
            <td>{problem.responsiblePerson}</td>
            <th>交办日期</th>
            <td>{dateOrBlank(problem.assignedOn)}</td>
          </tr>
          <tr>
            <th>办结时限</th>
            <td colSpan={3}>{problem.deadline ? `${formatChineseDate(problem.deadline)}前` : dateOrBlank(null)}</td>
          </tr>
          <tr>
            <th>办理要求</th>
            <td colSpan={3}>{SLIP_REQUIREMENT}</td>
          </tr>
        </tbody>
      </table>
      <div className="slip-feedback">
        <div className="slip-feedback-label">
          <span>办理情况</span>
          <span className="slip-feedback-note">（责任单位填写）</span>
        </div>
        <div />
      </div>
      <div className="slip-sign">
        <div>
          交办人（签字）：
          <Blank wide />
          日期：
          <Blank />
        </div>
        <div>
          接收人（签字）：
          <Blank wide />
          日期：
          <Blank />
        </div>
      </div>
      <div className="slip-seal">
        <div>重点项目办（盖章）</div>
        <div className="slip-handwrite">{BLANK_DATE}</div>
      </div>
    </section>
  );
}

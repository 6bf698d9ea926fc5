import type { UnitDesk } from '../../../db/model/unit-desk';
import { deadlineText } from './unit-desk-text';

/** Whose page, this week and month with their deadlines, and what is still 未报送. */
export function UnitDeskHeader({ desk }: { desk: UnitDesk }) {
  const weekLate = desk.today > desk.weekDeadline.date && desk.counts.weekUnreported > 0;
  const { counts } = desk;
  return (
    <div className="unit-desk-summary" aria-label="填报情况">
      <span>
        本周 <b>{`${desk.week.year}年第${desk.week.week}周`}</b>，截止 {deadlineText(desk.weekDeadline)}
      </span>
      <span>
        已报送 <b className="num">{counts.weekReported}</b> / 未报送{' '}
        <b className={`num${counts.weekUnreported ? (weekLate ? ' zd-text-red' : ' zd-text-yellow') : ''}`}>
          {counts.weekUnreported}
        </b>
      </span>
      <span className="unit-desk-summary-sep" aria-hidden />
      <span>
        {desk.year}年{desk.month}月完成投资，截止 {deadlineText(desk.monthDeadline)}
        {desk.monthClosed && <span className="zd-muted">（已关账）</span>}
      </span>
      <span>
        已填 <b className="num">{counts.monthFilled}</b> / 未填 <b className="num">{counts.monthUnfilled}</b>
      </span>
    </div>
  );
}

import type { ProblemCount } from '../../../db/model/problems';
import type { ProblemSummary } from '../../../electron/api-spec';

interface CountListProps {
  title: string;
  counts: ProblemCount[];
  active: string | null;
  overdueOnly: boolean;
  /** the key to filter by, or null to stop filtering; overdue when the 超期 figure was clicked */
  onPick(key: string | null, overdue: boolean): void;
}

function CountList({ title, counts, active, overdueOnly, onPick }: CountListProps) {
  const shown = counts.filter((c) => c.open > 0 || c.key === active);
  return (
    <section className="pb-counts-group" aria-label={title}>
      <div className="pb-counts-head zd-small zd-strong zd-secondary">
        <span>{title}</span>
        <span className="num">未销号</span>
        <span className="num">超期</span>
      </div>
      {shown.length === 0 && <div className="pb-counts-none zd-hint">没有未销号的问题</div>}
      {shown.map((c) => {
        const isActive = c.key === active;
        return (
          <div key={c.key} className={`pb-counts-row${isActive ? ' is-active' : ''}`}>
            <button
              type="button"
              className="pb-counts-label"
              title={`${c.label}：未销号${c.open}个，超期${c.overdue}个，已销号${c.closed}个（点击筛选）`}
              aria-pressed={isActive && !overdueOnly}
              onClick={() => onPick(isActive && !overdueOnly ? null : c.key, false)}
            >
              <span className="pb-counts-name">{c.label}</span>
              <span className="num">{c.open}</span>
            </button>
            <button
              type="button"
              className={`pb-counts-overdue num${c.overdue ? ' has-overdue' : ''}`}
              disabled={c.overdue === 0}
              aria-label={`${c.label}超期${c.overdue}个`}
              aria-pressed={isActive && overdueOnly}
              onClick={() => onPick(isActive && overdueOnly ? null : c.key, true)}
            >
              {c.overdue}
            </button>
          </div>
        );
      })}
    </section>
  );
}

interface ProblemCountsProps {
  summary: ProblemSummary | undefined;
  unit: string | null;
  lead: string | null;
  overdue: boolean;
  onUnit(key: string | null, overdue: boolean): void;
  onLead(key: string | null, overdue: boolean): void;
}

/** 未销号 and 超期 per unit and per 链长 (all problems, whatever the list shows); a click filters the list. */
export function ProblemCounts({ summary, unit, lead, overdue, onUnit, onLead }: ProblemCountsProps) {
  return (
    <aside className="pb-counts" aria-label="问题统计">
      {summary ? (
        <>
          <CountList title="按单位" counts={summary.byUnit} active={unit} overdueOnly={overdue} onPick={onUnit} />
          <CountList title="按链长" counts={summary.byChainLead} active={lead} overdueOnly={overdue} onPick={onLead} />
        </>
      ) : (
        <div className="pb-counts-none zd-hint">正在统计…</div>
      )}
    </aside>
  );
}

import { PROBLEM_STATUS_LABELS, type ProblemStatus } from '../../../db/model/problems';
import './problem-detail.css';

export function ProblemStatusTag({ status }: { status: ProblemStatus }) {
  return <span className={`zd-chip zd-chip-framed pb-status-${status}`}>{PROBLEM_STATUS_LABELS[status]}</span>;
}

/** 超期N天 in red while the problem is open and past its deadline; nothing otherwise. */
export function OverdueMark({ days }: { days: number }) {
  if (days <= 0) return null;
  return <span className="zd-chip chip-red zd-overdue pb-overdue">超期{days}天</span>;
}

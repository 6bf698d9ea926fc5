// The bulletin's figures as text, written once: the summary paragraph, the paper's tables and the xlsx read the
// same digits, so a leader never finds 85.2% in the text and 85.3% in the table.

/** 亿元 to two decimals: 1,234,567,890 yuan → “12.35”. */
export function yiText(yuan: number): string {
  return (Math.round(yuan / 1_000_000) / 100).toFixed(2);
}

/** A rate in per cent to one decimal (“85.2”), or “—” when there is nothing to divide. */
export function percentFigure(rate: number | null): string {
  return rate === null ? '—' : (Math.round(rate * 1000) / 10).toFixed(1);
}

/** Percentage points to one decimal, without its sign: the words 高于/低于 carry it. */
export function pointsFigure(points: number): string {
  return (Math.round(Math.abs(points) * 10) / 10).toFixed(1);
}

/** Which side of 序时进度, judged on the figure as printed: 0.04 points reads as 持平, not “高于…0.0个百分点”. */
export function paceSide(points: number): 'ahead' | 'behind' | 'level' {
  const shown = Math.round(Math.abs(points) * 10);
  if (shown === 0) return 'level';
  return points > 0 ? 'ahead' : 'behind';
}

/** A rate as the xlsx keeps it: rounded as `percentFigure` rounds, so Excel's 0.0% shows the same digits. */
export function percentCellValue(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 1000;
}

/** The gap to 序时进度 in a table: “+3.5”, “-2.0”, “0.0”; “—” without a plan. */
export function signedPointsText(points: number | null): string {
  if (points === null) return '—';
  const side = paceSide(points);
  return side === 'level' ? '0.0' : `${side === 'ahead' ? '+' : '-'}${pointsFigure(points)}`;
}

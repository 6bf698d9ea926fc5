/** A fraction as “60.0%”, or “—” when there is nothing to divide. */
export function percentText(fraction: number | null): string {
  return fraction === null ? '—' : `${(fraction * 100).toFixed(1)}%`;
}

/** Bar widths stay inside their track even when a figure runs over 100%. */
export function barWidth(fraction: number | null): string {
  return `${Math.min(Math.max(fraction ?? 0, 0), 1) * 100}%`;
}

/**
 * The 文号 a month's bulletin starts with when the clerk has entered none: the last one entered before it with its
 * number one higher (“湘乡重点办〔2026〕11号” → “…〔2026〕12号”); in a new year the year changes and the count
 * starts again at 1. Empty when there is none before, or it has no “〔year〕N号” to count on.
 */
export function nextDocNumber(previous: string | null, year: number): string {
  if (!previous) return '';
  const match = /^(.*)〔(\d{4})〕(\d+)号(.*)$/u.exec(previous);
  if (!match) return '';
  const [, before, previousYear, number, after] = match;
  const next = Number(previousYear) === year ? Number(number) + 1 : 1;
  return `${before}〔${year}〕${next}号${after}`;
}

/** 2025年目标产值 is kept in yuan; the plan writes it in 亿元. */
export function yiText(yuan: number | null): string {
  return yuan === null ? '' : (yuan / 100_000_000).toFixed(2);
}

/** The last day of month N of a year, YYYY-MM-DD: what “counted at the end of month N” compares dates with. */
export function monthEndDate(year: number, month: number): string {
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
}

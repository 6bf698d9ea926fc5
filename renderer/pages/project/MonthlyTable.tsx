import { formatWan } from '../../../db/model/money';
import type { MonthlyInvestment } from '../../../db/model/project';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** The plan year's monthly completed investment in one row, 万元. */
export function MonthlyTable({ monthly, totalYuan }: { monthly: MonthlyInvestment[]; totalYuan: number }) {
  const byMonth = new Map(monthly.map((m) => [m.month, m.amountYuan]));
  return (
    <table className="zd-table pd-monthly">
      <thead>
        <tr>
          {MONTHS.map((month) => (
            <th key={month}>{month}月</th>
          ))}
          <th>合计</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          {MONTHS.map((month) => (
            <td key={month} className="num">
              {byMonth.has(month) ? formatWan(byMonth.get(month)) : ''}
            </td>
          ))}
          <td className="num pd-total zd-strong">{formatWan(totalYuan)}</td>
        </tr>
      </tbody>
    </table>
  );
}

import { Link } from 'wouter';
import type { ChartTable } from './chart-table';

/** The 表 of a chart: its numbers, row by row, each row's label leading where its bar does. */
export function ChartTableView({ table, label }: { table: ChartTable; label: string }) {
  return (
    <div className="zd-chart-table">
      <table className="zd-table" aria-label={label}>
        <thead>
          <tr>
            {table.columns.map((column, index) => (
              <th key={column} className={index ? 'num' : undefined}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, index) => (
                <td key={index} className={index ? 'num' : undefined}>
                  {index === 0 && row.href ? <Link href={row.href}>{cell}</Link> : cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

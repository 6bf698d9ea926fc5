import { createColumnHelper, metaHelper, tableFeatures } from '@tanstack/react-table';
import { formatWan } from '../../../db/model/money';
import type { StatsRanking, StatsRow } from '../../../db/model/stat-ranking';
import {
  fractionText,
  lightCountText,
  signedPointsText,
  STAT_COLUMNS,
  type StatCellKind,
  type StatColumn,
} from '../../../db/model/stat-table';
import type { GridColumnMeta } from '../../ui/DataGrid';
import { percentText } from '../../ui/percent';

export const statsFeatures = tableFeatures({ columnMeta: metaHelper<GridColumnMeta & { label: string }>() });
export type StatsFeatures = typeof statsFeatures;

const col = createColumnHelper<StatsFeatures, StatsRow>();

const WIDTHS: Record<StatCellKind, number> = {
  rank: 46,
  text: 150,
  integer: 56,
  wan: 98,
  percent: 98,
  points: 92,
  light: 50,
};
/** 投资完成率 has no “12/15” beside it (its parts are money, in the tooltip) */
const RATE_WIDTH = 82;

/** A rate with its parts beside it (“80.0% 12/15”); money rates name their parts in the tooltip instead. */
function RateCell({ column, row }: { column: StatColumn; row: StatsRow }) {
  const f = column.fraction!(row.figures);
  if (column.key === 'rate') {
    return <span title={`完成 ${fractionText(f, true)} 万元`}>{percentText(f.value)}</span>;
  }
  return (
    <span title={`${fractionText(f)}个项目`}>
      {percentText(f.value)}
      <span className="st-parts">{fractionText(f)}</span>
    </span>
  );
}

function cellOf(column: StatColumn, row: StatsRow) {
  const value = column.value(row);
  switch (column.kind) {
    case 'wan':
      return formatWan(value as number);
    case 'percent':
      return <RateCell column={column} row={row} />;
    case 'points': {
      const points = value as number | null;
      const tone = points === null ? '' : points < 0 ? 'st-behind' : 'st-ahead';
      return <span className={tone}>{signedPointsText(points)}</span>;
    }
    case 'light': {
      const count = value as number | null;
      const tone = count ? `st-light light-${column.key}` : 'zd-faint';
      return <span className={tone}>{lightCountText(count)}</span>;
    }
    case 'rank':
      return value === null ? <span className="zd-faint">—</span> : value;
    default:
      return value;
  }
}

/** The grid's columns, one for each of STAT_COLUMNS: what the xlsx writes, cell for cell. */
export function statsColumns(ranking: Pick<StatsRanking, 'by' | 'month'>) {
  return col.columns(
    STAT_COLUMNS.map((column) => {
      const label = column.header(ranking);
      return col.display({
        id: column.key,
        header: label.replace('（个百分点）', '').replace('（万元）', ''),
        meta: {
          label,
          width: column.key === 'rate' ? RATE_WIDTH : WIDTHS[column.kind],
          minWidth: column.kind === 'text' ? 120 : undefined,
          num: column.kind !== 'text',
          pinned: column.kind === 'rank' || column.kind === 'text',
        },
        cell: (info) =>
          column.kind === 'text' ? (
            <span title={String(column.value(info.row.original))}>{cellOf(column, info.row.original)}</span>
          ) : (
            cellOf(column, info.row.original)
          ),
      });
    }),
  );
}

/** The 合计 row's cell of a column: the office's figures, as the rows show theirs. */
export function totalText(key: string, ranking: StatsRanking): string {
  const column = STAT_COLUMNS.find((c) => c.key === key);
  if (!column || column.kind === 'rank' || column.kind === 'text') return '';
  const value = column.value({ group: { key: '', name: '' }, rank: null, figures: ranking.total });
  if (column.kind === 'wan') return formatWan(value as number);
  if (column.kind === 'percent') {
    const f = column.fraction!(ranking.total);
    return column.key === 'rate' ? percentText(f.value) : `${percentText(f.value)} ${fractionText(f)}`;
  }
  if (column.kind === 'points') return signedPointsText(value as number | null);
  if (column.kind === 'light') return lightCountText(value as number | null);
  return String(value);
}

import type { Fraction } from '../../../db/model/stat-fraction';
import type { GroupFigures } from '../../../db/model/stat-figures';
import { libraryHref, type LibraryLink } from '../../links/library-href';
import { percentText } from '../percent';
import { colors } from '../tokens';
import { baseOption, categoryAxis, percentLabel, valueAxis } from './chart-base';
import type { ChartSpec } from './chart-table';
import type { ChartOption } from './echarts-setup';

interface Rate {
  label: string;
  of: (figures: GroupFigures) => Fraction;
  /** the library's view of what the rate counts, within the chain */
  link: Omit<LibraryLink, 'chain'>;
}

const RATES: Rate[] = [
  { label: '投资完成率', of: (f) => f.investmentRate, link: {} },
  { label: '按期竣工率', of: (f) => f.onTimeCompletionRate, link: { stage: 'completed' } },
  { label: '纳统率', of: (f) => f.statisticsRate, link: {} },
];

const percentValue = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** “12/15”, or for money 万元 of 万元 left to the table's 完成率 column. */
const partsText = (rate: Fraction, money: boolean) =>
  money || rate.denominator === 0 ? '' : `${rate.numerator}/${rate.denominator}`;

// 开工率 is left out: the 链长's card shows it already, counted today, beside these counted at the end of month N.

/**
 * One chain's three rates of `stats.ranking { by: 'chain' }` as a small multiple: every chain on the same 0–100%
 * scale, 投资完成率 in yellow when behind 序时进度 (a line across all four would cross their labels). A column
 * opens the library on the chain.
 */
export function chainRatesChart(chainId: number, figures: GroupFigures): ChartSpec<ChartOption> {
  const rates = RATES.map((rate) => rate.of(figures));
  const hrefOf = (index: number) => (RATES[index] ? libraryHref({ ...RATES[index].link, chain: chainId }) : null);
  return {
    option: {
      ...baseOption(),
      legend: { show: false },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => (v === null ? '—' : `${String(v)}%`),
      },
      grid: { left: 2, right: 2, top: 16, bottom: 0 },
      xAxis: { ...categoryAxis(RATES.map((r) => r.label.replace('率', ''))), axisLabel: { fontSize: 11, interval: 0 } },
      yAxis: { ...valueAxis(), show: false, min: 0, max: 100 },
      series: [
        {
          type: 'bar',
          name: '比率',
          barMaxWidth: 16,
          label: { show: true, position: 'top', fontSize: 11, formatter: percentLabel },
          data: rates.map((rate, index) => ({
            value: percentValue(rate.value),
            itemStyle: {
              color: index === 0 && (figures.gapPoints ?? 0) < 0 ? colors.yellow : colors.brand,
            },
          })),
        },
      ],
    },
    table: {
      columns: ['指标', '比率', '分子/分母'],
      rows: RATES.map((rate, index) => ({
        key: rate.label,
        cells: [rate.label, percentText(rates[index].value), partsText(rates[index], index === 0)],
        href: hrefOf(index) ?? undefined,
      })),
    },
    hrefOf: ({ dataIndex }) => hrefOf(dataIndex),
  };
}

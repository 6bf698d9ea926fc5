import { useMemo } from 'react';
import type { GroupFigures } from '../../../db/model/stat-figures';
import { ChartPanel } from '../../ui/charts/ChartPanel';
import { chainRatesChart } from '../../ui/charts/chain-rates-chart';
import { percentText } from '../../ui/percent';

/** What the small multiples are drawn from: `stats.ranking { by: 'chain' }` at one month. */
export interface ChainRates {
  month: number;
  timeProgress: number;
  /** by chain id */
  figures: ReadonlyMap<number, GroupFigures>;
}

/** A 链长's chains side by side, each its rates at month N on one 0–100% scale (small multiples). */
export function ChainMultiples({
  chains,
  rates,
}: {
  chains: readonly { id: number; name: string }[];
  rates?: ChainRates;
}) {
  if (!chains.length) return null;
  if (!rates) return <div className="cl-multiples-waiting zd-faint zd-small">正在读取各产业链的统计…</div>;
  return (
    <div className="cl-multiples">
      {chains.map((chain) => {
        const figures = rates.figures.get(chain.id);
        return figures ? <ChainChart key={chain.id} chain={chain} figures={figures} rates={rates} /> : null;
      })}
    </div>
  );
}

function ChainChart({
  chain,
  figures,
  rates,
}: {
  chain: { id: number; name: string };
  figures: GroupFigures;
  rates: ChainRates;
}) {
  const spec = useMemo(() => chainRatesChart(chain.id, figures), [chain.id, figures]);
  return (
    <ChartPanel
      bare
      className="cl-multiple"
      title={chain.name}
      note={`截至${rates.month}月末 · 序时进度${percentText(rates.timeProgress)}，落后的投资完成率为黄色`}
      spec={spec}
      height={104}
    />
  );
}

import { useMemo } from 'react';
import type { ChainSummary } from '../../../db/model/overview';
import { ChartPanel } from '../../ui/charts/ChartPanel';
import { chainStageChart } from '../../ui/charts/chain-stage-chart';
import { percentText } from '../../ui/percent';

/** A 链长's chains side by side, each its projects by stage on one shared scale (small multiples). */
export function ChainMultiples({ chains, largest }: { chains: readonly ChainSummary[]; largest: number }) {
  if (!chains.length) return null;
  return (
    <div className="cl-multiples">
      {chains.map((chain) => (
        <ChainChart key={chain.chainId} chain={chain} largest={largest} />
      ))}
    </div>
  );
}

function ChainChart({ chain, largest }: { chain: ChainSummary; largest: number }) {
  const spec = useMemo(() => chainStageChart(chain, largest), [chain, largest]);
  const { red, yellow } = chain.byLight;
  return (
    <ChartPanel
      bare
      className="cl-multiple"
      title={chain.chainName}
      note={
        <>
          {chain.projectCount}个{red > 0 && <span className="light-red light-text"> · 红{red}</span>}
          {yellow > 0 && <span className="light-yellow light-text"> · 黄{yellow}</span>}
          {chain.newStartListed > 0 && <> · 开工率{percentText(chain.startRate)}</>}
        </>
      }
      spec={spec}
      height={96}
    />
  );
}

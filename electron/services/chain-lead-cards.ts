import type { LightLevel } from '../../db/model/lights';
import {
  stageCounter,
  UNASSIGNED_LEAD,
  type CountedProject,
  type StageCounter,
  type StageCounts,
  type YearContext,
} from '../../db/model/overview';

/** A project as the 链长 view's cards count it: its chain and 链长 ('' when none) besides what is counted. */
export type CardProject = CountedProject & { chainId: number; chainLead: string };

export interface CardCounts {
  /** `light` null: 停建/缓建, counted as a project in no light */
  add(project: CardProject, light: LightLevel | null): void;
  /** each 链长 (未设链长 for none) with the chains their projects are on and their counts */
  leads(): Map<string, { chainIds: Set<number>; counts: StageCounts }>;
  chain(chainId: number): StageCounts;
}

/** The cards' counts by stage and light, per 链长 and per chain, taken one project at a time. */
export function cardCounts(year: YearContext): CardCounts {
  const leads = new Map<string, { chainIds: Set<number>; counter: StageCounter }>();
  const chains = new Map<number, StageCounter>();
  return {
    add(project, light) {
      const lead = project.chainLead || UNASSIGNED_LEAD;
      let entry = leads.get(lead);
      if (!entry) leads.set(lead, (entry = { chainIds: new Set(), counter: stageCounter(year) }));
      entry.chainIds.add(project.chainId);
      entry.counter.add(project, light);
      let chain = chains.get(project.chainId);
      if (!chain) chains.set(project.chainId, (chain = stageCounter(year)));
      chain.add(project, light);
    },
    leads: () =>
      new Map([...leads].map(([lead, { chainIds, counter }]) => [lead, { chainIds, counts: counter.counts() }])),
    chain: (chainId) => (chains.get(chainId) ?? stageCounter(year)).counts(),
  };
}

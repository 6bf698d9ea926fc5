import type { ReferenceData } from '../../../db/model/reference';

export interface FilterOption<V> {
  value: V;
  label: string;
}

const collator = new Intl.Collator('zh-Hans-CN');

/** The chain, 链长 and park choices of a project list; retired entries stay only while some project uses them. */
export function projectFilterOptions(
  projects: readonly { chainId: number; chainLead: string; parkId?: number | null }[],
  reference: ReferenceData,
) {
  const usedChains = new Set(projects.map((p) => p.chainId));
  const usedParks = new Set(projects.map((p) => p.parkId));
  const leads = new Set<string>();
  for (const chain of reference.chains) if (chain.chainLead && !chain.retired) leads.add(chain.chainLead);
  for (const project of projects) if (project.chainLead) leads.add(project.chainLead);
  return {
    chains: reference.chains
      .filter((c) => !c.retired || usedChains.has(c.id))
      .map((c): FilterOption<number> => ({ value: c.id, label: c.name })),
    leads: [...leads].sort(collator.compare).map((lead): FilterOption<string> => ({ value: lead, label: lead })),
    parks: reference.parks
      .filter((p) => !p.retired || usedParks.has(p.id))
      .map((p): FilterOption<number> => ({ value: p.id, label: p.name })),
  };
}

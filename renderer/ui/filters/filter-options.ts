import type { ReferenceData } from '../../../db/model/reference';

export interface FilterOption<V> {
  value: V;
  label: string;
}

const collator = new Intl.Collator('zh-Hans-CN');

interface OptionProject {
  chainId: number;
  chainName?: string;
  chainLead: string;
  parkId?: number | null;
  parkName?: string | null;
}

const sortedLeads = (leads: Set<string>) =>
  [...leads].sort(collator.compare).map((lead): FilterOption<string> => ({ value: lead, label: lead }));

/** Until the lists of chains and parks arrive: the ones the projects name, so a chosen filter reads by its name. */
function optionsOfProjects(projects: readonly OptionProject[]) {
  const chains = new Map<number, string>();
  const parks = new Map<number, string>();
  const leads = new Set<string>();
  for (const project of projects) {
    chains.set(project.chainId, project.chainName ?? '');
    if (project.parkId != null) parks.set(project.parkId, project.parkName ?? '');
    if (project.chainLead) leads.add(project.chainLead);
  }
  const listed = (entries: Map<number, string>) =>
    [...entries].map(([value, label]): FilterOption<number> => ({ value, label }));
  return { chains: listed(chains), leads: sortedLeads(leads), parks: listed(parks) };
}

/**
 * The chain, 链长 and park choices of a project list; retired entries stay only while some project uses them.
 * Without the reference lists (still on their way), the entries the projects name.
 */
export function projectFilterOptions(projects: readonly OptionProject[], reference: ReferenceData | undefined) {
  if (!reference) return optionsOfProjects(projects);
  const usedChains = new Set(projects.map((p) => p.chainId));
  const usedParks = new Set(projects.map((p) => p.parkId));
  const leads = new Set<string>();
  for (const chain of reference.chains) if (chain.chainLead && !chain.retired) leads.add(chain.chainLead);
  for (const project of projects) if (project.chainLead) leads.add(project.chainLead);
  return {
    chains: reference.chains
      .filter((c) => !c.retired || usedChains.has(c.id))
      .map((c): FilterOption<number> => ({ value: c.id, label: c.name })),
    leads: sortedLeads(leads),
    parks: reference.parks
      .filter((p) => !p.retired || usedParks.has(p.id))
      .map((p): FilterOption<number> => ({ value: p.id, label: p.name })),
  };
}

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
  levelIds?: readonly number[];
  levelNames?: readonly string[];
  townshipId?: number | null;
  townshipName?: string | null;
  contactLeaderId?: number | null;
  contactLeaderName?: string | null;
}

const sortedLeads = (leads: Set<string>) =>
  [...leads].sort(collator.compare).map((lead): FilterOption<string> => ({ value: lead, label: lead }));

/** Until the lists of chains and parks arrive: the ones the projects name, so a chosen filter reads by its name. */
function optionsOfProjects(projects: readonly OptionProject[]) {
  const chains = new Map<number, string>();
  const parks = new Map<number, string>();
  const townships = new Map<number, string>();
  const levels = new Map<number, string>();
  const contactLeaders = new Map<number, string>();
  const leads = new Set<string>();
  for (const project of projects) {
    chains.set(project.chainId, project.chainName ?? '');
    if (project.parkId != null) parks.set(project.parkId, project.parkName ?? '');
    if (project.townshipId != null) townships.set(project.townshipId, project.townshipName ?? '');
    if (project.contactLeaderId != null) contactLeaders.set(project.contactLeaderId, project.contactLeaderName ?? '');
    // a project's level ids are ascending and its names in the list's order: only the sole level pairs them
    if (project.levelIds?.length === 1) levels.set(project.levelIds[0], project.levelNames?.[0] ?? '');
    if (project.chainLead) leads.add(project.chainLead);
  }
  const listed = (entries: Map<number, string>) =>
    [...entries].map(([value, label]): FilterOption<number> => ({ value, label }));
  return {
    chains: listed(chains),
    leads: sortedLeads(leads),
    parks: listed(parks),
    levels: listed(levels),
    townships: listed(townships),
    contactLeaders: listed(contactLeaders),
  };
}

/**
 * The chain, 链长, park, level and 乡镇 choices of a project list; retired entries stay only while some project uses them.
 * Without the reference lists (still on their way), the entries the projects name.
 */
export function projectFilterOptions(projects: readonly OptionProject[], reference: ReferenceData | undefined) {
  if (!reference) return optionsOfProjects(projects);
  const usedChains = new Set(projects.map((p) => p.chainId));
  const usedParks = new Set(projects.map((p) => p.parkId));
  const usedTownships = new Set(projects.map((p) => p.townshipId));
  const usedLevels = new Set(projects.flatMap((p) => p.levelIds ?? []));
  const usedLeaders = new Set(projects.map((p) => p.contactLeaderId));
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
    levels: reference.levels
      .filter((l) => !l.retired || usedLevels.has(l.id))
      .map((l): FilterOption<number> => ({ value: l.id, label: l.name })),
    townships: reference.townships
      .filter((t) => !t.retired || usedTownships.has(t.id))
      .map((t): FilterOption<number> => ({ value: t.id, label: t.name })),
    contactLeaders: (reference.contactLeaders ?? [])
      .filter((l) => !l.retired || usedLeaders.has(l.id))
      .map((l): FilterOption<number> => ({ value: l.id, label: l.name })),
  };
}

import type { StatsProject } from './stat-figures';

export const STATS_BY = ['unit', 'park', 'chain', 'chainLead', 'township', 'level'] as const;
export type StatsBy = (typeof STATS_BY)[number];

export const STATS_BY_LABELS: Record<StatsBy, string> = {
  unit: '牵头单位',
  park: '园区',
  chain: '产业链',
  chainLead: '链长',
  township: '乡镇',
  level: '项目级别',
};

/** The group projects with none fall in: listed last, never ranked. */
export const UNFILLED_GROUP = { key: '', name: '未填写' } as const;

export interface StatsGroupRef {
  /** stable within one answer: an id as text, or the 链长's name */
  key: string;
  name: string;
}

/** A project with what it is grouped by. */
export interface GroupedProject extends StatsProject {
  leadUnitId: number | null;
  parkId: number | null;
  chainId: number;
  /** the project's own 链长 if set, else its chain's; '' when neither */
  chainLead: string;
  townshipId: number | null;
}

/** Names of the reference lists a grouping shows. */
export interface GroupNames {
  units: ReadonlyMap<number, string>;
  parks: ReadonlyMap<number, string>;
  chains: ReadonlyMap<number, { name: string }>;
  townships: ReadonlyMap<number, string>;
  levels: ReadonlyMap<number, string>;
  /** the lists each project is on (its level ids), read apart: a project may be on several */
  projectLevels: ReadonlyMap<number, readonly number[]>;
}

/** The groups a project counts in; none puts it in 未填写. One project may count in several (levels). */
export type Grouping = (p: GroupedProject) => readonly StatsGroupRef[];

const none: readonly StatsGroupRef[] = [];

function byId(nameOf: (id: number) => string | undefined, id: number | null): readonly StatsGroupRef[] {
  return id === null ? none : [{ key: String(id), name: nameOf(id) ?? String(id) }];
}

/**
 * One small function per `by`. 牵头/责任单位 counts a project for its 牵头单位 only (the usual 考核 reading: the
 * unit that answers for it), never once for each 责任单位, so the units' counts add up to the office's.
 */
export const GROUPINGS: Record<StatsBy, (names: GroupNames) => Grouping | { refused: string }> = {
  unit: (names) => (p) => byId((id) => names.units.get(id), p.leadUnitId),
  park: (names) => (p) => byId((id) => names.parks.get(id), p.parkId),
  chain: (names) => (p) => byId((id) => names.chains.get(id)?.name, p.chainId),
  chainLead: () => (p) => (p.chainLead ? [{ key: p.chainLead, name: p.chainLead }] : none),
  township: (names) => (p) => byId((id) => names.townships.get(id), p.townshipId),
  // a project on two lists counts in each list's group (and once in the office's total)
  level: (names) => (p) =>
    (names.projectLevels.get(p.id) ?? []).map((id) => ({ key: String(id), name: names.levels.get(id) ?? String(id) })),
};

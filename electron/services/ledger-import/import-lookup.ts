import { proposeChain } from '../../../db/model/chain-guess';
import type { ProjectFields } from '../../../db/model/project';
import type { ReferenceKind } from '../../../db/model/reference';
import { storedProjects, type StoredProject } from '../../../db/queries/stored-projects';
import { listChains, referenceEntries } from '../../../db/queries/reference';
import type { Store } from '../../../db/store/store';
import type { ReadRecord } from './record-values';

// What an imported row refers to: the stored project it updates, its chain, its units (created when new).

/** A row the rules refuse: reported with its message, written nothing. */
export class RowRefused extends Error {}

/** Refused only because no 产业链 could be found: the clerk may choose one for the row. */
export class ChainUnresolved extends RowRefused {}

const chainKey = (name: string) => name.replace(/\s/g, '').replace(/(产业链|链)$/, '');
export const nameKey = (name: string, owner: string) => `${name.replace(/\s/g, '')}\u0000${owner.replace(/\s/g, '')}`;

export type ReferenceEntries = Record<ReferenceKind, Map<number, { name: string; retired: boolean }>>;

/** The library as it was when the run began, read once. */
export interface Lookup {
  /** every project; a run keeps it as it leaves them */
  details: Map<number, StoredProject>;
  byCode: Map<string, number>;
  byNameOwner: Map<string, number[]>;
  chains: Awaited<ReturnType<typeof listChains>>;
  units: Map<string, number>;
  parks: Map<string, number>;
  levels: Map<string, number>;
  townships: Map<string, number>;
  contactLeaders: Map<string, number>;
  /** every chain, unit, park, level and township by id, retired ones too */
  entries: ReferenceEntries;
}

export async function lookupOf(store: Store, planYear: number): Promise<Lookup> {
  const byCode = new Map<string, number>();
  const byNameOwner = new Map<string, number[]>();
  const details = await storedProjects(store, planYear);
  for (const p of details.values()) {
    if (p.code) byCode.set(p.code.toUpperCase(), p.id);
    const key = nameKey(p.name, p.owner);
    byNameOwner.set(key, [...(byNameOwner.get(key) ?? []), p.id]);
  }
  const chains = await listChains(store);
  const units = await referenceEntries(store, 'unit');
  const parks = await referenceEntries(store, 'park');
  const levels = await referenceEntries(store, 'level');
  const townships = await referenceEntries(store, 'township');
  const contactLeaders = await referenceEntries(store, 'contactLeader');
  const byId = (list: { id: number; name: string; retired: boolean }[]) =>
    new Map(list.map(({ id, name, retired }) => [id, { name, retired }]));
  return {
    details,
    byCode,
    byNameOwner,
    chains,
    units: new Map(units.map((u) => [u.name, u.id])),
    parks: new Map(parks.map((p) => [p.name, p.id])),
    levels: new Map(levels.map((l) => [l.name, l.id])),
    townships: new Map(townships.map((t) => [t.name, t.id])),
    contactLeaders: new Map(contactLeaders.map((l) => [l.name, l.id])),
    entries: {
      chain: byId(chains),
      unit: byId(units),
      park: byId(parks),
      level: byId(levels),
      township: byId(townships),
      contactLeader: byId(contactLeaders),
    },
  };
}

/**
 * 项目编号 first; a code the library does not know (the office's own numbering, met for the first time) falls
 * back to 项目名称 + 建设单位, and the match then takes the sheet's code.
 */
export function matchExisting(lookup: Lookup, record: ReadRecord): number | undefined {
  const { code, name, owner } = record.values;
  const byCode = code ? lookup.byCode.get(code) : undefined;
  if (byCode !== undefined || !owner) return byCode;
  const found = lookup.byNameOwner.get(nameKey(name, owner)) ?? [];
  if (found.length > 1) {
    throw new RowRefused(`库中有${found.length}个同名且建设单位相同的项目，无法确定更新哪一个，请在表中填写项目编号`);
  }
  return found[0];
}

export type ChainSource = 'sheet' | 'library' | 'lead' | 'chosen' | 'proposed' | 'default';

export interface ResolvedChain {
  chain: Lookup['chains'][number];
  source: ChainSource;
  /** why a proposed chain was proposed */
  reason: string | null;
}

/**
 * The row's 产业链: the sheet's own column, else the chain the project already has, else its 链长's only chain,
 * else the clerk's choice for this row, else a proposal from the name and owner, else the import's default.
 */
export function resolveChain(
  lookup: Lookup,
  record: ReadRecord,
  before: ProjectFields | undefined,
  choice: { chosen?: number; fallback?: number },
): ResolvedChain {
  const { chainName, chainLead, name, owner } = record.values;
  const byId = (id: number) => lookup.chains.find((c) => c.id === id);
  if (chainName) {
    const key = chainKey(chainName);
    const chain = lookup.chains.find((c) => chainKey(c.name) === key || c.code === chainName.toUpperCase());
    if (!chain) throw new RowRefused(`产业链“${chainName}”不在产业链名单中（设置 → 产业链）`);
    return { chain, source: 'sheet', reason: null };
  }
  const stored = before && byId(before.chainId);
  if (stored) return { chain: stored, source: 'library', reason: null };
  if (chainLead) {
    const led = lookup.chains.filter((c) => c.chainLead === chainLead && !c.retired);
    if (led.length === 1) return { chain: led[0], source: 'lead', reason: `链长为${chainLead}` };
  }
  const chosen = choice.chosen === undefined ? undefined : byId(choice.chosen);
  if (chosen) return { chain: chosen, source: 'chosen', reason: null };
  const proposal = proposeChain(lookup.chains, name, owner ?? '');
  const proposed = proposal && byId(proposal.chainId);
  if (proposal && proposed) return { chain: proposed, source: 'proposed', reason: proposal.reason };
  const fallback = choice.fallback === undefined ? undefined : byId(choice.fallback);
  if (fallback) return { chain: fallback, source: 'default', reason: null };
  throw new ChainUnresolved(
    '未注明产业链，也无法从项目名称和建设单位推断：请为该行选择产业链，或选择“其余项目归入”的产业链',
  );
}

/** 市工信局 is how offices write 市工业和信息化局: same first and last character, the rest in order. */
function isShortFormOf(short: string, full: string): boolean {
  if (short.length < 3 || short.length >= full.length) return false;
  if (short[0] !== full[0] || short.at(-1) !== full.at(-1)) return false;
  let at = 0;
  for (const ch of full) if (ch === short[at]) at++;
  return at === short.length;
}

function knownUnit(lookup: Lookup, name: string): number | undefined {
  const exact = lookup.units.get(name);
  if (exact !== undefined) return exact;
  const matches = [...lookup.units.entries()].filter(([full]) => isShortFormOf(name, full));
  return matches.length === 1 ? matches[0][1] : undefined;
}

/** The unit's id: a known one, else one the target creates (the caller takes it back if the row is refused). */
export async function unitId(
  lookup: Lookup,
  name: string,
  created: Set<string>,
  create: (name: string) => Promise<number>,
): Promise<number> {
  const known = knownUnit(lookup, name);
  if (known !== undefined) return known;
  if (name.length > 50) throw new RowRefused(`单位名称“${name.slice(0, 20)}…”过长`);
  const id = await create(name);
  lookup.units.set(name, id);
  created.add(name);
  return id;
}

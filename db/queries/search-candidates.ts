import type { Store } from '../store/store';
import { sql } from '../sql';
import { idsOfJson } from '../dialect';
import { referenceNames, type ReferenceNames } from './reference-names';

// The projects a search may find: a superset that the search rule itself (db/model/project-search.ts) then checks
// row by row, so the server finds exactly what the library's search box finds, only without reading every row.

/** Fewer characters than this (characters, not UTF-16 units) are not in the trigram index. */
const TRIGRAM = 3;

const lowered = (text: string | null) => (text ?? '').toLowerCase();

/**
 * Whether the index finds every row the rule would. The tokenizer folds case by an older Unicode table than
 * JavaScript's toLowerCase: it misses 446 letters (Cherokee, Georgian Mtavruli, Osage…, and İ, whose lower case
 * adds U+0307), all outside Latin-1. So a word with a cased letter beyond Latin-1 (Ａ, Ж) takes the exact way.
 */
function indexable(word: string): boolean {
  const characters = [...word];
  return (
    characters.length >= TRIGRAM &&
    characters.every((ch) => ch <= '\u00ff' || ch.toUpperCase() === ch) &&
    !word.includes('\u0307') &&
    // FTS5's query parser ends a string at a NUL character (“unterminated string”)
    !word.includes('\u0000')
  );
}

/** Each project's own searched fields, lower-cased as the rule does, in one text. */
interface OwnTexts {
  stamp: string;
  rows: { id: number; text: string }[];
}
const ownTextsOf = new WeakMap<Store, OwnTexts>();

type OwnRow = OwnTexts['rows'][number];

async function readOwnTexts(store: Store): Promise<OwnRow[]> {
  const raws = await store.allRaw<[number, string, string, string, string, string | null]>(
    sql`SELECT id, code, name, owner, location, chain_lead_override FROM projects ORDER BY id`,
  );
  return raws.map((r) => ({
    id: r[0],
    text: r
      .slice(1)
      .map((field) => lowered(field as string | null))
      .join('\n'),
  }));
}

/**
 * What the file's rows are now: `total_changes()` counts every row this connection has inserted, changed or
 * deleted (by triggers too) and `data_version` moves with any other connection's commit.
 */
async function changeStamp(store: Store): Promise<string> {
  const [changes, version] = (
    await store.allRaw<[number, number]>(sql`SELECT total_changes(), (SELECT data_version FROM pragma_data_version)`)
  )[0];
  return `${changes}:${version}`;
}

/**
 * The projects' own short fields for the words the index cannot answer (one or two characters, letters it folds
 * otherwise), kept between searches while nothing in the file has changed: a clerk typing a search reads them
 * once rather than at every keystroke.
 */
async function keptOwnTexts(store: Store): Promise<OwnRow[]> {
  const stamp = await changeStamp(store);
  const kept = ownTextsOf.get(store);
  if (kept?.stamp === stamp) return kept.rows;
  const rows = await readOwnTexts(store);
  ownTextsOf.set(store, { stamp, rows });
  return rows;
}

/**
 * The projects' own fields, read once for a search however many words it has. PostgreSQL has neither the
 * trigram index nor a change count that other servers' writes move, so there every word is looked for in
 * them, read afresh for each search.
 */
function ownTextsOnce(store: Store): () => Promise<OwnRow[]> {
  let rows: Promise<OwnRow[]> | undefined;
  return () => (rows ??= store.dialect === 'sqlite' ? keptOwnTexts(store) : readOwnTexts(store));
}

/** Projects whose own searched fields (编号, 名称, 建设单位, 建设地点, their own 链长) contain `word`. */
async function ownFieldMatches(store: Store, ownTexts: () => Promise<OwnRow[]>, word: string): Promise<number[]> {
  if (store.dialect === 'sqlite' && indexable(word)) {
    const phrase = `"${word.replace(/"/g, '""')}"`;
    return (
      await store.allRaw<[number]>(sql`SELECT rowid FROM project_search WHERE project_search MATCH ${phrase}`)
    ).map((r) => r[0]);
  }
  // a word never holds a line break (the rule splits at white space), so it cannot match across two fields
  return (await ownTexts()).filter((row) => row.text.includes(word)).map((row) => row.id);
}

/** Projects whose chain, chain's 链长, park, 牵头单位 or 责任单位 has `word` in its name: those lists are short. */
async function referenceMatches(store: Store, names: ReferenceNames, word: string): Promise<number[]> {
  const matching = <T>(entries: Map<number, T>, has: (entry: T) => boolean) =>
    [...entries].filter(([, entry]) => has(entry)).map(([id]) => id);
  const chains = matching(
    names.chains,
    ({ name, lead }) => lowered(name).includes(word) || lowered(lead).includes(word),
  );
  const parks = matching(names.parks, (name) => lowered(name).includes(word));
  const units = matching(names.units, (name) => lowered(name).includes(word));
  if (!chains.length && !parks.length && !units.length) return [];
  const inList = (ids: number[]) => idsOfJson(store.dialect, ids);
  return (
    await store.allRaw<[number]>(
      sql`SELECT id FROM projects
        WHERE chain_id IN (${inList(chains)})
           OR park_id IN (${inList(parks)})
           OR lead_unit_id IN (${inList(units)})
        UNION
        SELECT project_id FROM project_units WHERE unit_id IN (${inList(units)})`,
    )
  ).map((r) => r[0]);
}

/** Ids of the projects that may contain every word (lower-cased, as the rule splits them), in no order. */
export async function searchCandidates(store: Store, words: readonly string[]): Promise<number[]> {
  const names = await referenceNames(store);
  const ownTexts = ownTextsOnce(store);
  let found: number[] | null = null;
  for (const word of words) {
    const matches = new Set([
      ...(await ownFieldMatches(store, ownTexts, word)),
      ...(await referenceMatches(store, names, word)),
    ]);
    found = found === null ? [...matches] : found.filter((id) => matches.has(id));
    if (found.length === 0) break;
  }
  return found ?? [];
}

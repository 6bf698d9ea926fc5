import type { Db } from '../connection';
import { allRaw, sql } from '../sql';
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
const ownTextsOf = new WeakMap<Db, OwnTexts>();

/**
 * What the file's rows are now: `total_changes()` counts every row this connection has inserted, changed or
 * deleted (by triggers too) and `data_version` moves with any other connection's commit.
 */
function changeStamp(db: Db): string {
  const [changes, version] = allRaw<[number, number]>(
    db,
    sql`SELECT total_changes(), (SELECT data_version FROM pragma_data_version)`,
  )[0];
  return `${changes}:${version}`;
}

/**
 * The projects' own short fields for the words the index cannot answer (one or two characters, letters it folds
 * otherwise), kept between searches while nothing in the file has changed: a clerk typing a search reads them
 * once rather than at every keystroke.
 */
function ownTexts(db: Db): OwnTexts['rows'] {
  const stamp = changeStamp(db);
  const kept = ownTextsOf.get(db);
  if (kept?.stamp === stamp) return kept.rows;
  const rows = allRaw<[number, string, string, string, string, string | null]>(
    db,
    sql`SELECT id, code, name, owner, location, chain_lead_override FROM projects`,
  ).map((r) => ({
    id: r[0],
    text: r
      .slice(1)
      .map((field) => lowered(field as string | null))
      .join('\n'),
  }));
  ownTextsOf.set(db, { stamp, rows });
  return rows;
}

/** Projects whose own searched fields (编号, 名称, 建设单位, 建设地点, their own 链长) contain `word`. */
function ownFieldMatches(db: Db, word: string): number[] {
  if (indexable(word)) {
    const phrase = `"${word.replace(/"/g, '""')}"`;
    return allRaw<[number]>(db, sql`SELECT rowid FROM project_search WHERE project_search MATCH ${phrase}`).map(
      (r) => r[0],
    );
  }
  // a word never holds a line break (the rule splits at white space), so it cannot match across two fields
  return ownTexts(db)
    .filter((row) => row.text.includes(word))
    .map((row) => row.id);
}

/** Projects whose chain, chain's 链长, park, 牵头单位 or 责任单位 has `word` in its name: those lists are short. */
function referenceMatches(db: Db, names: ReferenceNames, word: string): number[] {
  const matching = <T>(entries: Map<number, T>, has: (entry: T) => boolean) =>
    [...entries].filter(([, entry]) => has(entry)).map(([id]) => id);
  const chains = matching(
    names.chains,
    ({ name, lead }) => lowered(name).includes(word) || lowered(lead).includes(word),
  );
  const parks = matching(names.parks, (name) => lowered(name).includes(word));
  const units = matching(names.units, (name) => lowered(name).includes(word));
  if (!chains.length && !parks.length && !units.length) return [];
  const inList = (ids: number[]) => JSON.stringify(ids);
  return allRaw<[number]>(
    db,
    sql`SELECT id FROM projects
        WHERE chain_id IN (SELECT value FROM json_each(${inList(chains)}))
           OR park_id IN (SELECT value FROM json_each(${inList(parks)}))
           OR lead_unit_id IN (SELECT value FROM json_each(${inList(units)}))
        UNION
        SELECT project_id FROM project_units WHERE unit_id IN (SELECT value FROM json_each(${inList(units)}))`,
  ).map((r) => r[0]);
}

/** Ids of the projects that may contain every word (lower-cased, as the rule splits them), in no order. */
export function searchCandidates(db: Db, words: readonly string[]): number[] {
  const names = referenceNames(db);
  let found: number[] | null = null;
  for (const word of words) {
    const matches = new Set([...ownFieldMatches(db, word), ...referenceMatches(db, names, word)]);
    found = found === null ? [...matches] : found.filter((id) => matches.has(id));
    if (found.length === 0) break;
  }
  return found ?? [];
}

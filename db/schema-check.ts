import Database from 'better-sqlite3';
import { applyMigrations, schemaVersionOf } from './migrate';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';

// A database file from outside (a backup on a USB stick, a file copied into backups/ by hand) is data, never
// code: a trigger or view in it would run inside the app once the file is restored, a changed CHECK or default
// would quietly alter what is written. So before such a file is used its schema is compared with the one the
// app's own migrations make for the file's user_version, built into an in-memory database: every object of
// sqlite_master (type, name, table, SQL with comments, spacing and ASCII letter case taken out) must be one the
// app makes, and every one the app makes must be there. The app itself never creates a schema object outside
// its migrations (no AUTOINCREMENT), so a genuine file matches exactly — except for the statistics tables
// `PRAGMA optimize` makes (sqlite_stat1, sqlite_stat4): SQLite's own, exactly as SQLite defines them, and only
// ever read by its query planner.

interface SchemaObject {
  type: string;
  name: string;
  tblName: string;
  sql: string | null;
}

interface ReferenceSchema {
  objects: Map<string, SchemaObject>;
  columns: Map<string, string[]>;
}

const KIND_WORDS: Record<string, string> = { table: '数据表', index: '索引', trigger: '触发器', view: '视图' };
/** the order findings are told in: what runs code first */
const KIND_ORDER = ['trigger', 'view', 'table', 'index'];
const MAX_FINDINGS = 4;

/**
 * SQL as tokens: comments and whitespace dropped, unquoted words in ASCII lower case (SQLite folds only ASCII),
 * quoted strings and identifiers kept exactly. Two texts with the same tokens are the same statement to SQLite.
 */
export function normaliseSql(text: string | null): string | null {
  if (text === null) return null;
  const tokens: string[] = [];
  const word = /[A-Za-z0-9_$\u0080-\uffff]/;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && text[i + 1] === '-') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === "'" || c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c;
      let j = i + 1;
      while (j < text.length) {
        if (text[j] === close) {
          // a doubled quote is a quote inside the string
          if (close !== ']' && text[j + 1] === close) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      tokens.push(text.slice(i, j + 1));
      i = j + 1;
    } else if (word.test(c)) {
      let j = i;
      while (j < text.length && word.test(text[j])) j++;
      tokens.push(text.slice(i, j).replace(/[A-Z]/g, (l) => l.toLowerCase()));
      i = j;
    } else {
      tokens.push(c);
      i++;
    }
  }
  return tokens.join(' ');
}

function objectsOf(db: Database.Database): SchemaObject[] {
  return db
    .prepare('SELECT type, name, tbl_name AS tblName, sql FROM main.sqlite_master ORDER BY type, name')
    .all() as SchemaObject[];
}

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare('SELECT name FROM pragma_table_xinfo(?)').all(table) as { name: string }[]).map((c) => c.name);
}

const keyOf = (o: Pick<SchemaObject, 'type' | 'name'>) => `${o.type}\u0000${o.name}`;

/** The tables ANALYZE (run by `PRAGMA optimize`) creates, as SQLite writes them; nothing else may wear the names. */
const STATISTICS_TABLES: ReadonlyMap<string, string | null> = new Map([
  ['sqlite_stat1', normaliseSql('CREATE TABLE sqlite_stat1(tbl,idx,stat)')],
  ['sqlite_stat4', normaliseSql('CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)')],
]);

function isStatisticsTable(object: SchemaObject): boolean {
  const sql = STATISTICS_TABLES.get(object.name);
  return (
    object.type === 'table' && sql !== undefined && object.tblName === object.name && normaliseSql(object.sql) === sql
  );
}

const references = new WeakMap<readonly Migration[], Map<number, ReferenceSchema>>();

/** The schema the migrations up to `version` make, from an empty in-memory database; null for no such version. */
function referenceSchema(version: number, migrations: readonly Migration[]): ReferenceSchema | null {
  if (!migrations.some((m) => m.version === version)) return null;
  let cache = references.get(migrations);
  if (!cache) references.set(migrations, (cache = new Map()));
  const cached = cache.get(version);
  if (cached) return cached;
  const db = new Database(':memory:');
  try {
    applyMigrations(
      db,
      migrations.filter((m) => m.version <= version),
    );
    const objects = objectsOf(db);
    const reference: ReferenceSchema = {
      objects: new Map(objects.map((o) => [keyOf(o), o])),
      columns: new Map(objects.filter((o) => o.type === 'table').map((o) => [o.name, columnsOf(db, o.name)])),
    };
    cache.set(version, reference);
    return reference;
  } finally {
    db.close();
  }
}

const kindWord = (type: string) => KIND_WORDS[type] ?? '对象';
const rank = (type: string) => (KIND_ORDER.includes(type) ? KIND_ORDER.indexOf(type) : KIND_ORDER.length);

/**
 * What in the database's schema differs from the app's own for its user_version, in words for the clerk
 * (“备份文件中有程序不会建立的触发器“x”，为安全起见不予使用”); null when the schema is exactly the app's.
 * Reads only: the file may be opened read-only.
 */
export function schemaProblem(
  db: Database.Database,
  options: { what?: string; migrations?: readonly Migration[] } = {},
): string | null {
  const what = options.what ?? '备份文件';
  const migrations = options.migrations ?? MIGRATIONS;
  const version = schemaVersionOf(db);
  const newest = migrations[migrations.length - 1]?.version ?? 0;
  if (version > newest) {
    return `${what}来自更新版本的程序（数据结构版本${version}，本程序支持到${newest}），请先升级程序`;
  }
  if (version === 0) return `${what}没有数据结构版本，不是本程序建立的，为安全起见不予使用`;
  const reference = referenceSchema(version, migrations);
  if (!reference) return `${what}的数据结构版本（${version}）不是本程序建立的，为安全起见不予使用`;

  let extra: SchemaObject[] = [];
  const changed: string[] = [];
  const changedTables: string[] = [];
  const seen = new Set<string>();
  for (const object of objectsOf(db)) {
    const key = keyOf(object);
    const expected = reference.objects.get(key);
    if (!expected) {
      if (!isStatisticsTable(object)) extra.push(object);
      continue;
    }
    seen.add(key);
    if (expected.tblName === object.tblName && normaliseSql(expected.sql) === normaliseSql(object.sql)) continue;
    const table = `${kindWord(object.type)}“${object.name}”`;
    if (object.type === 'table') {
      changedTables.push(object.name);
      const want = reference.columns.get(object.name) ?? [];
      const have = columnsOf(db, object.name);
      const added = have.filter((c) => !want.includes(c));
      const missing = want.filter((c) => !have.includes(c));
      if (added.length) changed.push(`${table}有程序不会建立的列${added.map((c) => `“${c}”`).join('、')}`);
      if (missing.length) changed.push(`${table}缺少列${missing.map((c) => `“${c}”`).join('、')}`);
      if (added.length || missing.length) continue;
    }
    changed.push(`${table}的定义与程序建立的不同`);
  }
  const absent = [...reference.objects.values()].filter((o) => !seen.has(keyOf(o)));
  // a table's automatic index (UNIQUE, PRIMARY KEY) comes and goes with the table already named
  const named = new Set([...extra, ...absent].filter((o) => o.type === 'table').map((o) => o.name));
  for (const table of changedTables) named.add(table);
  const implied = (o: SchemaObject) =>
    o.type === 'index' && o.name.startsWith('sqlite_autoindex_') && named.has(o.tblName);
  extra = extra.filter((o) => !implied(o));
  const missing = absent.filter((o) => !implied(o)).map((o) => `缺少${kindWord(o.type)}“${o.name}”`);

  const findings = [
    ...(extra.length
      ? [
          `有程序不会建立的${extra
            .sort((a, b) => rank(a.type) - rank(b.type) || a.name.localeCompare(b.name))
            .slice(0, MAX_FINDINGS)
            .map((o) => `${kindWord(o.type)}“${o.name}”`)
            .join('、')}${extra.length > MAX_FINDINGS ? `等${extra.length}处` : ''}`,
        ]
      : []),
    ...changed,
    ...missing,
  ];
  if (!findings.length) return null;
  const told = findings.slice(0, MAX_FINDINGS).join('；');
  const more = findings.length > MAX_FINDINGS ? `等${findings.length}处不符` : '';
  return `${what}中${told}${more}，为安全起见不予使用`;
}

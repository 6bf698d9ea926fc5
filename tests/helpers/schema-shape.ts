import type Database from 'better-sqlite3';
import { sql } from '../../db/sql';
import type { Store } from '../../db/store/store';

// One description of a schema, read from either engine's catalog, so two schemas compare with toEqual. Types
// are told in SQLite's words (PostgreSQL's integer and bigint are both INTEGER); partial indexes' conditions
// and defaults lose the casts and brackets PostgreSQL adds when it prints them.

export interface ColumnShape {
  name: string;
  type: string;
  notNull: boolean;
  default: string | null;
  /** the column numbers new rows: SQLite's INTEGER PRIMARY KEY, PostgreSQL's identity column */
  identity: boolean;
}

export interface SchemaShape {
  tables: Record<string, { columns: ColumnShape[]; primaryKey: string[] }>;
  /** the indexes made by CREATE INDEX, by name */
  indexes: Record<string, { table: string; columns: string[]; unique: boolean; where: string | null }>;
  /** `table(a, b)` for each UNIQUE constraint */
  uniques: string[];
  /** `table.column → other(column) on delete …` */
  foreignKeys: string[];
  views: Record<string, string[]>;
  triggers: string[];
}

/** a printed condition or default without PostgreSQL's casts and brackets, spacing and letter case */
export function plainSql(text: string | null): string | null {
  if (text === null) return null;
  return text
    .replace(/::[a-z ]+/g, '')
    .replace(/[()]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const sorted = <T>(items: T[]) => [...items].sort();

export function sqliteShape(db: Database.Database): SchemaShape {
  const objects = db
    .prepare("SELECT type, name, tbl_name AS tableName, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    .all() as { type: string; name: string; tableName: string; sql: string | null }[];
  const shape: SchemaShape = { tables: {}, indexes: {}, uniques: [], foreignKeys: [], views: {}, triggers: [] };
  for (const object of objects.filter((o) => o.type === 'table')) {
    const columns = db.prepare('SELECT * FROM pragma_table_info(?)').all(object.name) as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }[];
    const keyColumns = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const rowidAlias = keyColumns.length === 1 && keyColumns[0].type.toUpperCase() === 'INTEGER';
    shape.tables[object.name] = {
      columns: columns.map((c) => ({
        name: c.name,
        type: c.type.toUpperCase(),
        // a primary key column is never null on PostgreSQL; SQLite says so only where NOT NULL was written
        notNull: c.notnull === 1 || c.pk > 0,
        default: plainSql(c.dflt_value),
        identity: rowidAlias && c.pk === 1,
      })),
      primaryKey: keyColumns.map((c) => c.name),
    };
    const indexList = db.prepare('SELECT * FROM pragma_index_list(?)').all(object.name) as {
      name: string;
      unique: number;
      origin: string;
      partial: number;
    }[];
    for (const index of indexList) {
      const indexColumns = (
        db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(index.name) as { name: string }[]
      ).map((c) => c.name);
      if (index.origin === 'u') shape.uniques.push(`${object.name}(${indexColumns.join(', ')})`);
      if (index.origin !== 'c') continue;
      const text = objects.find((o) => o.name === index.name)?.sql ?? '';
      shape.indexes[index.name] = {
        table: object.name,
        columns: indexColumns,
        unique: index.unique === 1,
        where: index.partial ? plainSql(/\bWHERE\b([\s\S]*)$/i.exec(text)?.[1] ?? '') : null,
      };
    }
    const keys = db.prepare('SELECT * FROM pragma_foreign_key_list(?)').all(object.name) as {
      from: string;
      table: string;
      to: string;
      on_delete: string;
    }[];
    for (const key of keys) {
      shape.foreignKeys.push(`${object.name}.${key.from} → ${key.table}(${key.to}) on delete ${key.on_delete}`);
    }
  }
  for (const view of objects.filter((o) => o.type === 'view')) {
    shape.views[view.name] = (
      db.prepare('SELECT name FROM pragma_table_info(?)').all(view.name) as { name: string }[]
    ).map((c) => c.name);
  }
  shape.triggers = sorted(objects.filter((o) => o.type === 'trigger').map((o) => o.name));
  shape.uniques = sorted(shape.uniques);
  shape.foreignKeys = sorted(shape.foreignKeys);
  return shape;
}

const PG_TYPES: Record<string, string> = {
  integer: 'INTEGER',
  bigint: 'INTEGER',
  text: 'TEXT',
  'double precision': 'REAL',
  bytea: 'BLOB',
};
const PG_DELETE_RULES: Record<string, string> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

export interface PostgresColumn {
  table: string;
  name: string;
  type: string;
  notNull: boolean;
  default: string | null;
  identity: boolean;
  collation: string | null;
  isView: boolean;
}

/** Every column of the current schema's tables and views, in each one's order, with PostgreSQL's own types. */
export async function postgresColumns(store: Store): Promise<PostgresColumn[]> {
  return store.all<PostgresColumn>(sql`
    SELECT c.table_name AS "table", c.column_name AS name, c.data_type AS type, c.is_nullable = 'NO' AS "notNull",
           c.column_default AS "default", c.is_identity = 'YES' AS identity, c.collation_name AS collation,
           t.table_type = 'VIEW' AS "isView"
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema()
    ORDER BY c.table_name, c.ordinal_position`);
}

/** The same description of a PostgreSQL database's schema, leaving out `except` (its own bookkeeping). */
export async function postgresShape(store: Store, except: readonly string[] = []): Promise<SchemaShape> {
  const shape: SchemaShape = { tables: {}, indexes: {}, uniques: [], foreignKeys: [], views: {}, triggers: [] };
  for (const column of await postgresColumns(store)) {
    if (except.includes(column.table)) continue;
    if (column.isView) {
      (shape.views[column.table] ??= []).push(column.name);
      continue;
    }
    (shape.tables[column.table] ??= { columns: [], primaryKey: [] }).columns.push({
      name: column.name,
      type: PG_TYPES[column.type] ?? column.type,
      notNull: column.notNull,
      default: plainSql(column.default),
      identity: column.identity,
    });
  }
  const indexes = await store.all<{
    name: string;
    table: string;
    columns: string[];
    unique: boolean;
    primary: boolean;
    constraint: string | null;
    where: string | null;
  }>(sql`
    SELECT ic.relname AS name, tc.relname AS "table", i.indisunique AS "unique", i.indisprimary AS "primary",
           array(SELECT a.attname::text FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.n) AS "columns",
           (SELECT contype FROM pg_constraint WHERE conindid = i.indexrelid AND contype IN ('p', 'u')) AS "constraint",
           pg_get_expr(i.indpred, i.indrelid) AS "where"
    FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_class tc ON tc.oid = i.indrelid
    JOIN pg_namespace s ON s.oid = tc.relnamespace
    WHERE s.nspname = current_schema()`);
  for (const index of indexes) {
    if (except.includes(index.table)) continue;
    if (index.primary) shape.tables[index.table].primaryKey = index.columns;
    else if (index.constraint === 'u') shape.uniques.push(`${index.table}(${index.columns.join(', ')})`);
    else {
      shape.indexes[index.name] = {
        table: index.table,
        columns: index.columns,
        unique: index.unique,
        where: plainSql(index.where),
      };
    }
  }
  const keys = await store.all<{ table: string; from: string; other: string; to: string; rule: string }>(sql`
    SELECT tc.relname AS "table", fa.attname AS "from", oc.relname AS other, ta.attname AS "to",
           k.confdeltype AS rule
    FROM pg_constraint k
    JOIN pg_class tc ON tc.oid = k.conrelid
    JOIN pg_class oc ON oc.oid = k.confrelid
    JOIN pg_namespace s ON s.oid = tc.relnamespace
    JOIN pg_attribute fa ON fa.attrelid = k.conrelid AND fa.attnum = k.conkey[1]
    JOIN pg_attribute ta ON ta.attrelid = k.confrelid AND ta.attnum = k.confkey[1]
    WHERE k.contype = 'f' AND s.nspname = current_schema()`);
  shape.foreignKeys = sorted(
    keys.map((k) => `${k.table}.${k.from} → ${k.other}(${k.to}) on delete ${PG_DELETE_RULES[k.rule] ?? k.rule}`),
  );
  shape.uniques = sorted(shape.uniques);
  const triggers = await store.all<{ name: string }>(sql`
    SELECT DISTINCT trigger_name AS name FROM information_schema.triggers
    WHERE trigger_schema = current_schema() ORDER BY trigger_name`);
  shape.triggers = triggers.map((t) => t.name);
  return shape;
}

import type { Db } from '../connection';
import type { Chain, Park, ReferenceData, ReferenceKind, Unit } from '../model/reference';
import { all, get, run, sql, sqlIdentifier } from '../sql';
import { writeAudit } from './audit';
import type { WriteMeta } from './projects-write';

type ChainRow = Omit<Chain, 'anchorCompanies' | 'keywords' | 'retired'> & {
  anchorCompanies: string;
  keywords: string;
  retired: number;
};

export function listChains(db: Db): Chain[] {
  const rows = all<ChainRow>(
    db,
    sql`SELECT c.id, c.code, c.name, c.industry_group AS industryGroup, c.chain_lead AS chainLead,
               c.lead_unit_id AS leadUnitId, u.name AS leadUnitName,
               c.target_2025_yuan AS target2025Yuan, c.base_2020_yuan AS base2020Yuan,
               c.anchor_companies AS anchorCompanies, c.keywords, c.retired,
               (SELECT COUNT(*) FROM projects p WHERE p.chain_id = c.id) AS projectCount
        FROM chains c LEFT JOIN units u ON u.id = c.lead_unit_id
        ORDER BY c.retired, c.sort_order, c.id`,
  );
  return rows.map((r) => ({
    ...r,
    anchorCompanies: JSON.parse(r.anchorCompanies) as string[],
    keywords: JSON.parse(r.keywords) as string[],
    retired: r.retired === 1,
  }));
}

export function listUnits(db: Db): Unit[] {
  return all<Omit<Unit, 'retired'> & { retired: number }>(
    db,
    sql`SELECT u.id, u.name, u.retired,
               (SELECT COUNT(*) FROM projects p WHERE p.lead_unit_id = u.id)
             + (SELECT COUNT(*) FROM project_units pu WHERE pu.unit_id = u.id) AS projectCount
        FROM units u ORDER BY u.retired, u.sort_order, u.id`,
  ).map((r) => ({ ...r, retired: r.retired === 1 }));
}

export function listParks(db: Db): Park[] {
  return all<Omit<Park, 'retired'> & { retired: number }>(
    db,
    sql`SELECT k.id, k.name, k.area, k.focus, k.retired,
               (SELECT COUNT(*) FROM projects p WHERE p.park_id = k.id) AS projectCount
        FROM parks k ORDER BY k.retired, k.sort_order, k.id`,
  ).map((r) => ({ ...r, retired: r.retired === 1 }));
}

export function listReference(db: Db): ReferenceData {
  return { chains: listChains(db), units: listUnits(db), parks: listParks(db) };
}

export interface ChainValues {
  code: string;
  name: string;
  industryGroup: string;
  chainLead: string;
  leadUnitId: number | null;
}

export function insertChain(db: Db, v: ChainValues): number {
  return run(
    db,
    sql`INSERT INTO chains (code, name, industry_group, chain_lead, lead_unit_id, sort_order)
        VALUES (${v.code}, ${v.name}, ${v.industryGroup}, ${v.chainLead}, ${v.leadUnitId},
                (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM chains))`,
  ).lastInsertRowid;
}

export function updateChain(db: Db, id: number, v: ChainValues): void {
  run(
    db,
    sql`UPDATE chains SET code = ${v.code}, name = ${v.name}, industry_group = ${v.industryGroup},
               chain_lead = ${v.chainLead}, lead_unit_id = ${v.leadUnitId}
        WHERE id = ${id}`,
  );
}

export function insertUnit(db: Db, name: string): number {
  return run(
    db,
    sql`INSERT INTO units (name, sort_order)
        VALUES (${name}, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM units))`,
  ).lastInsertRowid;
}

export function insertPark(db: Db, v: { name: string; area: string; focus: string }): number {
  return run(
    db,
    sql`INSERT INTO parks (name, area, focus, sort_order)
        VALUES (${v.name}, ${v.area}, ${v.focus}, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM parks))`,
  ).lastInsertRowid;
}

/** A unit an imported ledger names that the list lacks, created with a line saying where it came from. */
export function insertImportedUnit(db: Db, name: string, meta: WriteMeta): number {
  const id = insertUnit(db, name);
  writeAudit(
    db,
    {
      operator: meta.operator,
      entity: 'unit',
      entityId: id,
      action: 'create',
      changes: [{ field: null, oldValue: null, newValue: `${name}（导入台账时新增）` }],
    },
    meta.now,
  );
  return id;
}

export function updateUnit(db: Db, id: number, name: string): void {
  run(db, sql`UPDATE units SET name = ${name} WHERE id = ${id}`);
}

export function updatePark(db: Db, id: number, v: { name: string; area: string; focus: string }): void {
  run(db, sql`UPDATE parks SET name = ${v.name}, area = ${v.area}, focus = ${v.focus} WHERE id = ${id}`);
}

export type ReferenceRecord =
  | { kind: 'chain'; values: ChainValues }
  | { kind: 'unit'; values: { name: string } }
  | { kind: 'park'; values: { name: string; area: string; focus: string } };

/** Creates (without an id) or updates one chain, unit or park, with its line in the change history. */
export function saveReference(db: Db, record: ReferenceRecord, id: number | undefined, meta: WriteMeta): number {
  const oldName = id === undefined ? null : (referenceName(db, record.kind, id) ?? null);
  let savedId = id;
  if (record.kind === 'chain') {
    if (savedId === undefined) savedId = insertChain(db, record.values);
    else updateChain(db, savedId, record.values);
  } else if (record.kind === 'unit') {
    if (savedId === undefined) savedId = insertUnit(db, record.values.name);
    else updateUnit(db, savedId, record.values.name);
  } else if (savedId === undefined) {
    savedId = insertPark(db, record.values);
  } else {
    updatePark(db, savedId, record.values);
  }
  writeAudit(
    db,
    {
      operator: meta.operator,
      entity: record.kind,
      entityId: savedId,
      action: id === undefined ? 'create' : 'update',
      changes: [{ field: 'name', oldValue: oldName, newValue: record.values.name }],
    },
    meta.now,
  );
  return savedId;
}

/** Table names cannot be bound, so they come only from this fixed map. */
const TABLES: Record<ReferenceKind, 'chains' | 'units' | 'parks'> = { chain: 'chains', unit: 'units', park: 'parks' };
const tableOf = (kind: ReferenceKind) => sqlIdentifier(TABLES[kind]);

/** 停用 or 启用 an entry, with its line in the change history. */
export function setRetired(db: Db, kind: ReferenceKind, id: number, retired: boolean, meta: WriteMeta): void {
  const name = referenceName(db, kind, id) ?? null;
  run(db, sql`UPDATE ${tableOf(kind)} SET retired = ${retired ? 1 : 0} WHERE id = ${id}`);
  writeAudit(
    db,
    {
      operator: meta.operator,
      entity: kind,
      entityId: id,
      action: 'update',
      changes: [{ field: 'retired', oldValue: name, newValue: retired ? '停用' : '启用' }],
    },
    meta.now,
  );
}

export function referenceName(db: Db, kind: ReferenceKind, id: number): string | undefined {
  return get<{ name: string }>(db, sql`SELECT name FROM ${tableOf(kind)} WHERE id = ${id}`)?.name;
}

/** Every entry's id, name and 停用 mark, without the counts the settings lists show: for lookups in memory. */
export function referenceEntries(db: Db, kind: ReferenceKind): { id: number; name: string; retired: boolean }[] {
  return all<{ id: number; name: string; retired: number }>(
    db,
    sql`SELECT id, name, retired FROM ${tableOf(kind)}`,
  ).map((r) => ({ ...r, retired: r.retired === 1 }));
}

/** Whether the entry is retired (停用); undefined when there is no such entry. */
export function isRetired(db: Db, kind: ReferenceKind, id: number): boolean | undefined {
  const row = get<{ retired: number }>(db, sql`SELECT retired FROM ${tableOf(kind)} WHERE id = ${id}`);
  return row && row.retired === 1;
}

export function findIdByName(db: Db, kind: ReferenceKind, name: string): number | undefined {
  return get<{ id: number }>(db, sql`SELECT id FROM ${tableOf(kind)} WHERE name = ${name}`)?.id;
}

export function chainCodeOf(db: Db, chainId: number): string | undefined {
  return get<{ code: string }>(db, sql`SELECT code FROM chains WHERE id = ${chainId}`)?.code;
}

export function chainIdByCode(db: Db, code: string): number | undefined {
  return get<{ id: number }>(db, sql`SELECT id FROM chains WHERE code = ${code}`)?.id;
}

export function setChainLead(db: Db, chainId: number, chainLead: string, leadUnitId: number | null): void {
  run(db, sql`UPDATE chains SET chain_lead = ${chainLead}, lead_unit_id = ${leadUnitId} WHERE id = ${chainId}`);
}

/** Every (project, unit) pair where the unit leads the project or is one of its responsible units. */
export function projectUnitPairs(db: Db): { projectId: number; unitId: number }[] {
  return all<{ projectId: number; unitId: number }>(
    db,
    sql`SELECT project_id AS projectId, unit_id AS unitId FROM project_units
        UNION
        SELECT id AS projectId, lead_unit_id AS unitId FROM projects WHERE lead_unit_id IS NOT NULL`,
  );
}

import type { Store } from '../store/store';
import type { Chain, ContactLeader, NamedEntry, Park, ReferenceData, ReferenceKind, Unit } from '../model/reference';
import { sql, sqlIdentifier } from '../sql';
import { writeAudit } from './audit';
import type { WriteMeta } from './projects-write';

type ChainRow = Omit<Chain, 'anchorCompanies' | 'keywords' | 'retired'> & {
  anchorCompanies: string;
  keywords: string;
  retired: number;
};

export async function listChains(store: Store): Promise<Chain[]> {
  const rows =
    await store.all<ChainRow>(sql`SELECT c.id, c.code, c.name, c.industry_group AS "industryGroup", c.chain_lead AS "chainLead",
               c.lead_unit_id AS "leadUnitId", u.name AS "leadUnitName",
               c.target_2025_yuan AS "target2025Yuan", c.base_2020_yuan AS "base2020Yuan",
               c.anchor_companies AS "anchorCompanies", c.keywords, c.retired, c.version,
               (SELECT COUNT(*) FROM projects p WHERE p.chain_id = c.id) AS "projectCount"
        FROM chains c LEFT JOIN units u ON u.id = c.lead_unit_id
        ORDER BY c.retired, c.sort_order, c.id`);
  return rows.map((r) => ({
    ...r,
    anchorCompanies: JSON.parse(r.anchorCompanies) as string[],
    keywords: JSON.parse(r.keywords) as string[],
    retired: r.retired === 1,
  }));
}

export async function listUnits(store: Store): Promise<Unit[]> {
  return (
    await store.all<Omit<Unit, 'retired'> & { retired: number }>(
      sql`SELECT u.id, u.name, u.retired, u.version,
               (SELECT COUNT(*) FROM projects p WHERE p.lead_unit_id = u.id)
             + (SELECT COUNT(*) FROM project_units pu WHERE pu.unit_id = u.id) AS "projectCount"
        FROM units u ORDER BY u.retired, u.sort_order, u.id`,
    )
  ).map((r) => ({ ...r, retired: r.retired === 1 }));
}

export async function listParks(store: Store): Promise<Park[]> {
  return (
    await store.all<Omit<Park, 'retired'> & { retired: number }>(
      sql`SELECT k.id, k.name, k.area, k.focus, k.retired, k.version,
               (SELECT COUNT(*) FROM projects p WHERE p.park_id = k.id) AS "projectCount"
        FROM parks k ORDER BY k.retired, k.sort_order, k.id`,
    )
  ).map((r) => ({ ...r, retired: r.retired === 1 }));
}

export async function listLevels(store: Store): Promise<NamedEntry[]> {
  return (
    await store.all<Omit<NamedEntry, 'retired'> & { retired: number }>(
      sql`SELECT l.id, l.name, l.retired, l.version,
               (SELECT COUNT(*) FROM level_memberships lm WHERE lm.level_id = l.id AND lm.left_on IS NULL) AS "projectCount"
        FROM project_levels l ORDER BY l.retired, l.sort_order, l.id`,
    )
  ).map((r) => ({ ...r, retired: r.retired === 1 }));
}

export async function listTownships(store: Store): Promise<NamedEntry[]> {
  return (
    await store.all<Omit<NamedEntry, 'retired'> & { retired: number }>(
      sql`SELECT t.id, t.name, t.retired, t.version,
               (SELECT COUNT(*) FROM projects p WHERE p.township_id = t.id) AS "projectCount"
        FROM townships t ORDER BY t.retired, t.sort_order, t.id`,
    )
  ).map((r) => ({ ...r, retired: r.retired === 1 }));
}

export async function listContactLeaders(store: Store): Promise<ContactLeader[]> {
  return (
    await store.all<Omit<ContactLeader, 'retired'> & { retired: number }>(
      sql`SELECT l.id, l.name, l.title, l.retired, l.version,
               (SELECT COUNT(*) FROM projects p WHERE p.contact_leader_id = l.id) AS "projectCount"
        FROM contact_leaders l ORDER BY l.retired, l.sort_order, l.id`,
    )
  ).map((r) => ({ ...r, retired: r.retired === 1 }));
}

export async function insertContactLeader(store: Store, v: { name: string; title: string }): Promise<number> {
  return await store.insert(sql`INSERT INTO contact_leaders (name, title, sort_order)
        VALUES (${v.name}, ${v.title}, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM contact_leaders))`);
}

async function updateContactLeader(store: Store, id: number, v: { name: string; title: string }): Promise<void> {
  await store.run(sql`UPDATE contact_leaders SET name = ${v.name}, title = ${v.title}, version = version + 1
        WHERE id = ${id}`);
}

async function contactLeaderTitle(store: Store, id: number): Promise<string | null> {
  return (await store.get<{ title: string }>(sql`SELECT title FROM contact_leaders WHERE id = ${id}`))?.title ?? null;
}

export async function listReference(store: Store): Promise<ReferenceData> {
  return {
    chains: await listChains(store),
    units: await listUnits(store),
    parks: await listParks(store),
    levels: await listLevels(store),
    townships: await listTownships(store),
    contactLeaders: await listContactLeaders(store),
  };
}

export interface ChainValues {
  code: string;
  name: string;
  industryGroup: string;
  chainLead: string;
  leadUnitId: number | null;
}

export async function insertChain(store: Store, v: ChainValues): Promise<number> {
  return await store.insert(sql`INSERT INTO chains (code, name, industry_group, chain_lead, lead_unit_id, sort_order)
        VALUES (${v.code}, ${v.name}, ${v.industryGroup}, ${v.chainLead}, ${v.leadUnitId},
                (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM chains))`);
}

export async function updateChain(store: Store, id: number, v: ChainValues): Promise<void> {
  await store.run(sql`UPDATE chains SET code = ${v.code}, name = ${v.name}, industry_group = ${v.industryGroup},
               chain_lead = ${v.chainLead}, lead_unit_id = ${v.leadUnitId}, version = version + 1
        WHERE id = ${id}`);
}

export async function insertUnit(store: Store, name: string): Promise<number> {
  return await store.insert(sql`INSERT INTO units (name, sort_order)
        VALUES (${name}, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM units))`);
}

export async function insertPark(store: Store, v: { name: string; area: string; focus: string }): Promise<number> {
  return await store.insert(sql`INSERT INTO parks (name, area, focus, sort_order)
        VALUES (${v.name}, ${v.area}, ${v.focus}, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM parks))`);
}

/** A unit an imported ledger names that the list lacks, created with a line saying where it came from. */
export async function insertImportedUnit(store: Store, name: string, meta: WriteMeta): Promise<number> {
  const id = await insertUnit(store, name);
  await writeAudit(
    store,
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

export async function updateUnit(store: Store, id: number, name: string): Promise<void> {
  await store.run(sql`UPDATE units SET name = ${name}, version = version + 1 WHERE id = ${id}`);
}

export async function updatePark(
  store: Store,
  id: number,
  v: { name: string; area: string; focus: string },
): Promise<void> {
  await store.run(sql`UPDATE parks SET name = ${v.name}, area = ${v.area}, focus = ${v.focus}, version = version + 1
        WHERE id = ${id}`);
}

/** A level's or township's name: the whole of such an entry. */
async function insertNamed(store: Store, kind: 'level' | 'township', name: string): Promise<number> {
  return await store.insert(sql`INSERT INTO ${tableOf(kind)} (name, sort_order)
        VALUES (${name}, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM ${tableOf(kind)}))`);
}

async function renameNamed(store: Store, kind: 'level' | 'township', id: number, name: string): Promise<void> {
  await store.run(sql`UPDATE ${tableOf(kind)} SET name = ${name}, version = version + 1 WHERE id = ${id}`);
}

export type ReferenceRecord =
  | { kind: 'chain'; values: ChainValues }
  | { kind: 'unit'; values: { name: string } }
  | { kind: 'park'; values: { name: string; area: string; focus: string } }
  | { kind: 'level' | 'township'; values: { name: string } }
  | { kind: 'contactLeader'; values: { name: string; title: string } };

/** Creates (without an id) or updates one chain, unit, park, level or township, with its line in the change history. */
export async function saveReference(
  store: Store,
  record: ReferenceRecord,
  id: number | undefined,
  meta: WriteMeta,
): Promise<number> {
  const oldName = id === undefined ? null : ((await referenceName(store, record.kind, id)) ?? null);
  const changes = [{ field: 'name', oldValue: oldName, newValue: record.values.name }];
  let savedId = id;
  if (record.kind === 'chain') {
    if (savedId === undefined) savedId = await insertChain(store, record.values);
    else await updateChain(store, savedId, record.values);
  } else if (record.kind === 'unit') {
    if (savedId === undefined) savedId = await insertUnit(store, record.values.name);
    else await updateUnit(store, savedId, record.values.name);
  } else if (record.kind === 'park') {
    if (savedId === undefined) savedId = await insertPark(store, record.values);
    else await updatePark(store, savedId, record.values);
  } else if (record.kind === 'contactLeader') {
    // 职务 has its own line: a leader's new post is news to the office
    const oldTitle = savedId === undefined ? null : await contactLeaderTitle(store, savedId);
    if (savedId === undefined) savedId = await insertContactLeader(store, record.values);
    else await updateContactLeader(store, savedId, record.values);
    if ((oldTitle ?? '') !== record.values.title) {
      changes.push({ field: 'title', oldValue: oldTitle || null, newValue: record.values.title });
      // a new post alone is one line, not a name “changed” to itself beside it
      if (oldName === record.values.name) changes.shift();
    }
  } else if (savedId === undefined) {
    savedId = await insertNamed(store, record.kind, record.values.name);
  } else {
    await renameNamed(store, record.kind, savedId, record.values.name);
  }
  await writeAudit(
    store,
    {
      operator: meta.operator,
      entity: record.kind,
      entityId: savedId,
      action: id === undefined ? 'create' : 'update',
      changes,
    },
    meta.now,
  );
  return savedId;
}

/** Table names cannot be bound, so they come only from this fixed map. */
const TABLES: Record<ReferenceKind, string> = {
  chain: 'chains',
  unit: 'units',
  park: 'parks',
  level: 'project_levels',
  township: 'townships',
  contactLeader: 'contact_leaders',
};
const tableOf = (kind: ReferenceKind) => sqlIdentifier(TABLES[kind]);

/** 停用 or 启用 an entry, with its line in the change history. */
export async function setRetired(
  store: Store,
  kind: ReferenceKind,
  id: number,
  retired: boolean,
  meta: WriteMeta,
): Promise<void> {
  const name = (await referenceName(store, kind, id)) ?? null;
  await store.run(
    sql`UPDATE ${tableOf(kind)} SET retired = ${retired ? 1 : 0}, version = version + 1 WHERE id = ${id}`,
  );
  await writeAudit(
    store,
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

export async function referenceName(store: Store, kind: ReferenceKind, id: number): Promise<string | undefined> {
  return (await store.get<{ name: string }>(sql`SELECT name FROM ${tableOf(kind)} WHERE id = ${id}`))?.name;
}

/** Every entry's id, name and 停用 mark, without the counts the settings lists show: for lookups in memory. */
export async function referenceEntries(
  store: Store,
  kind: ReferenceKind,
): Promise<{ id: number; name: string; retired: boolean }[]> {
  return (
    await store.all<{ id: number; name: string; retired: number }>(sql`SELECT id, name, retired FROM ${tableOf(kind)}`)
  ).map((r) => ({ ...r, retired: r.retired === 1 }));
}

/** Whether the entry is retired (停用); undefined when there is no such entry. */
export async function isRetired(store: Store, kind: ReferenceKind, id: number): Promise<boolean | undefined> {
  const row = await store.get<{ retired: number }>(sql`SELECT retired FROM ${tableOf(kind)} WHERE id = ${id}`);
  return row && row.retired === 1;
}

export async function findIdByName(store: Store, kind: ReferenceKind, name: string): Promise<number | undefined> {
  return (await store.get<{ id: number }>(sql`SELECT id FROM ${tableOf(kind)} WHERE name = ${name}`))?.id;
}

export async function chainCodeOf(store: Store, chainId: number): Promise<string | undefined> {
  return (await store.get<{ code: string }>(sql`SELECT code FROM chains WHERE id = ${chainId}`))?.code;
}

export async function chainIdByCode(store: Store, code: string): Promise<number | undefined> {
  return (await store.get<{ id: number }>(sql`SELECT id FROM chains WHERE code = ${code}`))?.id;
}

export async function setChainLead(
  store: Store,
  chainId: number,
  chainLead: string,
  leadUnitId: number | null,
): Promise<void> {
  await store.run(sql`UPDATE chains SET chain_lead = ${chainLead}, lead_unit_id = ${leadUnitId}, version = version + 1
        WHERE id = ${chainId}`);
}

/** Every (project, unit) pair where the unit leads the project or is one of its responsible units. */
export async function projectUnitPairs(store: Store): Promise<{ projectId: number; unitId: number }[]> {
  return await store.all<{
    projectId: number;
    unitId: number;
  }>(sql`SELECT project_id AS "projectId", unit_id AS "unitId" FROM project_units
        UNION
        SELECT id AS "projectId", lead_unit_id AS "unitId" FROM projects WHERE lead_unit_id IS NOT NULL
        ORDER BY 1, 2`);
}

/** A chain's, unit's or park's version: what its editor read is checked against it. */
export async function referenceVersion(store: Store, kind: ReferenceKind, id: number): Promise<number | undefined> {
  return (await store.get<{ version: number }>(sql`SELECT version FROM ${tableOf(kind)} WHERE id = ${id}`))?.version;
}

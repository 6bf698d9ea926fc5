import { LIGHT_CODES, weekCode } from '../dispatch-format';
import type { WeekKey } from '../model/weeks';
import type { Store } from '../store/store';
import { sql, sqlJoin } from '../sql';

/** The red rows of one week's 周调度表 with their reasons as the table keeps them. */
export async function redRowsOfWeek(store: Store, week: WeekKey): Promise<{ projectId: number; reasons: string[] }[]> {
  const rows = await store.allRaw<[projectId: number, reasons: string | null]>(
    sql`SELECT e.project_id, t.text FROM dispatch_rows e LEFT JOIN audit_texts t ON t.id = e.reasons_text
        WHERE e.week = ${weekCode(week)} AND e.light = ${LIGHT_CODES.red} ORDER BY e.project_id`,
  );
  return rows.map(([projectId, reasons]) => ({ projectId, reasons: reasons ? (JSON.parse(reasons) as string[]) : [] }));
}

/** What a list of projects names each by: code, name, 牵头单位 and 链长 (its own, else its chain's). */
export async function projectLabelsOf(
  store: Store,
  ids: readonly number[],
): Promise<Map<number, { code: string; name: string; leadUnitName: string; chainLead: string }>> {
  if (!ids.length) return new Map();
  const rows = await store.allRaw<[id: number, code: string, name: string, unit: string | null, lead: string | null]>(
    sql`SELECT p.id, p.code, p.name, u.name, COALESCE(NULLIF(p.chain_lead_override, ''), c.chain_lead)
        FROM projects p JOIN chains c ON c.id = p.chain_id LEFT JOIN units u ON u.id = p.lead_unit_id
        WHERE p.id IN (${sqlJoin([...new Set(ids)])})`,
  );
  return new Map(
    rows.map(([id, code, name, unit, lead]) => [id, { code, name, leadUnitName: unit ?? '', chainLead: lead ?? '' }]),
  );
}

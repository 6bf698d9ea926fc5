import { FORM_JOIN_REASON, FORM_LEAVE_REASON, type ListStay } from '../model/list-membership';
import type { Store } from '../store/store';
import { sql, sqlFragment } from '../sql';
import { onlyProjects } from './only-projects';

// A project's stays on the key lists (migration 0200): a stay is open (left_on NULL) while the project is on the
// list. "On the list now" is an open stay, since no move is dated after today; "on the list at D" reads the dates.

/** Every project's lists at `date` (default: now), or only `ids`', by ascending id: a few thousand pairs, read once. */
export async function levelIdsByProject(
  store: Store,
  ids?: readonly number[],
  date?: string,
): Promise<Map<number, number[]>> {
  const when =
    date === undefined
      ? sqlFragment`left_on IS NULL`
      : sqlFragment`(joined_on IS NULL OR joined_on <= ${date}) AND (left_on IS NULL OR left_on > ${date})`;
  const pairs = await store.allRaw<[number, number]>(sql`SELECT DISTINCT project_id, level_id FROM level_memberships
        WHERE ${when} ${onlyProjects(store.dialect, 'project_id', ids)} ORDER BY project_id, level_id`);
  const byProject = new Map<number, number[]>();
  for (const [projectId, levelId] of pairs) {
    const levels = byProject.get(projectId);
    if (levels) levels.push(levelId);
    else byProject.set(projectId, [levelId]);
  }
  return byProject;
}

/** A project's stays on every list, oldest first, as its page's history shows them. */
export async function listStaysOf(store: Store, projectId: number): Promise<ListStay[]> {
  return store.all<ListStay>(sql`SELECT m.id, m.level_id AS "levelId", l.name AS "levelName",
          m.joined_on AS "joinedOn", m.join_reason AS "joinReason", m.left_on AS "leftOn", m.leave_reason AS "leaveReason"
        FROM level_memberships m JOIN project_levels l ON l.id = m.level_id
        WHERE m.project_id = ${projectId}
        ORDER BY COALESCE(m.joined_on, ''), m.id`);
}

/** Puts the project on a list from `date` (null: since before dates were kept). */
export async function joinList(
  store: Store,
  projectId: number,
  levelId: number,
  date: string | null,
  reason: string,
): Promise<void> {
  await store.run(sql`INSERT INTO level_memberships (project_id, level_id, joined_on, join_reason)
        VALUES (${projectId}, ${levelId}, ${date}, ${reason})`);
}

/** Ends the project's open stay on a list on `date`. */
export async function leaveList(
  store: Store,
  projectId: number,
  levelId: number,
  date: string,
  reason: string,
): Promise<void> {
  await store.run(sql`UPDATE level_memberships SET left_on = ${date}, leave_reason = ${reason}
        WHERE project_id = ${projectId} AND level_id = ${levelId} AND left_on IS NULL`);
}

/**
 * Puts the project on exactly these lists, as the project form and an import say (the caller writes the audit of
 * the field). A new project's lists have no date (“建档时已列入”). On an edit, a list added is a 调入 today and one
 * removed a 调出 today, each with the form's reason — except a stay that began today, which is dropped whole: a
 * slip corrected the same day leaves no stay of no length in the history (the audit keeps both edits).
 */
export async function replaceLevels(
  store: Store,
  projectId: number,
  levelIds: readonly number[],
  today: string | null,
  /** instead of the form's reasons (an import: 导入台账《…》) */
  reason?: string,
): Promise<void> {
  const open = await store.all<{ id: number; levelId: number; joinedOn: string | null }>(sql`SELECT id,
        level_id AS "levelId", joined_on AS "joinedOn" FROM level_memberships
        WHERE project_id = ${projectId} AND left_on IS NULL`);
  for (const stay of open) {
    if (levelIds.includes(stay.levelId)) continue;
    if (today === null || stay.joinedOn === today) {
      await store.run(sql`DELETE FROM level_memberships WHERE id = ${stay.id}`);
    } else {
      await leaveList(store, projectId, stay.levelId, today, reason ?? FORM_LEAVE_REASON);
    }
  }
  for (const levelId of levelIds) {
    if (!open.some((s) => s.levelId === levelId)) {
      await joinList(store, projectId, levelId, today, today === null ? '' : (reason ?? FORM_JOIN_REASON));
    }
  }
}

/** A list by id, with whether it is retired (停用); undefined when there is none. */
export async function levelById(store: Store, id: number): Promise<{ name: string; retired: boolean } | undefined> {
  const row = await store.get<{ name: string; retired: number }>(
    sql`SELECT name, retired FROM project_levels WHERE id = ${id}`,
  );
  return row && { name: row.name, retired: row.retired === 1 };
}

/** The project's record changed by a move: its version goes up, so a form opened before it must be read again. */
export async function touchProject(store: Store, projectId: number, now: string): Promise<boolean> {
  const changed = await store.run(
    sql`UPDATE projects SET version = version + 1, updated_at = ${now} WHERE id = ${projectId}`,
  );
  return changed > 0;
}

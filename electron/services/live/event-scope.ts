import { problemInUnit, projectsOutsideUnit } from '../../../db/queries/unit-scope';
import type { Store } from '../../../db/store/store';
import type { RequestCaller } from '../auth/caller';
import type { ChangeEvent } from '../../../db/model/change-event';

// What one subscriber may hear of a change. A 责任单位 user hears only of their unit's projects and problems
// (the policy's scope, db/queries/unit-scope.ts), and of a change to the shared lists or to everything (units,
// settings, an import) only that something changed: a bare refresh, without names or who.

const bare = (event: ChangeEvent): ChangeEvent => ({ ...event, ids: [], names: [], method: '', by: '' });

/** The event as this caller may see it, or null when it is none of theirs. No caller: a single PC, all of it. */
export async function eventFor(
  store: Store,
  event: ChangeEvent,
  caller: RequestCaller | undefined,
): Promise<ChangeEvent | null> {
  const user = caller?.user;
  if (!caller) return event;
  if (!user) return null;
  if (user.role !== 'unit') return event;
  if (user.unitId === null) return null;
  if (!event.ids.length) return bare(event);
  const unitId = user.unitId;
  let kept: Set<number>;
  if (event.kind === 'problem') {
    kept = new Set();
    for (const id of event.ids) if (await problemInUnit(store, id, unitId)) kept.add(id);
  } else {
    const outside = new Set(await projectsOutsideUnit(store, event.ids, unitId));
    kept = new Set(event.ids.filter((id) => !outside.has(id)));
  }
  if (!kept.size) return null;
  const named = event.names.length === event.ids.length;
  return {
    ...event,
    ids: event.ids.filter((id) => kept.has(id)),
    names: named ? event.names.filter((_name, at) => kept.has(event.ids[at])) : [],
  };
}

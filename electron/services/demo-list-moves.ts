import { demoListMoves } from '../../db/demo/demo-membership';
import { SUSPENSION_LABELS, transferText } from '../../db/model/list-membership';
import type { DemoProject } from '../../db/demo/demo-projects';
import { writeAudit } from '../../db/queries/audit';
import { joinList, leaveList } from '../../db/queries/level-memberships';
import type { WriteMeta } from '../../db/queries/projects-write';
import { suspend } from '../../db/queries/suspensions';
import type { Store } from '../../db/store/store';

/** The example office's 调入, 调出 and 缓建 (db/demo/demo-membership.ts), with their lines in 变更记录. */
export async function loadDemoListMoves(
  store: Store,
  inserted: readonly { id: number; fields: Pick<DemoProject, 'stage' | 'levelIds' | 'actualStartDate'> }[],
  levels: readonly { id: number; name: string }[],
  meta: WriteMeta,
  today: string,
): Promise<void> {
  const members = inserted.map(({ id, fields }) => ({ id, ...fields }));
  // the lists in their order: 省重点, 湘潭市重点, 市本级重点 (migration 0130)
  const { transfers, suspensions } = demoListMoves(members, { prefectureId: levels[1]?.id }, today);
  const nameOf = new Map(levels.map((l) => [l.id, l.name]));
  const audit = (projectId: number, field: string, newValue: string) =>
    writeAudit(
      store,
      {
        operator: meta.operator,
        entity: 'project',
        entityId: projectId,
        action: 'update',
        changes: [{ field, oldValue: null, newValue }],
      },
      meta.now,
    );
  for (const t of transfers) {
    if (t.direction === 'in') await joinList(store, t.projectId, t.levelId, t.date, t.reason);
    else await leaveList(store, t.projectId, t.levelId, t.date, t.reason);
    await audit(t.projectId, 'levelTransfer', transferText(t.direction, nameOf.get(t.levelId) ?? '', t.date, t.reason));
  }
  for (const s of suspensions) {
    await suspend(store, s.projectId, s.kind, s.date, s.reason);
    await audit(s.projectId, 'suspension', `${SUSPENSION_LABELS[s.kind]} ${s.date}：${s.reason}`);
  }
}

import { pickProjectFields } from '../../../db/model/project';
import { saveImportedProblems } from '../../../db/queries/dispatch';
import { getProject, listProjects, nextProjectCode, projectIdByCode } from '../../../db/queries/projects-read';
import {
  insertProject,
  recordStageChange,
  setMonthlyInvestment,
  updateProject,
  type WriteMeta,
} from '../../../db/queries/projects-write';
import { insertImportedUnit } from '../../../db/queries/reference';
import type { Store } from '../../../db/store/store';
import { SUSPENSION_LABELS, type CurrentSuspension } from '../../../db/model/list-membership';
import { writeAudit } from '../../../db/queries/audit';
import { currentSuspensions, suspend } from '../../../db/queries/suspensions';
import { withLights } from '../project-lights';
import { rememberedRetired } from '../project-validation';
import type { Lookup } from './import-lookup';
import type { ImportTarget } from './import-target';

// The apply's target: every row written inside the caller's transaction, each in its own savepoint, and the
// rules asked of the database as the run has changed it so far.

export interface DatabaseTargetSettings {
  store: Store;
  today: string;
  planYear: number;
  /** the week the file's 存在问题 belong to */
  week: string;
  meta: WriteMeta;
}

export function databaseTarget(settings: DatabaseTargetSettings, lookup: Lookup): ImportTarget {
  const { store, meta, planYear, today } = settings;
  return {
    async stored(id) {
      const kept = lookup.details.get(id);
      if (kept) return kept;
      const detail = await getProject(store, id, planYear);
      return (
        detail && {
          ...pickProjectFields(detail),
          responsibleUnitIds: detail.responsibleUnitIds,
          id: detail.id,
          monthly: detail.monthly,
          yearCompletedYuan: detail.yearCompletedYuan,
        }
      );
    },
    retiredOf: rememberedRetired(store),
    codeOwner: (code) => projectIdByCode(store, code),
    nextCode: (chainCode, year) => nextProjectCode(store, chainCode, year),
    addUnit: (name) => insertImportedUnit(store, name, meta),
    // inside the apply's transaction, a savepoint
    inRow: (work) => store.transaction(work),
    async save({ stored, fields, month, reason }) {
      let id: number;
      let changes: Awaited<ReturnType<typeof updateProject>> = [];
      if (!stored) {
        id = await insertProject(store, fields, meta);
        await recordStageChange(store, id, { fromStage: null, toStage: fields.stage, changedOn: today, reason }, meta);
      } else {
        id = stored.id;
        // a list the file adds or drops is a 调入/调出 on the import's day, its reason the file
        changes = await updateProject(store, id, stored, fields, { ...meta, listReason: reason });
        if (fields.stage !== stored.stage) {
          const stage = { fromStage: stored.stage, toStage: fields.stage, changedOn: today, reason };
          await recordStageChange(store, id, stage, meta);
        }
      }
      if (month) await setMonthlyInvestment(store, id, planYear, month.month, month.amountYuan, meta);
      // read again from the database when a later row of the file comes back to it
      lookup.details.delete(id);
      return { id, changes };
    },
    saveProblems: (items) => saveProblems(settings, items),
    saveSuspensions: (items) => saveSuspensions(settings, items),
  };
}

async function saveProblems(settings: DatabaseTargetSettings, items: { id: number; text: string }[]): Promise<void> {
  if (!items.length) return;
  const { store } = settings;
  const ids = new Set(items.map((i) => i.id));
  const rows = (await listProjects(store, settings.planYear)).filter((p) => ids.has(p.id));
  const lit = new Map((await withLights(store, rows, settings.planYear, settings.today)).map((p) => [p.id, p]));
  for (const item of items) {
    const p = lit.get(item.id);
    if (!p) continue;
    const snapshot = {
      stage: p.stage,
      light: p.light,
      lightReasons: p.lightReasons,
      yearCompletedYuan: p.yearCompletedYuan,
      totalInvestmentYuan: p.totalInvestmentYuan,
    };
    await saveImportedProblems(store, item.id, settings.week, item.text, snapshot, settings.meta);
  }
}

/**
 * The file's 停缓建 (“缓建（2026-05-10起：…）”): a project not 停建/缓建 now becomes so from the date the cell gives
 * (a bare word: the import's day). A project already paused keeps its own spell, and an empty cell never means
 * 复工: ledgers made elsewhere have no such column, and 复工 is a dated step the clerk takes on the project page.
 */
async function saveSuspensions(
  settings: DatabaseTargetSettings,
  items: { id: number; suspension: CurrentSuspension }[],
): Promise<void> {
  if (!items.length) return;
  const { store, meta, today } = settings;
  const current = await currentSuspensions(store);
  for (const { id, suspension } of items) {
    if (current.has(id)) continue;
    const since = suspension.since || today;
    if (since > today) continue;
    const reason = suspension.reason || '导入台账';
    await suspend(store, id, suspension.kind, since, reason);
    current.set(id, { ...suspension, since, reason });
    await writeAudit(
      store,
      {
        operator: meta.operator,
        entity: 'project',
        entityId: id,
        action: 'update',
        changes: [
          {
            field: 'suspension',
            oldValue: null,
            newValue: `${SUSPENSION_LABELS[suspension.kind]} ${since}：${reason}`,
          },
        ],
      },
      meta.now,
    );
  }
}

import type { Db } from '../../../db/connection';
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
import { inTransaction } from '../../../db/transaction';
import { withLights } from '../project-lights';
import { rememberedRetired } from '../project-validation';
import type { Lookup } from './import-lookup';
import type { ImportTarget } from './import-target';

// The apply's target: every row written inside the caller's transaction, each in its own savepoint, and the
// rules asked of the database as the run has changed it so far.

export interface DatabaseTargetSettings {
  db: Db;
  today: string;
  planYear: number;
  /** the week the file's 存在问题 belong to */
  week: string;
  meta: WriteMeta;
}

export function databaseTarget(settings: DatabaseTargetSettings, lookup: Lookup): ImportTarget {
  const { db, meta, planYear, today } = settings;
  return {
    stored(id) {
      const kept = lookup.details.get(id);
      if (kept) return kept;
      const detail = getProject(db, id, planYear);
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
    retiredOf: rememberedRetired(db),
    codeOwner: (code) => projectIdByCode(db, code),
    nextCode: (chainCode, year) => nextProjectCode(db, chainCode, year),
    addUnit: (name) => insertImportedUnit(db, name, meta),
    inRow: (work) => inTransaction(db, work),
    save({ stored, fields, month, reason }) {
      let id: number;
      let changes: ReturnType<typeof updateProject> = [];
      if (!stored) {
        id = insertProject(db, fields, meta);
        recordStageChange(db, id, { fromStage: null, toStage: fields.stage, changedOn: today, reason }, meta);
      } else {
        id = stored.id;
        changes = updateProject(db, id, stored, fields, meta);
        if (fields.stage !== stored.stage) {
          recordStageChange(db, id, { fromStage: stored.stage, toStage: fields.stage, changedOn: today, reason }, meta);
        }
      }
      if (month) setMonthlyInvestment(db, id, planYear, month.month, month.amountYuan, meta);
      // read again from the database when a later row of the file comes back to it
      lookup.details.delete(id);
      return { id, changes };
    },
    saveProblems: (items) => saveProblems(settings, items),
  };
}

function saveProblems(settings: DatabaseTargetSettings, items: { id: number; text: string }[]): void {
  if (!items.length) return;
  const ids = new Set(items.map((i) => i.id));
  const rows = listProjects(settings.db, settings.planYear).filter((p) => ids.has(p.id));
  const lit = new Map(withLights(settings.db, rows, settings.planYear, settings.today).map((p) => [p.id, p]));
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
    saveImportedProblems(settings.db, item.id, settings.week, item.text, snapshot, settings.meta);
  }
}

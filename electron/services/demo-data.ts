import type { Db } from '../../db/connection';
import { buildDemoProjects, DEMO_UNITS, demoChainLead } from '../../db/demo/demo-projects';
import { yearOf } from '../../db/model/dates';
import { nextProjectCode } from '../../db/queries/projects-read';
import {
  insertProject,
  recordStageChange,
  setMonthlyInvestment,
  type WriteMeta,
} from '../../db/queries/projects-write';
import { findIdByName, insertUnit, listChains, listParks, listUnits } from '../../db/queries/reference';
import { run, sql } from '../../db/sql';

/**
 * Loads the clearly marked example office (示例): units, placeholder chain leads, about 120 projects.
 * One transaction; chains that already have a 链长 keep it.
 */
export function loadDemoData(db: Db, meta: WriteMeta, today: string): number {
  return db.transaction(() => {
    for (const name of DEMO_UNITS) {
      if (findIdByName(db, 'unit', name) === undefined) insertUnit(db, name);
    }
    for (const chain of listChains(db)) {
      if (chain.chainLead) continue;
      const lead = demoChainLead(chain.code, chain.name);
      const leadUnitId = findIdByName(db, 'unit', lead.leadUnitName) ?? null;
      run(
        db,
        sql`UPDATE chains SET chain_lead = ${lead.chainLead}, lead_unit_id = ${leadUnitId} WHERE id = ${chain.id}`,
      );
    }
    const chains = listChains(db).filter((c) => !c.retired);
    const reference = {
      chains: chains.map((c) => ({ id: c.id, code: c.code, name: c.name, anchorCompanies: c.anchorCompanies })),
      parks: listParks(db)
        .filter((p) => !p.retired)
        .map((p) => ({ id: p.id, name: p.name, area: p.area, focus: p.focus || null })),
      units: listUnits(db).filter((u) => !u.retired),
    };
    const year = yearOf(today);
    const codeOfChain = new Map(chains.map((c) => [c.id, c.code]));
    const projects = buildDemoProjects(reference, today);
    for (const { monthly, ...fields } of projects) {
      const code = nextProjectCode(db, codeOfChain.get(fields.chainId) ?? 'XM', year);
      const id = insertProject(db, { ...fields, code }, { ...meta, isDemo: true });
      recordStageChange(
        db,
        id,
        { fromStage: null, toStage: fields.stage, changedOn: today, reason: '载入示例数据' },
        meta,
      );
      for (const { month, amountYuan } of monthly) {
        setMonthlyInvestment(db, id, year, month, amountYuan, meta);
      }
    }
    return projects.length;
  })();
}

import { parseISO, subDays } from 'date-fns';
import type { Db } from '../../db/connection';
import { demoDispatchEntries, demoMilestones, demoNodeUnit } from '../../db/demo/demo-activity';
import { demoProblems } from '../../db/demo/demo-problems';
import { buildDemoProjects, DEMO_UNITS, demoChainLead, type DemoProject } from '../../db/demo/demo-projects';
import { toIsoDate, yearOf } from '../../db/model/dates';
import { insertClosing } from '../../db/queries/month-closings';
import { listProjects, nextProjectCode } from '../../db/queries/projects-read';
import { saveEntry } from '../../db/queries/dispatch';
import { replaceMilestones } from '../../db/queries/milestones';
import {
  insertProject,
  recordStageChange,
  setMonthlyInvestment,
  type WriteMeta,
} from '../../db/queries/projects-write';
import { findIdByName, insertUnit, listChains, listParks, listUnits, setChainLead } from '../../db/queries/reference';
import { raiseDemoProblem } from './demo-problem-steps';
import { snapshotOf } from './dispatch-week';
import { withLights } from './project-lights';
import { inTransaction } from '../../db/transaction';

type LoadedProject = { id: number; fields: Omit<DemoProject, 'monthly'> };

/** The last weeks' dispatch entries, each with the project's state as it stands now. */
function loadDemoDispatch(db: Db, projects: readonly LoadedProject[], meta: WriteMeta, today: string): void {
  const year = yearOf(today);
  const lit = new Map(withLights(db, listProjects(db, year), year, today).map((row) => [row.id, row]));
  for (const { id, fields } of projects) {
    const row = lit.get(id);
    if (!row) continue;
    for (const { week, ...texts } of demoDispatchEntries(fields, today)) {
      saveEntry(db, id, week, texts, snapshotOf(row, row), meta);
    }
  }
}

/**
 * Loads the clearly marked example office (示例): units, placeholder chain leads, about 120 projects.
 * One transaction; chains that already have a 链长 keep it.
 */
export function loadDemoData(db: Db, meta: WriteMeta, today: string): number {
  return inTransaction(db, () => {
    for (const name of DEMO_UNITS) {
      if (findIdByName(db, 'unit', name) === undefined) insertUnit(db, name);
    }
    for (const chain of listChains(db)) {
      if (chain.chainLead) continue;
      const lead = demoChainLead(chain.code, chain.name);
      const leadUnitId = findIdByName(db, 'unit', lead.leadUnitName) ?? null;
      setChainLead(db, chain.id, lead.chainLead, leadUnitId);
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
    // a working office: its projects were entered long before the weeks of dispatch the example carries
    const enteredOn = toIsoDate(subDays(parseISO(today), 180));
    const codeOfChain = new Map(chains.map((c) => [c.id, c.code]));
    const projects = buildDemoProjects(reference, today);
    const unitNames = new Map(reference.units.map((u) => [u.id, u.name]));
    const inserted: LoadedProject[] = [];
    for (const { monthly, ...fields } of projects) {
      const code = nextProjectCode(db, codeOfChain.get(fields.chainId) ?? 'XM', year);
      const id = insertProject(db, { ...fields, code }, { ...meta, isDemo: true });
      recordStageChange(
        db,
        id,
        { fromStage: null, toStage: fields.stage, changedOn: enteredOn, reason: '载入示例数据' },
        meta,
      );
      for (const { month, amountYuan } of monthly) {
        setMonthlyInvestment(db, id, year, month, amountYuan, meta);
      }
      const projectUnits = fields.responsibleUnitIds.map((unitId) => ({
        id: unitId,
        name: unitNames.get(unitId) ?? '',
      }));
      const nodes = demoMilestones(fields, today).map((n) => ({
        ...n,
        unitId: demoNodeUnit(n.name, projectUnits),
        note: '',
      }));
      if (nodes.length) replaceMilestones(db, id, nodes, meta);
      inserted.push({ id, fields });
    }
    // the example office has closed every month it has figures for, so its 时序进度 reads 1—N月
    const reported = Math.max(0, ...projects.flatMap((p) => p.monthly.map((m) => m.month)));
    for (let month = 1; month <= reported; month++) insertClosing(db, year, month, today, meta);
    loadDemoDispatch(db, inserted, meta, today);
    const problems = demoProblems(
      inserted.map((p) => p.fields),
      today,
    );
    for (const problem of problems) {
      const { id, fields } = inserted[problem.projectIndex];
      raiseDemoProblem(db, { id, responsibleUnitIds: fields.responsibleUnitIds }, problem, meta);
    }
    return projects.length;
  });
}

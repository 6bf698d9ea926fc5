import { parseISO, subDays } from 'date-fns';
import { demoDispatchEntries, demoMilestones, demoNodeUnit } from '../../db/demo/demo-activity';
import { demoApprovals } from '../../db/demo/demo-approvals';
import { demoFactors } from '../../db/demo/demo-factors';
import { demoProblems } from '../../db/demo/demo-problems';
import {
  buildDemoProjects,
  DEMO_CONTACT_LEADERS,
  DEMO_UNITS,
  demoChainLead,
  type DemoProject,
} from '../../db/demo/demo-projects';
import { demoInstructions } from '../../db/demo/demo-instructions';
import { insertInstruction, updateInstruction, getInstruction } from '../../db/queries/instructions';
import { toIsoDate, yearOf } from '../../db/model/dates';
import { writeFactors, writeFunds } from '../../db/queries/factors';
import { insertClosing } from '../../db/queries/month-closings';
import { listProjects, nextProjectCode } from '../../db/queries/projects-read';
import { saveEntry } from '../../db/queries/dispatch';
import { replaceApprovals } from '../../db/queries/approvals';
import { replaceMilestones } from '../../db/queries/milestones';
import {
  insertProject,
  recordStageChange,
  setMonthlyInvestment,
  type WriteMeta,
} from '../../db/queries/projects-write';
import {
  findIdByName,
  insertContactLeader,
  insertUnit,
  listChains,
  listContactLeaders,
  listLevels,
  listParks,
  listTownships,
  listUnits,
  setChainLead,
} from '../../db/queries/reference';
import type { Store } from '../../db/store/store';
import { raiseDemoProblem } from './demo-problem-steps';
import { loadDemoListMoves } from './demo-list-moves';
import { snapshotOf } from './dispatch-week';
import { withLights } from './project-lights';

type LoadedProject = { id: number; fields: Omit<DemoProject, 'monthly'> };

/** The last weeks' dispatch entries, each with the project's state as it stands now. */
async function loadDemoDispatch(
  store: Store,
  projects: readonly LoadedProject[],
  meta: WriteMeta,
  today: string,
): Promise<void> {
  const year = yearOf(today);
  const lit = new Map(
    (await withLights(store, await listProjects(store, year), year, today)).map((row) => [row.id, row]),
  );
  for (const { id, fields } of projects) {
    const row = lit.get(id);
    if (!row) continue;
    for (const { week, ...texts } of demoDispatchEntries(fields, today)) {
      await saveEntry(store, id, week, texts, snapshotOf(row, row), meta);
    }
  }
}

/**
 * Loads the clearly marked example office (示例): units, placeholder chain leads, about 120 projects.
 * One transaction; chains that already have a 链长 keep it.
 */
export async function loadDemoData(store: Store, meta: WriteMeta, today: string): Promise<number> {
  return store.transaction(() => loadDemoOffice(store, meta, today), { idempotent: true });
}

async function loadDemoOffice(store: Store, meta: WriteMeta, today: string): Promise<number> {
  for (const name of DEMO_UNITS) {
    if ((await findIdByName(store, 'unit', name)) === undefined) await insertUnit(store, name);
  }
  for (const chain of await listChains(store)) {
    if (chain.chainLead) continue;
    const lead = demoChainLead(chain.code, chain.name);
    const leadUnitId = (await findIdByName(store, 'unit', lead.leadUnitName)) ?? null;
    await setChainLead(store, chain.id, lead.chainLead, leadUnitId);
  }
  for (const leader of DEMO_CONTACT_LEADERS) {
    if ((await findIdByName(store, 'contactLeader', leader.name)) === undefined) {
      await insertContactLeader(store, leader);
    }
  }
  const contactLeaders = (await listContactLeaders(store)).filter((l) => !l.retired);
  const chains = (await listChains(store)).filter((c) => !c.retired);
  const reference = {
    chains: chains.map((c) => ({ id: c.id, code: c.code, name: c.name, anchorCompanies: c.anchorCompanies })),
    parks: (await listParks(store))
      .filter((p) => !p.retired)
      .map((p) => ({ id: p.id, name: p.name, area: p.area, focus: p.focus || null })),
    units: (await listUnits(store)).filter((u) => !u.retired),
    levels: (await listLevels(store)).filter((l) => !l.retired),
    townships: (await listTownships(store)).filter((t) => !t.retired),
    contactLeaders,
  };
  const year = yearOf(today);
  // a working office: its projects were entered long before the weeks of dispatch the example carries
  const enteredOn = toIsoDate(subDays(parseISO(today), 180));
  const codeOfChain = new Map(chains.map((c) => [c.id, c.code]));
  const projects = buildDemoProjects(reference, today);
  const unitNames = new Map(reference.units.map((u) => [u.id, u.name]));
  const inserted: LoadedProject[] = [];
  const approvals = demoApprovals(projects, today);
  for (const [index, { monthly, ...fields }] of projects.entries()) {
    const code = await nextProjectCode(store, codeOfChain.get(fields.chainId) ?? 'XM', year);
    const id = await insertProject(store, { ...fields, code }, { ...meta, isDemo: true });
    await recordStageChange(
      store,
      id,
      { fromStage: null, toStage: fields.stage, changedOn: enteredOn, reason: '载入示例数据' },
      meta,
    );
    for (const { month, amountYuan } of monthly) {
      await setMonthlyInvestment(store, id, year, month, amountYuan, meta);
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
    if (nodes.length) await replaceMilestones(store, id, nodes, meta);
    const checklist = approvals.get(index);
    if (checklist) await replaceApprovals(store, id, checklist, meta);
    const factors = demoFactors(fields);
    if (factors) {
      await writeFactors(store, id, factors.land, factors.energy, meta.now);
      await writeFunds(store, id, year, factors.funds);
    }
    inserted.push({ id, fields });
  }
  // the example office has closed every month it has figures for, so its 时序进度 reads 1—N月
  const reported = Math.max(0, ...projects.flatMap((p) => p.monthly.map((m) => m.month)));
  for (let month = 1; month <= reported; month++) await insertClosing(store, year, month, today, meta);
  await loadDemoDispatch(store, inserted, meta, today);
  const problems = demoProblems(
    inserted.map((p) => p.fields),
    today,
  );
  for (const problem of problems) {
    const { id, fields } = inserted[problem.projectIndex];
    await raiseDemoProblem(store, { id, responsibleUnitIds: fields.responsibleUnitIds }, problem, meta);
  }
  await loadDemoListMoves(store, inserted, reference.levels, meta, today);
  const leaderNames = new Map(contactLeaders.map((l) => [l.id, l.name]));
  const instructions = demoInstructions(
    inserted.map((p) => p.fields),
    (id) => leaderNames.get(id),
    today,
  );
  for (const { projectIndex, closedOn, ...values } of instructions) {
    const projectId = inserted[projectIndex].id;
    const leaderId = (await findIdByName(store, 'contactLeader', values.leaderName)) ?? null;
    const id = await insertInstruction(store, { ...values, projectId, leaderId }, meta);
    const stored = closedOn && (await getInstruction(store, id));
    if (stored) await updateInstruction(store, stored, { ...stored, status: 'closed', closedOn }, meta);
  }
  return projects.length;
}

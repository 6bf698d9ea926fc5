import { addDays, parseISO } from 'date-fns';
import type { Db } from '../../db/connection';
import type { Store } from '../../db/store/store';
import type { DemoProblemStep } from '../../db/demo/demo-problems';
import { toIsoDate } from '../../db/model/dates';
import type { DispatchSnapshot, DispatchTexts } from '../../db/model/dispatch';
import type { LightLevel } from '../../db/model/lights';
import { START_NODE } from '../../db/model/milestones';
import { crossFieldIssues, emptyProjectFields } from '../../db/model/project-schema';
import type { ProjectFields } from '../../db/model/project';
import type { Stage } from '../../db/model/stages';
import { shiftWeek, weekOf, type DispatchWeek } from '../../db/model/weeks';
import { saveEntry } from '../../db/queries/dispatch';
import { listMilestones, replaceMilestones } from '../../db/queries/milestones';
import { insertClosing } from '../../db/queries/month-closings';
import {
  insertProject,
  recordStageChange,
  setMonthlyInvestment,
  updateProject,
  type WriteMeta,
} from '../../db/queries/projects-write';
import { insertUnit, listChains, listParks } from '../../db/queries/reference';
import { setSetting } from '../../db/queries/settings';
import { initializeApp } from '../../electron/handlers/app';
import { openAppContext } from '../../electron/services/app-context';
import { raiseDemoProblem } from '../../electron/services/demo-problem-steps';
import { planProjects, stageAt, type OfficeShape, type ProjectPlan } from './office-plan';
import { NODE_NAMES, pick, problemOf, projectContent, projectName, randomFrom, weekTexts } from './office-texts';

const CLERKS = ['张晓丽', '李建军', '王芳', '刘洋', '陈静', '赵磊'];
const START_INDEX = NODE_NAMES.indexOf(START_NODE);

interface Live {
  plan: ProjectPlan;
  id: number;
  fields: ProjectFields;
  last: DispatchTexts | null;
  yearDone: number;
  /** the year last rolled over (年度结转) */
  rolledYear: number;
}

interface Week {
  index: number;
  week: DispatchWeek;
  /** the Thursday of the week: the office's “today” while it is written */
  day: string;
  year: number;
  meta: WriteMeta;
}

const dayOf = (week: DispatchWeek, plus = 3) => toIsoDate(addDays(parseISO(week.start), plus));

function weeksOf(shape: OfficeShape): Week[] {
  const current = weekOf(shape.today).key;
  return Array.from({ length: shape.weeks }, (_, index) => {
    const week = shiftWeek(current, index - (shape.weeks - 1));
    const day = dayOf(week);
    const meta = { operator: CLERKS[index % CLERKS.length], now: `${day}T01:30:00.000Z` };
    return { index, week, day, year: Number(day.slice(0, 4)), meta };
  });
}

/** Planned date of each node: six-weekly before the start, eight-weekly after it. */
function plannedDates(plan: ProjectPlan, weekZero: string): string[] {
  const startWeek = Number.isFinite(plan.started) ? plan.started : plan.entered + 60;
  return NODE_NAMES.map((_, n) => {
    const weeks = n < START_INDEX ? startWeek - (START_INDEX - n) * 6 : startWeek + (n - START_INDEX) * 8;
    return dayOf(shiftWeek(weekZero, weeks), 1 + (plan.index % 4));
  });
}

/** When a node is done: on time give or take a few days, one in ten about ten weeks late. */
function doneOn(plan: ProjectPlan, n: number, planned: string): string {
  const late = (plan.index + n) % 10 === 0;
  return toIsoDate(addDays(parseISO(planned), late ? 70 : (plan.index + n) % 5));
}

function nodesDue(plan: ProjectPlan, started: boolean, planned: string[], today: string) {
  return planned.map((date, n) => {
    const done = doneOn(plan, n, date);
    const due = n === START_INDEX ? false : (n < START_INDEX || started) && done <= today;
    return { date, done: due ? done : null };
  });
}

function newFields(plan: ProjectPlan, stage: Stage, year: number, ref: Reference): ProjectFields {
  const r = plan.random;
  const i = plan.index;
  const total = (10 + Math.floor(r() * 190)) * 5_000_000;
  return {
    ...emptyProjectFields(),
    code: `XM-${year}-${String(i + 1).padStart(5, '0')}`,
    name: projectName(r, i),
    stage,
    category: i % 9 === 0 ? 'infrastructure' : 'industry',
    isInvestmentPromotion: i % 3 === 0,
    chainId: ref.chains[i % ref.chains.length],
    parkId: ref.parks[i % ref.parks.length],
    owner: `湖南${pick(r, ['湘乡', '东山', '韶峰', '涟水', '楚湘'])}第${i % 300}实业有限公司`,
    location: `${pick(r, ['经开区', '高新区', '工业园', '龙洞镇', '东郊乡'])}`,
    content: projectContent(r),
    nature: pick(r, ['new', 'expansion', 'renovation', 'upgrade'] as const),
    leadUnitId: ref.units[i % ref.units.length],
    responsibleUnitIds: [ref.units[(i + 1) % ref.units.length], ref.units[(i + 2) % ref.units.length]],
    responsiblePerson: pick(r, ['王建国', '李伟', '周敏', '何志强']),
    contactPerson: pick(r, ['刘丹', '彭勇', '谭静']),
    contactPhone: `1390732${String(i % 10000).padStart(4, '0')}`,
    startYear: year,
    endYear: year + 2 + (i % 3),
    plannedStartDate: `${year}-${String((i % 9) + 1).padStart(2, '0')}-15`,
    plannedCompletionDate: `${year + 2 + (i % 3)}-12-31`,
    totalInvestmentYuan: total,
    annualPlanYuan: Math.round(total / 4 / 10_000) * 10_000,
    progressText: stage === 'reserve' ? '项目谋划储备中' : '前期手续办理中',
    inStatistics: plan.inStatistics,
  };
}

interface Reference {
  chains: number[];
  parks: number[];
  units: number[];
}

function lightOf(plan: ProjectPlan, week: number): { light: LightLevel; reasons: string[] } {
  const roll = randomFrom(plan.index * 31 + Math.floor(week / 6))();
  if (roll < 0.08) return { light: 'red', reasons: ['投资完成率低于时序进度20个百分点以上'] };
  if (roll < 0.2) return { light: 'yellow', reasons: ['节点逾期'] };
  return { light: 'green', reasons: [] };
}

export type BuildProgress = (line: string) => void;

/**
 * The office written week by week through the app's own write paths (db/queries and the demo problem steps),
 * one transaction a week, with that week's Thursday as the time of every change: projects come in, start and
 * complete, nodes are done, months reported and closed, weekly entries changed or confirmed, problems raised.
 */
export async function buildOffice(
  dataDir: string,
  shape: OfficeShape,
  progress: BuildProgress,
): Promise<Record<string, number>> {
  const weeks = weeksOf(shape);
  let today = weeks[0].day;
  const ctx = await openAppContext({ dataDir, today: () => today });
  try {
    await initializeApp(ctx, '基准测试', false);
    const store = ctx.store;
    const ref: Reference = {
      chains: (await listChains(store)).map((c) => c.id),
      parks: (await listParks(store)).map((p) => p.id),
      units: await store.transaction(async () => {
        const units: number[] = [];
        for (let i = 0; i < 24; i++) units.push(await insertUnit(store, `基准单位${i + 1}`));
        return units;
      }),
    };
    const plans = planProjects(shape);
    const live: Live[] = [];
    const weekZero = weeks[0].week.key;
    const started = Date.now();
    let entries = 0;
    let problems = 0;

    const startYears = plans.map((p) =>
      Number.isFinite(p.started) ? Number(dayOf(shiftWeek(weekZero, p.started)).slice(0, 4)) : null,
    );
    const startYearOf = (p: ProjectPlan) => startYears[p.index];

    for (const w of weeks) {
      today = w.day;
      const previous = weeks[w.index - 1];
      await store.transaction(async () => {
        if (!previous || previous.year !== w.year) await setSetting(store, 'planYear', String(w.year));
        if (previous && previous.day.slice(0, 7) !== w.day.slice(0, 7)) await closeMonth(store, live, previous, w);
        for (const plan of plans.filter((p) => p.entered === w.index))
          live.push(await enter(store, plan, w, ref, startYearOf(plan)));
        for (const project of live) await moveStage(store, project, w, startYearOf(project.plan));
        for (const project of live) {
          if ((w.index + project.plan.index) % 13 === 0) await completeNodes(store, project, w);
        }
        for (const project of live) {
          if (project.fields.stage === 'completed') continue;
          const r = project.plan.random;
          const texts = project.last && r() < 0.5 ? project.last : weekTexts(r, project.plan.started <= w.index);
          const { light, reasons } = lightOf(project.plan, w.index);
          const snapshot: DispatchSnapshot = {
            stage: project.fields.stage,
            light,
            lightReasons: reasons,
            yearCompletedYuan: project.yearDone,
            totalInvestmentYuan: project.fields.totalInvestmentYuan,
          };
          await saveEntry(store, project.id, w.week.key, texts, snapshot, w.meta, project.last);
          project.last = texts;
          entries++;
        }
        const due = Math.floor(((w.index + 1) * shape.problems) / shape.weeks);
        for (; problems < due; problems++) await raiseProblem(store, live, w, shape.today, problems);
      });
      const next = weeks[w.index + 1];
      if (!next || next.year !== w.year) {
        const seconds = ((Date.now() - started) / 1000).toFixed(0);
        progress(
          `  ${w.year}: up to ${w.week.key}, ${live.length.toLocaleString('en-US')} projects, ` +
            `${entries.toLocaleString('en-US')} weekly entries, ${problems} problems (${seconds} s)`,
        );
      }
    }
    return rowsPerTable(ctx.db);
  } finally {
    await ctx.close();
  }
}

function rowsPerTable(db: Db): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
    name: string;
  }[];
  const count = (name: string) => (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n;
  return Object.fromEntries(tables.map(({ name }) => [name, count(name)]));
}

async function enter(
  store: Store,
  plan: ProjectPlan,
  w: Week,
  ref: Reference,
  startYear: number | null,
): Promise<Live> {
  const stage = stageAt(plan, w.index, w.year, startYear);
  const fields = newFields(plan, stage, w.year, ref);
  if (plan.started <= w.index) {
    fields.actualStartDate = dayOf(shiftWeek(w.week.key, plan.started - w.index));
    started(fields, Number(fields.actualStartDate.slice(0, 4)));
  }
  const id = await insertProject(store, valid(fields), w.meta);
  await recordStageChange(
    store,
    id,
    { fromStage: null, toStage: stage, changedOn: w.day, reason: '录入项目库' },
    w.meta,
  );
  const planned = plannedDates(plan, shiftWeek(w.week.key, -w.index).key);
  const due = nodesDue(plan, plan.started <= w.index, planned, w.day);
  const nodes = NODE_NAMES.map((name, n) => ({
    name,
    stage: null,
    plannedDate: planned[n],
    actualDate: n === START_INDEX ? fields.actualStartDate : due[n].done,
    unitId: fields.responsibleUnitIds[n % 2],
    note: '',
  }));
  await replaceMilestones(store, id, nodes, w.meta);
  return { plan, id, fields, last: null, yearDone: 0, rolledYear: w.year };
}

/** A start moves 建设起止年限 with it: the end year stays after the start year. */
function started(fields: ProjectFields, year: number): void {
  fields.startYear = year;
  fields.endYear = Math.max(fields.endYear ?? year + 1, year + 1);
  fields.plannedCompletionDate = `${fields.endYear}-12-31`;
}

/** What the app's form would refuse is never written: the office must import its own export. */
function valid(fields: ProjectFields): ProjectFields {
  const issue = crossFieldIssues(fields).find((i) => !i.gap);
  if (issue) throw new Error(`the bench office broke a rule of the app: ${issue.message}`);
  return fields;
}

async function moveStage(store: Store, project: Live, w: Week, startYear: number | null): Promise<void> {
  const stage = stageAt(project.plan, w.index, w.year, startYear);
  const before = project.fields;
  const january = w.day.slice(5, 7) === '01';
  const rollover =
    january && before.stage !== 'completed' && project.plan.started <= w.index && project.rolledYear < w.year;
  if (stage === before.stage && !rollover) return;
  const after: ProjectFields = { ...before, stage };
  if (stage === 'new_start' || (stage === 'continuing' && !before.actualStartDate)) {
    after.actualStartDate = w.day;
    started(after, w.year);
  }
  if (stage === 'completed') {
    after.actualCompletionDate = w.day;
    after.progressText = '已竣工投产';
  }
  if (rollover) {
    // 年度结转: last year's figures move into 以前年度完成, and the new year has its own plan
    after.investedBeforeYearYuan = before.investedBeforeYearYuan + project.yearDone;
    after.annualPlanYuan = Math.min(
      rolledPlan(before, w.year),
      before.totalInvestmentYuan - after.investedBeforeYearYuan,
    );
    project.yearDone = 0;
    project.rolledYear = w.year;
  }
  await updateProject(store, project.id, before, valid(after), w.meta);
  if (stage !== before.stage) {
    const reason = stage === 'completed' ? '竣工验收' : stage === 'continuing' ? '年度结转' : '实际开工';
    await recordStageChange(
      store,
      project.id,
      { fromStage: before.stage, toStage: stage, changedOn: w.day, reason },
      w.meta,
    );
  }
  project.fields = after;
}

/** Money as the app takes it in: whole 0.01万元 (100 yuan); the API refuses anything finer. */
const toCents = (yuan: number) => Math.floor(yuan / 100) * 100;

const rolledPlan = (fields: ProjectFields, year: number) =>
  toCents((fields.totalInvestmentYuan / 4) * (1 + ((year + fields.totalInvestmentYuan / 5_000_000) % 5) / 10));

async function completeNodes(store: Store, project: Live, w: Week): Promise<void> {
  const started = project.plan.started <= w.index;
  const nodes = await listMilestones(store, project.id);
  let changed = false;
  const values = nodes.map((node, n) => {
    const due = node.plannedDate ? doneOn(project.plan, n, node.plannedDate) : null;
    const done = node.actualDate === null && n !== START_INDEX && due !== null && due <= w.day;
    if (done && (n < START_INDEX || started)) changed = true;
    return {
      id: node.id,
      name: node.name,
      stage: node.stage,
      plannedDate: node.plannedDate,
      actualDate: done && (n < START_INDEX || started) ? due : node.actualDate,
      unitId: node.unitId,
      note: node.note,
    };
  });
  if (changed) await replaceMilestones(store, project.id, values, w.meta);
}

/** The first week of a month: last month's figures of the started 纳统 projects, then the month is closed. */
async function closeMonth(store: Store, live: Live[], previous: Week, w: Week): Promise<void> {
  const year = Number(previous.day.slice(0, 4));
  const month = Number(previous.day.slice(5, 7));
  for (const project of live) {
    const { plan, fields } = project;
    if (!plan.inStatistics || plan.started > previous.index || fields.stage === 'completed') continue;
    // never past 总投资: what is left of it caps the month
    const left = fields.totalInvestmentYuan - fields.investedBeforeYearYuan - project.yearDone;
    const amount = Math.min(left, toCents((fields.annualPlanYuan / 12) * (0.5 + plan.random())));
    if (amount < 10_000) continue;
    await setMonthlyInvestment(store, project.id, year, month, amount, w.meta);
    // December is reported in January, before that week's 年度结转 moves the year into 以前年度完成
    project.yearDone += amount;
  }
  await insertClosing(store, year, month, w.day, w.meta);
}

async function raiseProblem(store: Store, live: Live[], w: Week, today: string, serial: number): Promise<void> {
  const open = live.filter((p) => p.fields.stage !== 'completed');
  if (!open.length) return;
  const random = randomFrom(serial * 131 + 7);
  const project = open[Math.floor(random() * open.length)];
  const { description, category } = problemOf(random);
  const on = (days: number) => toIsoDate(addDays(parseISO(w.day), days));
  const roll = random();
  const steps: DemoProblemStep[] = [{ action: 'assign', on: on(7), deadline: on(49) }];
  if (roll < 0.75) steps.push({ action: 'requestClose', on: on(28), text: '已协调解决' });
  if (roll < 0.65) steps.push({ action: 'close', on: on(35) });
  if (roll >= 0.65 && roll < 0.75) {
    steps.push({ action: 'return', on: on(35), text: '未达销号条件' });
    steps.push({ action: 'resume', on: on(42) });
  }
  await raiseDemoProblem(
    store,
    { id: project.id, responsibleUnitIds: project.fields.responsibleUnitIds },
    {
      projectIndex: 0,
      description,
      category,
      unitName: null,
      sourceWeek: w.week.key,
      raisedOn: w.day,
      steps: steps.filter((s) => s.on <= today),
    },
    w.meta,
  );
}

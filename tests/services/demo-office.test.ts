import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import planData from '../../db/seed/chains.json';
import type { Milestone } from '../../db/model/milestones';
import type { ProjectView } from '../../db/model/overview';
import type { ProjectListRow } from '../../db/model/project-list';
import {
  PROBLEM_ACTION_LABELS,
  PROBLEM_STATUSES,
  transition,
  type ProblemAction,
  type ProblemStatus,
} from '../../db/model/problems';
import { STAGES } from '../../db/model/stages';
import { shiftWeek, weekOf } from '../../db/model/weeks';
import { startBackupSchedule } from '../../electron/services/backup-schedule';
import { startIntegrityWatch } from '../../electron/services/integrity-watch';
import { createTempApp, type TempApp } from '../helpers/temp-app';

let app: TempApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('示例办公室', () => {
  it('载入后有节点和近几周的周调度，本周多数已报送，红黄绿灯都有', async () => {
    app = await createTempApp({ demo: true, today: '2026-11-28' });
    const rows = await app.ok('projects.list', {});
    expect(rows.length).toBeGreaterThanOrEqual(100);
    expect(rows.every((r) => r.isDemo)).toBe(true);
    const lights = new Set(rows.map((r) => r.light));
    expect(lights).toEqual(new Set(['red', 'yellow', 'green']));
    const week = await app.ok('dispatch.week', {});
    expect(week.counts.confirmed / week.counts.active).toBeGreaterThan(0.7);
    expect(week.counts.unreported).toBeGreaterThan(0);
    const dashboard = await app.ok('overview.dashboard', {});
    expect(dashboard.overdue.length).toBeGreaterThan(0);
    const changes = await app.ok('dispatch.changes', { week: week.week.key });
    expect(changes.projects.length).toBeGreaterThan(0);
    const reasons = rows.flatMap((r) => r.lights.map((l) => l.reason));
    expect(reasons.some((r) => r.includes('逾期'))).toBe(true);
    expect(reasons.some((r) => r.startsWith('本周进展未报送'))).toBe(true);
  });

  it('工作台的阶段、红黄绿、资料待补与投资数，和项目库逐行数出、加出的一样', async () => {
    app = await createTempApp({ demo: true, today: '2026-11-28' });
    const rows = await app.ok('projects.list', {});
    const dashboard = await app.ok('overview.dashboard', {});
    const count = (keep: (row: ProjectListRow) => boolean) => rows.filter(keep).length;
    const sum = (figure: (row: ProjectListRow) => number) => rows.reduce((total, row) => total + figure(row), 0);
    expect(dashboard.counts.projectCount).toBe(rows.length);
    expect(dashboard.counts.byStage).toEqual(
      Object.fromEntries(STAGES.map((stage) => [stage, count((row) => row.stage === stage)])),
    );
    // a 停建/缓建 project (the example has one 缓建) is counted in no light, apart (issue #17)
    const lit = (row: ProjectListRow) => !row.suspended;
    expect(dashboard.counts.byLight).toEqual({
      red: count((row) => lit(row) && row.light === 'red'),
      yellow: count((row) => lit(row) && row.light === 'yellow'),
      green: count((row) => lit(row) && row.light === 'green'),
    });
    expect(dashboard.counts.suspended).toBe(count((row) => !lit(row)));
    expect(dashboard.counts.suspended).toBe(1);
    expect(dashboard.missingDataCount).toBe(count((row) => row.missingFields.length > 0));
    expect(dashboard.counts.totalInvestmentYuan).toBe(sum((row) => row.totalInvestmentYuan));
    expect(dashboard.annualPlanYuan).toBe(sum((row) => row.annualPlanYuan));
    expect(dashboard.yearCompletedYuan).toBe(sum((row) => row.yearCompletedYuan));
    expect(dashboard.yearCompletedYuan).toBeGreaterThan(0);
  });

  it('要素保障：部分项目有用地、资金、用能数据，三张缺口清单都有项目，金额为整万元', async () => {
    app = await createTempApp({ demo: true, today: '2026-11-28' });
    const land = await app.ok('factors.shortfalls', { kind: 'land' });
    const funds = await app.ok('factors.shortfalls', { kind: 'funds' });
    const energy = await app.ok('factors.shortfalls', { kind: 'energy' });
    const projects = (await app.ok('projects.list', {})).length;
    for (const list of [land, funds, energy]) {
      expect(list.rows.length).toBeGreaterThan(2);
      expect(list.rows.length).toBeLessThan(projects / 2);
    }
    expect(funds.rows.every((r) => r.gap % 10_000 === 0 && r.sources.length > 0)).toBe(true);
    expect(land.rows.every((r) => r.stage !== 'completed' && r.stage !== 'reserve')).toBe(true);
  });

  it('第一份备份在载入示例之后：备份列表里最新的一份就有全部示例项目', async () => {
    app = await createTempApp({ operator: null, today: '2026-11-28' });
    // as the app opens a folder: the backup schedule starts before the clerk has chosen anything; a database
    // server checks its own pages, so the host's schedule there waits for no full check (web-host-cli.ts)
    const watch =
      app.ctx.engine === 'sqlite' ? startIntegrityWatch(app.ctx) : { check: async () => true, stop: () => undefined };
    const stopSchedule = startBackupSchedule(app.ctx, watch);
    await app.ok('app.initialize', { operatorName: '王五', loadDemo: true });
    await watch.check();
    stopSchedule();
    watch.stop();
    const projects = await app.ok('projects.list', {});
    const backups = await app.ok('backups.list', {});
    expect(backups[0]).toMatchObject({ label: '自动备份-首次启动', problem: null, projectCount: projects.length });
    expect(backups.map((b) => b.projectCount)).toEqual([projects.length]);
    // a real first start: on PostgreSQL the example office's 21,000 statements each cross a connection, 8–15 s on
    // the 2-core test machine where SQLite takes one
  }, 60_000);
});

// What a project office would call each chain's business: a project's name or 建设单位 shows which chain it is
// under. Test data, with the plan's anchor companies of each chain (db/seed/chains.json) added.
const CHAIN_WORDS: Record<string, string[]> = {
  DQ: [
    '电工',
    '电气',
    '电器',
    '电力',
    '变电',
    '电缆',
    '线缆',
    '开关',
    '磁',
    '互感器',
    '电表',
    '光伏',
    '风电',
    '超导',
    '绝缘',
    '照明',
  ],
  DZ: ['电子', '芯', '光学', '光电', '显示', '线路板', '电路板', '集成电路', '传感器', '数码', '伺服', '元器件'],
  YL: ['医疗器械', '医疗设备', '医用', '介入', '装备', '机械', '精工', '精密', '铁路', '轨道交通', '零部件'],
  JC: ['建材', '水泥', '混凝土', '砂浆', '门窗', '玻璃', '石膏', '防水', '耐火', '装配式'],
  XH: ['再生', '循环', '回用', '固废', '垃圾', '资源化', '综合利用'],
  PG: ['皮革', '制革', '革', '箱包', '鞋', '皮衣', '皮件'],
  ZZ: ['铸造', '铸件'],
  HG: ['化工', '化学', '碱', '肥', '冶金', '铁合金', '炉料'],
  SZ: ['数字', '数据', '动漫', '文创', '创意', '电竞', '互联网', '软件'],
  WR: ['无人机', '航空'],
  KY: ['康养', '养老', '医院', '卫生院', '医养', '健康', '中医', '中药'],
};

const TODAY = '2026-11-28';
/** Words of work on site: a project that has not started reports none of them. */
const CONSTRUCTION = /桩基|基础施工|开挖|土方|主体|吊装|封顶|设备安装|拆除/;

describe('示例办公室的内容', () => {
  let office: TempApp;
  let rows: ProjectView[];
  let nodesOf: Map<number, Milestone[]>;

  beforeAll(async () => {
    office = await createTempApp({ demo: true, today: TODAY });
    // every field of each project, as its page shows it: the list rows carry only what the lists show
    const listed = await office.ok('projects.list', {});
    rows = await Promise.all(listed.map((p) => office.ok('projects.get', { id: p.id })));
    nodesOf = new Map();
    for (const row of rows) nodesOf.set(row.id, await office.ok('milestones.list', { projectId: row.id }));
  });
  afterAll(() => office?.close());

  it('每个节点都有责任单位，取自项目的责任单位；审批类节点交给对口部门', async () => {
    const { units } = await office.ok('reference.list', {});
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const nodes = rows.flatMap((row) => nodesOf.get(row.id)!.map((node) => ({ row, node })));
    expect(nodes.length).toBeGreaterThan(300);
    for (const { row, node } of nodes) {
      expect(node.unitName, `${row.name} ${node.name}`).not.toBeNull();
      expect(row.responsibleUnitNames, `${row.name} ${node.name}`).toContain(node.unitName);
    }
    const approvals = nodes.filter(
      ({ row, node }) => node.name === '环评批复' && row.responsibleUnitNames.includes('市生态环境局'),
    );
    expect(approvals.length).toBeGreaterThan(0);
    expect(approvals.every(({ node }) => node.unitName === '市生态环境局')).toBe(true);
    expect(new Set(nodes.map(({ node }) => node.unitId).map((id) => unitName.get(id!))).size).toBeGreaterThan(5);
  });

  it('新开工项目的节点随实际开工：未开工的一个也没完成，已开工的“实际开工”节点就是开工那天；续建项目的竣工节点未完成', () => {
    for (const row of rows.filter((r) => r.stage === 'new_start')) {
      const nodes = nodesOf.get(row.id)!;
      if (!row.actualStartDate)
        expect(
          nodes.every((n) => n.actualDate === null),
          row.name,
        ).toBe(true);
      else expect(nodes.find((n) => n.name === '实际开工')?.actualDate, row.name).toBe(row.actualStartDate);
    }
    for (const row of rows.filter((r) => r.stage === 'continuing')) {
      const completion = nodesOf.get(row.id)!.filter((n) => n.name === '竣工验收' || n.name === '投产');
      expect(
        completion.every((n) => n.actualDate === null),
        row.name,
      ).toBe(true);
    }
  });

  it('问题处于每一种状态，每个问题的办理记录按督办规则一步步走到它现在的状态', async () => {
    const problems = await office.ok('problems.list', {});
    expect(new Set(problems.map((p) => p.status))).toEqual(new Set(PROBLEM_STATUSES));
    const actionOf = new Map(Object.entries(PROBLEM_ACTION_LABELS).map(([action, label]) => [label, action]));
    for (const listed of problems) {
      const problem = await office.ok('problems.get', { id: listed.id });
      const [registered, ...steps] = problem.notes;
      expect(registered.text, problem.code).toMatch(/^登记：第\d+周调度会$/);
      let status: ProblemStatus = 'pending';
      let day = problem.raisedOn;
      for (const note of steps) {
        const action = actionOf.get(note.text.split('：')[0]) as ProblemAction;
        const moved = transition(status, action);
        expect(moved.ok, `${problem.code} ${note.text}`).toBe(true);
        if (moved.ok) status = moved.to;
        expect(note.notedOn >= day && note.notedOn <= TODAY, `${problem.code} ${note.notedOn}`).toBe(true);
        day = note.notedOn;
        if (action === 'return') expect(note.text, problem.code).toMatch(/^退回：.+/);
      }
      expect(status, problem.code).toBe(problem.status);
      if (problem.status !== 'pending') {
        expect(problem.responsibleUnitNames.length, problem.code).toBe(1);
        expect(problem.deadline, problem.code).not.toBeNull();
      }
      if (problem.status === 'closed') {
        expect(problem.resolution.length, problem.code).toBeGreaterThan(5);
        expect(problem.resolvedOn! >= problem.raisedOn && problem.resolvedOn! <= TODAY, problem.code).toBe(true);
      }
    }
  });

  it('招商项目：签约以后的阶段都有签约日期，不晚于今天，早于实际开工；储备的已签约写框架协议，未签约写洽谈', () => {
    const invited = rows.filter((r) => r.isInvestmentPromotion);
    expect(invited.filter((r) => r.stage !== 'reserve').length).toBeGreaterThan(15);
    for (const row of invited) {
      if (row.stage !== 'reserve') expect(row.signingDate, row.name).not.toBeNull();
      if (!row.signingDate) {
        expect(row.progressText, row.name).toMatch(/洽谈|考察|测算/);
        continue;
      }
      expect(row.signingDate <= TODAY, row.name).toBe(true);
      if (row.actualStartDate) expect(row.signingDate < row.actualStartDate, row.name).toBe(true);
      if (row.stage === 'reserve') expect(row.progressText, row.name).toContain('已签订投资框架协议');
    }
    expect(invited.some((r) => r.stage === 'reserve' && !r.signingDate)).toBe(true);
    expect(rows.filter((r) => !r.isInvestmentPromotion).every((r) => r.signingDate === null)).toBe(true);
  });

  it('形象进度与阶段和日期相符：储备、前期不写施工和竣工，未开工的不写施工，竣工的写竣工，封顶在主体完工节点之后', async () => {
    for (const row of rows) {
      const text = row.progressText;
      if (row.stage === 'reserve' || row.stage === 'preliminary') {
        expect(text, row.name).not.toMatch(/封顶|竣工|投产|主体|桩基|开挖/);
      }
      if (row.stage === 'new_start' && !row.actualStartDate) expect(text, row.name).not.toMatch(CONSTRUCTION);
      if (row.stage === 'completed') expect(text, row.name).toMatch(/竣工验收|建成投产|投入使用|投入生产/);
      if (row.stage !== 'completed') expect(text, row.name).not.toMatch(/已建成|通过竣工验收|竣工决算/);
      if (row.stage === 'continuing' && /封顶|主体完工|主体工程已完工/.test(text)) {
        const roofed = nodesOf.get(row.id)!.find((n) => n.name === '主体完工（封顶）');
        expect(roofed?.actualDate, row.name).not.toBeNull();
      }
    }
    // the weeks before: no project reported site work in a week that ended before its 实际开工
    const startedOn = new Map(rows.filter((r) => r.actualStartDate).map((r) => [r.id, r.actualStartDate!]));
    let checked = 0;
    for (let back = 1; back <= 5; back++) {
      const { week, rows: entries } = await office.ok('dispatch.week', {
        week: shiftWeek(weekOf(TODAY).key, -back).key,
      });
      for (const entry of entries.filter((e) => e.entryId !== null)) {
        const started = startedOn.get(entry.projectId);
        if (started && started <= week.end) continue;
        checked++;
        expect(entry.progress, `${entry.name} ${week.key}`).not.toMatch(CONSTRUCTION);
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('每个项目放在相称的产业链下：项目名称或建设单位含该链的行业用词或骨干企业', () => {
    const anchors = new Map(planData.chains.map((c) => [c.code, c.anchorCompanies]));
    for (const row of rows) {
      const words = [...CHAIN_WORDS[row.chainCode], ...(anchors.get(row.chainCode) ?? [])];
      expect(
        words.some((word) => row.name.includes(word) || row.owner.includes(word)),
        `${row.name}（${row.owner}）在${row.chainName}下`,
      ).toBe(true);
    }
    expect(new Set(rows.map((r) => r.chainCode))).toEqual(new Set(Object.keys(CHAIN_WORDS)));
  });
});

import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyLibrary } from '../../db/copy/copy';
import { shiftWeek, weekOf } from '../../db/model/weeks';
import { methodNames } from '../../electron/contract';
import type { ApiResult, MethodInput, MethodName, MethodOutput } from '../../electron/api-spec';
import { dispatch } from '../../electron/contract';
import { openAppContext, type AppContext } from '../../electron/services/app-context';
import { openServerContext } from '../../electron/services/server-context';
import { NOT_READS, READS, type ReadSample } from '../helpers/api-reads';
import { freshDatabase } from '../helpers/postgres-database';
import { createTempApp } from '../helpers/temp-app';
import { makeTempDir } from '../helpers/temp-dir';

// Issue #14: the API answers with the same JSON on both engines for the same data. The example office is opened
// as the single-PC app, copied into PostgreSQL and opened by the server, and copied back out into a new SQLite
// file opened as the single-PC app again; every read method, asked about its real data, answers the same text
// on all three, and so do a few writes and the reads after them. The clock is held still, so the times the
// writes stamp (the change history's, the entries') are the same moment on each.

const TODAY = '2026-11-28';
const CLOCK = new Date('2026-11-28T03:00:00.000Z');

type Cleanup = () => Promise<void> | void;
const cleanups: Cleanup[] = [];

interface Library {
  name: string;
  ctx: AppContext;
}
let libraries: Library[];
let sample: ReadSample;

/**
 * A call's answer as the transport carries it. A backup's path names the library's own folder on this PC, which
 * is not about the data: it reads as <数据文件夹> on each.
 */
async function call(ctx: AppContext, method: string, input: unknown): Promise<string> {
  const answer = JSON.stringify(await dispatch(ctx, method, structuredClone(input)));
  return answer.replaceAll(JSON.stringify(ctx.dataDir).slice(1, -1), '<数据文件夹>');
}

async function ok<M extends MethodName>(ctx: AppContext, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = (await dispatch(ctx, method, input)) as ApiResult<MethodOutput<M>>;
  if (!result.ok) throw new Error(`${method} refused: ${result.error.code} ${result.error.message}`);
  return result.data;
}

/** Where two answers part, with some text either side: enough to see what differs in a long JSON. */
function firstDifference(a: string, b: string): string {
  let at = 0;
  while (at < a.length && a[at] === b[at]) at += 1;
  const around = (text: string) => text.slice(Math.max(0, at - 120), at + 120);
  return `at ${at} of ${a.length}/${b.length}: …${around(a)}… ≠ …${around(b)}…`;
}

/**
 * Each call's answer on every library beside the first's (each library asked once): the calls whose answers
 * differ, and where; with `mustSucceed`, also a call the first library refused.
 */
async function differences(
  calls: { method: string; input: unknown }[],
  { mustSucceed = false } = {},
): Promise<string[]> {
  const found: string[] = [];
  for (const { method, input } of calls) {
    const [first, ...others] = libraries;
    const expected = await call(first.ctx, method, input);
    if (mustSucceed && !(JSON.parse(expected) as ApiResult).ok) found.push(`${method} refused: ${expected}`);
    for (const other of others) {
      const answer = await call(other.ctx, method, input);
      if (answer !== expected) {
        found.push(
          `${method} ${JSON.stringify(input).slice(0, 80)} on ${other.name}: ${firstDifference(expected, answer)}`,
        );
      }
    }
  }
  return found;
}

/** The calls refused on the first library: a read asked about nothing real says nothing about the engines. */
async function refusals(calls: { method: string; input: unknown }[]): Promise<string[]> {
  const refused: string[] = [];
  for (const { method, input } of calls) {
    const result = await dispatch(libraries[0].ctx, method, structuredClone(input));
    if (!result.ok) refused.push(`${method} ${JSON.stringify(input).slice(0, 80)}: ${result.error.message}`);
  }
  return refused;
}

/** A call's data on every library: one each, for a test that goes on from what was written. */
async function answersOf<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>[]> {
  const answers: MethodOutput<M>[] = [];
  for (const { ctx } of libraries) answers.push(await ok(ctx, method, input));
  return answers;
}

function readCalls(): { method: string; input: unknown }[] {
  return Object.entries(READS).flatMap(([method, inputs]) => inputs(sample).map((input) => ({ method, input })));
}

/**
 * The server reads its tables without their indexes from here on, as its planner may choose to on a large
 * library: rows then come in the order they lie in the table (an updated row moves to its end), so a read whose
 * order its index happened to decide answers differently from SQLite unless its ORDER BY decides every tie.
 */
async function readInTableOrder(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const name = (await client.query<{ name: string }>('SELECT current_database() AS name')).rows[0].name;
    await client.query(`ALTER DATABASE ${name} SET enable_indexscan = off`);
    await client.query(`ALTER DATABASE ${name} SET enable_indexonlyscan = off`);
    await client.query(`ALTER DATABASE ${name} SET enable_bitmapscan = off`);
  } finally {
    await client.end();
  }
}

async function sampleOf(ctx: AppContext): Promise<ReadSample> {
  const projects = await ok(ctx, 'projects.list', {});
  const problems = await ok(ctx, 'problems.list', {});
  const problem = problems.find((p) => p.leadUnitId !== null) ?? problems[0];
  const project = projects.find((p) => p.id === problem.projectId)!;
  const audit = await ok(ctx, 'audit.list', { limit: 100 });
  const status = await ok(ctx, 'app.status', {});
  const month = 10;
  const ledger = await ok(ctx, 'ledger.export', {});
  const fillin = await ok(ctx, 'fillin.export', {
    period: { kind: 'month', year: status.planYear, month },
    unitIds: [problem.leadUnitId!],
  });
  return {
    projectIds: projects.map((p) => p.id),
    projectId: project.id,
    problemId: problem.id,
    chainId: project.chainId,
    unitId: problem.leadUnitId!,
    chainLead: project.chainLead,
    operator: audit.operators[0],
    planYear: status.planYear,
    week: weekOf(TODAY).key,
    lastWeek: shiftWeek(weekOf(TODAY).key, -1).key,
    month,
    auditFrom: audit.entries[60].at.slice(0, 10),
    auditTo: audit.entries[20].at.slice(0, 10),
    auditBefore: audit.entries[10].id,
    ledgerFile: { fileName: ledger.fileName, contentBase64: ledger.base64 },
    fillinFile: { fileName: fillin.fileName, contentBase64: fillin.base64 },
  };
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(CLOCK);
  // the example office, closed by the app (its WAL folded in) after a first export of fill-in sheets, which
  // makes the office's signing secret: the copies carry it, so their sheets are signed alike
  const demo = await createTempApp({ demo: true, today: TODAY });
  cleanups.push(() => fs.rmSync(demo.dir, { recursive: true, force: true }));
  await demo.ok('fillin.export', { period: { kind: 'week', week: weekOf(TODAY).key } });
  await demo.ctx.close();

  const database = await freshDatabase();
  cleanups.push(database.remove);
  await copyLibrary(path.join(demo.dir, 'projects.sqlite'), database.url);
  const back = makeTempDir('zdxm-same-back-');
  cleanups.push(back.remove);
  await copyLibrary(database.url, path.join(back.dir, 'projects.sqlite'));
  await readInTableOrder(database.url);
  const serverDir = makeTempDir('zdxm-same-server-');
  cleanups.push(serverDir.remove);

  const open = async (name: string, ctx: Promise<AppContext>) => {
    const opened = await ctx;
    cleanups.push(() => opened.close());
    return { name, ctx: opened };
  };
  libraries = [
    await open('SQLite', openAppContext({ dataDir: demo.dir, today: () => TODAY })),
    await open(
      'PostgreSQL',
      openServerContext({ databaseUrl: database.url, dataDir: serverDir.dir, today: () => TODAY }),
    ),
    await open('SQLite copied back', openAppContext({ dataDir: back.dir, today: () => TODAY })),
  ];
  sample = await sampleOf(libraries[0].ctx);
}, 120_000);

afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.useRealTimers();
});

describe('两种数据库给出同样的回答', () => {
  it('每个方法要么作为读取比较，要么写明为何不比较', () => {
    const reads = Object.keys(READS);
    const others = Object.keys(NOT_READS);
    expect(reads.filter((m) => others.includes(m))).toEqual([]);
    expect([...reads, ...others].sort()).toEqual([...methodNames].sort());
  });

  it('示例数据复制到 PostgreSQL 再复制回 SQLite：每个读取方法的回答逐字相同', async () => {
    expect(sample.projectIds.length).toBeGreaterThan(100);
    expect(await refusals(readCalls())).toEqual([]);
    expect(await differences(readCalls())).toEqual([]);
  }, 300_000);

  it('同样的修改在每个库上回答相同，之后的读取也相同；同日逾期的节点和问题在预警中次序一致', async () => {
    const { projectId, week, chainId, unitId } = sample;
    const lead = libraries[0].ctx;
    const project = await ok(lead, 'projects.get', { id: projectId });
    const started = (await ok(lead, 'projects.list', {})).find((p) => p.stage === 'continuing')!;
    const chainCode = project.code.split('-')[0];
    const lowerCaseCode = `${chainCode.toLowerCase()}-${sample.planYear}-090`;
    const nodes = (await ok(lead, 'milestones.list', { projectId })).map(({ id, name, plannedDate, actualDate }) => ({
      id,
      name,
      plannedDate,
      actualDate,
    }));
    // two nodes late by the same days, 甲 written before 乙 (by name 乙 comes first), and two problems overdue
    // by the same days, the later one acted on before the earlier one is edited: PostgreSQL's table then holds
    // each pair the other way round from the order the lights name them in
    const sameDay = (name: string) => ({ name, plannedDate: '2025-01-02', actualDate: null });
    const problem = (description: string) => ({
      projectId,
      description,
      category: 'approval',
      raisedOn: '2026-10-08',
      deadline: '2026-11-09',
    });
    const writes: { method: MethodName; input: unknown }[] = [
      { method: 'settings.saveLibraryColumns', input: { columns: { owner: false, location: true } } },
      { method: 'reference.saveUnit', input: { name: '县自然资源局' } },
      {
        method: 'projects.create',
        input: { name: '同答项目', owner: '某建设公司', chainId, stage: 'preliminary', leadUnitId: unitId },
      },
      // a code typed in lower case still counts for the next code (SQLite's LIKE folds ASCII, PostgreSQL's ILIKE)
      {
        method: 'projects.create',
        input: { name: '小写编号项目', owner: '某建设公司', chainId, stage: 'reserve', code: lowerCaseCode },
      },
      { method: 'projects.update', input: { id: projectId, name: `${project.name}（二期）` } },
      {
        method: 'milestones.save',
        input: { projectId, nodes: [...nodes, sameDay('甲：规划许可'), sameDay('乙：施工许可')] },
      },
      { method: 'problems.create', input: problem('征地补偿未到位') },
      { method: 'problems.create', input: problem('施工许可未办') },
      { method: 'dispatch.saveEntry', input: { projectId, week, progress: '主体结构封顶', problems: '' } },
      {
        method: 'projects.setMonthlyInvestment',
        input: { projectId: started.id, year: sample.planYear, month: 11, amountYuan: 12_340_000 },
      },
    ];
    const found: string[] = [];
    for (const write of writes) found.push(...(await differences([write], { mustSucceed: true })));
    const [first, second] = (await ok(lead, 'problems.list', { projectId })).slice(-2);
    const steps = [
      {
        method: 'problems.act',
        input: { id: second.id, action: 'assign', date: '2026-10-09', leadUnitId: unitId, deadline: '2026-11-09' },
      },
      { method: 'problems.update', input: { id: first.id, description: '征地补偿款未拨付' } },
    ];
    for (const step of steps) found.push(...(await differences([step], { mustSucceed: true })));
    expect(found).toEqual([]);

    // a refusal is the same message on each, and writes nothing
    const refused = { method: 'reference.saveUnit', input: { name: '县自然资源局' } };
    expect(await refusals([refused])).toEqual(['reference.saveUnit {"name":"县自然资源局"}: 单位“县自然资源局”已存在']);
    expect(await differences([refused])).toEqual([]);

    for (const { code } of await answersOf('projects.nextCode', { chainId })) {
      expect(code).toBe(`${chainCode}-${sample.planYear}-091`);
    }
    for (const rows of await answersOf('projects.list', {})) {
      expect(rows.find((r) => r.id === projectId)).toMatchObject({
        name: `${project.name}（二期）`,
        lights: [
          { reason: '乙：施工许可 逾期695天' },
          { reason: '甲：规划许可 逾期695天' },
          { reason: `问题${first.code}超期19天未办结` },
          { reason: `问题${second.code}超期19天未办结` },
        ],
      });
    }

    // the ledger exported before these writes, imported again (after a backup, each engine its own kind): the
    // same projects updated back, the same lines in the history
    const { fingerprint } = await ok(lead, 'ledger.previewImport', sample.ledgerFile);
    const reimport = { method: 'ledger.applyImport', input: { ...sample.ledgerFile, fingerprint } };
    expect(await differences([reimport], { mustSucceed: true })).toEqual([]);
    for (const view of await answersOf('projects.get', { id: projectId })) expect(view.name).toBe(project.name);
    expect(await differences(readCalls())).toEqual([]);
  }, 300_000);

  it('关账、变更阶段、停用园区、改节点模板、年度结转：每个库回答相同，之后的读取也相同', async () => {
    const lead = libraries[0].ctx;
    const months = await ok(lead, 'investment.months', { year: sample.planYear });
    const reserve = (await ok(lead, 'projects.list', {})).find((p) => p.stage === 'reserve')!;
    const park = (await ok(lead, 'reference.list', {})).parks[0];
    const steps: { method: MethodName; input: unknown }[] = [
      { method: 'investment.closeMonth', input: { year: sample.planYear, month: months.closedThrough + 1 } },
      { method: 'projects.changeStage', input: { id: reserve.id, toStage: 'preliminary', reason: '完成谋划' } },
      { method: 'reference.setRetired', input: { kind: 'park', id: park.id, retired: true } },
      {
        method: 'milestoneTemplates.save',
        input: {
          stage: 'preliminary',
          nodes: [
            { name: '用地预审', durationDays: 30 },
            { name: '立项', durationDays: 15 },
          ],
        },
      },
    ];
    const found: string[] = [];
    for (const step of steps) found.push(...(await differences([step], { mustSucceed: true })));
    const plan = await ok(lead, 'rollover.preview', {});
    const rollover = {
      method: 'rollover.apply',
      input: {
        fromYear: plan.fromYear,
        selectedProjectIds: plan.moves.map((m) => m.projectId),
        unstarted: plan.unstarted.map((u) => ({ projectId: u.projectId, action: 'preliminary' })),
      },
    };
    found.push(...(await differences([rollover], { mustSucceed: true })));
    expect(found).toEqual([]);
    expect(plan.moves.length + plan.unstarted.length).toBeGreaterThan(10);
    for (const settings of await answersOf('settings.get', {})) expect(settings.planYear).toBe(sample.planYear + 1);
    expect(await differences(readCalls())).toEqual([]);
  }, 300_000);
});

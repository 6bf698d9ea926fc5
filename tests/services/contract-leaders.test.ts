import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ApiResult, ExportedFile } from '../../electron/api-spec';
import { buildXlsx, type TestCell } from '../helpers/spreadsheets';
import { rowCount } from '../helpers/stored-rows';
import { createTempApp, type TempApp } from '../helpers/temp-app';

// Issue #17 item 4: 包挂领导 (a reference list in 设置, one per project) and 领导批示 (办理, 办结, 转为问题, lights),
// on both engines.

const TODAY = '2026-11-28';
let app: TempApp;
let chainId: number;

beforeEach(async () => {
  app = await createTempApp({ today: TODAY });
  chainId = (await app.ok('reference.list', {})).chains.find((c) => c.code === 'DZ')!.id;
});
afterEach(() => app.close());

function refusal(result: ApiResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

const project = (name: string, extra: Record<string, unknown> = {}) =>
  app.ok('projects.create', { name, stage: 'reserve', chainId, owner: '湖南某某有限公司', ...extra });

async function leader(name: string, title = '') {
  const list = await app.ok('reference.saveContactLeader', { name, title });
  return list.contactLeaders.find((l) => l.name === name)!;
}

const instruction = (projectId: number, extra: Record<string, unknown> = {}) =>
  app.ok('instructions.save', {
    projectId,
    issuedOn: '2026-11-03',
    leaderName: '张三',
    content: '加快用地报批，月底前完成供地',
    deadline: '2026-11-20',
    ...extra,
  });

function sheetRows(file: ExportedFile): unknown[][] {
  const wb = XLSX.read(Buffer.from(file.base64, 'base64'), { type: 'buffer' });
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, defval: null });
}

describe('设置 › 包挂领导', () => {
  it('新增、改名改职务、停用，重名拒绝，每次修改以中文记入变更记录', async () => {
    const zhang = await leader('张三', '副市长');
    expect(zhang).toMatchObject({ title: '副市长', retired: false, projectCount: 0, version: 1 });
    const saved = await app.ok('reference.saveContactLeader', {
      id: zhang.id,
      version: 1,
      name: '张三',
      title: '常务副市长',
    });
    expect(saved.contactLeaders[0]).toMatchObject({ name: '张三', title: '常务副市长', version: 2 });
    expect(refusal(await app.call('reference.saveContactLeader', { name: '张三' })).message).toBe(
      '包挂领导“张三”已存在',
    );
    expect(
      refusal(await app.call('reference.saveContactLeader', { id: zhang.id, version: 1, name: '李四' })).code,
    ).toBe('conflict');
    await app.ok('reference.setRetired', { kind: 'contactLeader', id: zhang.id, retired: true });
    const lines = (await app.ok('audit.list', { kind: 'reference' })).entries.map((e) => [
      e.entity,
      e.field,
      e.oldValue,
      e.newValue,
    ]);
    expect(lines).toEqual([
      ['contactLeader', 'retired', '张三', '停用'],
      ['contactLeader', 'title', '副市长', '常务副市长'],
      ['contactLeader', 'title', null, '副市长'],
      ['contactLeader', 'name', null, '张三'],
    ]);
  });
});

describe('项目的包挂领导', () => {
  it('项目表单选包挂领导，项目页、项目库显示姓名，变更记录写姓名；停用的领导不能新选', async () => {
    const zhang = await leader('张三', '副市长');
    const li = await leader('李四');
    const created = await project('甲项目', { contactLeaderId: zhang.id });
    const page = await app.ok('projects.get', { id: created.id });
    expect(page).toMatchObject({ contactLeaderId: zhang.id, contactLeaderName: '张三' });
    const [row] = await app.ok('projects.list', {});
    expect(row).toMatchObject({ contactLeaderId: zhang.id, contactLeaderName: '张三' });

    await app.ok('projects.update', { id: created.id, version: page.version, contactLeaderId: li.id });
    const history = await app.ok('projects.history', { id: created.id });
    expect(history.find((e) => e.field === 'contactLeaderId')).toMatchObject({
      fieldLabel: '包挂领导',
      oldValue: '张三',
      newValue: '李四',
    });

    await app.ok('reference.setRetired', { kind: 'contactLeader', id: zhang.id, retired: true });
    const other = await project('乙项目');
    const refused = refusal(await app.call('projects.update', { id: other.id, version: 1, contactLeaderId: zhang.id }));
    expect(refused.message).toMatch(/停用/);
  });

  it('台账末尾有包挂领导一列（其后仅前期手续）；导入读该列，名单中没有的姓名整行被拒绝并说明行号', async () => {
    const zhang = await leader('张三', '副市长');
    await project('甲项目', { contactLeaderId: zhang.id });
    const rows = sheetRows(await app.ok('ledger.export', { totalUnit: 'wan' }));
    const header = rows.find((r) => r.includes('项目名称'))!;
    const column = header.indexOf('包挂领导');
    expect(header.slice(column)).toEqual(['包挂领导', '前期手续']);
    const dataRow = rows.find((r) => r.includes('甲项目'))!;
    expect(dataRow[column]).toBe('张三');

    const sheet: TestCell[][] = [
      ['项目名称', '建设单位', '阶段', '产业链', '包挂领导'],
      ['乙项目', '乙公司', '储备', '化工', '张三'],
      ['丙项目', '丙公司', '储备', '化工', '王五'],
    ];
    const input = {
      fileName: 'x.xlsx',
      contentBase64: (await buildXlsx([{ name: 'S', rows: sheet }])).toString('base64'),
    };
    const shown = await app.ok('ledger.previewImport', input);
    expect(shown.errors.map((e) => [e.row, e.message])).toEqual([
      [3, '包挂领导“王五”不在包挂领导名单中（设置 → 包挂领导）'],
    ]);
    await app.ok('ledger.applyImport', { ...input, fingerprint: shown.fingerprint, skipErrors: true });
    const imported = (await app.ok('projects.list', {})).find((p) => p.name === '乙项目');
    expect(imported).toMatchObject({ contactLeaderName: '张三' });
  });
});

describe('领导批示', () => {
  it('登记、修改（带版本）、办结、重新办理；列表带项目、包挂领导与超期天数；每步写入项目变更记录', async () => {
    const zhang = await leader('张三', '副市长');
    const p = await project('甲项目', { contactLeaderId: zhang.id });
    const created = await instruction(p.id);
    expect(created).toMatchObject({
      projectName: '甲项目',
      leaderName: '张三',
      leaderId: zhang.id,
      status: 'open',
      closedOn: null,
      contactLeaderName: '张三',
      daysOverdue: 8,
      version: 1,
    });
    const edited = await app.ok('instructions.save', {
      id: created.id,
      version: 1,
      projectId: p.id,
      issuedOn: '2026-11-03',
      leaderName: '市委书记',
      content: '加快用地报批，月底前完成供地',
      deadline: '2026-12-10',
      progress: '已报省厅',
    });
    expect(edited).toMatchObject({ leaderId: null, deadline: '2026-12-10', progress: '已报省厅', daysOverdue: 0 });
    // saving it again as it is changes nothing
    const again = await app.ok('instructions.save', {
      id: created.id,
      version: 2,
      projectId: p.id,
      issuedOn: edited.issuedOn,
      leaderName: edited.leaderName,
      content: edited.content,
      deadline: edited.deadline,
      progress: edited.progress,
    });
    expect(again.version).toBe(2);
    const stale = await app.call('instructions.close', { id: created.id, version: 1 });
    expect(refusal(stale).code).toBe('conflict');
    const closed = await app.ok('instructions.close', { id: created.id, version: 2, progress: '已完成供地' });
    expect(closed).toMatchObject({ status: 'closed', closedOn: TODAY, progress: '已完成供地' });
    expect(refusal(await app.call('instructions.close', { id: created.id })).message).toBe('该批示已于2026-11-28办结');
    expect(await app.ok('instructions.list', { status: 'open' })).toEqual([]);
    const reopened = await app.ok('instructions.reopen', { id: created.id, version: 3 });
    expect(reopened).toMatchObject({ status: 'open', closedOn: null });

    expect((await app.ok('instructions.list', { projectId: p.id })).map((i) => i.id)).toEqual([created.id]);
    expect(await app.ok('instructions.list', { leaderId: zhang.id })).toHaveLength(1);

    const history = (await app.ok('projects.history', { id: p.id })).filter((e) => e.fieldLabel === '领导批示');
    expect(history.map((e) => e.newValue)).toEqual([
      expect.stringMatching(/^2026-11-03 市委书记批示：加快用地报批.*办理情况：已完成供地$/),
      expect.stringMatching(/已完成供地；已办结（2026-11-28）$/),
      expect.stringMatching(/^2026-11-03 市委书记批示.*办理时限：2026-12-10；办理情况：已报省厅$/),
      '登记2026-11-03 张三批示：加快用地报批，月底前完成供地；办理时限：2026-11-20',
    ]);
  });

  it('日期不合规、内容为空、项目不存在或改到其他项目时拒绝并说明，什么也不写', async () => {
    const p = await project('甲项目');
    const q = await project('乙项目');
    const cases: [Record<string, unknown>, string][] = [
      [{ issuedOn: '2026-12-01' }, '批示日期不能晚于今天'],
      [{ deadline: '2026-11-01' }, '办理时限不能早于批示日期'],
      [{ content: '  ' }, '请填写批示内容'],
      [{ projectId: 99999 }, '找不到该项目，不能登记批示'],
      [{ issuedOn: '2026-02-30' }, '批示日期'],
    ];
    for (const [extra, message] of cases) {
      const result = await app.call('instructions.save', {
        projectId: p.id,
        issuedOn: '2026-11-03',
        leaderName: '张三',
        content: '内容',
        ...extra,
      });
      expect(refusal(result).message).toContain(message);
    }
    expect(await rowCount(app, 'leader_instructions')).toBe(0);
    const created = await instruction(p.id);
    const moved = await app.call('instructions.save', {
      id: created.id,
      projectId: q.id,
      issuedOn: '2026-11-03',
      leaderName: '张三',
      content: '内容',
    });
    expect(refusal(moved).message).toBe('批示不能改到其他项目，请在该项目下另行登记');
    expect(refusal(await app.call('instructions.close', { id: created.id, closedOn: '2026-11-01' })).message).toBe(
      '办结日期不能早于批示日期',
    );
  });

  it('转为问题：一次操作登记问题（描述、来源、单位取自批示和项目），批示记下问题编号；不能重复转', async () => {
    const units = await app.ok('reference.saveUnit', { name: '市自然资源局' });
    const unitId = units.units.find((u) => u.name === '市自然资源局')!.id;
    const p = await project('甲项目', { leadUnitId: unitId, responsibleUnitIds: [unitId] });
    const late = await instruction(p.id);
    const turned = await app.ok('instructions.toProblem', { id: late.id });
    expect(turned.problemCode).toBe('WT-2026-0001');
    const problem = await app.ok('problems.get', { id: turned.problemId! });
    expect(problem).toMatchObject({
      projectId: p.id,
      description: '领导批示（张三 11月3日）：加快用地报批，月底前完成供地',
      source: '领导批示（张三 2026-11-03）',
      leadUnitId: unitId,
      category: 'other',
      status: 'pending',
      // the 批示's deadline had passed: the office sets the problem's at 交办
      deadline: null,
    });
    expect(refusal(await app.call('instructions.toProblem', { id: late.id })).message).toBe(
      '该批示已转为问题WT-2026-0001，不能重复转',
    );
    expect(await rowCount(app, 'problems')).toBe(1);

    const ahead = await instruction(p.id, { deadline: '2026-12-15' });
    const second = await app.ok('instructions.toProblem', { id: ahead.id });
    expect((await app.ok('problems.get', { id: second.problemId! })).deadline).toBe('2026-12-15');
    const closed = await instruction(p.id);
    await app.ok('instructions.close', { id: closed.id });
    expect(refusal(await app.call('instructions.toProblem', { id: closed.id })).message).toBe(
      '已办结的批示不能转为问题',
    );
  });

  it('超过办理时限未办结亮黄灯，超期超过批示红灯天数亮红灯；办结即熄灭；阈值可在设置中改', async () => {
    const p = await project('甲项目');
    await instruction(p.id, { issuedOn: '2026-11-01', deadline: '2026-11-25' });
    const yellow = await app.ok('projects.get', { id: p.id });
    expect(yellow.lights).toContainEqual({
      kind: 'instruction',
      level: 'yellow',
      reason: '领导批示（张三 11月1日）超期3天未办结',
    });
    const red = await instruction(p.id, { leaderName: '李四', issuedOn: '2026-10-08', deadline: '2026-11-18' });
    const [row] = await app.ok('projects.list', {});
    expect(row.light).toBe('red');
    expect(row.lights.filter((l) => l.kind === 'instruction').map((l) => [l.level, l.reason])).toEqual([
      ['red', '领导批示（李四 10月8日）超期10天未办结'],
      ['yellow', '领导批示（张三 11月1日）超期3天未办结'],
    ]);
    const settings = await app.ok('settings.get', {});
    expect(settings.lightThresholds.instructionRedDays).toBe(7);
    await app.ok('settings.update', { lightThresholds: { ...settings.lightThresholds, instructionRedDays: 10 } });
    expect((await app.ok('projects.get', { id: p.id })).lights.filter((l) => l.level === 'red')).toEqual([]);

    await app.ok('instructions.close', { id: red.id });
    const after = await app.ok('projects.get', { id: p.id });
    expect(after.lightReasons.filter((r) => r.startsWith('领导批示'))).toEqual([
      '领导批示（张三 11月1日）超期3天未办结',
    ]);
  });
});

describe('包挂领导视图', () => {
  it('每位包挂领导一张卡：项目数、红黄绿、红黄项目及原因、未办结与超期批示；未设包挂领导的重点项目列在最后', async () => {
    const zhang = await leader('张三', '副市长');
    await leader('李四', '副市长');
    const level = (await app.ok('reference.list', {})).levels[0].id;
    const a = await project('甲项目', { contactLeaderId: zhang.id, totalInvestmentYuan: 100_000_000 });
    await project('乙项目', { contactLeaderId: zhang.id });
    await project('丙项目', { levelIds: [level] });
    await project('丁项目');
    await instruction(a.id, { issuedOn: '2026-10-08', deadline: '2026-11-18' });
    await instruction(a.id, { leaderName: '李四', issuedOn: '2026-11-20', deadline: '2026-12-20' });

    const view = await app.ok('overview.contactLeaders', {});
    expect(view.instructionRedDays).toBe(7);
    expect(view.cards.map((c) => [c.name, c.projectCount, c.openInstructions.length, c.overdueInstructions])).toEqual([
      ['张三', 2, 2, 1],
      ['李四', 0, 1, 0],
      ['未设包挂领导', 1, 0, 0],
    ]);
    const card = view.cards[0];
    expect(card).toMatchObject({ title: '副市长', totalInvestmentYuan: 100_000_000 });
    expect(card.byLight.red).toBe(1);
    expect(card.flagged[0]).toMatchObject({ name: '甲项目', light: 'red' });
    expect(card.flagged[0].reasons).toContain('领导批示（张三 10月8日）超期10天未办结');
    expect(card.openInstructions.map((i) => i.daysOverdue)).toEqual([10, 0]);
  });
});

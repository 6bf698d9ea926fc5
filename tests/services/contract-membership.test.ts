import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ApiResult, ExportedFile } from '../../electron/api-spec';
import { buildXlsx, type TestCell } from '../helpers/spreadsheets';
import { createTempApp, type TempApp } from '../helpers/temp-app';

// Issue #17 item 5, 动态管理, on both engines: 调入/调出 of the key lists with dates and reasons, statistics by the
// lists at the end of the month asked, and 停建/缓建 listed everywhere but left out of the lights. Today 2026-11-28.

let app: TempApp;
let chainId: number;
let level: Record<string, number>;

beforeEach(async () => {
  app = await createTempApp();
  const reference = await app.ok('reference.list', {});
  chainId = reference.chains.find((c) => c.code === 'DZ')!.id;
  level = Object.fromEntries(reference.levels.map((l) => [l.name, l.id]));
});
afterEach(() => app.close());

function refusal(result: ApiResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

const project = (name: string, extra: Record<string, unknown> = {}) =>
  app.ok('projects.create', {
    name,
    chainId,
    owner: '湖南某某有限公司',
    stage: 'continuing',
    actualStartDate: '2025-03-01',
    ...extra,
  });

function sheetRows(file: ExportedFile): unknown[][] {
  const wb = XLSX.read(Buffer.from(file.base64, 'base64'), { type: 'buffer' });
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, defval: null });
}

const levelCounts = async (month: number) =>
  Object.fromEntries(
    (await app.ok('stats.ranking', { year: 2026, month, by: 'level' })).rows.map((r) => [
      r.group.name,
      r.figures.projectCount,
    ]),
  );

describe('调入/调出：名单有日期，统计按所问月份月底的名单计', () => {
  it('2026-07-15 调出省重点的项目：6月的按级别排名里算在省重点，8月的不算（落入未填写）', async () => {
    const leaving = await project('调出项目', { levelIds: [level['省重点']] });
    await project('一直在省重点', { levelIds: [level['省重点']] });
    await app.ok('levels.transfer', {
      projectId: leaving.id,
      levelId: level['省重点'],
      direction: 'out',
      date: '2026-07-15',
      reason: '省发改委年中调整，调出省重点',
    });
    expect(await levelCounts(6)).toEqual({ 省重点: 2 });
    expect(await levelCounts(8)).toEqual({ 省重点: 1, 未填写: 1 });
    // the library and the page show the lists of today
    expect((await app.ok('projects.get', { id: leaving.id })).levelNames).toEqual([]);
    const row = (await app.ok('projects.list', {})).find((p) => p.id === leaving.id)!;
    expect(row.levelIds).toEqual([]);
    // the ledger of one list is that list today
    const provincial = await app.ok('ledger.export', { totalUnit: 'wan', level: level['省重点'] });
    expect(provincial.rows).toBe(1);
  });

  it('调入当月底起计入；调出后再调入，两段历史都在；变更记录写明调入调出、日期和原因', async () => {
    const p = await project('年中调入项目', { levelIds: [level['市本级重点']] });
    await app.ok('levels.transfer', {
      projectId: p.id,
      levelId: level['湘潭市重点'],
      direction: 'in',
      date: '2026-07-01',
      reason: '湘潭市年中增补',
    });
    expect(await levelCounts(6)).toEqual({ 市本级重点: 1 });
    expect(await levelCounts(7)).toEqual({ 湘潭市重点: 1, 市本级重点: 1 });
    await app.ok('levels.transfer', {
      projectId: p.id,
      levelId: level['湘潭市重点'],
      direction: 'out',
      date: '2026-09-10',
      reason: '投资调减',
    });
    const history = await app.ok('levels.transfer', {
      projectId: p.id,
      levelId: level['湘潭市重点'],
      direction: 'in',
      date: '2026-10-08',
      reason: '重新列入',
    });
    const prefecture = history.stays.filter((s) => s.levelName === '湘潭市重点');
    expect(prefecture.map((s) => [s.joinedOn, s.joinReason, s.leftOn, s.leaveReason])).toEqual([
      ['2026-07-01', '湘潭市年中增补', '2026-09-10', '投资调减'],
      ['2026-10-08', '重新列入', null, ''],
    ]);
    expect(await levelCounts(9)).toEqual({ 市本级重点: 1 });
    expect(await levelCounts(10)).toEqual({ 湘潭市重点: 1, 市本级重点: 1 });
    const lines = (await app.ok('projects.history', { id: p.id }))
      .filter((e) => e.field === 'levelTransfer')
      .map((e) => [e.fieldLabel, e.oldValue, e.newValue]);
    expect(lines).toEqual([
      ['名单调入调出', '市本级重点', '调入 湘潭市重点 2026-10-08：重新列入'],
      ['名单调入调出', '湘潭市重点、市本级重点', '调出 湘潭市重点 2026-09-10：投资调减'],
      ['名单调入调出', '市本级重点', '调入 湘潭市重点 2026-07-01：湘潭市年中增补'],
    ]);
  });

  it('不合规的调入调出说明原因且不写入任何东西', async () => {
    const p = await project('某项目', { levelIds: [level['省重点']] });
    const transfer = (extra: Record<string, unknown>) =>
      app.call('levels.transfer', {
        projectId: p.id,
        levelId: level['省重点'],
        direction: 'in',
        date: '2026-07-01',
        reason: '增补',
        ...extra,
      });
    expect(refusal(await transfer({})).message).toBe('该项目已在省重点名单上，不能重复调入');
    expect(refusal(await transfer({ direction: 'out', date: '2026-12-01' })).message).toBe('调出日期不能晚于今天');
    expect(refusal(await transfer({ levelId: level['湘潭市重点'], reason: '  ' })).message).toBe('请填写原因');
    expect(refusal(await transfer({ levelId: level['湘潭市重点'], direction: 'out' })).message).toBe(
      '该项目不在这个名单上，无需调出',
    );
    expect(refusal(await transfer({ levelId: 9999 })).code).toBe('not_found');
    const history = await app.ok('levels.history', { projectId: p.id });
    expect(history.stays.map((s) => [s.levelName, s.joinedOn, s.leftOn])).toEqual([['省重点', null, null]]);
    expect((await app.ok('projects.history', { id: p.id })).filter((e) => e.field === 'levelTransfer')).toEqual([]);
  });

  it('项目表单里增删级别：增加即今天调入，去掉即今天调出（原因注明来自项目信息）；当天加错当天去掉不留一段', async () => {
    const p = await project('表单项目', { levelIds: [level['省重点']] });
    const added = await app.ok('projects.update', {
      id: p.id,
      version: p.version,
      levelIds: [level['省重点'], level['湘潭市重点']],
    });
    const removed = await app.ok('projects.update', {
      id: p.id,
      version: added.version,
      levelIds: [level['湘潭市重点']],
    });
    await app.ok('projects.update', { id: p.id, version: removed.version, levelIds: [] });
    const { stays } = await app.ok('levels.history', { projectId: p.id });
    expect(stays.map((s) => [s.levelName, s.joinedOn, s.joinReason, s.leftOn, s.leaveReason])).toEqual([
      ['省重点', null, '', '2026-11-28', '修改项目信息时移出'],
    ]);
    // a move recorded with the dialog raises the record's version: a form opened before it must be read again
    const again = await app.ok('projects.get', { id: p.id });
    await app.ok('levels.transfer', {
      projectId: p.id,
      levelId: level['省重点'],
      direction: 'in',
      date: '2026-11-28',
      reason: '重新列入',
    });
    expect(refusal(await app.call('projects.update', { id: p.id, version: again.version, levelIds: [] })).code).toBe(
      'conflict',
    );
  });
});

describe('导入台账改动已有项目的级别', () => {
  it('台账多列的名单是导入当天调入、少列的是导入当天调出，原因写明导入的文件', async () => {
    const p = await project('导入项目', { levelIds: [level['省重点']] });
    const rows: TestCell[][] = [
      ['项目编号', '项目名称', '建设单位', '阶段', '项目级别'],
      [p.code, '导入项目', '湖南某某有限公司', '续建', '湘潭市重点'],
    ];
    const input = {
      fileName: '名单调整.xlsx',
      contentBase64: (await buildXlsx([{ name: 'S', rows }])).toString('base64'),
    };
    const shown = await app.ok('ledger.previewImport', input);
    expect(shown.errors).toEqual([]);
    await app.ok('ledger.applyImport', { ...input, fingerprint: shown.fingerprint });
    const { stays } = await app.ok('levels.history', { projectId: p.id });
    expect(stays.map((s) => [s.levelName, s.joinedOn, s.joinReason, s.leftOn, s.leaveReason])).toEqual([
      ['省重点', null, '', '2026-11-28', '导入台账《名单调整.xlsx》'],
      ['湘潭市重点', '2026-11-28', '导入台账《名单调整.xlsx》', null, ''],
    ]);
  });
});

describe('停建/缓建：照常列出，不亮灯，不计入红黄绿灯', () => {
  it('逾期未开工（红灯）的新开工项目缓建后：项目库、工作台、调度表、统计和台账都列出它并标缓建，灯的计数不含它；复工后恢复', async () => {
    const late = await project('缓建项目', {
      stage: 'new_start',
      actualStartDate: null,
      plannedStartDate: '2026-03-01',
    });
    await project('正常项目');
    const before = await app.ok('overview.dashboard', {});
    expect(before.counts.byLight.red).toBeGreaterThanOrEqual(1);
    const redBefore = before.counts.byLight.red;

    const history = await app.ok('projects.suspend', {
      projectId: late.id,
      kind: 'deferred',
      date: '2026-09-01',
      reason: '企业融资未落实',
    });
    expect(history.suspended).toEqual({ kind: 'deferred', since: '2026-09-01', reason: '企业融资未落实' });

    const row = (await app.ok('projects.list', {})).find((p) => p.id === late.id)!;
    expect(row).toMatchObject({ lights: [], suspended: { kind: 'deferred', since: '2026-09-01' } });
    const page = await app.ok('projects.get', { id: late.id });
    expect(page.lightReasons).toEqual([]);
    expect(page.suspended?.kind).toBe('deferred');

    const dashboard = await app.ok('overview.dashboard', {});
    expect(dashboard.counts.projectCount).toBe(2);
    expect(dashboard.counts.byLight.red).toBe(redBefore - 1);
    expect(dashboard.counts.suspended).toBe(1);
    const { byLight } = dashboard.counts;
    expect(byLight.red + byLight.yellow + byLight.green).toBe(1);

    const ranking = await app.ok('stats.ranking', { year: 2026, month: 11, by: 'chain' });
    expect(ranking.total.projectCount).toBe(2);
    expect(ranking.total.red).toBe(redBefore - 1);

    const week = await app.ok('dispatch.week', {});
    expect(week.rows.find((r) => r.projectId === late.id)).toMatchObject({
      lightReasons: [],
      suspended: { kind: 'deferred' },
    });

    const ledger = sheetRows(await app.ok('ledger.export', { totalUnit: 'wan' }));
    const header = ledger[2] as string[];
    // among the last columns, after 到位资金 (前期手续 follows it)
    const SUSPENSION = header.indexOf('停缓建');
    expect(header[SUSPENSION - 1]).toBe('到位资金');
    const ledgerRow = ledger.find((r) => r[1] === '缓建项目')!;
    expect(ledgerRow[header.indexOf('预警')]).toBe('缓建');
    expect(ledgerRow[SUSPENSION]).toBe('缓建（2026-09-01起：企业融资未落实）');

    const resumed = await app.ok('projects.resume', { projectId: late.id, date: '2026-11-20', note: '资金到位' });
    expect(resumed.suspended).toBeNull();
    expect(resumed.suspensions.map((s) => [s.kind, s.since, s.resumedOn, s.resumeNote])).toEqual([
      ['deferred', '2026-09-01', '2026-11-20', '资金到位'],
    ]);
    expect((await app.ok('overview.dashboard', {})).counts.byLight.red).toBe(redBefore);
    const lines = (await app.ok('projects.history', { id: late.id }))
      .filter((e) => e.field === 'suspension')
      .map((e) => [e.fieldLabel, e.oldValue, e.newValue]);
    expect(lines).toEqual([
      ['停建/缓建', '缓建（2026-09-01起：企业融资未落实）', '复工 2026-11-20：资金到位'],
      ['停建/缓建', null, '缓建 2026-09-01：企业融资未落实'],
    ]);
  });

  it('缓建转停建接着记；没停缓建不能复工；日期不能晚于今天', async () => {
    const p = await project('停缓项目');
    expect(refusal(await app.call('projects.resume', { projectId: p.id, date: '2026-10-01' })).message).toBe(
      '该项目没有停建或缓建，无需复工',
    );
    expect(
      refusal(await app.call('projects.suspend', { projectId: p.id, kind: 'halted', date: '2026-12-01', reason: '停' }))
        .message,
    ).toBe('停建日期不能晚于今天');
    await app.ok('projects.suspend', { projectId: p.id, kind: 'deferred', date: '2026-08-01', reason: '资金' });
    const halted = await app.ok('projects.suspend', {
      projectId: p.id,
      kind: 'halted',
      date: '2026-10-01',
      reason: '环保督察',
    });
    expect(halted.suspensions.map((s) => [s.kind, s.since, s.resumedOn, s.resumeNote])).toEqual([
      ['deferred', '2026-08-01', '2026-10-01', '转为停建'],
      ['halted', '2026-10-01', null, ''],
    ]);
    expect(halted.suspended?.kind).toBe('halted');
  });

  it('台账导出再导入空库：停缓建一栏原样读回', async () => {
    const p = await project('往返缓建');
    await app.ok('projects.suspend', { projectId: p.id, kind: 'deferred', date: '2026-09-01', reason: '资金未落实' });
    const exported = await app.ok('ledger.export', { totalUnit: 'wan' });
    await app.close();
    app = await createTempApp();
    const file = { fileName: exported.fileName, contentBase64: exported.base64 };
    const shown = await app.ok('ledger.previewImport', file);
    expect(shown.errors).toEqual([]);
    await app.ok('ledger.applyImport', { ...file, fingerprint: shown.fingerprint });
    const row = (await app.ok('projects.list', {})).find((r) => r.name === '往返缓建')!;
    expect(row.suspended).toEqual({ kind: 'deferred', since: '2026-09-01', reason: '资金未落实' });
    const again = sheetRows(await app.ok('ledger.export', { totalUnit: 'wan' }));
    const column = (again[2] as string[]).indexOf('停缓建');
    expect(again.find((r) => r[1] === '往返缓建')![column]).toBe('缓建（2026-09-01起：资金未落实）');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { migratePostgres } from '../../db/migrate-postgres';
import type { ProjectFields } from '../../db/model/project';
import { emptyProjectFields } from '../../db/model/project-schema';
import { auditOf, auditOperators, listAudit } from '../../db/queries/audit';
import {
  lateMilestonesOf,
  openMilestonesByProject,
  openMilestonesUntil,
  replaceMilestones,
} from '../../db/queries/milestones';
import {
  insertProblem,
  listStoredProblems,
  nextProblemSequence,
  openProblemsByProject,
} from '../../db/queries/problems';
import {
  copiesForWeek,
  entryOf,
  latestEntriesBetween,
  redSnapshotRuns,
  reportedProjectIds,
  saveEntry,
} from '../../db/queries/dispatch';
import { listRowSources } from '../../db/queries/project-list';
import { nextProjectCode } from '../../db/queries/projects-read';
import { insertProject, recordStageChange, updateProject, type WriteMeta } from '../../db/queries/projects-write';
import { chainIdByCode, insertUnit } from '../../db/queries/reference';
import { searchCandidates } from '../../db/queries/search-candidates';
import { weekRowSources } from '../../db/queries/week-row-sources';
import { loadPlanReference } from '../../db/seed/load-reference';
import { sqliteStore } from '../../db/store/sqlite-store';
import type { Store } from '../../db/store/store';
import { trialRun } from '../../db/trial-run';
import { emptyPostgres, sqliteLibrary, type Cleanup } from '../helpers/postgres-library';

// The db/ reads and writes whose SQL differs between the engines (db/dialect.ts) or that PostgreSQL reads
// differently (quoted camelCase names, no search index): the same calls give the same answers on both.

const cleanups: Cleanup[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function library(engine: 'sqlite' | 'postgres'): Promise<Store> {
  if (engine === 'sqlite') return sqliteStore(sqliteLibrary(cleanups));
  const { store } = await emptyPostgres(cleanups);
  await migratePostgres(store);
  return store;
}

const meta: WriteMeta = { operator: '张晓丽', now: '2026-11-20T02:00:00.000Z' };

function fields(code: string, chainId: number, over: Partial<ProjectFields> = {}): ProjectFields {
  return {
    ...emptyProjectFields(),
    code,
    name: `${code} 项目`,
    chainId,
    owner: '湘潭市某公司',
    location: '岳塘区',
    totalInvestmentYuan: 120_000_000,
    annualPlanYuan: 30_000_000,
    stage: 'continuing',
    inStatistics: true,
    ...over,
  };
}

const snapshot = {
  stage: 'continuing' as const,
  light: 'red' as const,
  lightReasons: ['逾期'],
  yearCompletedYuan: 0,
  totalInvestmentYuan: 1,
};
const texts = (progress: string) => ({ progress, problems: '', coordination: '', nextPlan: '' });

describe.each(['sqlite', 'postgres'] as const)('数据库查询（%s）', (engine) => {
  it('责任单位按选定的顺序列出；只读几个项目时只列出它们；项目编号接着已有的最大号，大小写不同的编号也算', async () => {
    const store = await library(engine);
    expect(await loadPlanReference(store)).toBe(true);
    expect(await loadPlanReference(store)).toBe(false);
    const chainId = (await chainIdByCode(store, 'DZ'))!;
    const water = await insertUnit(store, '水利局');
    const roads = await insertUnit(store, '交通局');
    const first = await insertProject(
      store,
      fields('DZ-2026-001', chainId, { responsibleUnitIds: [roads, water] }),
      meta,
    );
    const second = await insertProject(store, fields('dz-2026-007', chainId, { responsibleUnitIds: [water] }), meta);
    await insertProject(store, fields('DZ-2026-003', chainId), meta);

    const rows = await listRowSources(store, 2026);
    expect(rows.map((r) => [r.code, r.responsibleUnitNames])).toEqual([
      ['DZ-2026-001', ['交通局', '水利局']],
      ['DZ-2026-003', []],
      ['dz-2026-007', ['水利局']],
    ]);
    expect((await listRowSources(store, 2026, [second, first])).map((r) => r.code)).toEqual([
      'DZ-2026-001',
      'dz-2026-007',
    ]);
    expect((await weekRowSources(store, 2026, [second])).map((r) => [r.code, r.responsibleUnitNames])).toEqual([
      ['dz-2026-007', ['水利局']],
    ]);
    // the day of entry is the first stage's, set from none; a later step does not move it
    await recordStageChange(
      store,
      first,
      { fromStage: null, toStage: 'continuing', changedOn: '2026-03-02', reason: '' },
      meta,
    );
    await recordStageChange(
      store,
      first,
      { fromStage: 'continuing', toStage: 'completed', changedOn: '2026-01-05', reason: '' },
      meta,
    );
    expect((await listRowSources(store, 2026, [first])).map((r) => r.enteredOn)).toEqual(['2026-03-02']);
    expect((await weekRowSources(store, 2026)).map((r) => [r.code, r.enteredOn])).toEqual([
      ['DZ-2026-001', '2026-03-02'],
      ['DZ-2026-003', null],
      ['dz-2026-007', null],
    ]);
    expect(await nextProjectCode(store, 'DZ', 2026)).toBe('DZ-2026-008');
    expect(await nextProjectCode(store, 'DZ', 2027)).toBe('DZ-2027-001');
  });

  it('变更记录：单位名称、旧值 → 新值、按日期和操作人筛选；预演的修改不留记录', async () => {
    const store = await library(engine);
    await loadPlanReference(store);
    const chainId = (await chainIdByCode(store, 'DZ'))!;
    const unit = await insertUnit(store, '发改局');
    const before = fields('DZ-2026-001', chainId);
    const id = await insertProject(store, before, meta);
    const after = { ...before, leadUnitId: unit, totalInvestmentYuan: 150_000_000 };
    await updateProject(store, id, before, after, { operator: '李建军', now: '2026-11-21T03:00:00.000Z' });
    expect((await auditOf(store, 'project', id)).map((e) => [e.operator, e.field, e.oldValue, e.newValue])).toEqual([
      ['李建军', 'totalInvestmentYuan', '12,000.00万元', '15,000.00万元'],
      ['李建军', 'leadUnitId', null, '发改局'],
      ['张晓丽', null, null, 'DZ-2026-001 DZ-2026-001 项目'],
    ]);
    const page = await listAudit(store, { operator: '李建军', from: '2026-11-21', limit: 1, offset: 0 });
    expect(page).toMatchObject({ total: 2, totalCapped: false, nextBefore: page.rows[0].id });
    expect(page.rows[0]).toMatchObject({ entityId: id, projectCode: 'DZ-2026-001', field: 'totalInvestmentYuan' });
    expect((await listAudit(store, { from: '2026-11-22', limit: 10, offset: 0 })).total).toBe(0);
    expect(await auditOperators(store)).toEqual(['张晓丽', '李建军']);

    const rehearsed = await trialRun(store, false, async () => {
      await updateProject(store, id, after, { ...after, note: '只是预览' }, meta);
      return (await auditOf(store, 'project', id)).length;
    });
    expect(rehearsed).toBe(3);
    expect(await auditOf(store, 'project', id)).toHaveLength(3);
    expect((await listRowSources(store, 2026))[0]).toMatchObject({ code: 'DZ-2026-001' });
  });

  it('周调度：一格读出、已报送的项目、连续红灯的周数；搜索两个字和三个字都找到', async () => {
    const store = await library(engine);
    await loadPlanReference(store);
    const chainId = (await chainIdByCode(store, 'DZ'))!;
    const a = await insertProject(store, fields('DZ-2026-001', chainId, { name: '高铁站片区道路' }), meta);
    const b = await insertProject(store, fields('DZ-2026-002', chainId, { name: '污水处理厂' }), meta);
    for (const week of ['2026-W45', '2026-W46', '2026-W47'])
      await saveEntry(store, a, week, texts(`${week}进展`), snapshot, meta);
    await saveEntry(store, b, '2026-W47', texts('开工'), { ...snapshot, light: 'green' }, meta);
    expect(await entryOf(store, a, '2026-W46')).toMatchObject({
      projectId: a,
      progress: '2026-W46进展',
      confirmed: true,
    });
    expect(await entryOf(store, b, '2026-W46')).toBeUndefined();
    expect([...(await reportedProjectIds(store, '2026-W47', [a, b]))].sort()).toEqual([a, b]);
    expect([...(await reportedProjectIds(store, '2026-W46', [b]))]).toEqual([]);
    const runs = await redSnapshotRuns(store, [a, b], ['2026-W47', '2026-W46', '2026-W45', '2026-W44']);
    expect([runs.get(a), runs.get(b)]).toEqual([3, 0]);
    expect(await searchCandidates(store, ['污水'])).toEqual([b]);
    expect(await searchCandidates(store, ['站片区'])).toEqual([a]);
    expect((await searchCandidates(store, ['dz-2026'])).sort()).toEqual([a, b]);
  });

  it('连续红灯的周数：比一次读取的行数长的也数全，中间断一周或转黄就停', async () => {
    const store = await library(engine);
    await loadPlanReference(store);
    const chainId = (await chainIdByCode(store, 'DZ'))!;
    const [long, gap, amber] = [
      await insertProject(store, fields('DZ-2026-001', chainId), meta),
      await insertProject(store, fields('DZ-2026-002', chainId), meta),
      await insertProject(store, fields('DZ-2026-003', chainId), meta),
    ];
    // 40 ISO weeks newest first, 2026-W47 back to 2026-W08: more than several reads of the run take
    const weeks = Array.from({ length: 40 }, (_, i) => `2026-W${String(47 - i).padStart(2, '0')}`);
    const red = { ...snapshot, light: 'red' as const };
    for (const [index, week] of weeks.entries()) {
      await saveEntry(store, long, week, texts('红'), red, meta);
      if (index !== 12) await saveEntry(store, gap, week, texts('红'), red, meta);
      await saveEntry(store, amber, week, texts('红'), index === 9 ? { ...red, light: 'yellow' } : red, meta);
    }
    const runs = await redSnapshotRuns(store, [long, gap, amber], weeks);
    expect([runs.get(long), runs.get(gap), runs.get(amber)]).toEqual([40, 12, 9]);
    expect((await redSnapshotRuns(store, [long], weeks.slice(0, 8))).get(long)).toBe(8);
  });

  it('沿用的文字：每个项目取窗口内最近一周的调度，本周已报送的不再沿用，窗口外的不算', async () => {
    const store = await library(engine);
    await loadPlanReference(store);
    const chainId = (await chainIdByCode(store, 'DZ'))!;
    const [older, reported, outside] = [
      await insertProject(store, fields('DZ-2026-001', chainId), meta),
      await insertProject(store, fields('DZ-2026-002', chainId), meta),
      await insertProject(store, fields('DZ-2026-003', chainId), meta),
    ];
    await saveEntry(store, older, '2026-W44', texts('第44周'), snapshot, meta);
    await saveEntry(store, older, '2026-W46', texts('第46周'), snapshot, meta);
    await saveEntry(store, reported, '2026-W47', texts('第47周'), snapshot, meta);
    await saveEntry(store, reported, '2026-W48', texts('本周'), snapshot, meta);
    await saveEntry(store, outside, '2026-W30', texts('第30周'), snapshot, meta);
    const progress = (entries: Map<number, { progress: string }>) =>
      [...entries].map(([id, entry]) => [id, entry.progress]).sort((a, b) => Number(a[0]) - Number(b[0]));

    expect(progress(await latestEntriesBetween(store, '2026-W35', '2026-W48'))).toEqual([
      [older, '第46周'],
      [reported, '第47周'],
    ]);
    expect(progress(await copiesForWeek(store, '2026-W35', '2026-W48'))).toEqual([[older, '第46周']]);
    expect(progress(await copiesForWeek(store, '2026-W35', '2026-W48', [reported, outside]))).toEqual([]);
    expect(progress(await copiesForWeek(store, '2026-W35', '2026-W47', [older, reported]))).toEqual([
      [older, '第46周'],
    ]);
  });

  it('节点和问题：逾期的节点按计划日期列出，问题带着责任单位，编号接着年内最大号', async () => {
    const store = await library(engine);
    await loadPlanReference(store);
    const chainId = (await chainIdByCode(store, 'DZ'))!;
    const unit = await insertUnit(store, '住建局');
    const a = await insertProject(store, fields('DZ-2026-001', chainId), meta);
    const b = await insertProject(store, fields('DZ-2026-002', chainId), meta);
    const node = (name: string, plannedDate: string) => ({
      name,
      stage: null,
      plannedDate,
      actualDate: null,
      unitId: unit,
      note: '',
    });
    await replaceMilestones(store, a, [node('土地摘牌', '2026-10-01'), node('施工许可', '2026-12-01')], meta);
    await replaceMilestones(store, b, [node('环评批复', '2026-10-01')], meta);
    expect((await openMilestonesUntil(store, '2026-11-20')).map((m) => [m.projectCode, m.name, m.unitName])).toEqual([
      ['DZ-2026-001', '土地摘牌', '住建局'],
      ['DZ-2026-002', '环评批复', '住建局'],
    ]);
    expect((await lateMilestonesOf(store, '2026-11-20', [b])).map((m) => m.name)).toEqual(['环评批复']);
    expect([...(await openMilestonesByProject(store, '2026-12-31', [a])).entries()]).toEqual([
      [
        a,
        [
          { name: '土地摘牌', plannedDate: '2026-10-01' },
          { name: '施工许可', plannedDate: '2026-12-01' },
        ],
      ],
    ]);
    expect((await auditOf(store, 'project', a))[0]).toMatchObject({
      field: 'milestone',
      newValue: '施工许可 计划2026-12-01 责任单位住建局',
    });

    const problem = {
      projectId: b,
      sourceWeek: '2026-W47',
      source: '周调度',
      description: '用地指标未落实',
      category: 'land' as const,
      leadUnitId: unit,
      responsibleUnitIds: [unit],
      responsiblePerson: '王芳',
      raisedOn: '2026-11-18',
      assignedOn: null,
      deadline: '2026-11-19',
      status: 'in_progress' as const,
      resolution: '',
      resolvedOn: null,
    };
    expect(await nextProblemSequence(store, 2026)).toBe(1);
    await insertProblem(store, 'WT-2026-0009', problem, meta);
    expect(await nextProblemSequence(store, 2026)).toBe(10);
    expect(
      (await listStoredProblems(store)).map((p) => [p.code, p.projectCode, p.leadUnitName, p.responsibleUnitNames]),
    ).toEqual([['WT-2026-0009', 'DZ-2026-002', '住建局', ['住建局']]]);
    expect([...(await openProblemsByProject(store, '2026-11-20', [a, b])).keys()]).toEqual([b]);
  });
});

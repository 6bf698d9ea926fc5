import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../electron/api-spec';
import { dispatch } from '../../electron/contract';
import { openAppContext, type SqliteAppContext } from '../../electron/services/app-context';
import { openDatabase, type Db } from '../../db/connection';
import { MIGRATIONS } from '../../db/migrations';
import type { DispatchEntry } from '../../db/model/dispatch';
import { auditOf, writeAudit } from '../../db/queries/audit';
import { entryOf, latestEntriesBetween, redSnapshotRuns, reportedProjectIds } from '../../db/queries/dispatch';
import { loadPlanReference } from '../../db/seed/load-reference';
import { sqliteStore } from '../../db/store/sqlite-store';
import { makeTempDir } from '../helpers/temp-dir';

// A file written by version 80 holds 周调度 entries in the old table; after migration 0090 every row must read
// back exactly as before, through the view an SQLite tool sees and through the app.

let temp: ReturnType<typeof makeTempDir>;
let ctx: SqliteAppContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
  temp?.remove();
});

const V80 = MIGRATIONS.filter((m) => m.version <= 80);
const STAGES = ['reserve', 'preliminary', 'new_start', 'continuing', 'completed'];
const LIGHTS = ['green', 'yellow', 'red'];
const OPERATORS = ['张晓丽', '李建军', "O'Brien", '（未署名）', ' 王芳 ', '', '😀填报'];
const TEXTS = [
  '',
  '桩基施工完成553根；屋面及外墙施工同步推进',
  '主体结构施工进展顺利，'.repeat(45),
  '第一行\n第二行 "引号" \'单引号\' \\ 反斜杠',
  '用地预审材料已报市自然资源局',
];
const REASONS = ['[]', '["投资完成率低于时序进度20个百分点以上"]', '["节点逾期","问题超期未办结"]'];
const WEEKS = ['2020-W53', '2021-W01', '2025-W52', '2026-W01', '2026-W47', '2026-W48'];

interface OldRow {
  id: number;
  project_id: number;
  week: string;
  progress: string;
  problems: string;
  coordination: string;
  next_plan: string;
  confirmed: number;
  snapshot_stage: string;
  snapshot_light: string;
  snapshot_reasons: string;
  snapshot_year_completed_yuan: number;
  snapshot_total_investment_yuan: number;
  updated_at: string;
  updated_by: string;
}

/** Three projects × every week, each field cycling through its shapes; a copied-forward week repeats texts. */
function oldRows(): Omit<OldRow, 'id'>[] {
  const rows: Omit<OldRow, 'id'>[] = [];
  let n = 0;
  for (const week of WEEKS) {
    for (const projectId of [1, 2, 3]) {
      if (projectId === 3 && week === '2026-W48') continue; // 本周未填：沿用上周
      const confirmed = n % 4 === 3 ? 0 : 1;
      const previous = rows[rows.length - 3];
      const copied = confirmed === 0 && previous !== undefined;
      rows.push({
        project_id: projectId,
        week,
        progress: copied ? previous.progress : TEXTS[n % TEXTS.length],
        problems: TEXTS[(n + 1) % TEXTS.length],
        coordination: n % 3 === 0 ? '' : TEXTS[(n + 2) % TEXTS.length],
        next_plan: TEXTS[(n + 3) % TEXTS.length],
        confirmed,
        snapshot_stage: STAGES[n % STAGES.length],
        snapshot_light: projectId === 2 ? 'red' : LIGHTS[n % LIGHTS.length],
        snapshot_reasons: REASONS[n % REASONS.length],
        snapshot_year_completed_yuan: n % 2 ? 0 : 1_234_567_890_123 + n,
        snapshot_total_investment_yuan: n * 70_000_000,
        updated_at: new Date(Date.UTC(2026, 0, 1, 1, 30) + n * 86_400_123).toISOString(),
        updated_by: OPERATORS[n % OPERATORS.length],
      });
      n++;
    }
  }
  return rows;
}

/** A version-80 file with three projects, their entries and a line of history, as the old app left it. */
async function writeV80(rows: Omit<OldRow, 'id'>[]): Promise<string> {
  temp = makeTempDir();
  const file = path.join(temp.dir, 'projects.sqlite');
  const db = openDatabase(file, { migrations: V80 });
  const store = sqliteStore(db);
  await loadPlanReference(store);
  const project = db.prepare(
    `INSERT INTO projects (code, name, category, chain_id, owner, stage, created_at, updated_at)
     VALUES (?, ?, 'industry', 1, '业主', 'continuing', '2021-01-01T00:00:00.000Z', '2021-01-01T00:00:00.000Z')`,
  );
  for (const n of [1, 2, 3]) project.run(`DZ-2026-00${n}`, `项目${n}`);
  const insert = db.prepare(
    `INSERT INTO dispatch_entries (project_id, week, progress, problems, coordination, next_plan, confirmed,
       snapshot_stage, snapshot_light, snapshot_reasons, snapshot_year_completed_yuan, snapshot_total_investment_yuan,
       updated_at, updated_by)
     VALUES (@project_id, @week, @progress, @problems, @coordination, @next_plan, @confirmed, @snapshot_stage,
       @snapshot_light, @snapshot_reasons, @snapshot_year_completed_yuan, @snapshot_total_investment_yuan,
       @updated_at, @updated_by)`,
  );
  for (const row of rows) insert.run(row);
  await writeAudit(store, {
    operator: '张晓丽',
    entity: 'project',
    entityId: 1,
    action: 'update',
    changes: [{ field: 'dispatch:2026-W47:progress', oldValue: null, newValue: TEXTS[1] }],
  });
  db.close();
  return file;
}

const readView = (db: Db) => db.prepare('SELECT * FROM dispatch_entries ORDER BY id').all() as OldRow[];

function entryFromOld(row: OldRow): DispatchEntry {
  return {
    id: row.id,
    projectId: row.project_id,
    week: row.week,
    progress: row.progress,
    problems: row.problems,
    coordination: row.coordination,
    nextPlan: row.next_plan,
    confirmed: row.confirmed === 1,
    snapshot: {
      stage: row.snapshot_stage as DispatchEntry['snapshot']['stage'],
      light: row.snapshot_light as DispatchEntry['snapshot']['light'],
      lightReasons: JSON.parse(row.snapshot_reasons) as string[],
      yearCompletedYuan: row.snapshot_year_completed_yuan,
      totalInvestmentYuan: row.snapshot_total_investment_yuan,
    },
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    // every entry a later step (0120) finds starts at version 1
    version: 1,
  };
}

async function migrated(file: string): Promise<{ before: OldRow[]; ctx: SqliteAppContext }> {
  const old = openDatabase(file, { migrations: V80 });
  const before = readView(old);
  old.close();
  ctx = await openAppContext({ dataDir: path.dirname(file), today: () => '2026-11-28' });
  return { before, ctx };
}

async function ok<T>(method: string, input: unknown): Promise<T> {
  const result = (await dispatch(ctx!, method, input)) as ApiResult;
  if (!result.ok) throw new Error(`${method} refused: ${result.error.message}`);
  return result.data as T;
}

describe('迁移 0090：周调度紧凑存储', () => {
  it('每一行经视图读出与旧表逐字相同，经程序读出的填报内容也相同', async () => {
    const { before, ctx } = await migrated(await writeV80(oldRows()));
    expect(before).toHaveLength(WEEKS.length * 3 - 1);
    expect(readView(ctx.db)).toStrictEqual(before);
    const store = sqliteStore(ctx.db);
    for (const row of before) {
      expect(await entryOf(store, row.project_id, row.week)).toStrictEqual(entryFromOld(row));
    }
    const tables = ctx.db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'dispatch%' ORDER BY name").all();
    expect(tables).toEqual([
      { name: 'dispatch_entries' },
      { name: 'dispatch_rows' },
      { name: 'dispatch_rows_project_week' },
      { name: 'dispatch_rows_week' },
    ]);
  });

  it('本周调度表显示迁移前的文字、填报人和时间，未填的项目沿用上周', async () => {
    const { before } = await migrated(await writeV80(oldRows()));
    const view = await ok<{ rows: Record<string, unknown>[] }>('dispatch.week', { week: '2026-W48' });
    const thisWeek = before.filter((r) => r.week === '2026-W48');
    const lastWeek = before.filter((r) => r.week === '2026-W47');
    expect(view.rows.map((r) => r.projectId)).toEqual([1, 2, 3]);
    for (const row of view.rows) {
      const entry = thisWeek.find((r) => r.project_id === row.projectId);
      const shown = entry ?? lastWeek.find((r) => r.project_id === row.projectId)!;
      expect(row).toMatchObject({
        progress: shown.progress,
        problems: shown.problems,
        coordination: shown.coordination,
        nextPlan: shown.next_plan,
        entryId: entry?.id ?? null,
        confirmed: entry ? entry.confirmed === 1 : false,
        copiedFromWeek: entry ? null : '2026-W47',
        updatedAt: entry?.updated_at ?? null,
        updatedBy: entry?.updated_by ?? null,
      });
    }
  });

  it('按周的查询（已报送、上次填报、连续红灯）与迁移前的数据一致', async () => {
    const { before, ctx } = await migrated(await writeV80(oldRows()));
    const confirmed = before.filter((r) => r.week === '2026-W47' && r.confirmed === 1).map((r) => r.project_id);
    const store = sqliteStore(ctx.db);
    expect([...(await reportedProjectIds(store, '2026-W47'))].sort()).toEqual(confirmed.sort());
    const latest = await latestEntriesBetween(store, '2026-W01', '2026-W48');
    expect(latest.get(3)).toStrictEqual(entryFromOld(before.find((r) => r.project_id === 3 && r.week === '2026-W47')!));
    // project 2 is red in every stored week: its run goes back as far as the weeks are consecutive
    const runs = await redSnapshotRuns(store, [1, 2], ['2026-W48', '2026-W47', '2026-W46']);
    expect(runs.get(2)).toBe(2);
  });

  it('文字只存一份：调度文字与变更记录中的同一段文字共用一行', async () => {
    const { ctx } = await migrated(await writeV80(oldRows()));
    const copies = (text: string) =>
      (ctx.db.prepare('SELECT COUNT(*) AS n FROM audit_texts WHERE text = ?').get(text) as { n: number }).n;
    expect(copies(TEXTS[1])).toBe(1);
    expect(copies(TEXTS[2])).toBe(1);
    expect(copies('')).toBe(0);
    expect(copies('[]')).toBe(0);
  });

  it('迁移后保存一格：视图和变更记录都记下新文字、填报人和时间，视图不可写', async () => {
    const { ctx } = await migrated(await writeV80(oldRows()));
    await ok('app.initialize', { operatorName: '赵敏', loadDemo: false });
    const row = await ok<Record<string, unknown>>('dispatch.saveEntry', {
      projectId: 3,
      week: '2026-W48',
      progress: '设备安装完成',
    });
    expect(row).toMatchObject({ progress: '设备安装完成', confirmed: true });
    const stored = ctx.db
      .prepare("SELECT * FROM dispatch_entries WHERE project_id = 3 AND week = '2026-W48'")
      .get() as OldRow;
    expect(stored).toMatchObject({ progress: '设备安装完成', confirmed: 1, updated_by: '赵敏' });
    expect(stored.updated_at).toBe(row.updatedAt);
    const history = await auditOf(sqliteStore(ctx.db), 'project', 3);
    expect(history[0]).toMatchObject({ field: 'dispatch:2026-W48:progress', newValue: '设备安装完成' });
    expect(() => ctx.db.prepare('DELETE FROM dispatch_entries').run()).toThrow(/view/);
  });

  it('删除项目时其调度记录随之删除', async () => {
    const { ctx } = await migrated(await writeV80(oldRows()));
    ctx.db.prepare('DELETE FROM projects WHERE id = 2').run();
    const left = ctx.db.prepare('SELECT DISTINCT project_id AS id FROM dispatch_entries ORDER BY id').all();
    expect(left).toEqual([{ id: 1 }, { id: 3 }]);
  });

  it('旧文件中不是程序写法的时间按同一时刻读出', async () => {
    const rows = oldRows().slice(0, 2);
    rows[0].updated_at = '2026-01-01T00:00:00Z';
    const { ctx } = await migrated(await writeV80(rows));
    expect(readView(ctx.db)[0].updated_at).toBe('2026-01-01T00:00:00.000Z');
    expect(fs.existsSync(path.join(temp.dir, 'backups'))).toBe(true);
  });
});

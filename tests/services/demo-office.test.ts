import { afterEach, describe, expect, it } from 'vitest';
import { startBackupSchedule } from '../../electron/services/backup-schedule';
import { createTempApp, type TempApp } from '../helpers/temp-app';

let app: TempApp | undefined;
afterEach(() => app?.close());

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
    const reasons = rows.flatMap((r) => r.lightReasons);
    expect(reasons.some((r) => r.includes('逾期'))).toBe(true);
    expect(reasons.some((r) => r.startsWith('本周进展未报送'))).toBe(true);
  });

  it('第一份备份在载入示例之后：备份列表里最新的一份就有全部示例项目', async () => {
    app = await createTempApp({ operator: null, today: '2026-11-28' });
    // as the app opens a folder: the backup schedule starts before the clerk has chosen anything
    const stopSchedule = startBackupSchedule(app.ctx);
    await app.ok('app.initialize', { operatorName: '王五', loadDemo: true });
    stopSchedule();
    const projects = await app.ok('projects.list', {});
    const backups = await app.ok('backups.list', {});
    expect(backups[0]).toMatchObject({ label: '自动备份-首次启动', problem: null, projectCount: projects.length });
    expect(backups.map((b) => b.projectCount)).toEqual([projects.length]);
  });
});

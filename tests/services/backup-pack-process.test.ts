import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { usePackProcess } from '../../electron/services/backup-pack-off-process';
import { childProcessUnderTest } from '../helpers/child-script';
import { dumpData } from '../helpers/dump-data';
import { createTempApp, sqliteContext, type TempApp } from '../helpers/temp-app';

// The browser host packs backups in a child process (bundled as the host bundles it): the packs it writes
// restore exactly, its refusals arrive as the same Chinese message, and a child that gives no answer leaves the
// pack to be written in-process.

const child = childProcessUnderTest('electron/backup-pack-process.ts');
let app: TempApp | undefined;
afterEach(async () => {
  usePackProcess(null);
  await app?.close();
  app = undefined;
});

async function renameFirstProject(app: TempApp, name: string): Promise<void> {
  const [first] = await app.ok('projects.list', {});
  await app.ok('projects.update', { id: first.id, name });
}

describe('在子进程里压缩备份', { timeout: 30_000 }, () => {
  it('子进程写的完整备份和增量备份，恢复后与备份时每一行相同', async () => {
    app = await createTempApp({ demo: true });
    fs.rmSync(path.join(app.dir, 'backups'), { recursive: true, force: true });
    usePackProcess(child.file());
    const full = await app.ok('backups.create', {});
    await renameFirstProject(app, '增量备份前改的名称');
    const atDiff = dumpData(sqliteContext(app).db);
    const diff = await app.ok('backups.create', {});
    expect(diff.sizeBytes).toBeLessThan(full.sizeBytes / 4);
    expect([full.problem, diff.problem]).toEqual([null, null]);

    await renameFirstProject(app, '增量备份后又改的名称');
    await app.ok('backups.restore', { fileName: diff.fileName });
    const restored = dumpData(sqliteContext(app).db);
    expect({ ...restored, audit_log: restored.audit_log.slice(0, -1) }).toEqual(atDiff);
  });

  it('子进程说明的失败原因原样传给文员，不留下备份', async () => {
    app = await createTempApp({ demo: true });
    const before = fs.readdirSync(path.join(app.dir, 'backups')).sort();
    usePackProcess(
      child.standIn(
        'refuses.cjs',
        "process.once('message', () => process.send({ ok: false, code: 'backup_failed', message: '备份写入后读回校验未通过' }, () => process.exit(0)));",
      ),
    );
    const refused = await app.call('backups.create', {});
    expect(refused.ok ? '' : refused.error.message).toBe('备份写入后读回校验未通过');
    expect(fs.readdirSync(path.join(app.dir, 'backups')).sort()).toEqual(before);
  });

  it('子进程没有回答就退出时，在本进程里照常写好备份', async () => {
    app = await createTempApp({ demo: true });
    usePackProcess(child.standIn('dies.cjs', 'process.exit(3);'));
    const backup = await app.ok('backups.create', {});
    expect(backup).toMatchObject({ label: '手动备份', problem: null });
    expect(backup.projectCount).toBe((await app.ok('projects.list', {})).length);
  });
});

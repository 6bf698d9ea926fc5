import fs from 'node:fs';
import path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult, BackupInfo } from '../../electron/api-spec';
import { dispatch } from '../../electron/contract';
import { fullCheckOfFile } from '../../db/full-check';
import { openAppContext, type AppContext } from '../../electron/services/app-context';
import { startIntegrityWatch } from '../../electron/services/integrity-watch';
import { corruptIndexEntry } from '../helpers/corrupt-index';
import { App } from '../../renderer/app/App';
import { createTempApp } from '../helpers/temp-app';
import { renderPage } from './render-page';

// antd pages are heavy in jsdom, the demo library has 120 projects, and this machine is shared
vi.setConfig({ testTimeout: 90_000 });

// jsdom runs no CSS transitions, so antd's brief pointer-events:none while a popup opens never ends
const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });

let opened: { ctx: AppContext; dir: string } | undefined;
const alsoRemove: string[] = [];
afterEach(async () => {
  alsoRemove.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
  if (!opened) return;
  await opened.ctx.close();
  fs.rmSync(opened.dir, { recursive: true, force: true });
  opened = undefined;
});

/**
 * A demo data folder whose data file then went bad, as a failing disk would leave it, opened again the way the
 * app opens it; `prepare` runs on the healthy data first (backups are taken there).
 */
async function damagedFolder(prepare: (api: Awaited<ReturnType<typeof createTempApp>>) => Promise<BackupInfo[]>) {
  const healthy = await createTempApp({ demo: true });
  const made = await prepare(healthy);
  const projectCount = (await healthy.ok('projects.list', {})).length;
  await healthy.ctx.close();
  const file = path.join(healthy.dir, 'projects.sqlite');
  const bytes = fs.readFileSync(file);
  bytes.fill(0x5a, 8192, 8192 + 16_384);
  fs.writeFileSync(file, bytes);

  const ctx = await openAppContext({ dataDir: healthy.dir, today: () => '2026-11-28' });
  opened = { ctx, dir: healthy.dir };
  expect(ctx.damage).not.toBeNull();
  const calls: string[] = [];
  window.api = {
    invoke: async (method: string, input: unknown) => {
      calls.push(method);
      return structuredClone(await dispatch(ctx, method, structuredClone(input))) as ApiResult;
    },
  };
  return { ctx, dir: healthy.dir, made, projectCount, calls };
}

/** The whole app, on its own hash location. */
const renderApp = () => renderPage(<App />);

async function confirmDialog(): Promise<HTMLElement> {
  return waitFor(() => {
    const found = document.querySelector<HTMLElement>('.ant-modal-confirm');
    if (!found) throw new Error('确认框未出现');
    return found;
  });
}

describe('数据文件损坏时的恢复界面', () => {
  it('说明数据文件未通过检查，推荐最近的完好备份；确认恢复后程序照常打开', async () => {
    const { made, projectCount, calls } = await damagedFolder(async (api) => {
      const older = await api.ok('backups.create', {});
      await new Promise((resolve) => setTimeout(resolve, 5));
      const newer = await api.ok('backups.create', {});
      return [older, newer];
    });
    const [, newest] = made;
    // a newer backup that is itself unreadable must not be the one recommended
    fs.writeFileSync(path.join(opened!.dir, 'backups', '手动备份-2030-01-01T00-00-00-000Z.sqlite'), 'not a database');
    await renderApp();

    expect(await screen.findByRole('heading', { name: '数据文件未通过检查' })).toBeTruthy();
    expect(screen.getByText(/数据文件已损坏，为防止损坏扩大/)).toBeTruthy();
    expect(screen.getByText('技术细节')).toBeTruthy();
    const rows = await waitFor(() => {
      const found = [...document.querySelectorAll<HTMLElement>('.backup-table tbody tr[data-row-key]')];
      // the two made here, the unreadable one and the folder's first backup (taken at its first start)
      if (found.length !== 4) throw new Error(`列表有${found.length}行`);
      return found;
    });
    // newest first: the unreadable one, then the recommended newest good one
    expect(rows[0].textContent).toContain('备份文件无法读取');
    expect(within(rows[0]).getByRole('button', { name: /^恢复/ })).toHaveProperty('disabled', true);
    expect(rows[1].dataset.rowKey).toBe(newest.fileName);
    expect(rows[1].textContent).toContain('推荐');
    expect(rows[2].textContent).not.toContain('推荐');
    expect(within(rows[2]).getByRole('button', { name: /^恢复/ })).toHaveProperty('disabled', false);
    expect(screen.getByText(opened!.dir)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: '从这份备份恢复（推荐）' }));
    const dialog = await confirmDialog();
    expect(dialog.textContent).toContain(`的备份（${newest.projectCount}个项目）替换已损坏的数据文件`);
    expect(dialog.textContent).toContain('damaged');
    await user.click(within(dialog).getByRole('button', { name: '恢复' }));

    // the app opens as usual, on the restored data
    expect(await screen.findByText('填报人：测试填报人', {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.queryByText('数据文件未通过检查')).toBeNull();
    expect(calls).toContain('backups.restore');
    const list = await window.api!.invoke('projects.list', {});
    expect(list.ok && (list.data as unknown[]).length).toBe(projectCount);
    expect(fs.readdirSync(path.join(opened!.dir, 'damaged')).some((n) => n.startsWith('损坏的数据-'))).toBe(true);
  });

  it('没有完好的备份时如实说明，请联系维护人员，并写明数据文件夹', async () => {
    const { calls } = await damagedFolder(async () => []);
    const backups = path.join(opened!.dir, 'backups');
    fs.rmSync(backups, { recursive: true, force: true });
    fs.mkdirSync(backups);
    fs.writeFileSync(path.join(backups, '手动备份-2026-11-27T00-00-00-000Z.sqlite'), 'not a database');
    await renderApp();

    expect(await screen.findByText('没有可用的完好备份')).toBeTruthy();
    expect(
      screen.getByText(/请插上U盘，点下面的“从U盘添加备份…”。否则请联系维护人员，不要删除数据文件夹里的任何文件。/),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: '从U盘添加备份…' })).toBeTruthy();
    expect(await screen.findByText(opened!.dir)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '从这份备份恢复（推荐）' })).toBeNull();
    expect(screen.getByRole('button', { name: /^恢复/ })).toHaveProperty('disabled', true);
    expect(calls).not.toContain('backups.restore');
  });
});

describe('启动后后台检查发现数据文件损坏', () => {
  it('程序照常打开；检查发现损坏后，办事员的下一步操作即转到恢复界面', async () => {
    const healthy = await createTempApp({ demo: true });
    await healthy.ctx.close();
    // one index entry gone bad: every page reads, so only the full check finds it
    corruptIndexEntry(path.join(healthy.dir, 'projects.sqlite'), 'milestones_project');
    const ctx = await openAppContext({ dataDir: healthy.dir, today: () => '2026-11-28' });
    opened = { ctx, dir: healthy.dir };
    window.api = {
      invoke: async (method: string, input: unknown) =>
        structuredClone(await dispatch(ctx, method, structuredClone(input))) as ApiResult,
    };
    await renderApp();
    expect(await screen.findByText('填报人：测试填报人', {}, { timeout: 15_000 })).toBeTruthy();

    const watch = startIntegrityWatch(ctx, { run: async (file) => fullCheckOfFile(file) });
    expect(await watch.check()).toBe(false);
    watch.stop();
    await user.click(screen.getByRole('menuitem', { name: '项目库' }));

    expect(await screen.findByRole('heading', { name: '数据文件未通过检查' })).toBeTruthy();
    expect(screen.getByText(/数据文件已损坏，为防止损坏扩大/)).toBeTruthy();
    expect(screen.queryByText('填报人：测试填报人')).toBeNull();
    expect(await screen.findByRole('button', { name: '从这份备份恢复（推荐）' })).toBeTruthy();
    // the app routes by the window's hash, which outlives this test
    window.location.hash = '';
  });
});

describe('数据文件夹打不开时的画面', () => {
  it('移走的数据找不到：写明找不到哪个文件夹，可“重新查找”，插回后直接进入程序', async () => {
    const healthy = await createTempApp({ demo: false });
    const root = healthy.dir;
    const usb = path.join(path.dirname(root), `${path.basename(root)}-U盘`);
    await healthy.ok('dataFolder.move', { target: usb });
    await healthy.ctx.close();
    fs.renameSync(usb, `${usb}-拔出`);
    const ctx = await openAppContext({ dataDir: root, today: () => '2026-11-28' });
    opened = { ctx, dir: root };
    window.api = {
      invoke: async (method: string, input: unknown) =>
        structuredClone(await dispatch(ctx, method, structuredClone(input))) as ApiResult,
    };
    await renderApp();

    expect(await screen.findByRole('heading', { name: '找不到数据文件夹' })).toBeTruthy();
    expect(screen.getByText(new RegExp(`数据已移到“${usb.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}”`))).toBeTruthy();
    expect(screen.getByRole('heading', { name: '从备份恢复' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '重新查找' }));
    expect(await screen.findByText(/^仍然不行：数据已移到/)).toBeTruthy();

    fs.renameSync(`${usb}-拔出`, usb);
    await user.click(screen.getByRole('button', { name: '重新查找' }));
    expect(await screen.findByText('开工一批', {}, { timeout: 20_000 })).toBeTruthy();
    expect(ctx.dataDir).toBe(usb);
    alsoRemove.push(usb);
  });
});

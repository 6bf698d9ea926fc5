import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../electron/api-spec';
import { DataSafetyTab } from '../../renderer/pages/settings/DataSafetyTab';
import { reloadApp } from '../../renderer/pages/settings/reload-app';
import type { TempApp } from '../helpers/temp-app';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

// the folder picker: Electron's (picker true) or the browser's path box (picker false)
const shell = vi.hoisted(() => ({ picker: false, folder: null as string | null }));
vi.mock('../../renderer/desktop-bridge', () => ({
  canChooseFolder: () => shell.picker,
  chooseFolder: async () => shell.folder,
}));
// jsdom cannot reload a window
vi.mock('../../renderer/pages/settings/reload-app', () => ({ reloadApp: vi.fn() }));

// antd pages are heavy in jsdom, the demo library has 120 projects, and this machine is shared
vi.setConfig({ testTimeout: 90_000 });

let app: TempApp | undefined;
const scratch: string[] = [];
// jsdom runs no CSS transitions, so antd's brief pointer-events:none while a popup opens never ends
const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });

beforeEach(() => {
  shell.picker = false;
  shell.folder = null;
  vi.mocked(reloadApp).mockClear();
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  for (const dir of scratch.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempFolder(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

/** The demo office, with every API call the page makes recorded. */
async function renderTab(seed?: (api: TempApp) => Promise<void>) {
  app = await installRealApi({ demo: true });
  await seed?.(app);
  const real = window.api!.invoke;
  const calls: string[] = [];
  window.api = {
    invoke: (method: string, input: unknown): Promise<ApiResult> => {
      calls.push(method);
      return real(method, input);
    },
  };
  await renderPage(<DataSafetyTab />);
  await screen.findByText('数据文件夹', { selector: 'dt' });
  return { api: app, calls };
}

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

function backupRows(): HTMLElement[] {
  return [...section('备份').querySelectorAll<HTMLElement>('tbody tr[data-row-key]')];
}

function cells(row: HTMLElement): string[] {
  return [...row.querySelectorAll('td')].map((td) => td.textContent ?? '');
}

/** The confirm dialog's own button (the page may have a button of the same name behind it). */
async function confirmInDialog(label: string): Promise<HTMLElement> {
  const dialog = await waitFor(() => {
    const found = document.querySelector<HTMLElement>('.ant-modal-confirm');
    if (!found) throw new Error('确认框未出现');
    return found;
  });
  const text = dialog.textContent ?? '';
  await user.click(within(dialog).getByRole('button', { name: label }));
  dialog.dataset.text = text;
  return dialog;
}

describe('数据与备份', () => {
  it('显示数据文件夹、数据文件大小和备份文件夹', async () => {
    const { api } = await renderTab();
    const facts = section('数据文件夹');
    expect(within(facts).getByText(api.dir)).toBeTruthy();
    expect(within(facts).getByText(path.join(api.dir, 'backups'))).toBeTruthy();
    expect(facts.textContent).toMatch(/数据文件\d+(\.\d)? (KB|MB)/);
  });

  it('立即备份：列表最上面多一行“手动”，项目数与项目库相同', async () => {
    const { api } = await renderTab();
    const projects = await api.ok('projects.list', {});
    await waitFor(() => expect(section('备份').querySelector('.ant-spin-spinning')).toBeNull());
    const before = backupRows().length;
    await user.click(within(section('备份')).getByRole('button', { name: '立即备份' }));
    await waitFor(() => expect(backupRows()).toHaveLength(before + 1));
    const [time, kind, count, size] = cells(backupRows()[0]);
    expect(time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(kind).toBe('手动');
    expect(count).toBe(String(projects.length));
    expect(size).toMatch(/^\d+(\.\d)? (KB|MB)$/);
  });

  it('改动数据后恢复备份：确认后恢复并重新载入，数据回到备份时的样子', async () => {
    let backupName = '';
    let projectId = 0;
    let originalName = '';
    const { api, calls } = await renderTab(async (seeded) => {
      const backup = await seeded.ok('backups.create', {});
      backupName = backup.fileName;
      const [first] = await seeded.ok('projects.list', {});
      projectId = first.id;
      originalName = first.name;
      await seeded.ok('projects.update', { id: first.id, name: '备份之后改过的名称' });
    });
    const backup = (await api.ok('backups.list', {})).find((b) => b.fileName === backupName)!;
    const row = await waitFor(() => {
      const found = section('备份').querySelector<HTMLElement>(`tr[data-row-key="${backupName}"]`);
      if (!found) throw new Error('备份不在列表中');
      return found;
    });
    await user.click(within(row).getByRole('button', { name: /^恢复/ }));
    const dialog = await confirmInDialog('恢复');
    expect(dialog.dataset.text).toContain(
      `将用 ${cells(row)[0]} 的备份（${backup.projectCount}个项目）替换现在的数据。替换前会先备份现在的数据，可随时恢复回来。`,
    );
    await waitFor(() => expect(reloadApp).toHaveBeenCalledTimes(1));
    expect(calls).toContain('backups.restore');
    const restored = await api.ok('projects.list', {});
    expect(restored.find((p) => p.id === projectId)?.name).toBe(originalName);
    // the state before the restore was backed up and can itself be restored
    expect((await api.ok('backups.list', {})).some((b) => b.label === '恢复前')).toBe(true);
  });

  it('取消恢复时不恢复', async () => {
    const { calls } = await renderTab(async (seeded) => {
      await seeded.ok('backups.create', {});
    });
    await waitFor(() => expect(backupRows().length).toBeGreaterThan(0));
    await user.click(within(backupRows()[0]).getByRole('button', { name: /^恢复/ }));
    await confirmInDialog('取消');
    expect(calls).not.toContain('backups.restore');
    expect(reloadApp).not.toHaveBeenCalled();
  });

  it('保存自动备份保留份数；按日保留填0时显示中文提示，不保存', async () => {
    const { api } = await renderTab();
    const keep = section('自动备份保留');
    const daily = await within(keep).findByRole('spinbutton', { name: '按日保留' });
    await user.clear(daily);
    await user.type(daily, '30');
    await user.click(within(keep).getByRole('button', { name: '保存' }));
    await waitFor(async () => expect((await api.ok('settings.get', {})).backupKeep.daily).toBe(30));

    await user.clear(daily);
    await user.type(daily, '0');
    await user.click(within(keep).getByRole('button', { name: '保存' }));
    expect((await within(keep).findByRole('alert')).textContent).toBe('按日保留不能少于1份');
    expect((await api.ok('settings.get', {})).backupKeep.daily).toBe(30);
  });

  it('备份到…（网页版）：填写U盘文件夹路径后备份到那里；文件夹不存在时说明原因', async () => {
    await renderTab();
    const usb = tempFolder('zdxm-usb-');
    const backups = section('备份');
    await user.click(within(backups).getByRole('button', { name: '备份到…' }));
    const box = within(backups).getByRole('textbox', { name: '备份到的文件夹' });
    await user.type(box, path.join(usb, '没有这个文件夹'));
    await user.click(within(backups).getByRole('button', { name: '备份' }));
    expect((await within(backups).findByRole('alert')).textContent).toContain('请确认U盘已插好');

    await user.clear(box);
    await user.type(box, usb);
    await user.click(within(backups).getByRole('button', { name: '备份' }));
    const done = await within(backups).findByRole('status');
    // the copy, and beside it the example office's 现场照片 it carries
    expect(fs.readdirSync(usb).sort()).toEqual(['files', '湘乡市重点项目数据备份-2026-11-28.sqlite']);
    const file = '湘乡市重点项目数据备份-2026-11-28.sqlite';
    expect(done.textContent).toContain(`已备份到：${path.join(usb, file)}`);
  });

  it('备份到…（桌面版）：在系统对话框选好文件夹后直接备份', async () => {
    shell.picker = true;
    shell.folder = tempFolder('zdxm-usb-');
    await renderTab();
    const backups = section('备份');
    await user.click(within(backups).getByRole('button', { name: '备份到…' }));
    const done = await within(backups).findByRole('status');
    expect(done.textContent).toContain(
      `已备份到：${path.join(shell.folder, '湘乡市重点项目数据备份-2026-11-28.sqlite')}`,
    );
    expect(within(backups).queryByRole('textbox')).toBeNull();
  });

  it('移动数据文件夹：确认后复制并切换，显示新位置；相对路径说明要填完整路径', async () => {
    const { api } = await renderTab();
    const folder = section('数据文件夹');
    await user.click(within(folder).getByRole('button', { name: '移动到其他位置…' }));
    const box = within(folder).getByRole('textbox', { name: '新的数据文件夹' });
    await user.type(box, 'data2');
    await user.click(within(folder).getByRole('button', { name: '移动' }));
    await confirmInDialog('移动');
    expect((await within(folder).findByRole('alert')).textContent).toContain('请填写完整的文件夹路径');

    const target = path.join(tempFolder('zdxm-move-'), 'D盘数据');
    await user.clear(box);
    await user.type(box, target);
    await user.click(within(folder).getByRole('button', { name: '移动' }));
    const dialog = await confirmInDialog('移动');
    expect(dialog.dataset.text).toContain(
      '将复制全部数据和备份到新文件夹，核对无误后改用新位置；原文件夹保留一份改名的旧文件和去向说明。',
    );
    expect(await within(folder).findByText(target)).toBeTruthy();
    expect(within(folder).getByText(path.join(target, 'backups'))).toBeTruthy();
    expect((await api.ok('dataFolder.get', {})).dataDir).toBe(target);
    expect(fs.existsSync(path.join(target, 'projects.sqlite'))).toBe(true);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataSafetyTab } from '../../renderer/pages/settings/DataSafetyTab';
import { reloadApp } from '../../renderer/pages/settings/reload-app';
import { attachmentFilePath } from '../../electron/services/attachments/file-paths';
import type { TempApp } from '../helpers/temp-app';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';
import { sql } from '../../db/sql';

// Issue #17 in 数据与备份: each backup's attachment files in the list, and a restore whose backup lacks one
// asks before it goes on, then lists what is missing.

vi.mock('../../renderer/pages/settings/reload-app', () => ({ reloadApp: vi.fn() }));
vi.setConfig({ testTimeout: 90_000 });

let app: TempApp | undefined;
const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });

beforeEach(() => vi.mocked(reloadApp).mockClear());
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'utf8');

/** The confirm dialog whose title is `title`, and a click on its button `label` (found by text). */
async function answerDialog(title: string, label: string): Promise<string> {
  const dialog = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-modal-confirm')].find((d) =>
      d.textContent?.includes(title),
    );
    if (!found) throw new Error(`“${title}”未出现`);
    return found;
  });
  const text = dialog.textContent ?? '';
  const button = [...dialog.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s/g, '') === label);
  if (!button) throw new Error(`“${title}”中没有“${label}”按钮`);
  await user.click(button);
  return text;
}

describe('数据与备份：附件文件', () => {
  it('列表显示每份备份的附件；缺少附件的备份恢复时先说明缺哪些，确认“仍然恢复”后恢复并列出', async () => {
    app = await installRealApi({ demo: true });
    const [project] = await app.ok('projects.list', {});
    const added = await app.ok('attachments.add', {
      ownerKind: 'project',
      ownerId: project.id,
      fileName: '环评批复.pdf',
      contentBase64: pdf('环评').toString('base64'),
    });
    const backup = await app.ok('backups.create', {});
    fs.rmSync(attachmentFilePath(path.join(app.dir, 'backups'), added.sha256));
    fs.rmSync(attachmentFilePath(app.dir, added.sha256));

    await renderPage(<DataSafetyTab />);
    const row = await waitFor(() => {
      const found = document.querySelector<HTMLElement>(`tr[data-row-key="${backup.fileName}"]`);
      if (!found) throw new Error('备份不在列表中');
      return found;
    });
    const cells = [...row.querySelectorAll('td')].map((td) => td.textContent ?? '');
    // the example office's 现场照片 and the PDF added here
    const stored = await app.ctx.store.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM attachments`);
    expect(cells[4]).toMatch(new RegExp(`^${Number(stored!.n)}个 \\d+ KB$`));
    expect(row.textContent).toContain('缺少1个附件文件，恢复前会列出');

    const restore = [...row.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s/g, '') === '恢复');
    await user.click(restore!);
    await answerDialog('用这份备份替换现在的数据？', '恢复');
    const asked = await answerDialog('这份备份缺少附件文件', '仍然恢复');
    expect(asked).toContain(
      `该备份缺少1个附件文件（备份文件夹和数据文件夹中都找不到，或已损坏）：“环评批复.pdf”（项目“${project.name}”的项目资料）。`,
    );
    const told = await answerDialog('已恢复，1个附件文件缺失', '知道了');
    expect(told).toContain(`“环评批复.pdf”（项目“${project.name}”的项目资料）`);
    await waitFor(() => expect(reloadApp).toHaveBeenCalledTimes(1));
    expect(screen.queryByText('无法读取备份列表')).toBeNull();
  });
});

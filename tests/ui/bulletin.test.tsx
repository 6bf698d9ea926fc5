import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { BulletinPage } from '../../renderer/pages/bulletin/BulletinPage';
import type { TempApp } from '../helpers/temp-app';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

let app: TempApp;
afterEach(async () => {
  await app?.close();
});

describe('月度通报', { timeout: 60_000 }, () => {
  it('默认上个月；摘要由数字生成，手改后保存并标明，恢复自动生成后回到数字生成的文字', async () => {
    app = await installRealApi({ demo: true, today: '2026-11-26' });
    await renderPage(<BulletinPage />, { app, path: '/bulletin' });
    const summary = (await screen.findByLabelText('通报摘要', {}, { timeout: 20_000 })) as HTMLTextAreaElement;
    const auto = (await app.ok('bulletin.printData', { year: 2026, month: 10 })).text.autoSummary;
    expect(summary.value).toBe(auto);
    expect(screen.getByText('按数字自动生成')).toBeTruthy();

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('文号'), '湘乡重点办〔2026〕10号');
    await user.clear(summary);
    await user.type(summary, '1—10月，全市重点项目建设总体平稳。');
    expect(screen.getByText(/文字已修改但未保存/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '保存文字' }));
    await screen.findByText('已手工修改', {}, { timeout: 10_000 });
    expect((await app.ok('bulletin.printData', { year: 2026, month: 10 })).text).toMatchObject({
      summary: '1—10月，全市重点项目建设总体平稳。',
      summaryEdited: true,
      docNumber: '湘乡重点办〔2026〕10号',
    });

    await user.click(screen.getByRole('button', { name: '恢复自动生成' }));
    await screen.findByText('按数字自动生成', {}, { timeout: 10_000 });
    await waitFor(() => expect((screen.getByLabelText('通报摘要') as HTMLTextAreaElement).value).toBe(auto));
    expect((await app.ok('bulletin.printData', { year: 2026, month: 10 })).text).toMatchObject({
      summaryEdited: false,
      docNumber: '湘乡重点办〔2026〕10号',
      version: 2,
    });
  });
});

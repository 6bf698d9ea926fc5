import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startHost, watchForPageErrors, type RunningHost } from '../../scripts/browser-host';
import { buildXlsx } from '../helpers/spreadsheets';
import { makeTempDir } from '../helpers/temp-dir';

// A clerk's first day: a blank office, the ledger they kept in Excel picked from disk in real Chromium,
// the preview read, the bad row skipped, and the projects in the library afterwards.

let browser: Browser;
let host: RunningHost;
const temp = makeTempDir('zdxm-e2e-import-');

beforeAll(async () => {
  host = await startHost({ dataDir: path.join(temp.dir, 'data'), today: '2026-11-28' });
  await host.call('app.initialize', { operatorName: '王会计', loadDemo: false });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.remove();
});

describe('导入已有台账（真实 Chromium + 浏览器版）', () => {
  it('选择办里的 Excel 台账，预览、跳过有错误的一行后导入，项目库里就有了这些项目', async () => {
    const file = path.join(temp.dir, '2026年重点项目台账.xlsx');
    fs.writeFileSync(
      file,
      await buildXlsx([
        {
          name: '台账',
          rows: [
            ['湘乡市2026年重点项目建设台账'],
            ['单位：万元', null, null, null, null, '截至日期：2026年11月20日'],
            ['序号', '项目名称', '项目业主', '总投资（亿元）', '建设性质', '产业链', '实际开工'],
            ['一、续建项目（3个）'],
            [1, '城西污水处理厂二期', '湘乡市水务投资有限公司', 1.2, '续建', '循环经济', '2025-05-01'],
            [2, '红仑大道改造', '湘乡市城市建设投资有限公司', '约一亿', '续建', '绿色建材', '2025.10'],
            [3, '电子信息产业园三期', '湘乡经开区建设公司', 3.5, '续建', '电子信息', '2026年3月'],
            ['合计', null, null, 4.7],
          ],
          merges: ['A1:G1', 'A4:G4'],
        },
      ]),
    );
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = watchForPageErrors(page);
    await page.goto(`${host.url}#/ledger`);
    await page.getByRole('heading', { name: '导入已有台账' }).waitFor();
    await page.getByLabel('选择台账文件').setInputFiles(file);
    await page.getByText('新建 2 个项目，更新 0 个，无变化 0 个；跳过分节、小计等 2 行；1 行有错误').waitFor();
    expect(await page.getByRole('tab', { name: '有错误（1）' }).getAttribute('aria-selected')).toBe('true');
    await page.getByText('“总投资（亿元）”不是数字：约一亿').waitFor();

    await page.getByRole('checkbox', { name: '跳过这 1 行，只导入其余项目' }).check();
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '开始导入' }).click();
    await page.getByText(/^已导入：新建 2 个项目/).waitFor({ timeout: 30_000 });

    const projects = await host.call('projects.list', {});
    expect(projects.map((p) => [p.name, p.totalInvestmentYuan, p.actualStartDate]).sort()).toEqual([
      ['城西污水处理厂二期', 120_000_000, '2025-05-01'],
      ['电子信息产业园三期', 350_000_000, '2026-03-01'],
    ]);
    await page.getByRole('link', { name: '到项目库查看' }).click();
    await page.getByText('电子信息产业园三期').waitFor();
    const backups = await host.call('backups.list', {});
    expect(backups.map((b) => b.label)).toContain('导入台账前');
    expect(errors).toEqual([]);
  }, 120_000);
});

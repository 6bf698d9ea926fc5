import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startHost, watchForPageErrors } from '../../scripts/browser-host';
import { REAL_LEDGER_NAMES, realLedgerGbkCsv, realLedgerXlsx } from '../helpers/real-ledger';
import { makeTempDir } from '../helpers/temp-dir';

// Day one with the office's own ledger, in real Chromium: 续建 rows without 实际开工, a bare 累计完成投资 beside
// 年度计划, no 产业链 column, 在建中 as a stage word; as .xlsx and as the GBK CSV Excel saves. The import shows
// its warnings and column map, asks about the ambiguous column, applies every row and puts the money where it
// belongs.

let browser: Browser;
const temp = makeTempDir('zdxm-e2e-real-ledger-');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  temp.remove();
});

describe('真实台账第一天导入（真实 Chromium + 浏览器版）', () => {
  it.each([
    ['2026年重点项目推进台账.xlsx', realLedgerXlsx],
    ['2026年重点项目推进台账.csv', async () => realLedgerGbkCsv()],
  ])(
    '%s：显示提醒和列对应，确认“累计完成投资”、为推断不出的一行选定产业链后全部导入，金额落在本年完成',
    async (fileName, build) => {
      const dir = path.join(temp.dir, path.extname(fileName).slice(1));
      const host = await startHost({ dataDir: path.join(dir, 'data'), today: '2026-11-28' });
      try {
        await host.call('app.initialize', { operatorName: '王会计', loadDemo: false });
        const file = path.join(dir, fileName);
        fs.writeFileSync(file, await build());
        const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
        const errors = watchForPageErrors(page);
        await page.goto(`${host.url}#/ledger`);
        await page.getByLabel('选择台账文件').setInputFiles(file);

        await page.getByText('新建 5 个项目，更新 0 个，无变化 0 个；4 条提醒；1 行有错误').waitFor();
        // the ambiguous column is asked about first, on the column map
        const columnsTab = page.getByRole('tab', { name: '列对应（10列，1列待确认）' });
        expect(await columnsTab.getAttribute('aria-selected')).toBe('true');
        await page.getByRole('combobox', { name: '“累计完成投资”读作' }).waitFor();
        await page.getByRole('combobox', { name: '“阶段”读作' }).waitFor();
        expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);

        await page.getByRole('tab', { name: '提醒（4）' }).click();
        await page.getByText('续建项目缺实际开工日期，导入后标为“资料待补”，请补填').first().waitFor();

        await page.getByRole('button', { name: '确认按此读取' }).click();
        await page.getByText('新建 5 个项目，更新 0 个，无变化 0 个；4 条提醒；1 行有错误').waitFor();
        await page.getByRole('tab', { name: /^列对应（10列）$/ }).waitFor();

        await page.getByRole('tab', { name: '有错误（1）' }).click();
        await page.getByRole('combobox', { name: '产业链：城区智慧停车场' }).click();
        await page.getByRole('combobox', { name: '产业链：城区智慧停车场' }).fill('数字创意');
        await page.keyboard.press('Enter');
        await page.getByText('新建 6 个项目，更新 0 个，无变化 0 个；4 条提醒').waitFor();

        await page.getByRole('tab', { name: '新建（6）' }).click();
        const terminal = page.getByRole('row', { name: /智能终端扩产项目/ });
        await terminal.getByText('8,300.50').first().waitFor();
        expect(await terminal.textContent()).toContain('电子信息');

        await page.getByRole('button', { name: '确认导入' }).click();
        await page.getByRole('dialog').getByRole('button', { name: '开始导入' }).click();
        await page.getByText(/^已导入：新建 6 个项目/).waitFor({ timeout: 30_000 });

        const library = new Map((await host.call('projects.list', {})).map((p) => [p.name, p]));
        expect([...library.keys()].sort()).toEqual([...REAL_LEDGER_NAMES].sort());
        const imported = library.get('智能终端扩产项目');
        expect(imported).toMatchObject({
          stage: 'continuing',
          yearCompletedYuan: 83_005_000,
          annualPlanYuan: 120_000_000,
          chainName: '电子信息',
          missingFields: ['actualStartDate'],
        });
        // 以前年度完成 is not a list column: the project's own record has it
        expect(await host.call('projects.get', { id: imported!.id })).toMatchObject({ investedBeforeYearYuan: 0 });
        expect(library.get('城区智慧停车场')?.chainName).toBe('数字创意');
        expect(errors).toEqual([]);
        await page.close();
      } finally {
        await host.stop();
      }
    },
    120_000,
  );
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, startHost } from './browser-host';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-shot-'));
const host = await startHost({ dataDir, demo: true, today: '2026-11-28' });
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
const shot = async (route: string, wait: string, file: string) => {
  await page.goto(`${host.url}${route}`);
  await page.getByText(wait).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/shots/${file}` });
};
await shot('#/dispatch/investment', '时序进度', 'investment.png');
await shot('#/dashboard', '开工一批', 'dashboard.png');
await shot('#/rollover', '年度结转', 'rollover-1.png');
await page.getByRole('button', { name: '下一步：预览变更' }).click();
await page.getByText('未开工的新开工项目').first().waitFor();
await page.waitForTimeout(400);
await page.screenshot({ path: '/tmp/shots/rollover-2.png' });
await browser.close();
await host.stop();

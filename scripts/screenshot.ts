// `npm run screenshot`: the main screens with the example office, as PNGs in screenshots/, to judge by eye.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, startHost } from './browser-host';

const outDir = path.resolve('screenshots');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-shots-'));
fs.mkdirSync(outDir, { recursive: true });

interface Screen {
  file: string;
  route: string;
  waitFor: string;
  /** the office's most common screen is 1366×768; the rest are taken at 1440×900 */
  small?: boolean;
}

const screens: Screen[] = [
  { file: 'dashboard.png', route: '#/dashboard', waitFor: '开工一批' },
  { file: 'library.png', route: '#/projects', waitFor: '合计' },
  { file: 'library-new-start.png', route: '#/projects?stage=new_start', waitFor: '合计' },
  { file: 'project.png', route: '#/projects/30', waitFor: '变更记录' },
  { file: 'project-new.png', route: '#/projects/new', waitFor: '基本信息' },
  { file: 'board.png', route: '#/board', waitFor: '储备' },
  { file: 'chain-leads.png', route: '#/chain-leads', waitFor: '考核排名' },
  { file: 'rollover.png', route: '#/rollover', waitFor: '年度结转' },
  { file: 'dispatch.png', route: '#/dispatch', waitFor: '已报送' },
  { file: 'dispatch-investment.png', route: '#/dispatch/investment', waitFor: '时序进度' },
  { file: 'dispatch-changes.png', route: '#/dispatch/changes', waitFor: '有变化' },
  { file: 'dispatch-print.png', route: '#/dispatch/print', waitFor: '纸张' },
  { file: 'problems.png', route: '#/problems', waitFor: 'WT-' },
  { file: 'problems-supervision.png', route: '#/problems/supervision', waitFor: '红灯' },
  { file: 'ledger.png', route: '#/ledger', waitFor: '导出项目台账' },
  { file: 'settings-chains.png', route: '#/settings/chains', waitFor: '电子信息' },
  { file: 'settings-lights.png', route: '#/settings/lights', waitFor: '时序进度' },
  { file: 'settings-templates.png', route: '#/settings/templates', waitFor: '以计划开工日期' },
  { file: 'settings-data.png', route: '#/settings/data', waitFor: '自动备份保留' },
  { file: 'history.png', route: '#/history', waitFor: '条记录' },
  { file: 'library-1366.png', route: '#/projects', waitFor: '合计', small: true },
  { file: 'problems-1366.png', route: '#/problems', waitFor: 'WT-', small: true },
  { file: 'project-new-1366.png', route: '#/projects/new', waitFor: '基本信息', small: true },
  { file: 'project-edit-1366.png', route: '#/projects/30/edit', waitFor: '基本信息', small: true },
];

/** 空白开始: the 工作台 of an office that chose to start blank, with its 首次使用清单. */
async function shootBlankOffice(browser: Browser): Promise<void> {
  const blankDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-shots-blank-'));
  const blank = await startHost({ dataDir: blankDir });
  try {
    await blank.call('app.initialize', { operatorName: '新办事员', loadDemo: false });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${blank.url}#/dashboard`);
    await page.getByText('首次使用清单').waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(outDir, 'dashboard-first-run-1366.png') });
    await page.close();
    console.log('screenshots/dashboard-first-run-1366.png');
  } finally {
    await blank.stop();
    fs.rmSync(blankDir, { recursive: true, force: true });
  }
}

// `npm run screenshot -- 1366 problems`: only the screens whose file name holds one of the words
const only = process.argv.slice(2);
const chosen = screens.filter((s) => !only.length || only.some((word) => s.file.includes(word)));

const host = await startHost({ dataDir, demo: true });
const browser = await launchBrowser();
try {
  for (const screen of chosen) {
    const viewport = screen.small ? { width: 1366, height: 768 } : { width: 1440, height: 900 };
    const page = await browser.newPage({ viewport });
    await page.goto(`${host.url}${screen.route}`);
    await page.getByText(screen.waitFor).first().waitFor();
    // antd fades tables in after loading: wait it out so the picture shows what the clerk settles on
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(outDir, screen.file) });
    await page.close();
    console.log(`screenshots/${screen.file}`);
  }
  if (!only.length || only.some((word) => 'dashboard-first-run-1366.png'.includes(word))) {
    await shootBlankOffice(browser);
  }
} finally {
  await browser.close();
  await host.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

// `npm run screenshot`: the screens with the example office, as PNGs in screenshots/, to judge by eye.
// Every screen is taken at 1440×900 (`name.png`) and at the office's most common 1366×768 (`name-1366.png`).
//   npm run screenshot -- 1366 problems      only the files whose name holds one of the words
//   npm run screenshot -- --out=/tmp/before  another folder (to compare a change before and after)
//   npm run screenshot -- --tall             1800 px tall windows: what sits below the fold on long pages
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { attachmentFilePath } from '../electron/services/attachments/file-paths';
import { launchBrowser, startHost } from './browser-host';
import { shootOfficeServer } from './screenshot-office-server';

const options = process.argv.slice(2).filter((arg) => arg.startsWith('--'));
const words = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const option = (name: string) => options.find((o) => o.startsWith(`--${name}=`))?.split('=')[1];
const outDir = path.resolve(option('out') ?? 'screenshots');
// a fixed day keeps the example office's lights and weeks the same from one run to the next
const today = option('today') ?? '2026-11-26';
const tall = options.includes('--tall');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-shots-'));
fs.mkdirSync(outDir, { recursive: true });

interface Screen {
  name: string;
  route: string;
  waitFor: string;
  /** what the clerk does before the picture is taken: opens a dialog, picks a file */
  act?: (page: Page) => Promise<void>;
}

const click = (role: 'button' | 'row', name: string | RegExp) => async (page: Page) => {
  await page.getByRole(role, { name }).first().click();
  await page.waitForTimeout(500);
};

/** The library narrowed to one list of key projects, as the office reports it upwards. */
const chooseLevel = (level: string) => async (page: Page) => {
  await page.getByRole('combobox', { name: '按项目级别筛选' }).click();
  await page.getByRole('option', { name: level }).click();
  await page.keyboard.press('Escape');
  await page.waitForTimeout(500);
};

const clickText = (text: string) => async (page: Page) => {
  await page.getByText(text, { exact: true }).first().click();
  await page.waitForTimeout(800);
};

/** Brings a region (a panel further down a long page) into view. */
const scrollTo = (name: string) => async (page: Page) => {
  await page.getByRole('region', { name }).scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
};

/** A panel of attachments brought into view once every tile shows its thumbnail (or its file's icon). */
const thumbnailsIn = (name: string) => async (page: Page) => {
  await scrollTo(name)(page);
  // a string: this file is type-checked without the DOM's types
  await page.waitForFunction(
    "[...document.querySelectorAll('.att-thumb')].every((tile) => tile.querySelector('img, .anticon'))",
  );
};

/** A ledger as an office keeps it, with one bad row, so the import preview shows all of its parts. */
const ledgerCsv = [
  '湘乡市2026年重点项目建设台账',
  '序号,项目名称,项目业主,总投资（亿元）,建设性质,产业链,实际开工',
  '一、续建项目（3个）',
  '1,城西污水处理厂二期,湘乡市水务投资有限公司,1.2,续建,循环经济,2025-05-01',
  '2,红仑大道改造,湘乡市城市建设投资有限公司,约一亿,续建,绿色建材,2025.10',
  '3,电子信息产业园三期,湘乡经开区建设公司,3.5,续建,电子信息,2026年3月',
].join('\n');

/**
 * 数据已被他人修改: the clerk has the form open and types while 李四 saves the same project from another PC; the
 * clerk's save is refused. `reload`: then 载入最新内容, the saved value shown beside the typed one.
 */
let savesByAnotherClerk = 0;
const savedByAnotherClerk =
  (reload: boolean) =>
  async (page: Page): Promise<void> => {
    const { operatorName } = await host.call('settings.get', {});
    await host.call('settings.update', { operatorName: '李四' });
    // a different place each time: saving the same value again changes nothing, and so conflicts with nothing
    savesByAnotherClerk++;
    await host.call('projects.update', { id: 30, location: `湘乡经开区红仑工业园${savesByAnotherClerk}期` });
    await host.call('settings.update', { operatorName });
    const box = page.getByLabel('建设地点');
    await box.fill('城西工业园B区');
    await page.getByRole('button', { name: /^保\s*存$/ }).click();
    await page.getByText('数据已被他人修改').waitFor();
    if (reload) {
      await page.getByRole('button', { name: '载入最新内容' }).click();
      await page.getByText('最新保存：').waitFor();
      await box.evaluate((input) => input.scrollIntoView({ block: 'center' }));
    }
    await page.waitForTimeout(500);
  };

/** 数据与备份 after two files are attached to a project and 立即备份 is pressed: the list's 附件 column. */
async function backupWithFiles(page: Page): Promise<void> {
  for (const name of ['环评批复.pdf', '施工许可证.pdf']) {
    const bytes = Buffer.from(`%PDF-1.4\n% ${name}\n${'0'.repeat(180_000)}\n%%EOF\n`, 'utf8');
    await host.call('attachments.add', {
      ownerKind: 'project',
      ownerId: 30,
      fileName: name,
      contentBase64: bytes.toString('base64'),
    });
  }
  await page.getByRole('button', { name: '立即备份' }).click();
  await page.getByText(/^已备份/).waitFor();
  await page
    .getByText('操作')
    .first()
    .evaluate((cell) => cell.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(500);
}

/**
 * 恢复 of a backup whose copy of a file is gone (and the data folder's too): the dialog that names it and asks
 * 仍然恢复. The restore is not made, so the screens after this one see the office as it was.
 */
async function restoreMissingFiles(page: Page): Promise<void> {
  const bytes = Buffer.from('%PDF-1.4\n% 规划许可证\n%%EOF\n', 'utf8');
  const { sha256 } = await host.call('attachments.add', {
    ownerKind: 'project',
    ownerId: 30,
    fileName: '建设工程规划许可证.pdf',
    contentBase64: bytes.toString('base64'),
  });
  const backup = await host.call('backups.create', {});
  fs.rmSync(attachmentFilePath(path.join(dataDir, 'backups'), sha256));
  fs.rmSync(attachmentFilePath(dataDir, sha256));
  await page.reload();
  await page.getByText('缺少1个附件文件，恢复前会列出').first().waitFor();
  await page.locator(`tr[data-row-key="${backup.fileName}"] button`).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '恢复' }).click();
  await page.locator('.ant-modal-confirm-title', { hasText: '这份备份缺少附件文件' }).waitFor();
  await page.waitForTimeout(500);
}

/** The page of the project with the example office's overdue 领导批示, scrolled to its 领导批示 section. */
async function projectWithInstructions(page: Page): Promise<void> {
  const [late] = await host.call('instructions.list', { overdueOnly: true });
  if (!late) throw new Error('the example office has no overdue 领导批示');
  await page.goto(`${host.url}#/projects/${late.projectId}`);
  await page.getByText('变更记录').first().waitFor();
  await page.getByRole('region', { name: '领导批示' }).evaluate((r) => r.scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(500);
}

/** The form of a started 招商引资 project, scrolled to its 招商 section. */
async function editInvitedProject(page: Page): Promise<void> {
  const invited = (await host.call('projects.list', {})).find((p) => p.isInvestmentPromotion && p.actualStartDate);
  if (!invited) throw new Error('the example office has no started 招商引资 project');
  await page.goto(`${host.url}#/projects/${invited.id}/edit`);
  await page.getByText('签约 → 注册 → 开工 → 投产').waitFor();
  await page.getByRole('heading', { name: /^招商/ }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(500);
}

/** 前期手续 of a project whose checklist has a late item, scrolled to the checklist. */
async function lateChecklist(page: Page): Promise<void> {
  const late = (await host.call('projects.list', {})).find((p) => p.lights.some((l) => l.kind === 'approval'));
  if (!late) throw new Error('the example office has no project with a late 前期手续 item');
  await page.goto(`${host.url}#/projects/${late.id}`);
  await page.getByRole('table', { name: '前期手续清单' }).waitFor();
  await page.getByRole('heading', { name: /^前期手续/ }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(500);
}

/** 动态管理 (issue #17): the page of the example project that was 调出 or 调入 a list mid-year, at its 名单 panel. */
async function openMovedProject(page: Page): Promise<void> {
  for (const row of await host.call('projects.list', {})) {
    const { stays } = await host.call('levels.history', { projectId: row.id });
    if (!stays.some((s) => s.leftOn !== null)) continue;
    await page.goto(`${host.url}#/projects/${row.id}`);
    await page.getByText('调入调出记录').waitFor();
    await page.getByText('调入调出记录').evaluate((h) => h.closest('section')?.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(500);
    return;
  }
  throw new Error('the example office has no project 调出 a list');
}

/** The page of the example project that is 缓建: its 预警 bar says so instead of a light. */
async function openSuspendedProject(page: Page): Promise<void> {
  const paused = (await host.call('projects.list', {})).find((p) => p.suspended);
  if (!paused) throw new Error('the example office has no 停建/缓建 project');
  await page.goto(`${host.url}#/projects/${paused.id}`);
  await page.getByText('建设状态').waitFor();
  await page.waitForTimeout(500);
}

/** The page of the project with the largest gap in the year's funds, scrolled to its 要素保障. */
const projectFactors =
  (editing: boolean) =>
  async (page: Page): Promise<void> => {
    const [short] = (await host.call('factors.shortfalls', { kind: 'funds' })).rows;
    if (!short) throw new Error('the example office has no project short of funds');
    await page.goto(`${host.url}#/projects/${short.projectId}`);
    await page.getByText('变更记录').first().waitFor();
    if (editing) await page.getByRole('region', { name: '要素保障' }).getByRole('button', { name: '填写' }).click();
    await page.getByRole('region', { name: '要素保障' }).evaluate((panel) => panel.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(500);
  };

const screens: Screen[] = [
  { name: 'dashboard', route: '#/dashboard', waitFor: '开工一批' },
  { name: 'library', route: '#/projects', waitFor: '合计' },
  { name: 'library-new-start', route: '#/projects?stage=new_start', waitFor: '合计' },
  { name: 'library-columns', route: '#/projects', waitFor: '合计', act: click('button', '列') },
  { name: 'library-level', route: '#/projects', waitFor: '合计', act: chooseLevel('省重点') },
  { name: 'library-suspended', route: '#/projects?light=suspended', waitFor: '合计' },
  { name: 'project-membership', route: '#/projects', waitFor: '合计', act: openMovedProject },
  {
    name: 'project-membership-transfer',
    route: '#/projects',
    waitFor: '合计',
    act: async (page) => {
      await openMovedProject(page);
      await click('button', '调入名单…')(page);
    },
  },
  { name: 'project-suspended', route: '#/projects', waitFor: '合计', act: openSuspendedProject },
  { name: 'project', route: '#/projects/30', waitFor: '变更记录' },
  { name: 'project-stage-change', route: '#/projects/30', waitFor: '变更记录', act: click('button', '变更阶段') },
  { name: 'project-generate', route: '#/projects/30', waitFor: '变更记录', act: click('button', '倒排生成') },
  { name: 'approvals', route: '#/projects', waitFor: '合计', act: lateChecklist },
  { name: 'project-new', route: '#/projects/new', waitFor: '基本信息' },
  { name: 'project-edit', route: '#/projects/30/edit', waitFor: '基本信息' },
  { name: 'project-conflict', route: '#/projects/30/edit', waitFor: '基本信息', act: savedByAnotherClerk(false) },
  {
    name: 'project-conflict-reloaded',
    route: '#/projects/30/edit',
    waitFor: '基本信息',
    act: savedByAnotherClerk(true),
  },
  { name: 'board', route: '#/board', waitFor: '储备' },
  { name: 'chain-leads', route: '#/chain-leads', waitFor: '考核排名' },
  { name: 'attraction', route: '#/attraction', waitFor: '合计' },
  { name: 'project-edit-attraction', route: '#/projects', waitFor: '合计', act: editInvitedProject },
  { name: 'contact-leaders', route: '#/contact-leaders', waitFor: '办理中的领导批示' },
  { name: 'contact-leaders-instructions', route: '#/contact-leaders/instructions', waitFor: '批示内容' },
  { name: 'project-instructions', route: '#/dashboard', waitFor: '开工一批', act: projectWithInstructions },
  { name: 'chain-leads-ranking', route: '#/chain-leads', waitFor: '考核排名', act: scrollTo('考核排名') },
  { name: 'stats', route: '#/stats', waitFor: '合计（' },
  { name: 'stats-chain-lead', route: '#/stats', waitFor: '合计（', act: clickText('按链长') },
  { name: 'rollover', route: '#/rollover', waitFor: '年度结转' },
  { name: 'rollover-preview', route: '#/rollover', waitFor: '年度结转', act: click('button', '下一步：预览变更') },
  { name: 'dispatch', route: '#/dispatch', waitFor: '所有修改均已保存' },
  { name: 'dispatch-investment', route: '#/dispatch/investment', waitFor: '时序进度' },
  { name: 'dispatch-changes', route: '#/dispatch/changes', waitFor: '有变化' },
  { name: 'dispatch-print', route: '#/dispatch/print', waitFor: '纸张' },
  // 责任单位填报 as the office opens it for a unit (市卫生健康局 of the example office: five projects, one problem)
  { name: 'unit', route: '#/unit?unit=11', waitFor: '待反馈问题' },
  { name: 'problems', route: '#/problems', waitFor: 'WT-' },
  { name: 'problems-detail', route: '#/problems', waitFor: 'WT-', act: click('row', /^WT-/) },
  { name: 'problems-raise', route: '#/problems', waitFor: 'WT-', act: click('button', '登记问题') },
  { name: 'problems-supervision', route: '#/problems/supervision', waitFor: '红灯' },
  { name: 'problems-print', route: '#/problems/print', waitFor: '交办单' },
  { name: 'factors', route: '#/factors', waitFor: '合计（' },
  { name: 'factors-funds', route: '#/factors/funds', waitFor: '合计（' },
  { name: 'factors-energy', route: '#/factors/energy', waitFor: '合计（' },
  { name: 'factors-raise', route: '#/factors', waitFor: '合计（', act: click('button', '转为问题') },
  { name: 'project-factors', route: '#/projects', waitFor: '合计', act: projectFactors(false) },
  { name: 'project-factors-edit', route: '#/projects', waitFor: '合计', act: projectFactors(true) },
  { name: 'ledger', route: '#/ledger', waitFor: '导出项目台账' },
  {
    name: 'ledger-import',
    route: '#/ledger',
    waitFor: '导出项目台账',
    act: async (page) => {
      const buffer = Buffer.from(ledgerCsv, 'utf8');
      await page.getByLabel('选择台账文件').setInputFiles({ name: '台账.csv', mimeType: 'text/csv', buffer });
      await page.getByText('1 行有错误').first().waitFor();
      await page
        .getByRole('heading', { name: '导入已有台账' })
        .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    },
  },
  { name: 'bulletin', route: '#/bulletin', waitFor: '通报摘要' },
  { name: 'settings-basic', route: '#/settings/basic', waitFor: '基本设置' },
  { name: 'settings-chains', route: '#/settings/chains', waitFor: '电子信息' },
  { name: 'settings-units', route: '#/settings/units', waitFor: '单位' },
  { name: 'settings-parks', route: '#/settings/parks', waitFor: '园区' },
  { name: 'settings-levels', route: '#/settings/levels', waitFor: '市本级重点' },
  { name: 'settings-townships', route: '#/settings/townships', waitFor: '金石镇' },
  { name: 'settings-contact-leaders', route: '#/settings/contactLeaders', waitFor: '市领导甲' },
  { name: 'settings-lights', route: '#/settings/lights', waitFor: '时序进度' },
  { name: 'settings-templates', route: '#/settings/templates', waitFor: '以计划开工日期' },
  { name: 'settings-approvals', route: '#/settings/approvals', waitFor: '产业项目' },
  { name: 'settings-data', route: '#/settings/data', waitFor: '自动备份保留' },
  { name: 'settings-data-files', route: '#/settings/data', waitFor: '自动备份保留', act: backupWithFiles },
  {
    name: 'settings-data-missing-files',
    route: '#/settings/data',
    waitFor: '自动备份保留',
    act: restoreMissingFiles,
  },
  { name: 'history', route: '#/history', waitFor: '条记录' },
  { name: 'print-dispatch', route: '#/print/dispatch?week=2026-W48&paper=A4', waitFor: '调度' },
  {
    name: 'print-dispatch-approvals',
    route:
      '#/print/dispatch?week=2026-W48&paper=A4&group=stage&scope=redYellow&cols=stage,progress,problems,approvals,light',
    waitFor: '调度',
  },
  { name: 'print-problems', route: '#/print/problems?group=unit&scope=open&paper=A4', waitFor: '问题清单' },
  { name: 'print-slips', route: '#/print/problem-slips?ids=1,2', waitFor: '交办单' },
  { name: 'print-changes', route: '#/print/changes?week=2026-W48', waitFor: '变化' },
  { name: 'print-bulletin', route: '#/print/bulletin?year=2026&month=10', waitFor: '一、总体情况' },
  { name: 'attachments', route: '#/projects/30', waitFor: '变更记录', act: thumbnailsIn('附件') },
  { name: 'dispatch-photos', route: '#/dispatch/print', waitFor: '现场照片' },
  { name: 'photo-sheet', route: '#/print/photos?week=2026-W48', waitFor: '重点项目现场照片' },
];

function chosen(file: string): boolean {
  return !words.length || words.some((word) => file.includes(word));
}

async function shoot(page: Page, file: string): Promise<void> {
  // antd fades tables and dialogs in: wait it out so the picture shows what the clerk settles on
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(outDir, file) });
  console.log(path.relative(process.cwd(), path.join(outDir, file)));
}

/** 空白开始: the 工作台 of an office that chose to start blank, with its 首次使用清单. */
async function shootBlankOffice(browser: Browser): Promise<void> {
  const blankDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-shots-blank-'));
  const blank = await startHost({ dataDir: blankDir, today });
  try {
    await blank.call('app.initialize', { operatorName: '新办事员', loadDemo: false });
    const page = await browser.newPage({ viewport: { width: 1366, height: tall ? 1800 : 768 } });
    await page.goto(`${blank.url}#/dashboard`);
    await page.getByText('首次使用清单').waitFor();
    await shoot(page, 'dashboard-first-run-1366.png');
    await page.close();
  } finally {
    await blank.stop();
    fs.rmSync(blankDir, { recursive: true, force: true });
  }
}

const host = await startHost({ dataDir, demo: true, today });
const browser = await launchBrowser();
try {
  for (const screen of screens) {
    for (const [suffix, width, height] of [
      ['', 1440, 900],
      ['-1366', 1366, 768],
    ] as const) {
      const file = `${screen.name}${suffix}.png`;
      if (!chosen(file)) continue;
      const page = await browser.newPage({ viewport: { width, height: tall ? 1800 : height } });
      await page.goto(`${host.url}${screen.route}`);
      await page.getByText(screen.waitFor).first().waitFor();
      await page.waitForLoadState('networkidle');
      await screen.act?.(page);
      await shoot(page, file);
      await page.close();
    }
  }
  if (chosen('dashboard-first-run-1366.png')) await shootBlankOffice(browser);
  await shootOfficeServer(browser, { today, tall, chosen, shoot });
} finally {
  await browser.close();
  await host.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

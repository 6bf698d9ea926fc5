import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProblemListRow } from '../../db/model/problems';
import { groupTitle } from '../../renderer/print/problem-print-lines';
import { launchBrowser, startHost, watchForPageErrors, type RunningHost } from '../../scripts/browser-host';
import { makeTempDir } from '../helpers/temp-dir';
import { linesOf, pageSizesOf, renderPdf, requirePoppler, squash, type PrintedPdf } from './pdf';

// The printed 交办单 and 问题清单 in real Chromium: the paper routes rendered to PDF as Electron's printToPDF
// does, read back with pdftotext, and checked against what the API holds.

let browser: Browser;
let host: RunningHost;
const temp = makeTempDir('zdxm-e2e-print-problems-');

beforeAll(async () => {
  requirePoppler();
  host = await startHost({ dataDir: temp.dir, demo: true, today: '2026-11-26' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.remove();
});

let pdfCount = 0;
const render = (route: string): Promise<PrintedPdf> =>
  renderPdf(browser, `${host.url}#${route}`, path.join(temp.dir, `problems-${++pdfCount}.pdf`));

const A4_PORTRAIT = { width: 595, height: 842, name: 'A4' };

/** Three problems on different projects, none of whose names holds another's. */
function threeOnDifferentProjects(problems: readonly ProblemListRow[]): ProblemListRow[] {
  const chosen: ProblemListRow[] = [];
  for (const p of problems) {
    const clash = chosen.some((c) => c.projectName.includes(p.projectName) || p.projectName.includes(c.projectName));
    if (!clash) chosen.push(p);
    if (chosen.length === 3) break;
  }
  expect(chosen).toHaveLength(3);
  return chosen;
}

describe('打印交办单和问题清单（真实 Chromium 生成 PDF，pdftotext 读回）', () => {
  it('三份交办单一次打印恰好三页A4纵向，每页只有自己的编号和项目', async () => {
    const problems = await host.call('problems.list', {});
    const three = threeOnDifferentProjects(problems.slice(3));

    const pdf = await render(`/print/problem-slips?ids=${three.map((p) => p.id).join(',')}`);
    expect(pdf.pages).toHaveLength(3);
    expect(pageSizesOf(pdf.file)).toEqual([A4_PORTRAIT, A4_PORTRAIT, A4_PORTRAIT]);

    pdf.pages.forEach((page, index) => {
      const text = squash(page);
      const own = three[index];
      expect(text, `第${index + 1}页的标题`).toContain('湘乡市重点项目问题交办单');
      expect(text, `第${index + 1}页的编号`).toContain(`编号：${own.code}`);
      expect(text, `第${index + 1}页的项目`).toContain(squash(own.projectName));
      expect(text).toContain(squash(own.description));
      expect(text).toContain(squash(own.responsibleUnitNames.join('、')));
      expect(text).toContain(`${Number(own.deadline!.slice(5, 7))}月${Number(own.deadline!.slice(8))}日前`);
      for (const label of [
        '项目名称',
        '项目编号',
        '链长',
        '问题来源',
        '问题描述',
        '牵头单位',
        '责任单位',
        '办结时限',
      ]) {
        expect(text, `第${index + 1}页的“${label}”`).toContain(label);
      }
      expect(text).toContain('交办人（签字）：');
      expect(text).toContain('接收人（签字）：');
      expect(text).toContain('重点项目办（盖章）');
      for (const other of three.filter((p) => p !== own)) {
        expect(text, `第${index + 1}页不应有${other.code}`).not.toContain(other.code);
        expect(text, `第${index + 1}页不应有${other.projectName}`).not.toContain(squash(other.projectName));
      }
    });
  });

  it('交办单地址中的问题已不存在时不打印，说明原因', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${host.url}#/print/problem-slips?ids=1,999999`);
      await page.waitForSelector('body[data-ready="error"]', { timeout: 30_000 });
      expect(await page.evaluate(() => document.body.dataset.error)).toContain('有 1 个问题已不存在');
    } finally {
      await page.close();
    }
  });

  it('问题清单按单位分组（A4横向）：每组标题、每个未销号问题的编号都在，每页有表头和页码', async () => {
    const data = await host.call('problems.printData', { groupBy: 'unit', scope: 'open' });
    const open = (await host.call('problems.list', { openOnly: true })).map((p) => p.code);
    expect(open.length).toBeGreaterThan(20);

    const pdf = await render('/print/problems?group=unit&scope=open&paper=A4');
    const pageCount = pdf.pages.length;
    expect(pageCount).toBeGreaterThanOrEqual(2);
    expect(pageSizesOf(pdf.file).every((s) => s.name === 'A4' && s.width > s.height)).toBe(true);
    const all = squash(pdf.pages.join('\n'));

    expect(squash(pdf.pages[0])).toContain('湘乡市重点项目问题清单');
    expect(squash(pdf.pages[0])).toContain('截至日期：2026年11月26日');
    data.groups.forEach((group, index) => {
      const title = groupTitle(index, group, false);
      expect(title).toMatch(/^[一二三四五六七八九十]+、.+（未销号\d+个，超期\d+个）$/);
      expect(all, `分组行“${title}”`).toContain(squash(title));
    });
    for (const code of open) expect(all, `问题${code}`).toContain(code);

    pdf.pages.forEach((page, index) => {
      const text = squash(page);
      for (const head of [
        '序',
        '编号',
        '项目名称',
        '问题描述',
        '类别',
        '牵头单位/责任单位',
        '登记日期',
        '办结时限',
        '状态',
      ]) {
        expect(text, `第${index + 1}页的表头“${head}”`).toContain(head);
      }
      expect(text, `第${index + 1}页的页码`).toContain(`第${index + 1}页共${pageCount}页`);
    });

    // rows never split: below each page's header comes a whole row or a group title, never a row's tail
    pdf.pages.forEach((page, index) => {
      const lines = linesOf(page);
      const body = lines
        .slice(lines.findIndex((line) => line.includes('问题描述')) + 1)
        .filter((l) => l !== '号天数天数');
      expect(body[0], `第${index + 1}页表头下的第一行`).toMatch(/^(\d+WT-\d{4}-\d{4}|[一二三四五六七八九十]+、)/);
    });

    // an overdue problem says so in words on its row
    const overdue = (await host.call('problems.list', { overdueOnly: true }))[0];
    const rows = pdf.pages.flatMap((page) => page.split('\n'));
    const at = rows.findIndex((line) => line.includes(overdue.code));
    expect(squash(rows.slice(at, at + 3).join(''))).toContain('超期');

    const last = squash(pdf.pages[pageCount - 1]);
    expect(last).toContain(`填表人：${data.operatorName}`);
    expect(last).toContain('审核人：');
    expect(last).toContain('填报日期：2026年11月26日');
  });

  it('问题清单按链长分组、含已销号问题，A3横向页数不多于A4', async () => {
    const someone = (await host.call('problems.list', { openOnly: true }))[0];
    await host.call('problems.act', { id: someone.id, action: 'requestClose', text: '已协调解决' });
    await host.call('problems.act', { id: someone.id, action: 'close' });
    const data = await host.call('problems.printData', { groupBy: 'chainLead', scope: 'all' });

    const a3 = await render('/print/problems?group=chainLead&scope=all&paper=A3');
    const a4 = await render('/print/problems?group=chainLead&scope=all&paper=A4');
    expect(pageSizesOf(a3.file).every((s) => s.name === 'A3' && s.width > s.height)).toBe(true);
    expect(a3.pages.length).toBeLessThanOrEqual(a4.pages.length);
    const all = squash(a3.pages.join('\n'));
    expect(all).toContain('范围：全部问题（含已销号）');
    data.groups.forEach((group, index) => expect(all).toContain(squash(groupTitle(index, group, true))));
    const closedRow = a3.pages.flatMap(linesOf).find((line) => line.includes(someone.code));
    expect(closedRow).toContain('已销号');
    a3.pages.forEach((page, index) => expect(squash(page)).toContain(`第${index + 1}页共${a3.pages.length}页`));
  });

  it('“打印”页签：交办单预览每个勾选的问题一页，打印时一次打开全部交办单；问题清单预览页数与PDF一致', async () => {
    const open = await host.call('problems.list', { openOnly: true });
    const usual = open.filter((p) => p.status === 'pending' || p.status === 'in_progress');
    const listPdf = await render('/print/problems?group=unit&scope=open&paper=A4');

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = watchForPageErrors(page);
    try {
      await page.goto(`${host.url}#/problems/print`);
      const preview = page.getByRole('region', { name: '打印预览' });
      // nothing is chosen for the clerk; one click chooses the problems in hand
      await preview.getByText(/请在左侧勾选要打印交办单的问题/).waitFor();
      expect(await preview.getByRole('article').count()).toBe(0);
      await page.getByRole('button', { name: '待交办和办理中' }).click();
      await expect.poll(() => preview.getByRole('article').count()).toBe(usual.length);
      const picker = page.getByRole('list', { name: '选择要打印交办单的问题' });
      await picker.getByRole('checkbox').first().uncheck();
      await expect.poll(() => preview.getByRole('article').count()).toBe(usual.length - 1);
      expect(await preview.getByRole('article', { name: '第1页' }).innerText()).toContain(usual[1].code);

      const popup = page.waitForEvent('popup');
      await page.getByRole('button', { name: /打印交办单/ }).click();
      const paper = await popup;
      expect(decodeURIComponent(paper.url())).toContain('#/print/problem-slips?ids=');
      await paper.close();

      await page.locator('.problem-print-kind').getByText('问题清单').click();
      await expect.poll(() => preview.getByRole('article').count()).toBe(listPdf.pages.length);
      await expect.poll(() => page.locator('.print-summary').innerText()).toMatch(`预计 ${listPdf.pages.length} 页`);
      expect(await page.getByRole('button', { name: /保存为PDF/ }).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  // last: its very tall row would change how the 问题清单 above falls onto pages
  it('描述很长的问题仍然只占一页', async () => {
    const [first] = await host.call('problems.list', {});
    const long = await host.call('problems.create', {
      projectId: first.projectId,
      description: '项目用地涉及基本农田调整，需报省自然资源厅审批，目前材料已上报但尚未批复；'
        .repeat(27)
        .slice(0, 1000),
      category: 'land',
      source: '第48周调度会',
    });
    const pdf = await render(`/print/problem-slips?ids=${first.id},${long.id}`);
    expect(pdf.pages).toHaveLength(2);
    expect(squash(pdf.pages[1])).toContain(long.code);
    expect(squash(pdf.pages[1])).toContain('重点项目办（盖章）');
  });
});

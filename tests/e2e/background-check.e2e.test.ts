import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startHost, watchForPageErrors, type RunningHost } from '../../scripts/browser-host';
import { corruptIndexEntry } from '../helpers/corrupt-index';
import { makeTempDir } from '../helpers/temp-dir';

// The built browser host runs the full check in its worker thread (dist/electron/integrity-worker.cjs) after
// the start; damage it finds stops every write and brings the recovery screen.

const DAMAGED = '数据文件已损坏，为防止损坏扩大，程序没有打开它，也不会写入它。请从最近的完好备份恢复。';

let browser: Browser;
let host: RunningHost | undefined;
const temp = makeTempDir('zdxm-full-check-');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
  temp.remove();
});

interface Health {
  fullCheck: string;
  damaged: boolean;
}

/** Asks /api/health until it reports what `wanted` looks for. */
async function healthWhen(url: string, wanted: (health: Health) => boolean): Promise<Health> {
  for (;;) {
    const health = (await (await fetch(`${url}api/health`)).json()) as Health;
    if (wanted(health)) return health;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('启动后的完整检查', () => {
  it('检查在后台线程里通过；文件损坏时检查发现后拒绝写入，打开页面即是恢复界面', async () => {
    host = await startHost({ dataDir: temp.dir, demo: true, today: '2026-11-28' });
    expect(await healthWhen(host.url, (h) => h.fullCheck !== 'waiting' && h.fullCheck !== 'checking')).toEqual(
      expect.objectContaining({ fullCheck: 'passed', damaged: false }),
    );
    await host.stop();

    corruptIndexEntry(path.join(temp.dir, 'projects.sqlite'), 'milestones_project');
    // a start-up backup the stop cut short leaves .partial files, which the next start clears away
    const backupsBefore = fs.readdirSync(path.join(temp.dir, 'backups')).filter((n) => !n.endsWith('.partial'));
    host = await startHost({ dataDir: temp.dir, today: '2026-11-28' });
    expect(await healthWhen(host.url, (h) => h.fullCheck === 'damaged')).toEqual(
      expect.objectContaining({ damaged: true }),
    );
    await expect(host.call('settings.update', { cityName: '湘潭市' })).rejects.toThrow(DAMAGED);
    // no backup is taken from a file found damaged
    expect(fs.readdirSync(path.join(temp.dir, 'backups'))).toEqual(backupsBefore);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = watchForPageErrors(page);
    await page.goto(host.url);
    await page.getByRole('heading', { name: '数据文件未通过检查' }).waitFor();
    await page.getByRole('button', { name: '从这份备份恢复（推荐）' }).waitFor();
    expect(await page.getByText(/数据文件已损坏，为防止损坏扩大/).count()).toBe(1);
    expect(errors).toEqual([]);
  }, 120_000);
});

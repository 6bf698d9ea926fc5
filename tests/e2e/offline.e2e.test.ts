import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../renderer/app/routes';
import { launchBrowser, startHost, watchForPageErrors, type RunningHost } from '../../scripts/browser-host';
import { makeTempDir } from '../helpers/temp-dir';

// Office PCs have no internet: the app must never reach for it. Every request the page makes while a clerk
// goes through every area (and its settings tabs) goes to the app's own host, or stays inside the page.

let browser: Browser;
let host: RunningHost | undefined;
const temp = makeTempDir('zdxm-offline-');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
  temp.remove();
});

describe('不联网', () => {
  it('走遍每个页面，没有一个请求发往本机程序以外的地址', async () => {
    host = await startHost({ dataDir: temp.dir, demo: true, today: '2026-11-28' });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = watchForPageErrors(page);
    const outside: string[] = [];
    let requests = 0;
    page.on('request', (request) => {
      requests++;
      const url = request.url();
      if (!url.startsWith(host!.url) && !/^(data|blob):/.test(url)) outside.push(url);
    });
    const routes = [
      ...AREAS.map((a) => a.path),
      '/settings/data',
      '/settings/lights',
      '/dispatch/print',
      '/problems/print',
    ];
    for (const route of routes) {
      await page.goto(`${host.url}#${route}`);
      await page.waitForLoadState('networkidle');
    }
    expect(requests).toBeGreaterThan(routes.length);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startHost, watchForPageErrors, type RunningHost } from '../../scripts/browser-host';
import { makeTempDir } from '../helpers/temp-dir';

// Dragging the scroll bar through thousands of rows: rows flung past show their 编号 and 名称 only, and every row
// in view shows all its columns again once the list stops.

let browser: Browser;
let host: RunningHost;
const temp = makeTempDir('zdxm-e2e-fling-');

beforeAll(async () => {
  host = await startHost({ dataDir: temp.dir, demo: true, today: '2026-11-28' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.remove();
});

describe('项目库快速拖动滚动条', () => {
  it('一屏一屏飞快滚过时只画编号和名称，停下后看得见的每一行都完整', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 600 } });
    const errors = watchForPageErrors(page);
    await page.goto(`${host.url}#/projects`);
    await page.getByText(/^共 \d+ 个项目$/).waitFor();
    const list = page.getByRole('region', { name: /^项目列表/ });

    // a whole window at every frame, as a dragged scroll bar moves; each frame notes whether it drew light rows
    const seenLight = await list.evaluate(async (grid) => {
      const frame = () => new Promise((done) => requestAnimationFrame(done));
      let light = false;
      for (let i = 0; i < 3; i++) {
        grid.scrollTop += grid.clientHeight;
        await frame();
        await frame();
        light ||= grid.querySelector('tbody tr.is-light') !== null;
      }
      return light;
    });
    expect(seenLight).toBe(true);

    // stopped: the rows fill in, each with its stage and figures
    await expect.poll(() => list.locator('tbody tr.is-light').count(), { timeout: 10_000 }).toBe(0);
    const rows = list.locator('tbody tr[aria-selected]');
    expect(await rows.count()).toBeGreaterThan(5);
    for (const text of await rows.allInnerTexts()) {
      expect(text).toMatch(/XM-|[A-Z]{2}-\d{4}-/);
      expect(text).toMatch(/储备|前期|新开工|续建|竣工/);
      expect(text).toMatch(/\d+\.\d{2}/);
    }
    expect(errors).toEqual([]);
  });
});

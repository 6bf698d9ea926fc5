import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readSpreadsheetOffThread, useSpreadsheetWorker } from '../../electron/services/spreadsheet/read-off-thread';
import { bundleChild } from '../helpers/child-script';
import { buildXlsx, type TestCell } from '../helpers/spreadsheets';
import { createTempApp, type TempApp } from '../helpers/temp-app';

// Spreadsheets are read in a worker thread (bundled as the hosts bundle it), so the main thread keeps
// answering while a large file is read, and every refusal still arrives as the same Chinese message.

let worker: Awaited<ReturnType<typeof bundleChild>>;
let app: TempApp | undefined;
beforeAll(async () => {
  worker = await bundleChild('electron/spreadsheet-worker.ts', ['better-sqlite3']);
  useSpreadsheetWorker(worker.file);
}, 60_000);
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(() => {
  useSpreadsheetWorker(null);
  worker.remove();
});

describe('在工作线程里读表格', () => {
  it('导入预览与在主线程读取的结果相同；坏文件的中文说明照样传回', async () => {
    app = await createTempApp();
    const bytes = await buildXlsx([
      {
        name: '台账',
        rows: [
          ['项目名称', '建设单位', '总投资（万元）', '阶段', '产业链'],
          ['线程项目', '甲公司', 1234.5, '储备', '化工'],
        ],
      },
    ]);
    const shown = await app.ok('ledger.previewImport', { fileName: 'a.xlsx', contentBase64: bytes.toString('base64') });
    expect(shown.creates.map((r) => [r.name, r.totalInvestmentYuan])).toEqual([['线程项目', 12_345_000]]);
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const refused = await app.call('ledger.previewImport', {
      fileName: 'a.xls',
      contentBase64: ole.toString('base64'),
    });
    expect(refused.ok ? '' : refused.error.message).toContain('“另存为”Excel工作簿（.xlsx）后再导入');
  });

  it('读一个大表格时主线程照常响应（计时器没有被卡住）', async () => {
    const rows: TestCell[][] = [['序号', '项目名称', '建设单位', '建设内容及规模', '形象进度']];
    for (let i = 1; i <= 19_000; i++)
      rows.push([i, `项目${i}`, `单位${i}`, '新建厂房及配套设施'.repeat(4), '主体施工']);
    const bytes = await buildXlsx([{ name: '大表', rows }]);
    let last = performance.now();
    let longestGap = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 10);
    const started = performance.now();
    const grids = await readSpreadsheetOffThread('big.xlsx', bytes);
    const took = performance.now() - started;
    clearInterval(timer);
    expect(grids[0].rows.length).toBe(19_001);
    expect(took).toBeGreaterThan(longestGap * 3);
    expect(longestGap).toBeLessThan(400);
  }, 120_000);
});

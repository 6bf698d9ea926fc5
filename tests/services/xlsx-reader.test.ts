import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cellText } from '../../electron/services/spreadsheet/grid';
import { readSpreadsheet } from '../../electron/services/spreadsheet/read-spreadsheet';
import { entryData, zipEntries } from '../../electron/services/spreadsheet/zip-guard';
import { buildXlsx, type TestZipEntry, zipOf } from '../helpers/spreadsheets';

// A workbook's parts may be zipped in any order (Excel, WPS and exceljs's two writers each use their own), and
// the reader must not depend on it: exceljs's streaming reader, which read them in zip order, lost the parts
// after the sheets (the workbook itself among them) when the machine was busy.

async function ledger(): Promise<Buffer> {
  const long = '湘潭市'.repeat(3000);
  return buildXlsx([
    {
      name: '项目台账',
      rows: [
        ['2026年重点项目台账'],
        ['序号', '项目名称', '总投资（万元）'],
        [1, '红仑新材料产业园', 12345.67],
        [2, long, 8],
      ],
      merges: ['A1:C1'],
    },
    { name: '说明', rows: [['填表说明：金额以万元计']], hidden: true },
  ]);
}

function partsOf(bytes: Buffer): TestZipEntry[] {
  return zipEntries(bytes)
    .filter((entry) => !entry.name.endsWith('/'))
    .map((entry) => {
      const data = entryData(bytes, entry);
      return { name: entry.name, data: entry.method === 8 ? zlib.inflateRawSync(data) : data };
    });
}

describe('读取 .xlsx', () => {
  it('各部分在压缩包里的先后不影响读出的内容：工作簿在最后、共享字符串在表之后、不压缩的也一样', async () => {
    const bytes = await ledger();
    const expected = await readSpreadsheet('台账.xlsx', bytes);
    expect(expected.map((g) => [g.name, g.hidden])).toEqual([
      ['项目台账', false],
      ['说明', true],
    ]);
    expect(expected[0].rows[2]).toEqual([1, '红仑新材料产业园', 12345.67]);
    expect(expected[0].rows[3][1]).toBe('湘潭市'.repeat(3000));
    expect(expected[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);

    const parts = partsOf(bytes);
    const sheetsFirst = [...parts].sort((a, b) => rank(a.name) - rank(b.name));
    expect(sheetsFirst.at(-1)?.name).toBe('xl/workbook.xml');
    const reordered = zipOf(sheetsFirst);
    const stored = zipOf([...parts].reverse().map((part) => ({ ...part, stored: true })));
    expect(await readSpreadsheet('重排.xlsx', reordered)).toEqual(expected);
    expect(await readSpreadsheet('不压缩.xlsx', stored)).toEqual(expected);
  });

  it('同时读多份也各自完整', async () => {
    const bytes = await ledger();
    const expected = await readSpreadsheet('台账.xlsx', bytes);
    const all = await Promise.all(Array.from({ length: 20 }, () => readSpreadsheet('台账.xlsx', bytes)));
    for (const grids of all) expect(grids).toEqual(expected);
  });
});

/** sheets, then shared strings and styles, then everything else, the workbook last */
function rank(name: string): number {
  if (name.startsWith('xl/worksheets/')) return 0;
  if (name === 'xl/sharedStrings.xml' || name === 'xl/styles.xml') return 1;
  if (name === 'xl/workbook.xml') return 3;
  return 2;
}

describe('单元格里的 U+0000', () => {
  it('读出的文字去掉 NUL（xlsx 里写作 _x0000_）：项目名称照常，PostgreSQL 也能存', async () => {
    expect(cellText('红仑\u0000新材料 ')).toBe('红仑新材料');
    expect(cellText({ formula: 'A1', result: '\u0000甲' })).toBe('甲');
    const bytes = await buildXlsx([{ name: '项目台账', rows: [['项目名称'], ['红仑\u0000新材料']] }]);
    const [grid] = await readSpreadsheet('台账.xlsx', bytes);
    expect(cellText(grid.rows[1][0])).toBe('红仑新材料');
  });
});

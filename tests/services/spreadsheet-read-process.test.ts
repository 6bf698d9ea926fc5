import { afterEach, describe, expect, it } from 'vitest';
import { useSpreadsheetProcess } from '../../electron/services/spreadsheet/read-off-thread';
import { childProcessUnderTest } from '../helpers/child-script';
import { buildXlsx } from '../helpers/spreadsheets';
import { createTempApp, type TempApp } from '../helpers/temp-app';

// The browser host reads spreadsheets in a child process (bundled as the host bundles it): the preview is the
// one read in-process, a refusal arrives as the same Chinese message, and a child that gives no answer leaves
// the file to be read as the Electron app reads it.

const child = childProcessUnderTest('electron/spreadsheet-read-process.ts');
let app: TempApp | undefined;
afterEach(async () => {
  useSpreadsheetProcess(null);
  await app?.close();
  app = undefined;
});

async function ledgerFile(): Promise<{ fileName: string; contentBase64: string }> {
  const bytes = await buildXlsx([
    {
      name: '台账',
      rows: [
        ['项目名称', '建设单位', '总投资（万元）', '阶段', '产业链'],
        ['子进程项目', '甲公司', 1234.5, '储备', '化工'],
      ],
    },
  ]);
  return { fileName: 'a.xlsx', contentBase64: bytes.toString('base64') };
}

describe('在子进程里读表格', { timeout: 30_000 }, () => {
  it('导入预览与在本进程读取的结果相同，导入后项目在库里', async () => {
    app = await createTempApp();
    const file = await ledgerFile();
    const inProcess = await app.ok('ledger.previewImport', file);
    useSpreadsheetProcess(child.file());
    const shown = await app.ok('ledger.previewImport', file);
    expect(shown).toEqual(inProcess);
    expect(shown.creates.map((r) => [r.name, r.totalInvestmentYuan])).toEqual([['子进程项目', 12_345_000]]);
    await app.ok('ledger.applyImport', { ...file, fingerprint: shown.fingerprint, skipErrors: false });
    expect((await app.ok('projects.list', {})).map((p) => p.name)).toEqual(['子进程项目']);
  });

  it('坏文件的中文说明从子进程原样传回', async () => {
    app = await createTempApp();
    useSpreadsheetProcess(child.file());
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const refused = await app.call('ledger.previewImport', {
      fileName: 'a.xls',
      contentBase64: ole.toString('base64'),
    });
    expect(refused.ok ? '' : refused.error.message).toContain('“另存为”Excel工作簿（.xlsx）后再导入');
  });

  it('子进程说明的拒绝原因原样传给文员', async () => {
    app = await createTempApp();
    useSpreadsheetProcess(
      child.standIn(
        'refuses.cjs',
        "process.once('message', () => process.send({ ok: false, code: 'unreadable_file', message: '子进程读不出这个文件' }, () => process.exit(0)));",
      ),
    );
    const refused = await app.call('ledger.previewImport', await ledgerFile());
    expect(refused.ok ? '' : refused.error.message).toBe('子进程读不出这个文件');
  });

  it('子进程没有回答就退出时，在本进程里照常读出预览', async () => {
    app = await createTempApp();
    useSpreadsheetProcess(child.standIn('dies.cjs', 'process.exit(3);'));
    const shown = await app.ok('ledger.previewImport', await ledgerFile());
    expect(shown.creates.map((r) => r.name)).toEqual(['子进程项目']);
  });
});

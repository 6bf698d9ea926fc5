import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleChild } from '../helpers/child-script';
import { startChildHost, type ChildWebHost } from '../helpers/child-web-host';
import { callHost, okFrom } from '../helpers/host-calls';
import { freshDatabase } from '../helpers/postgres-database';
import { buildXlsx } from '../helpers/spreadsheets';
import { makeTempDir } from '../helpers/temp-dir';

// 导入台账 on a database server, the host killed (SIGKILL) in the middle: inside the import's transaction, with
// every row written but nothing committed, the database must hold none of it; right after the commit, all of it.
// Either way the backup taken before the import is in the server's backups folder, and the restarted host
// imports the same file to the end (a killed server's connection and its locks are gone with it).

const ROWS = 150;
const NAME = '导入强杀项目';

const temp = makeTempDir('zdxm-pg-import-killed-');
let bundle: Awaited<ReturnType<typeof bundleChild>>;
let ledger: { fileName: string; contentBase64: string };

beforeAll(async () => {
  bundle = await bundleChild('tests/helpers/children/server-host.ts', ['better-sqlite3', 'exceljs', 'pg']);
  const rows = Array.from({ length: ROWS }, (_, i) => [
    i + 1,
    `${NAME}${i + 1}`,
    `强杀测试公司${i + 1}`,
    '储备',
    '化工',
    1000 + i,
  ]);
  const bytes = await buildXlsx([
    { name: '项目台账', rows: [['序号', '项目名称', '建设单位', '阶段', '产业链', '总投资'], ...rows] },
  ]);
  ledger = { fileName: '强杀台账.xlsx', contentBase64: bytes.toString('base64') };
}, 60_000);
afterAll(() => {
  bundle?.remove();
  temp.remove();
});

interface Library {
  imported: number;
  projects: number;
  auditLines: number;
  importNotes: number;
  /** the imported projects without their line in the history */
  withoutHistory: number;
}

async function libraryOf(url: string): Promise<Library> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const count = async (query: string, values: unknown[] = []) =>
      Number((await db.query<{ n: string }>(query, values)).rows[0].n);
    return {
      imported: await count(`SELECT count(*) AS n FROM projects WHERE name LIKE $1`, [`${NAME}%`]),
      projects: await count(`SELECT count(*) AS n FROM projects`),
      auditLines: await count(`SELECT count(*) AS n FROM audit_entries`),
      importNotes: await count(`SELECT count(*) AS n FROM audit_log WHERE entity = 'import' AND new_value LIKE $1`, [
        `%${ledger.fileName}%`,
      ]),
      withoutHistory: await count(
        `SELECT count(*) AS n FROM projects p WHERE p.name LIKE $1
            AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'project' AND a.entity_id = p.id
                                                     AND a.action = 'create')`,
        [`${NAME}%`],
      ),
    };
  } finally {
    await db.end();
  }
}

function startServer(url: string, dataDir: string, options: { demo?: boolean; crashAt?: string } = {}) {
  const args = [url, dataDir, temp.dir, '0', options.demo ? 'demo' : ''];
  return startChildHost(bundle.file, args, options.crashAt ? { ZDXM_CRASH_AT: options.crashAt } : {});
}

/** The import as the clerk makes it: preview, then apply what the preview showed. */
async function importLedger(host: ChildWebHost) {
  const preview = await okFrom(host.port, 'ledger.previewImport', ledger);
  expect(preview.creates).toHaveLength(ROWS);
  return callHost(host.port, 'ledger.applyImport', { ...ledger, fingerprint: preview.fingerprint });
}

const backupsBeforeImport = (dataDir: string) =>
  fs.existsSync(path.join(dataDir, 'backups'))
    ? fs.readdirSync(path.join(dataDir, 'backups')).filter((name) => name.startsWith('导入台账前-'))
    : [];

describe('数据库服务器上导入台账时强杀主机：要么全部导入，要么什么都没有', () => {
  it.each([
    { crashAt: 'ledger-import-rows-written', kept: 'none' },
    { crashAt: 'ledger-import-committed', kept: 'all' },
  ] as const)(
    '在 $crashAt 处强杀，库中为 $kept',
    async ({ crashAt, kept }) => {
      const database = await freshDatabase();
      const dataDir = path.join(temp.dir, crashAt);
      try {
        const doomed = await startServer(database.url, dataDir, { demo: true, crashAt });
        const before = await libraryOf(database.url);
        const answer = await importLedger(doomed);
        expect(answer.kind, JSON.stringify(answer)).toBe('no_answer');
        await doomed.waitForExit(10_000);
        expect(doomed.exited()).toEqual({ code: null, signal: 'SIGKILL' });
        expect(backupsBeforeImport(dataDir)).toHaveLength(1);

        const restarted = await startServer(database.url, dataDir);
        try {
          const after = await libraryOf(database.url);
          if (kept === 'none') {
            expect(after).toEqual(before);
          } else {
            expect(after).toMatchObject({
              imported: ROWS,
              projects: before.projects + ROWS,
              importNotes: 1,
              withoutHistory: 0,
            });
            expect(after.auditLines).toBeGreaterThan(before.auditLines + ROWS);
          }
          // the restarted host reads the library, and imports the file again to the end: no lock was left behind
          expect((await okFrom(restarted.port, 'projects.list', {})).length).toBe(after.projects);
          if (kept === 'none') {
            const retried = await importLedger(restarted);
            expect(retried.kind, JSON.stringify(retried)).toBe('ok');
            expect(await libraryOf(database.url)).toMatchObject({
              imported: ROWS,
              projects: before.projects + ROWS,
              importNotes: 1,
              withoutHistory: 0,
            });
          }
        } finally {
          await restarted.stop();
        }
      } finally {
        await database.remove();
      }
    },
    120_000,
  );
});

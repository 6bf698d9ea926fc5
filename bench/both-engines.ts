import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copyLibrary } from '../db/copy/copy';
import { AppError } from '../db/errors';
import { connectPostgres } from '../db/copy/postgres-connection';
import { weekCode } from '../db/dispatch-format';
import { shiftWeek, weekOf } from '../db/model/weeks';
import { dispatch } from '../electron/contract';
import { initializeApp } from '../electron/handlers/app';
import { databaseFileOf, openAppContext, type AppContext } from '../electron/services/app-context';
import { openServerContext } from '../electron/services/server-context';
import { BARE_ENTRIES, seedDispatchHistory } from './dispatch';
import { printGoalTable, type Goal } from './full/goals';
import { seedProjects } from './library';
import { seedMilestones } from './lights';
import { withBenchDatabase, type BenchDatabase } from './postgres-server';
import { mediansTakingTurns, report } from './timing';

// Issue #14: the library list, the dispatch week and the ledger export on SQLite and on PostgreSQL, each beside
// a bare query on the same engine, and PostgreSQL at most 2× SQLite. One office in both: seeded into a SQLite
// file, then copied into PostgreSQL by the app's own copy.

const TODAY = '2026-11-28';
const PROJECTS = 5_000;
const WEEKS = 4;
const MAX_RATIO = 2;

/** A method and the bare SQL that reads the rows it is made from, with `?` for its parameters. */
interface Comparison {
  label: string;
  method: string;
  input: unknown;
  runs: number;
  bareLabel: string;
  bare: { text: string; values: (string | number)[] }[];
}

function comparisons(): Comparison[] {
  const week = weekOf(TODAY).key;
  // the current week has no entries yet: its rows copy last week's forward
  const lastWeek = weekCode(shiftWeek(week, -1).key);
  return [
    {
      label: 'projects.list {}',
      method: 'projects.list',
      input: {},
      runs: 15,
      bareLabel: 'SELECT * FROM projects',
      bare: [{ text: 'SELECT * FROM projects', values: [] }],
    },
    {
      label: `dispatch.week ${week}`,
      method: 'dispatch.week',
      input: { week },
      runs: 15,
      bareLabel: "last week's entries + projects",
      bare: [
        { text: `${BARE_ENTRIES} WHERE e.week = ?`, values: [lastWeek] },
        { text: 'SELECT * FROM projects', values: [] },
      ],
    },
    {
      label: 'stats.attraction {}',
      method: 'stats.attraction',
      input: {},
      runs: 15,
      bareLabel: "the year's 招商引资 projects",
      bare: [
        {
          text: 'SELECT * FROM projects WHERE is_investment_promotion = 1 AND signing_date >= ? AND signing_date <= ?',
          values: ['2026-01-01', '2026-12-31'],
        },
      ],
    },
    {
      label: 'ledger.export (xlsx + base64)',
      method: 'ledger.export',
      input: { totalUnit: 'wan' },
      runs: 5,
      bareLabel: 'projects + monthly figures',
      bare: [
        { text: 'SELECT * FROM projects', values: [] },
        { text: 'SELECT * FROM monthly_investments WHERE year = ?', values: [2026] },
      ],
    },
  ];
}

/** `?` → `$1`, `$2`, …: the same SQL as PostgreSQL's driver takes it (no `?` in these texts is anything else). */
function numberedMarkers(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

/** The bench's office of 5,000 projects with 20 nodes each and four weeks of entries, as a SQLite file. */
async function seedOffice(dataDir: string): Promise<void> {
  const ctx = await openAppContext({ dataDir, today: () => TODAY });
  try {
    await initializeApp(ctx, '基准测试', false);
    await seedProjects(ctx.store, PROJECTS, 2026);
    seedMilestones(ctx.db, 20, 'spread');
    seedDispatchHistory(ctx.db, TODAY, WEEKS);
  } finally {
    await ctx.close();
  }
}

async function called(ctx: AppContext, method: string, input: unknown): Promise<void> {
  const result = await dispatch(ctx, method, input);
  if (!result.ok) throw new Error(`${method} refused: ${result.error.message}`);
}

async function measure(sqliteDir: string, database: BenchDatabase): Promise<Goal[]> {
  const sqlite = await openAppContext({ dataDir: sqliteDir, today: () => TODAY });
  const serverDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-bench-server-'));
  const server = await openServerContext({ databaseUrl: database.url, dataDir: serverDir, today: () => TODAY });
  const bare = await connectPostgres(database.url, '');
  try {
    const version = (await bare.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
    console.log(`  PostgreSQL ${version.split(' ')[0]}: ${database.origin}`);
    const goals: Goal[] = [];
    for (const c of comparisons()) {
      const sqliteBare = c.bare.map((q) => ({ statement: sqlite.db.prepare(q.text), values: q.values }));
      const [onSqlite, bareSqlite, onPostgres, barePostgres] = await mediansTakingTurns(c.runs, [
        () => called(sqlite, c.method, c.input),
        () => sqliteBare.map((q) => q.statement.all(...q.values)),
        () => called(server, c.method, c.input),
        async () => {
          for (const q of c.bare) await bare.query(numberedMarkers(q.text), q.values);
        },
      ]);
      report(`${c.label} on SQLite`, onSqlite, `bare ${c.bareLabel}`, bareSqlite);
      report(`${c.label} on PostgreSQL`, onPostgres, `bare ${c.bareLabel}`, barePostgres);
      goals.push({
        name: `${c.label} on PostgreSQL`,
        figure: onPostgres,
        unit: 'ms',
        baseline: { label: 'SQLite', value: onSqlite },
        maxRatio: MAX_RATIO,
        ratioOf: 'SQLite',
      });
    }
    return goals;
  } finally {
    await bare.end();
    await server.close();
    await sqlite.close();
    fs.rmSync(serverDir, { recursive: true, force: true });
  }
}

/** The section of `npm run bench`; PostgreSQL from `--database`, or a throwaway cluster (postgres-server.ts). */
export async function benchBothEngines(argv: readonly string[]): Promise<void> {
  console.log(
    `\nBoth engines (issue #14): ${PROJECTS.toLocaleString('en-US')} projects with 20 nodes each and ${WEEKS} weeks ` +
      'of entries in SQLite, copied into PostgreSQL by `copyLibrary`;\nmedian of 15 (the export 5), the engines ' +
      'and their bare queries taking turns:',
  );
  // PostgreSQL first: where there is none, nothing is seeded for nothing
  await withBenchDatabase(argv, async (database) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-bench-engines-'));
    try {
      await seedOffice(dir);
      const started = Date.now();
      try {
        await copyLibrary(databaseFileOf(dir), database.url);
      } catch (error) {
        // a database that holds a library, or one that cannot be reached: the copy says why, and wrote nothing
        if (!(error instanceof AppError)) throw error;
        console.log(`  refused: ${error.message}`);
        return;
      }
      console.log(`  copied into PostgreSQL in ${Date.now() - started} ms`);
      const goals = await measure(dir, database);
      printGoalTable({
        title: `Goals (issue #14: PostgreSQL at most ${MAX_RATIO}× SQLite)`,
        goals,
        lastLine: 'engine goals met',
        baselineHeader: 'SQLite',
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

// `npm run bench -- --full`: the five-year office of issue #13 and every goal, each beside its bare baseline.
import type { ExportedFile } from '../../electron/api-spec';
import { dispatch } from '../../electron/contract';
import { openAppContext } from '../../electron/services/app-context';
import { markMovedOn } from '../ledger-import';
import { benchBackups } from '../backups';
import { benchPrint } from '../print';
import { measureStartup } from '../startup';
import { addGoal, notMeasured, printGoals, type Goal } from './goals';
import { benchGrowth } from './growth';
import { measureHost } from './host';
import { methodCalls, type MethodCall } from './method-calls';
import { cachedOffice, freshCopy, officeCacheDir, type CachedOffice } from './office-cache';
import { FULL_OFFICE } from './office-plan';
import { SEARCH_TERMS } from './office-texts';
import { benchScreens } from './screens';
import { benchStorage } from './storage';
import { addScreenGoals } from './ui-goals';

const RSS_LIMIT_MB = 300;
const START_LIMIT_MS = 1_500;
/** a year of kept backups, in data files */
const BACKUP_YEAR_LIMIT = 5;
const PDF_LIMIT_MS = 3_000;

/** `--only start,storage,screens,backups,host,print,growth`: a slice of the run while working on one goal. */
const SECTIONS = ['start', 'storage', 'screens', 'backups', 'host', 'print', 'growth'] as const;
type Section = (typeof SECTIONS)[number];

function chosenSections(argv: readonly string[]): ReadonlySet<Section> {
  const at = argv.indexOf('--only');
  if (at < 0) return new Set(SECTIONS);
  const asked = (argv[at + 1] ?? '').split(',').filter(Boolean);
  const unknown = asked.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (asked.length === 0 || unknown.length > 0) {
    throw new Error(`--only takes some of ${SECTIONS.join(',')}; not: ${unknown.join(',') || '(nothing)'}`);
  }
  return new Set(asked as Section[]);
}

const why = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0] : String(error));

async function office() {
  const shape = FULL_OFFICE;
  console.log(
    `The five-year office: ${shape.projects.toLocaleString('en-US')} projects, ${shape.weeks} weeks to ${shape.today}, ` +
      `${shape.problems.toLocaleString('en-US')} problems (cache: ${officeCacheDir(shape)})`,
  );
  const cached = await cachedOffice(shape, (line) => console.log(line));
  const minutes = (cached.buildMs / 60_000).toFixed(1);
  console.log(cached.built ? `Built in ${minutes} min.` : `Reused the cache (built in ${minutes} min).`);
  console.log('Rows per table:');
  for (const [table, count] of Object.entries(cached.rows)) {
    console.log(`  ${table.padEnd(24)} ${count.toLocaleString('en-US').padStart(12)}`);
  }
  return cached;
}

/** The calls the host will make, and the office's export from before the library moved on. */
async function prepareHostCopy(dir: string, today: string): Promise<{ calls: MethodCall[]; ledger: ExportedFile }> {
  const probe = await openAppContext({ dataDir: dir, today: () => today });
  try {
    const exported = await dispatch(probe, 'ledger.export', { totalUnit: 'wan' });
    if (!exported.ok) throw new Error(`ledger.export refused: ${exported.error.message}`);
    markMovedOn(probe.db);
    return { calls: methodCalls(probe.db, today), ledger: exported.data as ExportedFile };
  } finally {
    await probe.close();
  }
}

/** One goal measured on a fresh copy of the office; a failure is the goal's “not measured”, with why. */
async function goalOnCopy(
  office: CachedOffice,
  name: string,
  measure: (dir: string) => Promise<Omit<Goal, 'name'>>,
): Promise<void> {
  const copy = freshCopy(office);
  try {
    addGoal({ name, ...(await measure(copy.dir)) });
  } catch (error) {
    console.log(`  not measured: ${why(error)}`);
    notMeasured(name, why(error));
  } finally {
    copy.remove();
  }
}

export async function runFull(argv: readonly string[]): Promise<void> {
  const only = chosenSections(argv);
  const cached = await office();
  const today = FULL_OFFICE.today;

  if (only.has('start')) await start(cached);
  if (only.has('storage') || only.has('screens')) await storageAndScreens(cached, today, only);
  if (only.has('backups')) await backups(cached);
  if (only.has('host')) await host(cached, today);
  if (only.has('print')) await print();
  if (only.has('growth')) await benchGrowth();
  printGoals();
}

async function start(cached: CachedOffice): Promise<void> {
  console.log('\nStart of the built browser host on the full office (needs `npm run build`):');
  await goalOnCopy(cached, 'start-up to /api/health', async (dir) => {
    const start = await measureStartup(dir);
    return {
      figure: start.appMs,
      unit: 'ms',
      limit: START_LIMIT_MS,
      baseline: { label: 'node + open + one SELECT', value: start.bareMs },
    };
  });
}

async function storageAndScreens(cached: CachedOffice, today: string, only: ReadonlySet<Section>): Promise<void> {
  const copy = freshCopy(cached);
  try {
    const ctx = await openAppContext({ dataDir: copy.dir, today: () => today });
    try {
      if (only.has('storage')) benchStorage(ctx.db, copy.dir, cached.rows);
      if (only.has('screens')) await benchScreens(ctx, today);
    } finally {
      await ctx.close();
    }
  } finally {
    copy.remove();
  }
}

async function backups(cached: CachedOffice): Promise<void> {
  console.log('\nA year of backups under the rotation rules, on the full office:');
  await goalOnCopy(cached, 'a year of backups (kept under the rotation)', async (dir) => {
    const year = await benchBackups(dir);
    return {
      figure: year.yearBytes / year.dataBytes,
      unit: '× data file',
      limit: BACKUP_YEAR_LIMIT,
      note: `${(year.yearBytes / 1_048_576).toFixed(0)} MB beside a ${(year.dataBytes / 1_048_576).toFixed(0)} MB file`,
    };
  });
}

async function host(cached: CachedOffice, today: string): Promise<void> {
  console.log('\nThe built browser host on the full office (methods over HTTP, then Chromium):');
  const hostCopy = freshCopy(cached);
  try {
    const { calls, ledger } = await prepareHostCopy(hostCopy.dir, today);
    const figures = await measureHost(hostCopy.dir, today, calls, ledger, SEARCH_TERMS.three);
    console.log(
      `  host listening ${(figures.listeningMs / 1000).toFixed(1)} s after spawn (for information: start-up is ` +
        `bench/startup.ts's); peak RSS ${figures.peakMb.toFixed(0)} MB after ${figures.calls} calls and the screens ` +
        `(${figures.startedMb.toFixed(0)} MB once started)`,
    );
    addGoal({
      name: 'host peak RSS (VmHWM)',
      figure: figures.peakMb,
      unit: 'MB',
      limit: RSS_LIMIT_MB,
      baseline: { label: 'host just started', value: figures.startedMb },
    });
    addScreenGoals(figures);
  } catch (error) {
    console.log(`  not measured: ${why(error)}`);
    notMeasured('host peak RSS (VmHWM)', why(error));
    addScreenGoals(null, why(error));
  } finally {
    hostCopy.remove();
  }
}

async function print(): Promise<void> {
  console.log('\nPrinting (needs `npm run build` and Chromium):');
  try {
    const pdf = await benchPrint();
    addGoal({
      name: '周调度表 of 500 projects to PDF',
      figure: pdf.ms,
      unit: 'ms',
      limit: PDF_LIMIT_MS,
      baseline: { label: pdf.baselineLabel, value: pdf.baselineMs },
    });
  } catch (error) {
    console.log(`  not measured: ${why(error)}`);
    notMeasured('周调度表 of 500 projects to PDF', why(error));
  }
}

import type { ExportedFile } from '../../electron/api-spec';
import { dispatch } from '../../electron/contract';
import { openAppContext, type AppContext } from '../../electron/services/app-context';
import { measureSingleItems } from '../single-item';
import { medianMsCapped } from '../timing';
import { addGoal, notMeasured } from './goals';
import { methodCalls } from './method-calls';
import { cachedOffice, freshCopy } from './office-cache';
import { growthOffice } from './office-plan';

export const GROWTH_SIZES = [500, 5_000, 20_000];
/** Growth allowed from one size to the next: this many times the growth of the office itself. */
const LINEAR_SLACK = 1.5;
/** Figures under this are taken as this, so that noise in sub-millisecond calls cannot fail the rule. */
const FLOOR_MS = 1;

async function timed(ctx: AppContext, method: string, input: unknown, runs: number): Promise<number> {
  const first = await dispatch(ctx, method, input);
  if (!first.ok) throw new Error(`${method} refused: ${first.error.message}`);
  return medianMsCapped(runs, () => dispatch(ctx, method, input));
}

/** A method's median at one size, or why it could not be measured there (e.g. the app refused the call). */
type Timing = number | string;

async function measureSize(size: number, progress: (line: string) => void): Promise<Map<string, Timing>> {
  const shape = growthOffice(size);
  const office = await cachedOffice(shape, progress);
  if (office.built) progress(`  built the ${size.toLocaleString('en-US')}-project office in ${office.buildMs} ms`);
  const copy = freshCopy(office);
  const ctx = await openAppContext({ dataDir: copy.dir, today: () => shape.today });
  try {
    const times = new Map<string, Timing>();
    const measure = async (label: string, work: () => Promise<number>) => {
      try {
        times.set(label, await work());
      } catch (error) {
        times.set(label, error instanceof Error ? error.message : String(error));
      }
    };
    for (const call of methodCalls(ctx.db, shape.today)) {
      await measure(call.label, () => timed(ctx, call.method, call.input, 5));
    }
    await measure('problems.create', async () => (await measureSingleItems(ctx, 5)).problem);
    const file = await dispatch(ctx, 'ledger.export', { totalUnit: 'wan' });
    if (!file.ok) throw new Error(`ledger.export refused: ${file.error.message}`);
    const exported = file.data as ExportedFile;
    await measure('ledger.export', () => timed(ctx, 'ledger.export', { totalUnit: 'wan' }, 3));
    const input = { fileName: exported.fileName, contentBase64: exported.base64 };
    await measure('ledger.previewImport', () => timed(ctx, 'ledger.previewImport', input, 3));
    return times;
  } finally {
    await ctx.close();
    copy.remove();
  }
}

const floored = (ms: number) => Math.max(ms, FLOOR_MS);

/**
 * Each method at 500, 5,000 and 20,000 projects (four weeks of history, the same builder as the full office),
 * and the rule: from each size to the next, t(n2)/t(n1) ≤ 1.5 × n2/n1, figures under 1 ms taken as 1 ms.
 */
export async function benchGrowth(sizes: readonly number[] = GROWTH_SIZES): Promise<void> {
  console.log(
    `\nGrowth (four weeks of history; median of 5, the ledger of 3). Rule: t(n2)/t(n1) ≤ ${LINEAR_SLACK} × n2/n1 ` +
      `from each size to the next, figures under ${FLOOR_MS} ms taken as ${FLOOR_MS} ms.`,
  );
  const bySize: Map<string, Timing>[] = [];
  for (const size of sizes) bySize.push(await measureSize(size, (line) => console.log(line)));
  const header = sizes.map((n) => `${n.toLocaleString('en-US')} p.`.padStart(12)).join('');
  const steps = sizes.slice(1).map((n, i) => `×${n / sizes[i]} allowed ${LINEAR_SLACK * (n / sizes[i])}`);
  console.log(`${'method'.padEnd(44)}${header}   ${steps.map((s) => s.padEnd(22)).join('')}`);
  for (const label of bySize[0].keys()) {
    const timings = bySize.map((m) => m.get(label) ?? 'not measured');
    const failed = timings.findIndex((t) => typeof t === 'string');
    if (failed >= 0) {
      const cells = timings
        .map((t) => (typeof t === 'string' ? 'refused' : `${t.toFixed(1)} ms`).padStart(12))
        .join('');
      console.log(`${label.padEnd(44)}${cells}   at ${sizes[failed]}: ${timings[failed]}`);
      notMeasured(`grows at most linearly: ${label}`, `at ${sizes[failed]} projects: ${timings[failed]}`);
      continue;
    }
    const times = timings as number[];
    const growths = times.slice(1).map((t, i) => floored(t) / floored(times[i]));
    // how far past linear the worst step grew: 1.0 is exactly linear, the rule allows LINEAR_SLACK
    const worst = Math.max(...growths.map((g, i) => g / (sizes[i + 1] / sizes[i])));
    const cells = times.map((t) => `${t.toFixed(1)} ms`.padStart(12)).join('');
    console.log(`${label.padEnd(44)}${cells}   ${growths.map((g) => `×${g.toFixed(1)}`.padEnd(22)).join('')}`);
    addGoal({ name: `grows at most linearly: ${label}`, figure: worst, unit: '× linear', limit: LINEAR_SLACK });
  }
}

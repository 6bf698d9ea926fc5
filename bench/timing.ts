import { performance } from 'node:perf_hooks';

/** Median wall time of `runs` calls after one warm-up, in milliseconds. */
export async function medianMs(runs: number, work: () => unknown): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Like medianMs, but a call that takes over a second in its warm-up gets three runs: the bench stays finite. */
export async function medianMsCapped(runs: number, work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  const slow = performance.now() - start > 1_000;
  return medianMs(slow ? Math.min(runs, 3) : runs, work);
}

export function report(label: string, ms: number, baselineLabel: string, baselineMs: number): void {
  const ratio = baselineMs > 0 ? (ms / baselineMs).toFixed(1) : '—';
  console.log(
    `${label.padEnd(56)} ${ms.toFixed(1).padStart(8)} ms   | ${baselineLabel.padEnd(34)} ${baselineMs
      .toFixed(1)
      .padStart(8)} ms   (×${ratio})`,
  );
}

/** A figure beside its bare baseline, as printed by `report`. */
export interface Figure {
  label: string;
  ms: number;
  baselineLabel: string;
  baselineMs: number;
}

export function reportFigure(figure: Figure): Figure {
  report(figure.label, figure.ms, figure.baselineLabel, figure.baselineMs);
  return figure;
}

/**
 * Median wall time of each of `works`, taking turns: one warm-up each, then `runs` rounds of each in order, so
 * a machine busy with something else for a while slows them all alike rather than whichever ran then.
 */
export async function mediansTakingTurns(runs: number, works: readonly (() => unknown)[]): Promise<number[]> {
  for (const work of works) await work();
  const times = works.map(() => [] as number[]);
  for (let round = 0; round < runs; round++) {
    for (const [index, work] of works.entries()) {
      const start = performance.now();
      await work();
      times[index].push(performance.now() - start);
    }
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
}

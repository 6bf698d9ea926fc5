import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { launchBrowser, startHost, type RunningHost } from '../../scripts/browser-host';
import type { ExportedFile, MethodName } from '../../electron/api-spec';
import type { MethodCall } from './method-calls';
import { measureBarePage, measureScreens, type BareFeel, type ScreenFeel } from './ui';

export interface HostFigures {
  /** peak RSS of the host process just after it started (MB) */
  startedMb: number;
  /** spawn → listening, for information only: start-up is measured by bench/startup.ts */
  listeningMs: number;
  /** peak RSS after every method over HTTP and the screens in Chromium (MB) */
  peakMb: number;
  calls: number;
  screens: ScreenFeel[] | null;
  bare: BareFeel | null;
  /** why the screens could not be measured */
  screensProblem?: string;
}

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1]);
  return kb / 1024;
}

interface PeakWatch {
  step<T>(name: string, run: () => Promise<T>): Promise<T>;
  /** the highest RSS the host reached since it started */
  peakMb(): number;
}

/**
 * `BENCH_HOST_STEPS=1` also prints each step's own peak as it ends (VmHWM reset before the step by writing 5 to
 * clear_refs), to see which step the run's peak comes from; the run's peak is then the highest of them.
 */
function watchPeaks(pid: number): PeakWatch {
  if (!process.env.BENCH_HOST_STEPS) return { step: (_name, run) => run(), peakMb: () => peakRssMb(pid) };
  let highest = peakRssMb(pid);
  return {
    async step(name, run) {
      fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
      const result = await run();
      const peak = peakRssMb(pid);
      highest = Math.max(highest, peak);
      console.log(`    ${name.padEnd(36)} peak ${peak.toFixed(0).padStart(4)} MB`);
      return result;
    },
    peakMb: () => Math.max(highest, peakRssMb(pid)),
  };
}

async function callAll(host: RunningHost, calls: readonly MethodCall[], watch: PeakWatch): Promise<number> {
  for (const { method, input } of calls) {
    await watch.step(method, () => host.call(method as MethodName, input as never));
  }
  return calls.length;
}

/**
 * The built browser host on a copy of the full office, doing what the app does: every measured method over
 * HTTP, then the screens in Chromium. Its peak RSS is read from /proc, apart from the bench holding baselines.
 */
export async function measureHost(
  dataDir: string,
  today: string,
  calls: readonly MethodCall[],
  /** the office's own export from before it moved on: importing it updates every project */
  ledger: ExportedFile,
  term: string,
): Promise<HostFigures> {
  const starting = performance.now();
  const host = await startHost({ dataDir, today, startTimeoutMs: 600_000 });
  try {
    const startedMb = peakRssMb(host.pid);
    const listeningMs = performance.now() - starting;
    const watch = watchPeaks(host.pid);
    await watch.step('ledger.export', () => host.call('ledger.export', { totalUnit: 'wan' }));
    const file = { fileName: ledger.fileName, contentBase64: ledger.base64 };
    const preview = await watch.step('ledger.previewImport', () => host.call('ledger.previewImport', file));
    let count = await callAll(host, calls, watch);
    await watch.step('ledger.applyImport', () =>
      host.call('ledger.applyImport', { ...file, fingerprint: preview.fingerprint, skipErrors: true }),
    );
    count += 3;
    let screens: ScreenFeel[] | null = null;
    let bare: BareFeel | null = null;
    let screensProblem: string | undefined;
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser();
      const opened = browser;
      screens = await watch.step('screens', () => measureScreens(opened, host, term));
      bare = await measureBarePage(browser, term);
    } catch (error) {
      screensProblem = error instanceof Error ? error.message.split('\n')[0] : String(error);
    } finally {
      await browser?.close();
    }
    return { startedMb, listeningMs, peakMb: watch.peakMb(), calls: count, screens, bare, screensProblem };
  } finally {
    await host.stop();
  }
}

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

async function callAll(host: RunningHost, calls: readonly MethodCall[]): Promise<number> {
  for (const { method, input } of calls) {
    await host.call(method as MethodName, input as never);
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
    await host.call('ledger.export', { totalUnit: 'wan' });
    const file = { fileName: ledger.fileName, contentBase64: ledger.base64 };
    const preview = await host.call('ledger.previewImport', file);
    let count = await callAll(host, calls);
    await host.call('ledger.applyImport', { ...file, fingerprint: preview.fingerprint, skipErrors: true });
    count += 3;
    let screens: ScreenFeel[] | null = null;
    let bare: BareFeel | null = null;
    let screensProblem: string | undefined;
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser();
      screens = await measureScreens(browser, host, term);
      bare = await measureBarePage(browser, term);
    } catch (error) {
      screensProblem = error instanceof Error ? error.message.split('\n')[0] : String(error);
    } finally {
      await browser?.close();
    }
    return { startedMb, listeningMs, peakMb: peakRssMb(host.pid), calls: count, screens, bare, screensProblem };
  } finally {
    await host.stop();
  }
}

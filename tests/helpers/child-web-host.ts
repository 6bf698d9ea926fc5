import { spawn } from 'node:child_process';
import { childEnv } from './child-script';

export interface ChildWebHost {
  port: number;
  /** how the process ended, or null while it runs */
  exited(): { code: number | null; signal: NodeJS.Signals | null } | null;
  /** resolves once the process has ended, or after `ms` */
  waitForExit(ms: number): Promise<void>;
  /** everything it wrote, stdout and stderr */
  output(): string;
  /** SIGTERM, which closes the host and its database cleanly; resolves with the exit code */
  stop(): Promise<number | null>;
}

/** Runs `bundle` (tests/helpers/children/web-host.ts bundled by bundleChild) on a data and a static folder. */
export function startChildWebHost(bundle: string, dataDir: string, staticDir: string): Promise<ChildWebHost> {
  return startChildHost(bundle, [dataDir, staticDir]);
}

/** Runs a bundled host entry with its arguments (and variables beside the project's), until it says it listens. */
export function startChildHost(bundle: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ChildWebHost> {
  const child = spawn(process.execPath, [bundle, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...childEnv(), ...env },
  });
  let output = '';
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const ended = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve();
    }),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        port: Number(match[1]),
        exited: () => exit,
        waitForExit: (ms) => Promise.race([ended, new Promise<void>((r) => setTimeout(r, ms))]),
        output: () => output,
        async stop() {
          if (!exit) {
            child.kill('SIGTERM');
            await ended;
          }
          return exit?.code ?? null;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void ended.then(() => {
      clearTimeout(timer);
      reject(new Error(`web host exited before listening:\n${output}`));
    });
  });
}

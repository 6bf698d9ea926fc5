import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

// Global setup of the node and jsdom projects: one folder per run for the example offices of demo-cache.ts,
// shared by both projects (their setups run in the same main process) and removed when the run ends.

const SHARED = 'ZDXM_TEST_DEMO_CACHE';

export function setup(project: TestProject): void {
  process.env[SHARED] ??= fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-demo-cache-'));
  project.provide('demoCacheDir', process.env[SHARED]);
}

export function teardown(): void {
  const dir = process.env[SHARED];
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

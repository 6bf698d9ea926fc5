import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SCHEMA_VERSION } from '../../db/migrations';
import { buildOffice } from './office-builder';
import { FULL_OFFICE, type OfficeShape } from './office-plan';

/** Bump when the builder writes a different office: an older cache is then built again. */
export const GENERATOR_VERSION = 3;
const DATA_FILE = 'projects.sqlite';
const MARKER = 'complete.json';

export interface CachedOffice {
  dir: string;
  buildMs: number;
  rows: Record<string, number>;
  /** built in this run (not found in the cache) */
  built: boolean;
}

export function officeCacheDir(shape: OfficeShape): string {
  const full = shape === FULL_OFFICE;
  const suffix = full ? '' : `-p${shape.projects}-w${shape.weeks}`;
  return path.join(os.tmpdir(), `zdxm-bench-office-v${SCHEMA_VERSION}-g${GENERATOR_VERSION}${suffix}`);
}

/** The cached office, built first if missing or incomplete (the marker is written last). */
export async function cachedOffice(shape: OfficeShape, progress: (line: string) => void): Promise<CachedOffice> {
  const dir = officeCacheDir(shape);
  const marker = path.join(dir, MARKER);
  if (fs.existsSync(marker)) {
    const { buildMs, rows } = JSON.parse(fs.readFileSync(marker, 'utf8')) as Omit<CachedOffice, 'dir' | 'built'>;
    return { dir, buildMs, rows, built: false };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const building = `${dir}.partial-${process.pid}`;
  fs.rmSync(building, { recursive: true, force: true });
  fs.mkdirSync(building, { recursive: true });
  const started = Date.now();
  const rows = await buildOffice(building, shape, progress);
  const buildMs = Date.now() - started;
  fs.writeFileSync(path.join(building, MARKER), JSON.stringify({ buildMs, rows, shape }));
  fs.renameSync(building, dir);
  return { dir, buildMs, rows, built: true };
}

/** A fresh copy of the cached office's data file, so no measurement ever changes the cache. */
export function freshCopy(office: CachedOffice): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-bench-run-'));
  fs.copyFileSync(path.join(office.dir, DATA_FILE), path.join(dir, DATA_FILE));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

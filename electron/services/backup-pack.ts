import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../db/errors';
import { isPackFile, readPackHeader, type ReadHeader } from './backup-pack-format';
import { PackDamaged, packProblem } from './backup-pack-read';
import { pageSizeOf, writeDiffPack, writeFullPack, type PackFacts } from './backup-pack-write';
import { takenAtOf } from './backup-names';
import { renameDurably } from '../../db/durable-files';

// Which form a new backup takes. A diff needs its base for as long as it is kept (rotation keeps the base, see
// backup-rotation.ts), so a base is used for a month at most: a damaged base then costs at most a month of diffs,
// and the diffs, which hold every page changed since their base, stay small. A diff that would be more than half
// its base's size is not worth the dependence and is written as a full pack instead.

export const BASE_MAX_DAYS = 31;
const DIFF_MAX_SHARE = 0.5;

interface Base {
  fileName: string;
  file: string;
  at: ReadHeader;
}

/** The newest full pack in `dir` taken within BASE_MAX_DAYS before `now`, with the snapshot's page size. */
export function chooseBase(dir: string, pageSize: number, now: number): Base | null {
  const packs = fs
    .readdirSync(dir)
    .filter(isPackFile)
    .map((fileName) => ({ fileName, file: path.join(dir, fileName), takenAt: takenAtOf(path.join(dir, fileName)) }))
    .filter((p) => p.takenAt <= now && now - p.takenAt <= BASE_MAX_DAYS * 86_400_000)
    .sort((a, b) => b.takenAt - a.takenAt);
  for (const pack of packs) {
    const at = readPackHeader(pack.file);
    if (at?.header.type === 'full' && at.header.pageSize === pageSize) return { ...pack, at };
  }
  return null;
}

/** Writes the pack a backup of `snapshot` taken at `now` gets in `partial`'s folder: a diff when that pays, else full. */
export async function writePack(snapshot: string, partial: string, facts: PackFacts, now: number): Promise<void> {
  const base = chooseBase(path.dirname(partial), pageSizeOf(snapshot), now);
  if (base) {
    try {
      const diff = await writeDiffPack(snapshot, partial, base, facts);
      if (diff.bodyBytes <= base.at.header.bodyBytes * DIFF_MAX_SHARE) return;
    } catch (error) {
      // a base that no longer reads back is not built on: this backup stands on its own instead
      if (!(error instanceof PackDamaged)) throw error;
    }
    fs.rmSync(partial, { force: true });
  }
  await writeFullPack(snapshot, partial, facts);
}

/**
 * Packs a checked snapshot into `target`: written as `.partial`, read back in full (rebuilt and hashed against
 * the snapshot's hash) and only then flushed and named. A pack that does not read back is deleted, never named.
 */
export async function packSnapshot(snapshot: string, target: string, facts: PackFacts, now: number): Promise<void> {
  const partial = `${target}.partial`;
  try {
    await writePack(snapshot, partial, facts, now);
    const problem = await packProblem(partial);
    if (problem) {
      throw new AppError('backup_failed', `备份写入后读回校验未通过（${problem}），该备份已删除，请重试`);
    }
    renameDurably(partial, target);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

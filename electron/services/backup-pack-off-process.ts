import fs from 'node:fs';
import { AppError } from '../../db/errors';
import { packSnapshot } from './backup-pack';
import { answerFromChild } from './child-answer';
import type { PackFacts } from './backup-pack-write';

// The browser host packs its backups in a child process (electron/backup-pack-process.ts): what packing leaves
// in the allocator goes when the child exits, instead of staying in the host for as long as it runs. The
// Electron app has no such child (its fuses forbid running as plain Node), and run from source (tests, tsx)
// there is no bundle either: then the pack is written in-process, which is the same code.

let processFile: string | null = null;

export function usePackProcess(file: string | null): void {
  processFile = file && fs.existsSync(file) ? file : null;
}

export interface PackJob {
  snapshot: string;
  target: string;
  facts: PackFacts;
  now: number;
}

export type PackAnswer = { ok: true } | { ok: false; code: string; message: string };

/** packSnapshot, in the child process when the host provides one. */
export async function packSnapshotOffProcess(job: PackJob): Promise<void> {
  const answer = processFile ? await answerFromChild<PackJob, PackAnswer>(processFile, job, 'json') : null;
  // no child, or one that gave no answer: the pack is (re)written here; it starts from a fresh `.partial`
  if (!answer) return packSnapshot(job.snapshot, job.target, job.facts, job.now);
  if (answer.ok) return;
  if (answer.code === 'internal') throw new Error(answer.message);
  throw new AppError(answer.code, answer.message);
}

// Runs as a child process of the browser host: packs one backup snapshot (backup-pack.ts) and exits. Brotli and
// the file's blocks leave tens of MB in the allocator that a long-running process never gives back; a process
// that exits gives back all of it.
import { AppError } from '../db/errors';
import { packSnapshot } from './services/backup-pack';
import type { PackAnswer, PackJob } from './services/backup-pack-off-process';

// the host is gone (killed, closed): nobody waits for this pack, and the next start removes its `.partial`
process.on('disconnect', () => process.exit(0));

process.once('message', (job: PackJob) => {
  const answer = (message: PackAnswer) => process.send?.(message, () => process.exit(0));
  packSnapshot(job.snapshot, job.target, job.facts, job.now).then(
    () => answer({ ok: true }),
    (error: unknown) =>
      answer(
        error instanceof AppError
          ? { ok: false, code: error.code, message: error.message }
          : { ok: false, code: 'internal', message: error instanceof Error ? error.message : String(error) },
      ),
  );
});

import crypto from 'node:crypto';
import { Transform } from 'node:stream';

/** A stream that passes every chunk on unchanged, counting its bytes and hashing them (SHA-256) as they go. */
export function hashingTap(): { tap: Transform; bytes(): number; sha256(): string } {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { tap, bytes: () => bytes, sha256: () => hash.digest('hex') };
}

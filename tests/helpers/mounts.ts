import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

// A small tmpfs makes a real full disk, and a read-only remount a real read-only folder. Mounting needs root
// and a kernel that allows it (this machine and CI do); where it is refused, the tests inject the error instead.

export function tryMountTmpfs(dir: string, size: string, readOnly = false): boolean {
  fs.mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${readOnly ? ',ro' : ''}`, 'tmpfs', dir], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

export function remount(dir: string, options: string): void {
  execFileSync('mount', ['-o', `remount,${options}`, dir], { stdio: 'ignore' });
}

export function unmount(dir: string): void {
  try {
    execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
  } catch {
    // not mounted
  }
}

/** Fills a filesystem to the last byte. */
export function fillUp(dir: string): string {
  const filler = `${dir}/filler.bin`;
  const fd = fs.openSync(filler, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, block);
  } catch {
    // ENOSPC: full
  } finally {
    fs.closeSync(fd);
  }
  // what a 64 KB block could not take, smaller writes can
  const small = fs.openSync(filler, 'a');
  try {
    for (;;) fs.writeSync(small, Buffer.alloc(512, 1));
  } catch {
    // full to the byte
  } finally {
    fs.closeSync(small);
  }
  return filler;
}

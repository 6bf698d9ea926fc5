import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireFolderLock, LOCK_FILE, type FolderLock } from '../../electron/services/folder-lock';
import { makeTempDir } from '../helpers/temp-dir';

// A lock names its process by id and start time: after a crash and a reboot (or a long uptime) the id may
// belong to another, unrelated process, which must not keep the office out of its data.

let temp: ReturnType<typeof makeTempDir> | undefined;
let child: ChildProcess | undefined;
let lock: FolderLock | undefined;
afterEach(() => {
  lock?.release();
  lock = undefined;
  child?.kill();
  child = undefined;
  temp?.remove();
  temp = undefined;
});

/** Field 22 of /proc/<pid>/stat (start time in clock ticks after boot), read here independently of the app. */
function startTicksOf(pid: number): string {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

async function liveProcess(): Promise<number> {
  child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  await new Promise((resolve) => child!.once('spawn', resolve));
  return child.pid!;
}

function writeLock(dir: string, content: Record<string, unknown>): void {
  fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ since: '2026-11-01T00:00:00.000Z', ...content }));
}

describe.runIf(process.platform === 'linux')('锁文件记下进程号和进程启动时间', () => {
  it('自己的锁写明启动时间', () => {
    temp = makeTempDir();
    lock = acquireFolderLock(temp.dir);
    const written = JSON.parse(fs.readFileSync(path.join(temp.dir, LOCK_FILE), 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({ pid: process.pid, processStart: startTicksOf(process.pid) });
  });

  it('进程号仍在用、但启动时间不同（进程号被别的程序重用）：旧锁作废，照常启动', async () => {
    temp = makeTempDir();
    const pid = await liveProcess();
    writeLock(temp.dir, { pid, processStart: String(Number(startTicksOf(pid)) - 1000) });
    lock = acquireFolderLock(temp.dir);
    const written = JSON.parse(fs.readFileSync(path.join(temp.dir, LOCK_FILE), 'utf8')) as { pid: number };
    expect(written.pid).toBe(process.pid);
  });

  it('进程号和启动时间都对得上：另一个程序确实在用，拒绝启动', async () => {
    temp = makeTempDir();
    const pid = await liveProcess();
    writeLock(temp.dir, { pid, processStart: startTicksOf(pid) });
    expect(() => acquireFolderLock(temp!.dir)).toThrow(`正被另一个重点项目推进台使用（进程${pid}`);
  });

  it('旧版程序的锁（只有进程号）：进程还在就拒绝，和从前一样', async () => {
    temp = makeTempDir();
    const pid = await liveProcess();
    writeLock(temp.dir, { pid });
    expect(() => acquireFolderLock(temp!.dir)).toThrow('正被另一个重点项目推进台使用');
  });
});

import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { startCheckProblems } from '../../db/start-check';
import { corruptIndexEntry } from '../helpers/corrupt-index';
import { createTempApp } from '../helpers/temp-app';
import { makeTempDir } from '../helpers/temp-dir';

// The start's check of a file too large for quick_check (here forced with a limit of 0 bytes): header, schema
// and both ends of every table. What it cannot see, the background full check finds.

let temp: ReturnType<typeof makeTempDir> | undefined;
afterEach(() => {
  temp?.remove();
  temp = undefined;
});

/** The example office's file, closed, in a folder of its own. */
async function exampleFile(): Promise<string> {
  const app = await createTempApp({ demo: true });
  await app.ctx.close();
  temp = { dir: app.dir, remove: () => fs.rmSync(app.dir, { recursive: true, force: true }) };
  return path.join(app.dir, 'projects.sqlite');
}

function boundedCheck(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return startCheckProblems(db, file, 0);
  } finally {
    db.close();
  }
}

function overwritePage(file: string, page: number): void {
  const bytes = fs.readFileSync(file);
  const size = bytes.readUInt16BE(16);
  bytes.fill(0x5a, (page - 1) * size, page * size);
  fs.writeFileSync(file, bytes);
}

const rootPageOf = (file: string, table: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(table) as number;
  } finally {
    db.close();
  }
};

describe('启动时的有限检查（大文件）', () => {
  it('完好的文件通过，并且不写文件', async () => {
    const file = await exampleFile();
    const before = fs.readFileSync(file);
    expect(boundedCheck(file)).toEqual([]);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('文件头、某张表的根页坏了：启动时就发现，程序不打开它', async () => {
    const file = await exampleFile();
    const copy = `${file}.header`;
    fs.copyFileSync(file, copy);
    const bytes = fs.readFileSync(copy);
    bytes.write('Not a database!!', 0, 'latin1');
    fs.writeFileSync(copy, bytes);
    expect(boundedCheck(copy)).toEqual(['文件头不是SQLite数据库']);

    overwritePage(file, rootPageOf(file, 'projects'));
    expect(boundedCheck(file).join('')).toMatch(/malformed|corrupt/i);
  });

  it('索引里的一条记录坏了：每一页都读得出，启动检查放行，留给后台的完整检查', async () => {
    const file = await exampleFile();
    corruptIndexEntry(file, 'milestones_project');
    expect(boundedCheck(file)).toEqual([]);
    const db = new Database(file, { readonly: true });
    // a small file's quick_check does not compare an index with its table either
    expect(startCheckProblems(db, file)).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toMatch(/missing from index milestones_project/);
    db.close();
  });

  it('小文件在启动时做 quick_check：坏了的页当场发现，程序只显示恢复界面', async () => {
    const file = await exampleFile();
    overwritePage(file, rootPageOf(file, 'milestones'));
    expect(() => openDatabase(file)).toThrow('数据文件已损坏');
  });
});

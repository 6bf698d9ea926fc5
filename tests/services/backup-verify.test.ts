import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTempApp, type TempApp } from '../helpers/temp-app';

// A pack that does not read back as written (a disk that returns other bytes than it was given): the read-back
// check is made to fail here, as such a disk would make it.
vi.mock('../../electron/services/backup-pack-read', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../electron/services/backup-pack-read')>();
  return { ...original, packProblem: async () => '备份文件已损坏（内容校验不符）' };
});

let app: TempApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('备份写入后读回校验', () => {
  it('读回校验不通过的备份被删除，说明原因，不出现在列表中', async () => {
    app = await createTempApp();
    const listed = await app.ok('backups.list', {});
    const result = await app.call('backups.create', {});
    expect(result.ok ? '' : result.error.message).toBe(
      '备份写入后读回校验未通过（备份文件已损坏（内容校验不符）），该备份已删除，请重试',
    );
    expect(await app.ok('backups.list', {})).toEqual(listed);
    const dir = path.join(app.dir, 'backups');
    expect(fs.readdirSync(dir).filter((name) => name.includes('partial'))).toEqual([]);
  });
});

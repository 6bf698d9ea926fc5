import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { schemaVersionOf } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { makeTempDir } from '../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
afterEach(() => temp?.remove());

describe('迁移 0180：附件', () => {
  it('在150版文件上加建 attachments：空表，所属类别和文件类别由数据库把关，说明默认为空', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'projects.sqlite');
    const v150 = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 150) });
    v150.close();
    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 180) });
    expect(schemaVersionOf(db)).toBe(180);
    expect(db.prepare('SELECT COUNT(*) AS n FROM attachments').get()).toEqual({ n: 0 });
    // the owner and its project are the handlers' to check (tests/services/contract-attachments.test.ts)
    db.pragma('foreign_keys = OFF');
    const id = 1;
    const insert = (ownerKind: string, fileKind: string) =>
      db
        .prepare(
          `INSERT INTO attachments (owner_kind, owner_id, project_id, sha256, file_name, size_bytes, mime_type,
                                    file_kind, created_at, created_by)
           VALUES (?, ?, ?, ?, '现场照片.jpg', 1024, 'image/jpeg', ?, '2026-12-07T01:00:00.000Z', '张三')`,
        )
        .run(ownerKind, id, id, 'a'.repeat(64), fileKind);
    insert('project', 'image');
    expect(db.prepare('SELECT caption, deleted_at FROM attachments').get()).toEqual({ caption: '', deleted_at: null });
    expect(() => insert('meeting', 'image')).toThrow(/CHECK/);
    expect(() => insert('entry', 'video')).toThrow(/CHECK/);
    const indexes = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'attachments'").all() as {
        name: string;
      }[]
    ).map((row) => row.name);
    expect(indexes.sort()).toEqual(['attachments_owner', 'attachments_project', 'attachments_sha256']);
    db.close();
  });
});

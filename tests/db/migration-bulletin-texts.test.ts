import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { schemaVersionOf } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { makeTempDir } from '../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
afterEach(() => temp?.remove());

describe('迁移 0150：月度通报文字', () => {
  it('在120版文件上加建 bulletin_texts：空表，月份由数据库把关，版本从1起', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'projects.sqlite');
    const v120 = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 120) });
    expect(schemaVersionOf(v120)).toBe(120);
    v120.close();
    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 150) });
    expect(schemaVersionOf(db)).toBe(150);
    expect(db.prepare('SELECT COUNT(*) AS n FROM bulletin_texts').get()).toEqual({ n: 0 });
    db.prepare(
      "INSERT INTO bulletin_texts (year, month, doc_number) VALUES (2026, 11, '湘乡重点办〔2026〕11号')",
    ).run();
    expect(db.prepare('SELECT summary, version FROM bulletin_texts').get()).toEqual({ summary: null, version: 1 });
    expect(() =>
      db.prepare("INSERT INTO bulletin_texts (year, month, doc_number) VALUES (2026, 13, '')").run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});

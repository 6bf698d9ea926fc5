import { afterEach, describe, expect, it } from 'vitest';
import { migratePostgres } from '../../db/migrate-postgres';
import { moveIdentitiesPastIds } from '../../db/postgres-identities';
import { sql } from '../../db/sql';
import { emptyPostgres, type Cleanup } from '../helpers/postgres-library';

const cleanups: Cleanup[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('带编号写入之后的自增列', () => {
  it('复制进来的行带着编号：移过最大编号后，新加的行接着编号，不撞已有的', async () => {
    const { store } = await emptyPostgres(cleanups);
    await migratePostgres(store);
    await store.run(sql`INSERT INTO units (id, name) VALUES (3, '发改局'), (41, '住建局')`);
    await store.run(sql`INSERT INTO audit_names (id, name) VALUES (7, '张三')`);
    await expect(store.insert(sql`INSERT INTO units (name) VALUES ('自然资源局')`)).resolves.toBe(1);
    await moveIdentitiesPastIds(store);
    await expect(store.insert(sql`INSERT INTO units (name) VALUES ('交通局')`)).resolves.toBe(42);
    await expect(store.insert(sql`INSERT INTO audit_names (name) VALUES ('李四')`)).resolves.toBe(8);
    // the 17 templates a new library has, and an empty table starting at 1
    await expect(
      store.insert(sql`INSERT INTO milestone_templates (stage, name, duration_days, sort_order)
                       VALUES ('reserve', '签订投资协议', 10, 3)`),
    ).resolves.toBe(18);
    await expect(store.insert(sql`INSERT INTO parks (name) VALUES ('经开区')`)).resolves.toBe(1);
  });
});

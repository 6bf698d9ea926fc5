import { describe, expect, it } from 'vitest';
import { TableChecksum } from '../../db/copy/checksum';
import type { CopiedTable } from '../../db/copy/tables';

// The checksum a copy compares is computed from what each engine's driver hands over: better-sqlite3 gives
// integers as BigInt, node-postgres gives BIGINT as text and INTEGER as a number. Equal values must sum alike
// whichever form they came in; values that differ in any way, however slightly, must not.

const table: CopiedTable = {
  name: 'figures',
  columns: [
    { name: 'id', type: 'INTEGER' },
    { name: 'amount_yuan', type: 'INTEGER' },
    { name: 'ratio', type: 'REAL' },
    { name: 'note', type: 'TEXT' },
    { name: 'data', type: 'BLOB' },
  ],
  primaryKey: ['id'],
};

function sumOf(...batches: unknown[][][]): string {
  const checksum = new TableChecksum(table);
  for (const batch of batches) checksum.add(batch);
  return checksum.done().sha256;
}

const row = (amount: unknown, ratio: unknown = 0.5, note: unknown = '备注', data: unknown = null) => [
  1n,
  amount,
  ratio,
  note,
  data,
];

describe('复制核对用的校验和', () => {
  it('同样的值不论驱动以 BigInt、数字还是文字给出，校验和相同；与分批方式无关', () => {
    const big = 2n ** 53n + 1n;
    expect(sumOf([row(big)])).toBe(sumOf([row(big.toString())]));
    expect(sumOf([row(120000000n)])).toBe(sumOf([row(120000000)]));
    expect(sumOf([row(5n), row(6n)])).toBe(sumOf([row(5n)], [row(6n)]));
    expect(sumOf([row(5n, 0.1, 'x', Buffer.from('ab'))])).toBe(sumOf([row('5', 0.1, 'x', Buffer.from('ab'))]));
  });

  it('金额差 1 元（超过 2^53 也一样）、小数差最后一位、0 与 -0、空文字与空值、文字与数字都算不同', () => {
    expect(sumOf([row(2n ** 53n)])).not.toBe(sumOf([row(2n ** 53n + 1n)]));
    expect(sumOf([row(1n, 0.1 + 0.2)])).not.toBe(sumOf([row(1n, 0.3)]));
    expect(sumOf([row(1n, 0)])).not.toBe(sumOf([row(1n, -0)]));
    expect(sumOf([row(1n, 0.5, '')])).not.toBe(sumOf([row(1n, 0.5, null)]));
    expect(sumOf([row(1n, 0.5, '1')])).not.toBe(sumOf([row(1n, 0.5, 1n)]));
    // a text holding the separators cannot pass for two values
    expect(sumOf([row(1n, 0.5, 'a|T1:b')])).not.toBe(sumOf([row(1n, 0.5, 'a', 'b')]));
    expect(sumOf([row(1n, 0.5, 'x', Buffer.from('ab'))])).not.toBe(sumOf([row(1n, 0.5, 'x', Buffer.from('ac'))]));
  });

  it('不精确的整数（超过 2^53 的 JavaScript 数字）不参与核对，直接报错', () => {
    expect(() => sumOf([row(2 ** 53 + 2)])).toThrow('figures.amount_yuan: 9007199254740994 is not an exact integer');
  });
});

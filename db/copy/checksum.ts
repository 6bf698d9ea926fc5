import { createHash, type Hash } from 'node:crypto';
import type { ColumnType, CopiedTable } from './tables';

// A table's rows, read in primary-key order, hashed the same way whichever engine they came from. Each value is
// told by what it is, not by how the driver handed it over: better-sqlite3 gives integers as BigInt (exact past
// 2^53), node-postgres gives BIGINT as text and INTEGER as a number; both become the integer's decimal digits.
// A REAL becomes the 64 bits of its double, so a value that changed in its last bit is told apart.

export interface TableSum {
  rows: number;
  sha256: string;
}

const INTEGER_TEXT = /^-?\d+$/;

function tokenOf(value: unknown, type: ColumnType, where: () => string): string {
  if (value === null) return 'N';
  if (typeof value === 'bigint') return `I${value}`;
  if (typeof value === 'number') {
    if (type === 'REAL') {
      const bits = Buffer.alloc(8);
      bits.writeDoubleBE(value);
      return `R${bits.toString('hex')}`;
    }
    if (Number.isSafeInteger(value)) return `I${value}`;
    throw new Error(`${where()}: ${value} is not an exact integer`);
  }
  if (typeof value === 'string') {
    if (type === 'INTEGER' && INTEGER_TEXT.test(value)) return `I${BigInt(value)}`;
    // the length in UTF-16 units ends the text unambiguously, whatever it holds
    return `T${value.length}:${value}`;
  }
  if (Buffer.isBuffer(value)) return `B${value.length}:${value.toString('hex')}`;
  throw new Error(`${where()}: cannot checksum a ${typeof value}`);
}

/** The running checksum of one table's rows, fed batch by batch in primary-key order. */
export class TableChecksum {
  private readonly hash: Hash = createHash('sha256');
  private rows = 0;

  constructor(private readonly table: CopiedTable) {}

  add(batch: readonly (readonly unknown[])[]): void {
    const { columns } = this.table;
    const lines: string[] = [];
    for (const row of batch) {
      const tokens = columns.map((column, i) =>
        tokenOf(row[i], column.type, () => `${this.table.name}.${column.name}`),
      );
      lines.push(`${tokens.join('|')}\n`);
    }
    // one line a row: the sum does not depend on how the rows were batched
    this.hash.update(lines.join(''));
    this.rows += batch.length;
  }

  done(): TableSum {
    return { rows: this.rows, sha256: this.hash.digest('hex') };
  }
}

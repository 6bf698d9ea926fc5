import Database from 'better-sqlite3';
import fs from 'node:fs';

/** SQLite's variable-length integer at `at`: its value and length. */
function varint(bytes: Buffer, at: number): { value: number; length: number } {
  let value = 0;
  for (let i = 0; i < 9; i++) {
    const byte = bytes[at + i];
    if (i === 8) return { value: value * 256 + byte, length: 9 };
    value = value * 128 + (byte & 0x7f);
    if (byte < 0x80) return { value, length: i + 1 };
  }
  return { value, length: 9 };
}

/**
 * Flips one bit in the row number of the first entry on an index's first leaf page, as a failing disk might:
 * every page still reads (the start's quick_check passes) but the index no longer matches its table, which only
 * the full integrity_check finds. The file must be closed, with no -wal beside it.
 */
export function corruptIndexEntry(file: string, index: string): void {
  if (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0) throw new Error(`${file} has a -wal`);
  const probe = new Database(file, { readonly: true });
  const pageSize = probe.pragma('page_size', { simple: true }) as number;
  const page = probe
    .prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno LIMIT 1")
    .pluck()
    .get(index) as number | undefined;
  probe.close();
  if (!page) throw new Error(`index ${index} has no leaf page`);
  const bytes = fs.readFileSync(file);
  const start = (page - 1) * pageSize;
  if (bytes[start] !== 0x0a) throw new Error(`page ${page} is not an index leaf`);
  const cell = start + bytes.readUInt16BE(start + 8);
  const payload = varint(bytes, cell);
  // the row number is the record's last column, so the payload's last byte is its lowest byte
  bytes[cell + payload.length + payload.value - 1] ^= 0x01;
  fs.writeFileSync(file, bytes);
}

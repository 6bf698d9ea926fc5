import { AppError } from '../../../db/errors';
import type { Grid } from './grid';

// CSV as Chinese Excel and WPS save it: UTF-8 (often with a BOM) or GBK, comma- or tab-separated, quoted
// fields that may hold commas and line breaks.

/** UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GBK, what “CSV (逗号分隔)” writes). */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.toString('utf8', 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.includes(0)) {
    throw new AppError('not_a_spreadsheet', '这不是文本格式的CSV文件，无法读取。请选择Excel工作簿（.xlsx）或CSV文件');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function delimiterOf(text: string): string {
  const firstLines = text.split(/\r?\n/, 5).join('\n');
  const tabs = firstLines.split('\t').length;
  const commas = firstLines.split(',').length;
  return tabs > commas ? '\t' : ',';
}

export function parseCsv(text: string, name: string, maxRows: number): Grid {
  const delimiter = delimiterOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      if (rows.length > maxRows) break;
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return { name, rows: rows.map((r) => r.map((value) => (value.trim() === '' ? null : value))), merges: [] };
}

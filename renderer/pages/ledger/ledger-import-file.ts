import { fileTooBigMessage, MAX_IMPORT_FILE_BYTES } from '../../../db/model/import-limits';

/** A multiple of 3, so each piece encodes to base64 without padding and the pieces simply join. */
const PIECE_BYTES = 3 * 32 * 1024;
/** Arguments per String.fromCharCode call: far below any engine's limit on spread arguments. */
const CHARS_PER_CALL = 8 * 1024;

/** The refusal for a file too large to read, or null: judged by `file.size` before a single byte is read. */
export function fileSizeRefusal(file: Blob): string | null {
  return file.size > MAX_IMPORT_FILE_BYTES ? fileTooBigMessage(file.size) : null;
}

function pieceToBase64(piece: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < piece.length; at += CHARS_PER_CALL) {
    binary += String.fromCharCode(...piece.subarray(at, at + CHARS_PER_CALL));
  }
  return btoa(binary);
}

/** The file's bytes as base64, encoded piece by piece so no string of the whole file's bytes is ever built. */
export async function readFileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += PIECE_BYTES) {
    parts.push(pieceToBase64(bytes.subarray(start, start + PIECE_BYTES)));
  }
  return parts.join('');
}

/** The backup's own name: the clerk needs to recognise it in 设置 → 备份, not the folder it sits in. */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** A ledger of a few hundred (or 5,000) projects is well under 5 MB; 20 MB leaves room for pictures. */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

/** What an upload of that size becomes in base64, with room for the JSON around it. */
export const MAX_IMPORT_BASE64_CHARS = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The size is shown when it is known (the renderer knows it before reading; the contract only sees base64). */
export function fileTooBigMessage(bytes?: number): string {
  return `文件过大${bytes === undefined ? '' : `（${megabytes(bytes)}）`}，超过${megabytes(MAX_IMPORT_FILE_BYTES)}的上限，未读取。请确认选择的是项目台账，或删去其中的图片后再试`;
}

import type { ExportedFile } from '../electron/api-spec';

// A generated file reaches the clerk as an ordinary download: the browser host saves it to the downloads
// folder (or asks, as the browser is set up), and Electron's default download handling asks where to save it.

const MIME_TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  pdf: 'application/pdf',
  zip: 'application/zip',
};

/**
 * How long the object URL outlives the click: Chromium may still be reading the blob when click() returns,
 * and revoking it early would cancel the download.
 */
export const REVOKE_AFTER_MS = 60_000;

function mimeTypeOf(fileName: string): string {
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  return MIME_TYPES[extension] ?? 'application/octet-stream';
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Hands a generated file to the browser as a download under its own name. */
export function downloadFile(file: Pick<ExportedFile, 'fileName' | 'base64'>): void {
  downloadBase64(file.fileName, file.base64, mimeTypeOf(file.fileName));
}

/** Hands bytes (in base64) to the browser as a download named `fileName`. */
export function downloadBase64(fileName: string, base64: string, mimeType: string): void {
  const blob = new Blob([base64ToBytes(base64)], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

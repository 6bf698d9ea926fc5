import type { AttachmentImage } from '../../../db/model/attachments';
import { extensionOf } from '../../../db/model/attachments';
import { invoke } from '../../api';
import { base64ToBytes, downloadBase64, REVOKE_AFTER_MS } from '../../download';

// The attachment kit's dealings with files: reading what the clerk picked, handing a stored file back as a
// download, and the thumbnails (each made once by the server, kept here for the window's life).

/** The file's bytes in base64, as attachments.add takes them (the browser encodes; no string of bytes is built). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error('文件无法读取，可能已被移动或删除'));
    reader.readAsDataURL(file);
  });
}

const PHOTO_EXTENSIONS = new Set(['jpg', 'jpeg', 'jpe', 'jfif', 'png', 'heic', 'heif', 'hif']);

/** 现场照片 only (a weekly entry's): judged loosely by name and type here; the server judges the bytes. */
export function isPhotoFile(file: { name: string; type: string }): boolean {
  return file.type.startsWith('image/') || PHOTO_EXTENSIONS.has(extensionOf(file.name));
}

/** What the file picker offers for photos only. */
export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/heic,image/heif,.jpg,.jpeg,.png,.heic,.heif';

/** Fetches the stored file and hands it to the browser as a download under its own name. */
export async function downloadAttachment(id: number): Promise<void> {
  const file = await invoke('attachments.get', { id });
  downloadBase64(file.fileName, file.contentBase64, file.mimeType);
}

/** Opens a stored PDF in a new tab of the browser (the browser version; the desktop window opens none). */
export async function openAttachmentInTab(id: number): Promise<boolean> {
  const tab = window.open('', '_blank');
  if (!tab) return false;
  const file = await invoke('attachments.get', { id });
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.contentBase64)], { type: file.mimeType }));
  tab.location.href = url;
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  return true;
}

export const imageSrc = (image: AttachmentImage) => `data:${image.mimeType};base64,${image.contentBase64}`;

// an attachment's bytes never change (a new file is a new attachment): its thumbnail is asked for once
const thumbnails = new Map<number, Promise<string | null>>();

/** The thumbnail's data URL, or null for a PDF, a document or an image the server cannot decode. */
export function thumbnailOf(id: number): Promise<string | null> {
  let known = thumbnails.get(id);
  if (!known) {
    known = invoke('attachments.thumbnail', { id }).then((image) => (image ? imageSrc(image) : null));
    // a failed read is asked again next time
    known.catch(() => thumbnails.delete(id));
    if (thumbnails.size > 2000) thumbnails.clear();
    thumbnails.set(id, known);
  }
  return known;
}

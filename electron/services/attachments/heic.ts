import { encodeJpeg, ImageTooLargeError, MAX_DECODED_MEGAPIXELS } from './images';

// iPhones and many Android phones take photos as HEIC, which neither Windows 7/10 without an extension nor most
// office printers open. A HEIC is converted to JPEG when it is added (libheif compiled to WebAssembly, through
// heic-decode: no native module), and the JPEG is what is kept. libheif's 2 MB are loaded on the first HEIC only.

interface HeicImage {
  width: number;
  height: number;
  decode(): Promise<{ width: number; height: number; data: Uint8ClampedArray }>;
}
interface HeicDecode {
  all(input: { buffer: Uint8Array }): Promise<HeicImage[] & { dispose(): void }>;
}

let loaded: Promise<HeicDecode> | undefined;

function heicDecoder(): Promise<HeicDecode> {
  // @ts-expect-error heic-decode ships no types: HeicDecode above is what it exports
  loaded ??= import('heic-decode').then((module: { default: HeicDecode }) => module.default);
  return loaded;
}

/** Quality of the JPEG a HEIC becomes: the photo is kept in this form, so it stays close to the original. */
const CONVERTED_QUALITY = 90;

/**
 * The HEIC photo as a JPEG, or null when it cannot be decoded (a HEIC variant libheif does not know, a broken
 * file, more than MAX_DECODED_MEGAPIXELS): the clerk is then asked to export it as JPEG from the phone.
 */
export async function heicToJpeg(bytes: Uint8Array): Promise<Buffer | null> {
  try {
    const images = await (await heicDecoder()).all({ buffer: bytes });
    try {
      const first = images[0];
      if (!first) return null;
      if (first.width * first.height > MAX_DECODED_MEGAPIXELS * 1_000_000) throw new ImageTooLargeError('HEIC');
      const decoded = await first.decode();
      const data = new Uint8Array(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength);
      return encodeJpeg({ width: decoded.width, height: decoded.height, data }, CONVERTED_QUALITY);
    } finally {
      images.dispose();
    }
  } catch (error) {
    console.warn(`[attachments] a HEIC photo could not be converted: ${(error as Error).message}`);
    return null;
  }
}

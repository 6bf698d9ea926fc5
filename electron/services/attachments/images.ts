import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

// Pictures in pure JavaScript (no native module to build for Windows and UOS): JPEG and PNG decoded, shrunk with
// a box filter (each new pixel the average of the old pixels it covers, which keeps a photo's detail calm
// instead of aliasing) and encoded as JPEG. A phone's JPEG says how it was held (EXIF orientation): the result
// is turned upright, as every viewer shows the photo.

/** Beyond this the decoded pixels alone take 200 MB: such an image gets no thumbnail rather than a crash. */
export const MAX_DECODED_MEGAPIXELS = 50;

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel */
  data: Uint8Array;
}

export class ImageTooLargeError extends Error {}

/** Width and height from a PNG's IHDR or a JPEG's first SOF marker, read before decoding; null if not found. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = (bytes[at + 2] << 8) | bytes[at + 3];
    // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (bytes[at + 5] << 8) | bytes[at + 6], width: (bytes[at + 7] << 8) | bytes[at + 8] };
    }
    at += 2 + length;
  }
  return null;
}

/** The EXIF orientation (1–8) of a JPEG; 1 when it has none. */
export function jpegOrientation(bytes: Uint8Array): number {
  let at = 2;
  while (at + 4 < bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1];
    const length = (bytes[at + 2] << 8) | bytes[at + 3];
    if (marker === 0xda) break;
    if (marker === 0xe1 && String.fromCharCode(...bytes.subarray(at + 4, at + 8)) === 'Exif') {
      const tiff = at + 10;
      const little = bytes[tiff] === 0x49;
      const u16 = (p: number) => (little ? bytes[p] | (bytes[p + 1] << 8) : (bytes[p] << 8) | bytes[p + 1]);
      const u32 = (p: number) =>
        little
          ? (bytes[p] | (bytes[p + 1] << 8) | (bytes[p + 2] << 16) | (bytes[p + 3] << 24)) >>> 0
          : ((bytes[p] << 24) | (bytes[p + 1] << 16) | (bytes[p + 2] << 8) | bytes[p + 3]) >>> 0;
      const ifd = tiff + u32(tiff + 4);
      if (ifd + 2 > bytes.length) return 1;
      const count = u16(ifd);
      for (let i = 0; i < count; i++) {
        const entry = ifd + 2 + i * 12;
        if (entry + 12 > bytes.length) return 1;
        if (u16(entry) === 0x0112) {
          const value = u16(entry + 8);
          return value >= 1 && value <= 8 ? value : 1;
        }
      }
      return 1;
    }
    at += 2 + length;
  }
  return 1;
}

function refuseHuge(width: number, height: number): void {
  if (width * height > MAX_DECODED_MEGAPIXELS * 1_000_000) {
    throw new ImageTooLargeError(`${width}×${height} is over ${MAX_DECODED_MEGAPIXELS} megapixels`);
  }
}

/** The pixels of a JPEG or PNG; throws ImageTooLargeError for a huge one, another error for a broken one. */
export function decodeImage(bytes: Uint8Array, mimeType: string): Pixels {
  const size = imageSize(bytes);
  if (size) refuseHuge(size.width, size.height);
  if (mimeType === 'image/png') {
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { width: png.width, height: png.height, data: png.data };
  }
  const decoded = jpeg.decode(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    maxResolutionInMP: MAX_DECODED_MEGAPIXELS,
    maxMemoryUsageInMB: 1024,
  });
  return orient({ width: decoded.width, height: decoded.height, data: decoded.data }, jpegOrientation(bytes));
}

/** The image turned upright from EXIF orientation `o` (2–8 flip and/or turn it; 1 leaves it). */
export function orient(image: Pixels, o: number): Pixels {
  if (o <= 1 || o > 8) return image;
  const { width: w, height: h, data } = image;
  const swap = o >= 5;
  const out = new Uint8Array(data.length);
  const ow = swap ? h : w;
  const oh = swap ? w : h;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let nx: number;
      let ny: number;
      switch (o) {
        case 2: [nx, ny] = [w - 1 - x, y]; break;
        case 3: [nx, ny] = [w - 1 - x, h - 1 - y]; break;
        case 4: [nx, ny] = [x, h - 1 - y]; break;
        case 5: [nx, ny] = [y, x]; break;
        case 6: [nx, ny] = [h - 1 - y, x]; break;
        case 7: [nx, ny] = [h - 1 - y, w - 1 - x]; break;
        default: [nx, ny] = [y, w - 1 - x]; break;
      } // prettier-ignore
      const from = (y * w + x) * 4;
      const to = (ny * ow + nx) * 4;
      out[to] = data[from];
      out[to + 1] = data[from + 1];
      out[to + 2] = data[from + 2];
      out[to + 3] = data[from + 3];
    }
  }
  return { width: ow, height: oh, data: out };
}

/** The image shrunk to at most `longSide` px on its longer side (never enlarged), by a box filter. */
export function shrink(image: Pixels, longSide: number): Pixels {
  const { width: w, height: h, data } = image;
  const scale = Math.min(1, longSide / Math.max(w, h));
  if (scale === 1) return image;
  const tw = Math.max(1, Math.round(w * scale));
  const th = Math.max(1, Math.round(h * scale));
  const out = new Uint8Array(tw * th * 4);
  // the source columns each target column covers, computed once
  const x0 = new Int32Array(tw);
  const x1 = new Int32Array(tw);
  for (let tx = 0; tx < tw; tx++) {
    x0[tx] = Math.floor((tx * w) / tw);
    x1[tx] = Math.max(x0[tx] + 1, Math.floor(((tx + 1) * w) / tw));
  }
  const sums = new Float64Array(tw * 4);
  for (let ty = 0; ty < th; ty++) {
    const y0 = Math.floor((ty * h) / th);
    const y1 = Math.max(y0 + 1, Math.floor(((ty + 1) * h) / th));
    sums.fill(0);
    for (let y = y0; y < y1; y++) {
      const row = y * w * 4;
      for (let tx = 0; tx < tw; tx++) {
        let r = 0;
        let g = 0;
        let b = 0;
        let a = 0;
        for (let x = x0[tx], p = row + x0[tx] * 4; x < x1[tx]; x++, p += 4) {
          // transparent pixels count as white, as on paper
          const alpha = data[p + 3];
          r += (data[p] * alpha + 255 * (255 - alpha)) / 255;
          g += (data[p + 1] * alpha + 255 * (255 - alpha)) / 255;
          b += (data[p + 2] * alpha + 255 * (255 - alpha)) / 255;
          a += 255;
        }
        sums[tx * 4] += r;
        sums[tx * 4 + 1] += g;
        sums[tx * 4 + 2] += b;
        sums[tx * 4 + 3] += a;
      }
    }
    for (let tx = 0; tx < tw; tx++) {
      const n = (x1[tx] - x0[tx]) * (y1 - y0);
      const to = (ty * tw + tx) * 4;
      out[to] = Math.round(sums[tx * 4] / n);
      out[to + 1] = Math.round(sums[tx * 4 + 1] / n);
      out[to + 2] = Math.round(sums[tx * 4 + 2] / n);
      out[to + 3] = 255;
    }
  }
  return { width: tw, height: th, data: out };
}

/** Transparent pixels laid on white (a PNG that was not shrunk still prints on white paper). */
function onWhite(image: Pixels): Pixels {
  const data = new Uint8Array(image.data);
  for (let p = 0; p < data.length; p += 4) {
    const alpha = data[p + 3];
    if (alpha === 255) continue;
    for (let c = 0; c < 3; c++) data[p + c] = Math.round((data[p + c] * alpha + 255 * (255 - alpha)) / 255);
    data[p + 3] = 255;
  }
  return { ...image, data };
}

export function encodeJpeg(image: Pixels, quality: number): Buffer {
  const flat = onWhite(image);
  return jpeg.encode({ width: flat.width, height: flat.height, data: flat.data }, quality).data;
}

export const THUMBNAIL_LONG_SIDE = 240;
export const PREVIEW_LONG_SIDE = 1600;

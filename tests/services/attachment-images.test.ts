import fs from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { makeDerivedImagesOffThread, useImageWorker } from '../../electron/services/attachments/derive-off-thread';
import { derivedImage, writeAttachmentFile } from '../../electron/services/attachments/file-store';
import {
  decodeImage,
  imageSize,
  ImageTooLargeError,
  jpegOrientation,
  orient,
  shrink,
  type Pixels,
} from '../../electron/services/attachments/images';
import { bundleChild } from '../helpers/child-script';
import { makeTempDir } from '../helpers/temp-dir';

// Thumbnails without a native module: the box filter, EXIF orientation of phone photos, and the guard that keeps a
// huge image from being decoded at all.

function solid(width: number, height: number, at: (x: number, y: number) => [number, number, number, number]): Pixels {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(at(x, y), (y * width + x) * 4);
  return { width, height, data };
}

/** A JPEG with an EXIF APP1 segment saying `orientation`, spliced in after SOI. */
function withOrientation(jpegBytes: Buffer, orientation: number): Buffer {
  const tiff = Buffer.from([
    0x4d,
    0x4d,
    0,
    0x2a,
    0,
    0,
    0,
    8,
    0,
    1,
    0x01,
    0x12,
    0,
    3,
    0,
    0,
    0,
    1,
    0,
    orientation,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
  ]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  return Buffer.concat([jpegBytes.subarray(0, 2), app1, jpegBytes.subarray(2)]);
}

describe('缩略图的像素', () => {
  it('盒式缩小：每个新像素是所覆盖旧像素的平均；长边不超过给定值，不放大', () => {
    // a checkerboard of black and white pixels averages to mid grey
    const board = solid(480, 240, (x, y) => ((x + y) % 2 ? [255, 255, 255, 255] : [0, 0, 0, 255]));
    const small = shrink(board, 240);
    expect([small.width, small.height]).toEqual([240, 120]);
    for (const value of small.data.subarray(0, 3)) expect(Math.abs(value - 128)).toBeLessThanOrEqual(1);
    expect(shrink(board, 1600)).toBe(board);
  });

  it('手机照片按 EXIF 方向转正（方向6：顺时针转90度）', () => {
    // left half red, right half blue, 40×20
    const image = solid(40, 20, (x) => (x < 20 ? [255, 0, 0, 255] : [0, 0, 255, 255]));
    const encoded = jpeg.encode({ ...image, data: Buffer.from(image.data) }, 95).data;
    const rotated = withOrientation(encoded, 6);
    expect(jpegOrientation(rotated)).toBe(6);
    expect(jpegOrientation(encoded)).toBe(1);
    const upright = decodeImage(rotated, 'image/jpeg');
    expect([upright.width, upright.height]).toEqual([20, 40]);
    // turned clockwise, the left (red) half is now on top
    expect(upright.data[(5 * 20 + 10) * 4]).toBeGreaterThan(200);
    expect(upright.data[(35 * 20 + 10) * 4 + 2]).toBeGreaterThan(200);
    expect(orient(image, 1)).toBe(image);
  });

  it('超过5000万像素的图片不解码（缩略图为空而不是耗尽内存）', () => {
    const header = Buffer.from([
      0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 0x27, 0x10, 0x27, 0x10, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
    ]);
    expect(imageSize(header)).toEqual({ width: 10_000, height: 10_000 });
    expect(() => decodeImage(header, 'image/jpeg')).toThrow(ImageTooLargeError);
  });
});

describe('图片线程', () => {
  it('缩略图和预览图在工作线程里做成（服务器同时照常应答），写入缓存；缓存缺失时再做', async () => {
    const worker = await bundleChild('electron/image-worker.ts', []);
    const temp = makeTempDir();
    try {
      useImageWorker(worker.file);
      const image = solid(900, 600, (x, y) => [x % 256, y % 256, 90, 255]);
      const bytes = jpeg.encode({ ...image, data: Buffer.from(image.data) }, 90).data;
      const sha = writeAttachmentFile(temp.dir, bytes);
      // the main thread goes on while the worker decodes
      let ticks = 0;
      const timer = setInterval(() => ticks++, 1);
      await makeDerivedImagesOffThread(temp.dir, sha, bytes, 'image/jpeg');
      clearInterval(timer);
      expect(ticks).toBeGreaterThan(0);
      const cached = path.join(temp.dir, 'thumbnails', sha.slice(0, 2), `${sha}-240.jpg`);
      expect(jpeg.decode(fs.readFileSync(cached)).width).toBe(240);
      fs.rmSync(path.join(temp.dir, 'thumbnails'), { recursive: true });
      const make = (original: Uint8Array) => makeDerivedImagesOffThread(temp.dir, sha, original, 'image/jpeg');
      const preview = await derivedImage(temp.dir, sha, 'image/jpeg', 1600, make);
      expect(jpeg.decode(preview!).width).toBe(900);
    } finally {
      useImageWorker(null);
      worker.remove();
      temp.remove();
    }
  }, 60_000);
});

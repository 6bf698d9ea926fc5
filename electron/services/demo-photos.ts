import jpeg from 'jpeg-js';
import { createRandom, hashSeed, type Random } from '../../db/demo/demo-random';
import type { AttachmentOwnerKind } from '../../db/model/attachments';
import { entriesOfWeek } from '../../db/queries/dispatch';
import { listStoredProblems } from '../../db/queries/problems';
import type { Store } from '../../db/store/store';
import { sniffAttachment } from '../../db/model/attachments';
import { attachmentOwner, insertAttachment } from '../../db/queries/attachments';
import type { WriteMeta } from '../../db/queries/projects-write';
import { writeAttachmentFile } from './attachments/file-store';
import { shiftWeek, weekOf } from '../../db/model/weeks';
import { addDays, parseISO } from 'date-fns';
import { toIsoDate } from '../../db/model/dates';

// The example office's 现场照片 (issue #17): a handful of small JPEGs drawn here, the same every time — sky,
// earth, a building in green safety netting with a tower crane, a foundation pit, a steel frame, a site fence —
// added through the same upload as a clerk's, so the project page, 本周调度 and the printed sheet have photos.

type Scene = 'tower' | 'pit' | 'steel' | 'fence';
type Rgb = readonly [number, number, number];

/** The scenes are drawn on a 480×360 plan and kept at 256×192: enough for a thumbnail and a printed half page,
 * and small enough that encoding them keeps the example office's first start quick. */
const WIDTH = 480;
const HEIGHT = 360;
const SCALE = 256 / 480;
const OUT_WIDTH = Math.round(WIDTH * SCALE);
const OUT_HEIGHT = Math.round(HEIGHT * SCALE);

class Canvas {
  readonly data = Buffer.alloc(OUT_WIDTH * OUT_HEIGHT * 4, 255);

  private put(px: number, py: number, [r, g, b]: Rgb): void {
    if (px < 0 || py < 0 || px >= OUT_WIDTH || py >= OUT_HEIGHT) return;
    const at = (py * OUT_WIDTH + px) * 4;
    this.data[at] = r;
    this.data[at + 1] = g;
    this.data[at + 2] = b;
  }

  /** A rectangle of the plan, each kept pixel coloured as the plan's point under it. */
  rect(x0: number, y0: number, w: number, h: number, colour: Rgb | ((x: number, y: number) => Rgb)): void {
    const top = Math.max(0, Math.round(y0 * SCALE));
    const bottom = Math.min(OUT_HEIGHT, Math.round((y0 + h) * SCALE));
    const left = Math.max(0, Math.round(x0 * SCALE));
    const right = Math.min(OUT_WIDTH, Math.round((x0 + w) * SCALE));
    for (let py = top; py < Math.max(bottom, top + (h > 0 ? 1 : 0)); py++) {
      for (let px = left; px < Math.max(right, left + (w > 0 ? 1 : 0)); px++) {
        this.put(px, py, typeof colour === 'function' ? colour(px / SCALE, py / SCALE) : colour);
      }
    }
  }

  line(x0: number, y0: number, x1: number, y1: number, colour: Rgb, width = 1): void {
    const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1) * SCALE;
    for (let i = 0; i <= steps; i++) {
      const x = x0 + ((x1 - x0) * i) / steps;
      const y = y0 + ((y1 - y0) * i) / steps;
      this.rect(x - width / 2, y - width / 2, width, width, colour);
    }
  }
}

const shade = ([r, g, b]: Rgb, by: number): Rgb => [
  Math.max(0, Math.min(255, r + by)),
  Math.max(0, Math.min(255, g + by)),
  Math.max(0, Math.min(255, b + by)),
];

function sky(canvas: Canvas, horizon: number, random: Random): void {
  const haze = random.next() * 20;
  canvas.rect(0, 0, WIDTH, horizon, (_x, y) => {
    const t = y / horizon;
    return [Math.round(120 + 90 * t + haze), Math.round(170 + 60 * t + haze / 2), Math.round(225 + 20 * t)];
  });
}

function earth(canvas: Canvas, horizon: number, random: Random): void {
  canvas.rect(0, horizon, WIDTH, HEIGHT - horizon, (x, y) => {
    const grain = Math.round((random.next() - 0.5) * 18);
    return shade([150, 118, 86], grain - Math.round((y - horizon) / 8) + ((x >> 5) % 2) * 3);
  });
}

/** A building of `floors` storeys, its upper part in green safety netting, with a tower crane beside it. */
function tower(canvas: Canvas, horizon: number, random: Random): void {
  const floors = 6 + Math.floor(random.next() * 8);
  const left = 110 + Math.floor(random.next() * 60);
  const width = 190;
  const floorHeight = 16;
  const top = horizon - floors * floorHeight;
  canvas.rect(left, top, width, horizon - top, [176, 176, 170]);
  for (let f = 0; f < floors; f++) {
    const y = top + f * floorHeight;
    canvas.rect(left, y, width, 2, [120, 120, 116]);
    if (f < floors / 2) {
      canvas.rect(left, y + 2, width, floorHeight - 2, (x) => ((x >> 2) % 2 ? [46, 125, 70] : [38, 110, 60]));
    } else {
      for (let x = left + 8; x < left + width - 16; x += 22) canvas.rect(x, y + 5, 12, 8, [70, 80, 92]);
    }
  }
  // the crane: a lattice mast, the jib across, its counter-jib and a hook on its cable
  const mast = left + width + 30;
  const jibY = Math.max(14, top - 40);
  const yellow: Rgb = [230, 178, 30];
  canvas.line(mast, horizon, mast, jibY, yellow, 3);
  canvas.line(mast + 10, horizon, mast + 10, jibY, yellow, 3);
  for (let y = horizon; y > jibY; y -= 12) canvas.line(mast, y, mast + 10, y - 12, yellow, 1);
  canvas.line(mast - 200, jibY, mast + 70, jibY, yellow, 4);
  canvas.line(mast + 5, jibY - 30, mast - 200, jibY, yellow, 1);
  canvas.line(mast + 5, jibY - 30, mast + 70, jibY, yellow, 1);
  canvas.rect(mast + 50, jibY + 2, 20, 14, [90, 90, 90]);
  const hook = mast - 60 - Math.floor(random.next() * 80);
  canvas.line(hook, jibY, hook, jibY + 70, [60, 60, 60], 1);
  canvas.rect(hook - 3, jibY + 70, 7, 6, [200, 60, 40]);
}

/** A foundation pit: the cut in the earth, its supporting piles and rebar on the bottom. */
function pit(canvas: Canvas, horizon: number, random: Random): void {
  const top = horizon + 30;
  canvas.rect(30, top, WIDTH - 60, HEIGHT - top - 10, (x, y) => shade([110, 84, 60], Math.round((y - top) / 6) - 10));
  for (let x = 40; x < WIDTH - 40; x += 14) canvas.rect(x, top, 8, 50, [160, 160, 155]);
  for (let y = top + 70; y < HEIGHT - 20; y += 9) canvas.line(50, y, WIDTH - 50, y, [70, 50, 40], 1);
  for (let x = 60; x < WIDTH - 50; x += 18) canvas.line(x, top + 70, x, HEIGHT - 20, [70, 50, 40], 1);
  const digger = 80 + Math.floor(random.next() * 250);
  canvas.rect(digger, top - 34, 60, 26, [235, 170, 20]);
  canvas.rect(digger + 4, top - 10, 58, 10, [50, 50, 50]);
  canvas.line(digger + 55, top - 30, digger + 110, top - 60, [235, 170, 20], 5);
  canvas.line(digger + 110, top - 60, digger + 130, top + 10, [235, 170, 20], 4);
}

/** A factory's steel frame going up: columns, beams and bracing against the sky. */
function steel(canvas: Canvas, horizon: number, random: Random): void {
  const bays = 5 + Math.floor(random.next() * 3);
  const left = 40;
  const bay = Math.floor((WIDTH - 80) / bays);
  const top = horizon - 120;
  const blue: Rgb = [60, 90, 130];
  for (let i = 0; i <= bays; i++) canvas.line(left + i * bay, horizon, left + i * bay, top, blue, 5);
  canvas.line(left, top, left + bays * bay, top, blue, 5);
  canvas.line(left, top + 60, left + bays * bay, top + 60, blue, 3);
  for (let i = 0; i < bays; i++) {
    canvas.line(left + i * bay, top, left + (i + 1) * bay, top + 60, blue, 1);
    canvas.line(left + (i + 1) * bay, top, left + i * bay, top + 60, blue, 1);
  }
  const roofed = Math.floor(bays / 2);
  canvas.rect(left, top - 14, roofed * bay, 14, [210, 214, 220]);
}

/** The site's blue enclosure along the road, with its banner, and the tops of the works behind it. */
function fence(canvas: Canvas, horizon: number, random: Random): void {
  tower(canvas, horizon, random);
  const top = horizon + 10;
  canvas.rect(0, top, WIDTH, 70, (x) => ((x >> 4) % 2 ? [30, 90, 170] : [26, 82, 160]));
  canvas.rect(0, top, WIDTH, 4, [240, 240, 240]);
  canvas.rect(120, top + 18, 240, 30, [200, 30, 30]);
  canvas.rect(126, top + 24, 228, 18, [220, 50, 45]);
}

const SCENES: Record<Scene, (canvas: Canvas, horizon: number, random: Random) => void> = { tower, pit, steel, fence };

// the same picture is drawn once per process: tests start many example offices
const drawn = new Map<string, Buffer>();

/** A JPEG of the scene, always the same bytes for the same seed. */
export function demoPhoto(scene: Scene, seed: string): Buffer {
  const key = `${scene}|${seed}`;
  const known = drawn.get(key);
  if (known) return known;
  const photo = drawPhoto(scene, seed);
  drawn.set(key, photo);
  return photo;
}

function drawPhoto(scene: Scene, seed: string): Buffer {
  const random = createRandom(hashSeed(`${scene}|${seed}`));
  const canvas = new Canvas();
  const horizon = 220 + Math.floor(random.next() * 40);
  sky(canvas, horizon, random);
  earth(canvas, horizon, random);
  SCENES[scene](canvas, horizon, random);
  return jpeg.encode({ data: canvas.data, width: OUT_WIDTH, height: OUT_HEIGHT }, 80).data;
}

/** A one-page PDF, as a scanned 批复 would be kept. */
function demoPdf(title: string): Buffer {
  const text = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj
4 0 obj << /Length ${title.length + 30} >> stream
BT /F1 18 Tf 72 760 Td (${title}) Tj ET
endstream endobj
trailer << /Root 1 0 R >>
%%EOF
`;
  return Buffer.from(text, 'latin1');
}

/** One demo file for an owner, as a clerk would upload it. */
interface DemoFile {
  ownerKind: AttachmentOwnerKind;
  ownerId: number;
  fileName: string;
  bytes: Buffer;
  caption: string;
}

/**
 * Keeps a demo file as attachments.add keeps an upload — the bytes judged by the same rules, the file written
 * content-addressed, the row and its line in 变更记录 — but in the example office's own transaction, and without
 * making its thumbnail now: the first look at it makes that, as for a file whose thumbnail went missing.
 */
async function addDemoFile(store: Store, dataDir: string, file: DemoFile, meta: WriteMeta): Promise<void> {
  const kind = sniffAttachment(file.fileName, file.bytes);
  const owner = await attachmentOwner(store, file.ownerKind, file.ownerId);
  if (!kind.ok || !owner) throw new Error(`demo attachment ${file.fileName} refused`);
  const sha256 = writeAttachmentFile(dataDir, file.bytes);
  const row = {
    ownerKind: file.ownerKind,
    ownerId: file.ownerId,
    projectId: owner.projectId,
    sha256,
    fileName: file.fileName,
    sizeBytes: file.bytes.length,
    mimeType: kind.mimeType,
    fileKind: kind.fileKind,
    caption: file.caption,
  };
  await insertAttachment(store, row, owner.label, meta);
}

interface DemoPhoto {
  scene: Scene;
  caption: string;
}

/** What the week's photos show, by how far the project has got. */
const WEEK_PHOTOS: DemoPhoto[][] = [
  [
    { scene: 'tower', caption: '主体结构施工，塔吊作业正常' },
    { scene: 'fence', caption: '施工围挡及文明施工标牌' },
  ],
  [{ scene: 'steel', caption: '厂房钢结构吊装' }],
  [{ scene: 'pit', caption: '基坑支护及土方开挖' }],
];

/**
 * Photos for the example office: on this week's entries of a few projects that reported (the shown project, 30,
 * among them when it reported) and last week's of the first, one on that project itself with a 批复 PDF beside it,
 * and one on its problem. Called in the example office's transaction, after its entries and problems.
 */
export async function loadDemoPhotos(store: Store, dataDir: string, today: string, meta: WriteMeta): Promise<void> {
  // uploaded on the example office's today (last week's a week before), not on the clock's: the sheet shows the date
  const uploadedOn = (daysBefore: number): WriteMeta => ({
    ...meta,
    now: `${toIsoDate(addDays(parseISO(today), -daysBefore))}T02:00:00.000Z`,
  });
  const add = (file: DemoFile, daysBefore = 0) => addDemoFile(store, dataDir, file, uploadedOn(daysBefore));
  const week = weekOf(today).key;
  const lastWeek = shiftWeek(week, -1).key;
  const thisWeek = await entriesOfWeek(store, week);
  const previous = await entriesOfWeek(store, lastWeek);
  const reported = [...thisWeek.keys()].sort((a, b) => a - b);
  const chosen = [...new Set([...(reported.includes(30) ? [30] : []), ...reported])].slice(0, WEEK_PHOTOS.length);
  for (const [index, projectId] of chosen.entries()) {
    const photos = WEEK_PHOTOS[index % WEEK_PHOTOS.length];
    for (const [n, photo] of photos.entries()) {
      await add({
        ownerKind: 'entry',
        ownerId: thisWeek.get(projectId)!.id,
        fileName: `现场照片${n + 1}.jpg`,
        bytes: demoPhoto(photo.scene, `${index}|${n}`),
        caption: photo.caption,
      });
    }
    const before = previous.get(projectId);
    if (index === 0 && before) {
      await add(
        {
          ownerKind: 'entry',
          ownerId: before.id,
          fileName: 'IMG_2041.jpg',
          bytes: demoPhoto('pit', 'last week'),
          caption: '上周：基础承台浇筑完成',
        },
        7,
      );
    }
  }
  const first = chosen[0];
  if (first === undefined) return;
  await add({
    ownerKind: 'project',
    ownerId: first,
    fileName: '项目全景.jpg',
    bytes: demoPhoto('fence', 'project'),
    caption: '项目全景（西南角）',
  });
  await add({
    ownerKind: 'project',
    ownerId: first,
    fileName: '施工许可证.pdf',
    bytes: demoPdf('Construction permit (demo)'),
    caption: '建筑工程施工许可证（扫描件）',
  });
  const problem = (await listStoredProblems(store, first))[0];
  if (problem) {
    await add({
      ownerKind: 'problem',
      ownerId: problem.id,
      fileName: '现场问题.jpg',
      bytes: demoPhoto('pit', 'problem'),
      caption: '问题现场：基坑边坡需加固',
    });
  }
}

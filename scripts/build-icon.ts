/**
 * Draws images/icon.png (128 x 128, RGBA), the extension's icon: a page of text on a navy tile, one
 * line tinted as a tagged passage and two words coloured like the highlighted terms. Plain shapes,
 * drawn at 4 x 4 samples per pixel and averaged, then written as a PNG with Node's zlib: no image
 * library. Run it again after changing the drawing (`npx tsx scripts/build-icon.ts`) and commit the PNG.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

export const ICON_PATH = join(__dirname, '..', 'images', 'icon.png');

const SIZE = 128;
const SAMPLES = 4;

type Rgb = readonly [number, number, number];
/** A shape: whether the point (x, y), in icon pixels, lies inside it. */
type Inside = (x: number, y: number) => boolean;

const NAVY: Rgb = [0x1e, 0x3a, 0x5f];
const PAPER: Rgb = [0xfa, 0xfa, 0xf7];
const FOLD: Rgb = [0xc5, 0xcf, 0xdc];
const INK: Rgb = [0x9a, 0xa6, 0xb5];
const TAG_TINT: Rgb = [0xf6, 0xc3, 0x5c];
const TAG_INK: Rgb = [0x8a, 0x4b, 0x08];
const STATE_BLUE: Rgb = [0x2c, 0x7a, 0xe8];
const TERM_RED: Rgb = [0xe6, 0x1a, 0x1a];

function roundedRect(left: number, top: number, right: number, bottom: number, radius: number): Inside {
  return (x, y) => {
    if (x < left || x > right || y < top || y > bottom) return false;
    const cx = Math.min(Math.max(x, left + radius), right - radius);
    const cy = Math.min(Math.max(y, top + radius), bottom - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
}

const PAGE = { left: 28, top: 16, right: 100, bottom: 112, fold: 20 };

/** The page without its folded top-right corner. */
const page: Inside = (x, y) =>
  x >= PAGE.left && x <= PAGE.right && y >= PAGE.top && y <= PAGE.bottom && x - PAGE.right + PAGE.fold <= y - PAGE.top;
/** The folded flap: the triangle below the cut, inside the corner's square. */
const fold: Inside = (x, y) =>
  x >= PAGE.right - PAGE.fold && y <= PAGE.top + PAGE.fold && x - PAGE.right + PAGE.fold <= y - PAGE.top;

/** A line of text: a bar with round ends, `width` long, starting at `left`, centred on `y`. */
const textLine = (left: number, y: number, width: number): Inside => roundedRect(left, y - 3, left + width, y + 3, 3);

/** Layers from the bottom up: each paints its colour where its shape is. */
const LAYERS: ReadonlyArray<readonly [Inside, Rgb]> = [
  [roundedRect(0, 0, SIZE, SIZE, 22), NAVY],
  [page, PAPER],
  [fold, FOLD],
  [textLine(38, 36, 40), INK],
  [textLine(38, 50, 18), STATE_BLUE],
  [textLine(60, 50, 30), INK],
  [roundedRect(33, 57, 95, 75, 4), TAG_TINT],
  [textLine(38, 66, 52), TAG_INK],
  [textLine(38, 84, 26), INK],
  [textLine(68, 84, 22), TERM_RED],
  [textLine(38, 98, 44), INK],
];

/** The colour and coverage (0..1) of one pixel, from SAMPLES x SAMPLES points inside it. */
function pixel(px: number, py: number): [number, number, number, number] {
  const sum = [0, 0, 0];
  let covered = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = px + (sx + 0.5) / SAMPLES;
      const y = py + (sy + 0.5) / SAMPLES;
      let colour: Rgb | undefined;
      for (const [inside, rgb] of LAYERS) if (inside(x, y)) colour = rgb;
      if (!colour) continue;
      covered++;
      for (let c = 0; c < 3; c++) sum[c] += colour[c];
    }
  }
  if (covered === 0) return [0, 0, 0, 0];
  return [sum[0] / covered, sum[1] / covered, sum[2] / covered, covered / SAMPLES ** 2];
}

/** PNG scanlines: each row is filter byte 0 then RGBA bytes. */
function scanlines(): Buffer {
  const rowBytes = 1 + SIZE * 4;
  const raw = Buffer.alloc(rowBytes * SIZE);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      const [r, g, b, a] = pixel(px, py);
      raw.set([r, g, b, a * 255].map(Math.round), py * rowBytes + 1 + px * 4);
    }
  }
  return raw;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter choice, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(scanlines(), { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const bytes = png();
writeFileSync(ICON_PATH, bytes);
console.log(`wrote ${ICON_PATH} (${bytes.length} bytes)`);

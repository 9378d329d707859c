#!/usr/bin/env node
// Draws the app icons (packages/web/public/icons/*.png) from the favicon's design: a blue square
// with a white pulse line. Plain Node (zlib only), no downloads. Run once after changing the
// design: `node scripts/pwa-icons.mjs`. Maskable icons fill the square and keep the line inside
// the central 80 % safe zone.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'packages', 'web', 'public', 'icons');

const BLUE = [0x18, 0x64, 0xab];
const WHITE = [0xff, 0xff, 0xff];
// The favicon's pulse line, in its 64-unit box.
const PULSE = [
  [12, 36],
  [22, 36],
  [28, 22],
  [36, 46],
  [42, 36],
  [52, 36],
];

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Coverage (0..1) of the white line at a point of the 64-unit box. */
function lineCoverage(x, y, halfWidth, unitsPerPixel) {
  let d = Infinity;
  for (let i = 1; i < PULSE.length; i += 1) {
    d = Math.min(d, distanceToSegment(x, y, PULSE[i - 1], PULSE[i]));
  }
  return Math.max(0, Math.min(1, (halfWidth - d) / unitsPerPixel + 0.5));
}

/** Coverage of the rounded square (radius 14 of 64), or 1 everywhere for a maskable icon. */
function squareCoverage(x, y, maskable, unitsPerPixel) {
  if (maskable) return 1;
  const r = 14;
  const cx = Math.max(r, Math.min(64 - r, x));
  const cy = Math.max(r, Math.min(64 - r, y));
  return Math.max(0, Math.min(1, (r - Math.hypot(x - cx, y - cy)) / unitsPerPixel + 0.5));
}

function pixels(size, maskable) {
  // A maskable icon draws the line at 70 % so it stays inside the safe zone.
  const scale = maskable ? 0.7 : 1;
  const unitsPerPixel = 64 / size;
  const rgba = Buffer.alloc(size * size * 4);
  for (let j = 0; j < size; j += 1) {
    for (let i = 0; i < size; i += 1) {
      const x = (i + 0.5) * unitsPerPixel;
      const y = (j + 0.5) * unitsPerPixel;
      const lx = 32 + (x - 32) / scale;
      const ly = 32 + (y - 32) / scale;
      const line = lineCoverage(lx, ly, 2.5, unitsPerPixel / scale);
      const alpha = squareCoverage(x, y, maskable, unitsPerPixel);
      const o = (j * size + i) * 4;
      for (let c = 0; c < 3; c += 1) {
        rgba[o + c] = Math.round(BLUE[c] + (WHITE[c] - BLUE[c]) * line);
      }
      rgba[o + 3] = Math.round(255 * alpha);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let j = 0; j < size; j += 1) {
    rows[j * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, j * (size * 4 + 1) + 1, j * size * 4, (j + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(outDir, { recursive: true });
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, true],
]) {
  writeFileSync(path.join(outDir, name), png(size, pixels(size, maskable)));
  console.log(`wrote ${path.relative(root, path.join(outDir, name))}`);
}

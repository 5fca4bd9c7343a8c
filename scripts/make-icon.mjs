#!/usr/bin/env node
// Draws the app icon into build/icon.svg and build/icon.png (512x512) from one description, with
// Node's own zlib: no image tools needed. A dark-teal tile with three bars of decreasing width,
// the levels of work. Run again after changing the shapes.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const SIZE = 512;
const TEAL = [0x0f, 0x4c, 0x4a];
const WHITE = [0xff, 0xff, 0xff];
const tile = { x: 16, y: 16, w: 480, h: 480, r: 104, color: TEAL };
const bars = [288, 216, 144].map((w, i) => ({ x: 112, y: 140 + i * 88, w, h: 56, r: 16, color: WHITE }));
const shapes = [tile, ...bars];

const hex = ([r, g, b]) => `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
const svg = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">`,
  '  <title>Groundwork</title>',
  ...shapes.map((s) => `  <rect x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}" rx="${s.r}" fill="${hex(s.color)}"/>`),
  '</svg>',
  '',
].join('\n');

function inside(s, px, py) {
  const cx = Math.min(Math.max(px, s.x + s.r), s.x + s.w - s.r);
  const cy = Math.min(Math.max(py, s.y + s.r), s.y + s.h - s.r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= s.r ** 2 && px >= s.x && px <= s.x + s.w && py >= s.y && py <= s.y + s.h;
}

// 4x4 supersampling per pixel gives smooth edges; shapes are painted in order over transparency.
const SAMPLES = 4;
const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    let [r, g, b, a] = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const px = x + (sx + 0.5) / SAMPLES;
        const py = y + (sy + 0.5) / SAMPLES;
        const top = shapes.findLast((s) => inside(s, px, py));
        if (!top) continue;
        [r, g, b, a] = [r + top.color[0], g + top.color[1], b + top.color[2], a + 1];
      }
    }
    const o = (y * SIZE + x) * 4;
    if (a > 0) [rgba[o], rgba[o + 1], rgba[o + 2]] = [Math.round(r / a), Math.round(g / a), Math.round(b / a)];
    rgba[o + 3] = Math.round((a / SAMPLES ** 2) * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
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

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const rows = Buffer.concat(Array.from({ length: SIZE }, (_, y) => Buffer.concat([Buffer.from([0]), rgba.subarray(y * SIZE * 4, (y + 1) * SIZE * 4)])));
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);

const out = path.resolve(import.meta.dirname, '..', 'build');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'icon.svg'), svg);
fs.writeFileSync(path.join(out, 'icon.png'), png);
console.log(`wrote ${path.join(out, 'icon.svg')} and icon.png (${png.length} bytes)`);

// Draws the toolbar icons (public/icon/*.png): a white "S" on the project's red. Run once; the PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';

const out = new URL('../public/icon/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#a40e26';
  ctx.beginPath();
  ctx.roundRect(0, 0, size, size, size / 6);
  ctx.fill();
  ctx.fillStyle = '#fff';
  ctx.font = `bold ${Math.round(size * 0.72)}px sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText('S', size / 2, size / 2 + size * 0.04);
  writeFileSync(new URL(`${size}.png`, out), canvas.toBuffer('image/png'));
}

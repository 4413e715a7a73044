import type { GrayImage } from '../gray-image.js';

/** Bilinear resampling to an exact size. Used to bring low-dpi scans up to ~300 dpi. */
export function resize(image: GrayImage, width: number, height: number): GrayImage {
  const { width: sw, height: sh, data } = image;
  const out = new Uint8Array(width * height);
  const fx = sw / width;
  const fy = sh / height;
  for (let y = 0; y < height; y++) {
    const syf = Math.max(0, (y + 0.5) * fy - 0.5);
    const y0 = Math.min(sh - 1, Math.floor(syf));
    const y1 = Math.min(sh - 1, y0 + 1);
    const wy = syf - y0;
    for (let x = 0; x < width; x++) {
      const sxf = Math.max(0, (x + 0.5) * fx - 0.5);
      const x0 = Math.min(sw - 1, Math.floor(sxf));
      const x1 = Math.min(sw - 1, x0 + 1);
      const wx = sxf - x0;
      const a = data[y0 * sw + x0]! * (1 - wx) + data[y0 * sw + x1]! * wx;
      const b = data[y1 * sw + x0]! * (1 - wx) + data[y1 * sw + x1]! * wx;
      out[y * width + x] = (a * (1 - wy) + b * wy + 0.5) | 0;
    }
  }
  return { width, height, data: out };
}

/** Box-filter downscale by an integer factor: cheap and alias-free, for analysis only. */
export function shrink(image: GrayImage, factor: number): GrayImage {
  if (factor <= 1) return image;
  const w = Math.floor(image.width / factor);
  const h = Math.floor(image.height / factor);
  const out = new Uint8Array(w * h);
  const n = factor * factor;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * image.width + x * factor;
        for (let dx = 0; dx < factor; dx++) s += image.data[row + dx]!;
      }
      out[y * w + x] = (s / n) | 0;
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * Rotate about the centre by `degrees` (positive = counter-clockwise as seen on screen),
 * keeping the size and filling uncovered corners with white paper.
 */
export function rotate(image: GrayImage, degrees: number): GrayImage {
  const { width: w, height: h, data } = image;
  const out = new Uint8Array(w * h);
  const rad = (degrees * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    // Inverse mapping: for each output pixel find its source pixel.
    for (let x = 0; x < w; x++) {
      const dx = x - cx;
      const sx = cx + dx * cos - dy * sin;
      const sy = cy + dx * sin + dy * cos;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) {
        out[y * w + x] = 255;
        continue;
      }
      const wx = sx - x0;
      const wy = sy - y0;
      const i = y0 * w + x0;
      const a = data[i]! * (1 - wx) + data[i + 1]! * wx;
      const b = data[i + w]! * (1 - wx) + data[i + w + 1]! * wx;
      out[y * w + x] = (a * (1 - wy) + b * wy + 0.5) | 0;
    }
  }
  return { width: w, height: h, data: out };
}

import { type GrayImage, otsuThreshold } from '../gray-image.js';

export interface SpeckOptions {
  /** Components up to this share of the median glyph height squared count as small. */
  maxAreaRatio?: number;
  /** A small component this far (in glyph heights) from any glyph is a speck. */
  isolation?: number;
}

/**
 * Remove isolated specks: small dark connected components that lie away from every
 * glyph-sized component. Dust and residual noise go; the dots and tone marks of
 * Vietnamese letters stay, because they sit right next to their base letter.
 * Returns the cleaned image and how many components were removed.
 */
export function removeSpecks(
  image: GrayImage,
  options: SpeckOptions = {},
): { image: GrayImage; removed: number } {
  const { width: w, height: h, data } = image;
  const t = otsuThreshold(image);
  const labels = new Int32Array(w * h).fill(-1);
  const areas: number[] = [];
  const boxes: number[] = []; // x0, y0, x1, y1 per component
  const stack: number[] = [];
  for (let start = 0; start < w * h; start++) {
    if (labels[start] !== -1 || data[start]! > t) continue;
    const id = areas.length;
    let area = 0;
    let x0 = w;
    let y0 = h;
    let x1 = 0;
    let y1 = 0;
    labels[start] = id;
    stack.push(start);
    while (stack.length > 0) {
      const p = stack.pop()!;
      area++;
      const x = p % w;
      const y = (p - x) / w;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= w) continue;
          const q = ny * w + nx;
          if (labels[q] === -1 && data[q]! <= t) {
            labels[q] = id;
            stack.push(q);
          }
        }
      }
    }
    areas.push(area);
    boxes.push(x0, y0, x1, y1);
  }
  if (areas.length === 0) return { image, removed: 0 };
  // Glyph height: median height of components of a plausible letter size.
  const heights: number[] = [];
  for (let c = 0; c < areas.length; c++) {
    const ch = boxes[c * 4 + 3]! - boxes[c * 4 + 1]! + 1;
    if (areas[c]! >= 12 && ch >= 6) heights.push(ch);
  }
  heights.sort((a, b) => a - b);
  const glyph = heights.length > 0 ? heights[heights.length >> 1]! : 10;
  const maxArea = (options.maxAreaRatio ?? 0.12) * glyph * glyph;
  const reach = Math.max(2, Math.round((options.isolation ?? 0.6) * glyph));
  // Integral image of the big components' pixels, to ask "is any glyph near this box?" in O(1).
  const W = w + 1;
  const integral = new Int32Array(W * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      const l = labels[y * w + x]!;
      if (l >= 0 && areas[l]! > maxArea) row++;
      integral[(y + 1) * W + x + 1] = integral[y * W + x + 1]! + row;
    }
  }
  const bigNear = (c: number) => {
    const xa = Math.max(0, boxes[c * 4]! - reach);
    const ya = Math.max(0, boxes[c * 4 + 1]! - reach);
    const xb = Math.min(w, boxes[c * 4 + 2]! + reach + 1);
    const yb = Math.min(h, boxes[c * 4 + 3]! + reach + 1);
    return (
      integral[yb * W + xb]! - integral[ya * W + xb]! - integral[yb * W + xa]! + integral[ya * W + xa]! > 0
    );
  };
  const remove = new Uint8Array(areas.length);
  let removed = 0;
  for (let c = 0; c < areas.length; c++) {
    if (areas[c]! <= maxArea && !bigNear(c)) {
      remove[c] = 1;
      removed++;
    }
  }
  if (removed === 0) return { image, removed };
  const out = data.slice();
  for (let p = 0; p < out.length; p++) {
    const l = labels[p]!;
    if (l >= 0 && remove[l]) out[p] = 255;
  }
  return { image: { width: w, height: h, data: out }, removed };
}

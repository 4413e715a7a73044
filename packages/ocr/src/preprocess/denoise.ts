import type { GrayImage } from '../gray-image.js';

/**
 * 3×3 median filter. Salt-and-pepper noise on bad scans is what makes tesseract's
 * page segmentation give up entirely; a median removes isolated dots while keeping
 * strokes that are at least two pixels wide.
 */
export function medianFilter3(image: GrayImage): GrayImage {
  const { width: w, height: h, data } = image;
  const out = new Uint8Array(w * h);
  const win = new Uint8Array(9);
  for (let y = 0; y < h; y++) {
    const y0 = y > 0 ? y - 1 : 0;
    const y2 = y < h - 1 ? y + 1 : h - 1;
    for (let x = 0; x < w; x++) {
      const x0 = x > 0 ? x - 1 : 0;
      const x2 = x < w - 1 ? x + 1 : w - 1;
      win[0] = data[y0 * w + x0]!;
      win[1] = data[y0 * w + x]!;
      win[2] = data[y0 * w + x2]!;
      win[3] = data[y * w + x0]!;
      win[4] = data[y * w + x]!;
      win[5] = data[y * w + x2]!;
      win[6] = data[y2 * w + x0]!;
      win[7] = data[y2 * w + x]!;
      win[8] = data[y2 * w + x2]!;
      out[y * w + x] = median9(win);
    }
  }
  return { width: w, height: h, data: out };
}

// Insertion sort on nine bytes beats any clever network in JS engines.
function median9(a: Uint8Array): number {
  for (let i = 1; i < 9; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
  return a[4]!;
}

/**
 * Share of pixels that are isolated specks: dark pixels whose 8 neighbours are all
 * light, or light pixels inside dark. Clean scans score near 0; salt-and-pepper pages
 * score well above 0.5 %. Used to decide whether the median filter is worth its cost
 * (on clean low-dpi text it thins diacritics slightly).
 */
export function speckleRatio(image: GrayImage, threshold = 128): number {
  const { width: w, height: h, data } = image;
  let specks = 0;
  let sampled = 0;
  // Every other row is enough for an estimate and halves the cost.
  for (let y = 1; y < h - 1; y += 2) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const dark = data[i]! < threshold;
      sampled++;
      let same = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          if (dx === 0 && dy === 0) continue;
          if (data[i + dy * w + dx]! < threshold === dark) same++;
        }
      }
      if (same === 0) specks++;
    }
  }
  return sampled === 0 ? 0 : specks / sampled;
}

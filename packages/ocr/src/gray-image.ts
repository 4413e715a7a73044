/** An 8-bit grayscale raster: one byte per pixel, row-major, 0 = black, 255 = white. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export function createGrayImage(width: number, height: number, fill = 255): GrayImage {
  const data = new Uint8Array(width * height);
  if (fill !== 0) data.fill(fill);
  return { width, height, data };
}

/** Luma of an RGBA buffer (canvas ImageData); transparent pixels count as white paper. */
export function grayFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GrayImage {
  const n = width * height;
  const data = new Uint8Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const a = rgba[j + 3]!;
    // Integer BT.601 weights (sum 256) keep this loop cheap on 25-megapixel pages.
    const y = (77 * rgba[j]! + 150 * rgba[j + 1]! + 29 * rgba[j + 2]!) >> 8;
    data[i] = a === 255 ? y : 255 - (((255 - y) * a) >> 8);
  }
  return { width, height, data };
}

/**
 * Binary PGM (P5). Leptonica inside tesseract reads it natively, and writing it costs
 * nothing compared with PNG encoding, so it is how pages travel to the OCR workers.
 */
export function encodePgm(image: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.data.length);
  out.set(header, 0);
  out.set(image.data, header.length);
  return out;
}

/** Otsu's global threshold: pixels ≤ the returned value are ink, above it paper. */
export function otsuThreshold(image: GrayImage): number {
  const hist = new Float64Array(256);
  const { data } = image;
  for (let i = 0; i < data.length; i++) hist[data[i]!]!++;
  const total = data.length;
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * hist[t]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 127;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

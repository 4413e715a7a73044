import { u32 } from './bytes.js';

/**
 * The resolution an image file declares, when it declares one: PNG pHYs, JPEG JFIF
 * density, BMP pixels per metre. Values under 50 are treated as unset (many writers
 * store 1×1 or 72 by default without meaning it... 72 is kept only if nothing else helps).
 */
export function declaredDpi(bytes: Uint8Array, format: string): number | undefined {
  const dpi =
    format === 'png'
      ? pngDpi(bytes)
      : format === 'jpeg'
        ? jpegDpi(bytes)
        : format === 'bmp'
          ? bmpDpi(bytes)
          : undefined;
  // 72 and 96 are screen defaults written by tools that know nothing of the scan.
  if (dpi === undefined || dpi < 100 || dpi > 2400) return undefined;
  return Math.round(dpi);
}

function pngDpi(b: Uint8Array): number | undefined {
  let o = 8;
  while (o + 12 <= b.length) {
    const length = u32(b, o);
    const type = String.fromCharCode(b[o + 4]!, b[o + 5]!, b[o + 6]!, b[o + 7]!);
    if (type === 'pHYs' && length >= 9) {
      const ppu = u32(b, o + 8);
      return b[o + 16] === 1 ? ppu * 0.0254 : undefined;
    }
    if (type === 'IDAT' || type === 'IEND') return undefined;
    o += 12 + length;
  }
  return undefined;
}

function jpegDpi(b: Uint8Array): number | undefined {
  // APP0 JFIF right after SOI: units (1 = dpi, 2 = dots per cm), then X density.
  if (b[2] !== 0xff || b[3] !== 0xe0) return undefined;
  if (String.fromCharCode(b[6]!, b[7]!, b[8]!, b[9]!) !== 'JFIF') return undefined;
  const units = b[13];
  const x = (b[14]! << 8) | b[15]!;
  if (units === 1) return x;
  if (units === 2) return x * 2.54;
  return undefined;
}

function bmpDpi(b: Uint8Array): number | undefined {
  if (b.length < 42) return undefined;
  const ppm = b[38]! | (b[39]! << 8) | (b[40]! << 16) | (b[41]! << 24);
  return ppm > 0 ? ppm * 0.0254 : undefined;
}

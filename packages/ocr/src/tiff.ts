import UTIF from 'utif2';
import type { DecodedImage } from './document-reader.js';
import { OcrInputError } from './errors.js';
import { grayFromRgba } from './gray-image.js';

type Tag = UTIF.IFD[string];
function first(value: Tag | undefined): unknown {
  return Array.isArray(value) || value instanceof Uint8Array ? value[0] : value;
}

/** Every page of a (multi-page) TIFF, with its declared resolution. Pure JS: Node and browsers. */
export function decodeTiff(bytes: Uint8Array, source: string, maxPixels: number): DecodedImage[] {
  let ifds: UTIF.IFD[];
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    ifds = UTIF.decode(buffer);
    const pages: DecodedImage[] = [];
    for (const ifd of ifds) {
      const width = Number(first(ifd.t256) ?? 0);
      const height = Number(first(ifd.t257) ?? 0);
      // Thumbnails and masks (NewSubfileType bit 0/2) are not pages.
      const subfile = Number(first(ifd.t254) ?? 0);
      if (!width || !height || (subfile & 0b101) !== 0) continue;
      if (width * height > maxPixels) {
        throw new OcrInputError(
          'too-large',
          source,
          `TIFF page ${pages.length + 1} is ${width}×${height} (${((width * height) / 1e6).toFixed(0)} megapixels), over the limit of ${maxPixels / 1e6}`,
        );
      }
      UTIF.decodeImage(buffer, ifd);
      const rgba = UTIF.toRGBA8(ifd);
      const res = first(ifd.t282);
      const unit = Number(first(ifd.t296) ?? 2);
      const resolution = Array.isArray(res) ? Number(res[0]) / (Number(res[1]) || 1) : Number(res ?? 0);
      const dpi = unit === 3 ? resolution * 2.54 : resolution;
      pages.push({
        image: grayFromRgba(rgba, width, height),
        ...(dpi >= 100 && dpi <= 2400 ? { dpi: Math.round(dpi) } : {}),
      });
    }
    if (pages.length === 0) throw new OcrInputError('corrupt', source, 'the TIFF holds no readable page');
    return pages;
  } catch (error) {
    if (error instanceof OcrInputError) throw error;
    throw new OcrInputError(
      'corrupt',
      source,
      `the TIFF is corrupt or unsupported (${(error as Error).message})`,
      {
        cause: error,
      },
    );
  }
}

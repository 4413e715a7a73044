import { createNodeDecoders, DEFAULT_MAX_PIXELS, type InputFormat } from '@sohoa/ocr/node';

/**
 * PNG pages of an image format pdf-lib cannot embed (TIFF, WebP, BMP, GIF), for the
 * searchable PDF. Decoded once per document, on first use, as grey levels: the scan as OCR saw it.
 */
export function pageImages(
  bytes: Uint8Array,
  format: InputFormat,
  source: string,
): (n: number) => Promise<Uint8Array> {
  let decoded: ReturnType<ReturnType<typeof createNodeDecoders>['decodeImage']> | undefined;
  return async (n) => {
    decoded ??= createNodeDecoders().decodeImage(bytes, format, source, DEFAULT_MAX_PIXELS);
    const page = (await decoded)[n - 1];
    if (!page) throw new RangeError(`${source} has no page ${n}`);
    const { createCanvas } = await import('@napi-rs/canvas');
    const { width, height, data } = page.image;
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    const rgba = ctx.createImageData(width, height);
    for (let i = 0, j = 0; i < data.length; i++, j += 4) {
      rgba.data[j] = data[i]!;
      rgba.data[j + 1] = data[i]!;
      rgba.data[j + 2] = data[i]!;
      rgba.data[j + 3] = 255;
    }
    ctx.putImageData(rgba, 0, 0);
    return new Uint8Array(await canvas.encode('png'));
  };
}

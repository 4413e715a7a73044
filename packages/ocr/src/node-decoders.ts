import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PDFPageProxy } from 'pdfjs-dist';
import type { DecodedImage, Decoders } from './document-reader.js';
import { OcrInputError } from './errors.js';
import { type GrayImage, grayFromRgba } from './gray-image.js';
import { declaredDpi } from './image-dpi.js';
import type { PdfjsModule } from './pdf.js';
import { decodeTiff } from './tiff.js';

const require = createRequire(import.meta.url);

/**
 * The Vietnamese networks: `best` (tessdata_best, integerised: the npm data package) reads
 * best; `fast` (tessdata_fast, as Debian ships it, committed here gzipped) reads about twice
 * as fast, a little less accurately.
 */
export type OcrModel = 'best' | 'fast';

function fastModelFolder(): string {
  for (const candidate of ['../models/vie-fast/', '../../models/vie-fast/']) {
    const folder = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path.join(folder, 'vie.traineddata.gz'))) return folder;
  }
  throw new Error('@sohoa/ocr: models/vie-fast/vie.traineddata.gz is missing');
}

/** Local folders of every asset tesseract.js and pdf.js would otherwise fetch from a CDN. */
export function nodeAssetPaths(model: OcrModel = 'best') {
  const langFile =
    model === 'fast'
      ? path.join(fastModelFolder(), 'vie.traineddata.gz')
      : require.resolve('@tesseract.js-data/vie/4.0.0_best_int/vie.traineddata.gz');
  const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
  return {
    langPath: path.dirname(langFile),
    standardFontDataUrl: `${path.join(pdfjsRoot, 'standard_fonts')}${path.sep}`,
    cMapUrl: `${path.join(pdfjsRoot, 'cmaps')}${path.sep}`,
    wasmUrl: `${path.join(pdfjsRoot, 'wasm')}${path.sep}`,
  };
}

type Canvas = typeof import('@napi-rs/canvas');
let canvasModule: Promise<Canvas> | undefined;

/**
 * The native canvas is an optional peer dependency: only Node decoding and rendering need
 * it, so browser users of the core never install it.
 */
function loadCanvas(): Promise<Canvas> {
  canvasModule ??= import('@napi-rs/canvas').catch((error: unknown) => {
    throw new Error(
      `@sohoa/ocr needs @napi-rs/canvas to decode images and render PDFs in Node: npm install @napi-rs/canvas (${(error as Error).message})`,
    );
  });
  return canvasModule;
}

async function decodeWithCanvas(bytes: Uint8Array, source: string): Promise<GrayImage> {
  const { createCanvas, loadImage } = await loadCanvas();
  let img: Awaited<ReturnType<typeof loadImage>>;
  try {
    img = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new OcrInputError(
      'corrupt',
      source,
      `the image is corrupt or truncated (${(error as Error).message})`,
      {
        cause: error,
      },
    );
  }
  if (!img.width || !img.height) throw new OcrInputError('corrupt', source, 'the image has no pixels');
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, img.width, img.height);
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height).data;
  return grayFromRgba(data, img.width, img.height);
}

/** Image decoders, pdf.js and a canvas for Node. Untrusted bytes: run them in the sandbox. */
export function createNodeDecoders(): Decoders {
  const assets = nodeAssetPaths();
  let pdfjs: Promise<PdfjsModule> | undefined;
  return {
    async decodeImage(bytes, format, source, maxPixels): Promise<DecodedImage[]> {
      if (format === 'tiff') return decodeTiff(bytes, source, maxPixels);
      const image = await decodeWithCanvas(bytes, source);
      const dpi = declaredDpi(bytes, format);
      return [dpi ? { image, dpi } : { image }];
    },
    pdfjs() {
      // The legacy build runs on Node 20 (the modern one needs DOMMatrix and friends).
      pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs') as unknown as Promise<PdfjsModule>;
      return pdfjs;
    },
    pdfDocumentParams: {
      standardFontDataUrl: assets.standardFontDataUrl,
      cMapUrl: assets.cMapUrl,
      cMapPacked: true,
      wasmUrl: assets.wasmUrl,
    },
    async encodePng(image: GrayImage): Promise<Uint8Array> {
      const { createCanvas } = await loadCanvas();
      const { width, height, data } = image;
      const canvas = createCanvas(width, height);
      const ctx = canvas.getContext('2d');
      const rgba = ctx.createImageData(width, height);
      for (let i = 0, j = 0; i < data.length; i++, j += 4) {
        rgba.data[j] = rgba.data[j + 1] = rgba.data[j + 2] = data[i]!;
        rgba.data[j + 3] = 255;
      }
      ctx.putImageData(rgba, 0, 0);
      return new Uint8Array(await canvas.encode('png'));
    },
    async renderPdfPage(page: PDFPageProxy, scale: number): Promise<GrayImage> {
      const { createCanvas } = await loadCanvas();
      const viewport = page.getViewport({ scale });
      const width = Math.ceil(viewport.width);
      const height = Math.ceil(viewport.height);
      const canvas = createCanvas(width, height);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, width, height);
      await page.render({
        canvas: canvas as unknown as HTMLCanvasElement,
        canvasContext: ctx as unknown as CanvasRenderingContext2D,
        viewport,
      }).promise;
      return grayFromRgba(ctx.getImageData(0, 0, width, height).data, width, height);
    },
  };
}

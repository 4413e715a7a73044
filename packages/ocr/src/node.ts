import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { OcrDocument } from '@sohoa/model';
import type { PDFPageProxy } from 'pdfjs-dist';
import { OcrInputError } from './errors.js';
import { type GrayImage, grayFromRgba } from './gray-image.js';
import { declaredDpi } from './image-dpi.js';
import type { PdfjsModule } from './pdf.js';
import {
  createOcr,
  DEFAULT_MAX_PIXELS,
  type DecodedImage,
  type Ocr,
  type OcrOptions,
  type OcrPlatform,
  type RecognizeCallbacks,
} from './recognizer.js';
import { decodeTiff } from './tiff.js';

const require = createRequire(import.meta.url);

/** Local folders of every asset tesseract.js and pdf.js would otherwise fetch from a CDN. */
export function nodeAssetPaths() {
  const langFile = require.resolve('@tesseract.js-data/vie/4.0.0_best_int/vie.traineddata.gz');
  const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
  return {
    langPath: path.dirname(langFile),
    standardFontDataUrl: `${path.join(pdfjsRoot, 'standard_fonts')}${path.sep}`,
    cMapUrl: `${path.join(pdfjsRoot, 'cmaps')}${path.sep}`,
    wasmUrl: `${path.join(pdfjsRoot, 'wasm')}${path.sep}`,
  };
}

async function decodeWithCanvas(bytes: Uint8Array, source: string): Promise<GrayImage> {
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

export function createNodePlatform(maxPixels = DEFAULT_MAX_PIXELS): OcrPlatform {
  const assets = nodeAssetPaths();
  let pdfjs: Promise<PdfjsModule> | undefined;
  return {
    assets: { langPath: assets.langPath },
    cores: availableParallelism(),
    async decodeImage(bytes, format, source): Promise<DecodedImage[]> {
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
    async renderPdfPage(page: PDFPageProxy, scale: number): Promise<GrayImage> {
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

/** An OCR engine for Node: local assets, a worker pool sized to the cores. Close it when done. */
export function createNodeOcr(options: OcrOptions = {}): Ocr {
  return createOcr(createNodePlatform(options.maxPixels), options);
}

/** Read a file for OCR, turning file-system failures into one-line input errors. */
export async function readInputFile(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new OcrInputError('not-found', file, 'no such file', { cause: error });
    if (code === 'EISDIR')
      throw new OcrInputError('unreadable', file, 'is a directory, not a file', { cause: error });
    if (code === 'EACCES') throw new OcrInputError('unreadable', file, 'permission denied', { cause: error });
    throw new OcrInputError('unreadable', file, `cannot be read (${(error as Error).message})`, {
      cause: error,
    });
  }
}

/** One-shot: OCR one file with a fresh engine. For batches, reuse one `createNodeOcr`. */
export async function ocrFile(
  file: string,
  options: OcrOptions = {},
  callbacks?: RecognizeCallbacks,
): Promise<OcrDocument> {
  const ocr = createNodeOcr(options);
  try {
    return await ocr.recognize({ source: file, bytes: await readInputFile(file) }, callbacks);
  } finally {
    await ocr.close();
  }
}

export * from './index.js';

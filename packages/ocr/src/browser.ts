/*
 * The browser platform: image decoding with createImageBitmap, PDF rendering with pdf.js's
 * modern build, both on OffscreenCanvas, so the same code runs in a window, an extension page,
 * an offscreen document or a dedicated worker. Every asset comes from URLs the caller gives
 * (an extension's own files): nothing is fetched from a CDN. No `node:` import, here or below.
 */
import type { PDFPageProxy } from 'pdfjs-dist';
import type { DecodedImage, Decoders } from './document-reader.js';
import { OcrInputError } from './errors.js';
import { type GrayImage, grayFromRgba } from './gray-image.js';
import { declaredDpi } from './image-dpi.js';
import type { PdfjsModule } from './pdf.js';
import { createOcr, inPlacePlatform, type Ocr, type OcrOptions, type OcrPlatform } from './recognizer.js';
import { decodeTiff } from './tiff.js';

/** Where the browser finds every file tesseract.js and pdf.js load. All URLs (absolute or relative to the page). */
export interface BrowserAssets {
  tesseract: {
    /** tesseract.js's prebuilt `dist/worker.min.js`. */
    workerPath: string;
    /**
     * Folder of the wasm cores: tesseract.js 7 picks `tesseract-core-relaxedsimd-lstm.wasm.js`,
     * `tesseract-core-simd-lstm.wasm.js` or `tesseract-core-lstm.wasm.js` by what the CPU offers.
     */
    corePath: string;
    /** Folder holding `vie.traineddata.gz`. */
    langPath: string;
  };
  pdfjs: {
    /** pdfjs-dist's `build/pdf.worker.min.mjs`. */
    workerSrc: string;
    /** Folders of pdfjs-dist: `wasm/`, `standard_fonts/`, `cmaps/`. */
    wasmUrl: string;
    standardFontDataUrl: string;
    cMapUrl: string;
  };
}

/**
 * The conventional layout under one base URL (the one `browserAssetFiles` of
 * `@sohoa/ocr/browser-assets` copies out of node_modules), e.g. an extension's
 * `browser.runtime.getURL('/assets/')`.
 */
export function browserAssetsAt(base: string): BrowserAssets {
  const root = base.endsWith('/') ? base : `${base}/`;
  return {
    tesseract: {
      workerPath: `${root}tesseract/worker.min.js`,
      corePath: `${root}tesseract/core/`,
      langPath: `${root}tesseract/lang/`,
    },
    pdfjs: {
      workerSrc: `${root}pdfjs/pdf.worker.min.mjs`,
      wasmUrl: `${root}pdfjs/wasm/`,
      standardFontDataUrl: `${root}pdfjs/standard_fonts/`,
      cMapUrl: `${root}pdfjs/cmaps/`,
    },
  };
}

/** Relative URLs made absolute: pdf.js's worker and tesseract's worker resolve against their own script. */
function absolute(url: string): string {
  const base = (globalThis as { location?: { href: string } }).location?.href;
  return base ? new URL(url, base).href : url;
}

/** A window (or an extension page) has a DOM; a dedicated worker does not. */
const hasDom = (): boolean => typeof (globalThis as { document?: unknown }).document !== 'undefined';

/**
 * pdf.js's scratch canvases (scaled images, masks, patterns) on OffscreenCanvas instead of
 * `document.createElement('canvas')`, which a worker does not have. Same shape as pdf.js's
 * own factories: it calls `new CanvasFactory({ enableHWA })`, then create/reset/destroy.
 */
class OffscreenCanvasFactory {
  readonly #enableHWA: boolean;
  constructor({ enableHWA = false }: { enableHWA?: boolean } = {}) {
    this.#enableHWA = enableHWA;
  }
  create(width: number, height: number) {
    if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
    const canvas = new OffscreenCanvas(width, height);
    return { canvas, context: canvas.getContext('2d', { willReadFrequently: !this.#enableHWA }) };
  }
  reset(target: { canvas: OffscreenCanvas | null }, width: number, height: number) {
    if (!target.canvas) throw new Error('Canvas is not specified');
    if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
    target.canvas.width = width;
    target.canvas.height = height;
  }
  destroy(target: { canvas: OffscreenCanvas | null; context: unknown }) {
    if (!target.canvas) throw new Error('Canvas is not specified');
    target.canvas.width = target.canvas.height = 0;
    target.canvas = null;
    target.context = null;
  }
}

/**
 * In a worker pdf.js's SVG filters (transfer functions, luminosity masks) would need a DOM:
 * they are left out there, as pdf.js's own base factory does, rather than crash the page.
 */
class NoFilterFactory {
  addFilter() {
    return 'none';
  }
  addHCMFilter() {
    return 'none';
  }
  addAlphaFilter() {
    return 'none';
  }
  addLuminosityFilter() {
    return 'none';
  }
  addHighlightHCMFilter() {
    return 'none';
  }
  destroy() {}
}

function canvas2d(width: number, height: number): OffscreenCanvasRenderingContext2D {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { alpha: false, willReadFrequently: true });
  if (!ctx) throw new Error('no 2d context on OffscreenCanvas');
  // Transparent pixels are paper, as in the Node decoders.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  return ctx;
}

async function decodeWithBitmap(bytes: Uint8Array, source: string, maxPixels: number): Promise<GrayImage> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  } catch (error) {
    throw new OcrInputError(
      'corrupt',
      source,
      `the image is corrupt or truncated (${(error as Error).message})`,
      { cause: error },
    );
  }
  try {
    const { width, height } = bitmap;
    if (!width || !height) throw new OcrInputError('corrupt', source, 'the image has no pixels');
    // Headers were checked before; this guards formats whose size the sniffer could not read.
    if (width * height > maxPixels) {
      throw new OcrInputError(
        'too-large',
        source,
        `the image is ${width}×${height} (${((width * height) / 1e6).toFixed(0)} megapixels), over the limit of ${maxPixels / 1e6}`,
      );
    }
    const ctx = canvas2d(width, height);
    ctx.drawImage(bitmap, 0, 0);
    return grayFromRgba(ctx.getImageData(0, 0, width, height).data, width, height);
  } finally {
    bitmap.close();
  }
}

type PdfjsBrowserModule = PdfjsModule & {
  GlobalWorkerOptions: { workerSrc: string };
  PDFWorker: new (options: { port: Worker }) => { destroy(): void };
};

/**
 * Image decoders, pdf.js and a canvas for browsers (windows and dedicated workers). Images are
 * decoded and pages drawn in the calling thread; pdf.js parses each document in a worker.
 */
export function createBrowserDecoders(assets: BrowserAssets['pdfjs']): Decoders {
  let pdfjs: Promise<PdfjsModule> | undefined;
  const workerSrc = absolute(assets.workerSrc);
  return {
    async decodeImage(bytes, format, source, maxPixels): Promise<DecodedImage[]> {
      if (format === 'tiff') return decodeTiff(bytes, source, maxPixels);
      const image = await decodeWithBitmap(bytes, source, maxPixels);
      const dpi = declaredDpi(bytes, format);
      return [dpi ? { image, dpi } : { image }];
    },
    pdfjs() {
      pdfjs ??= import('pdfjs-dist/build/pdf.mjs').then((module) => {
        (module as unknown as PdfjsBrowserModule).GlobalWorkerOptions.workerSrc = workerSrc;
        return module as unknown as PdfjsModule;
      });
      return pdfjs;
    },
    pdfWorker(module) {
      // A pdf.js worker of the document's own, ended with it. Left to itself pdf.js starts one
      // only where `window` exists, and loads a worker it deems cross-origin through a blob:
      // URL, which an extension's CSP refuses; in a worker it would import its worker script
      // into this very thread, where the script takes over `self.onmessage`.
      const { PDFWorker } = module as PdfjsBrowserModule;
      const port = new Worker(workerSrc, { type: 'module' });
      const worker = new PDFWorker({ port });
      return {
        params: { worker },
        close() {
          worker.destroy();
          port.terminate();
        },
      };
    },
    pdfDocumentParams: {
      wasmUrl: absolute(assets.wasmUrl),
      standardFontDataUrl: absolute(assets.standardFontDataUrl),
      cMapUrl: absolute(assets.cMapUrl),
      cMapPacked: true,
      isEvalSupported: false,
      // Absolute URLs, fetched where the parser runs; set explicitly, since pdf.js's default
      // reads `document.baseURI`, which a worker lacks.
      useWorkerFetch: true,
      CanvasFactory: OffscreenCanvasFactory,
      ...(hasDom() ? {} : { FilterFactory: NoFilterFactory }),
    },
    async renderPdfPage(page: PDFPageProxy, scale: number): Promise<GrayImage> {
      const viewport = page.getViewport({ scale });
      const width = Math.ceil(viewport.width);
      const height = Math.ceil(viewport.height);
      const ctx = canvas2d(width, height);
      await page.render({
        canvas: ctx.canvas as unknown as HTMLCanvasElement,
        canvasContext: ctx as unknown as CanvasRenderingContext2D,
        viewport,
        // The print intent renders without requestAnimationFrame, which a hidden tab or an
        // offscreen document never fires (the render would stall); it is also what is on paper.
        intent: 'print',
      }).promise;
      return grayFromRgba(ctx.getImageData(0, 0, width, height).data, width, height);
    },
    async encodePng(image: GrayImage): Promise<Uint8Array> {
      const { width, height, data } = image;
      const ctx = canvas2d(width, height);
      const rgba = ctx.createImageData(width, height);
      for (let i = 0, j = 0; i < data.length; i++, j += 4) {
        rgba.data[j] = rgba.data[j + 1] = rgba.data[j + 2] = data[i]!;
        rgba.data[j + 3] = 255;
      }
      ctx.putImageData(rgba, 0, 0);
      const blob = await (ctx.canvas as OffscreenCanvas).convertToBlob({ type: 'image/png' });
      return new Uint8Array(await blob.arrayBuffer());
    },
  };
}

export interface BrowserPlatformOptions {
  /**
   * Cores to size the OCR pool by. Default: `navigator.hardwareConcurrency`, at most 2, since
   * each tesseract worker holds 100 MB or more of wasm memory.
   */
  cores?: number;
}

/** The OCR platform of browsers: decoding in place, tesseract.js from the given URLs. */
export function createBrowserPlatform(
  assets: BrowserAssets,
  options: BrowserPlatformOptions = {},
): OcrPlatform {
  const available = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator
    ?.hardwareConcurrency;
  const cores = Math.max(1, options.cores ?? Math.min(2, available || 1));
  return inPlacePlatform(
    {
      workerPath: absolute(assets.tesseract.workerPath),
      corePath: absolute(assets.tesseract.corePath),
      langPath: absolute(assets.tesseract.langPath),
      // An extension's CSP allows no blob: workers; the worker is loaded from its own URL.
      workerBlobURL: false,
    },
    createBrowserDecoders(assets.pdfjs),
    cores,
  );
}

export interface BrowserOcrOptions extends OcrOptions, BrowserPlatformOptions {}

/** An OCR engine for browsers, every asset from the given URLs. Close it when done (it owns workers). */
export function createBrowserOcr(assets: BrowserAssets, options: BrowserOcrOptions = {}): Ocr {
  return createOcr(createBrowserPlatform(assets, options), options);
}

export * from './index.js';

import { type OcrBlock, OcrDocument, type OcrPage } from '@sohoa/model';
import { decodeLegacy, detectLegacyEncoding } from '@sohoa/vi';
import type { PDFPageProxy } from 'pdfjs-dist';
import { boxMapper, mapBlocks } from './box-mapping.js';
import { OcrInputError } from './errors.js';
import type { GrayImage } from './gray-image.js';
import { blocksText, layoutPage, type RawLine } from './layout.js';
import { embeddedImageDpi, openPdf, type PdfjsModule, readTextLayer } from './pdf.js';
import { WorkerPool } from './pool.js';
import { type PreprocessOptions, preprocess } from './preprocess/pipeline.js';
import { sniffInput, structureProblem } from './sniff.js';
import {
  createTesseractWorker,
  recognizeImage,
  type TesseractAssets,
  type TesseractWorker,
} from './tesseract-engine.js';

/** A decoded page image with the resolution its file declares, if any. */
export interface DecodedImage {
  image: GrayImage;
  dpi?: number;
}

/** What differs between Node and browsers: decoding, rendering, and where assets live. */
export interface OcrPlatform {
  assets: TesseractAssets;
  /** Decode an image file (any page of a multi-page TIFF) to grayscale. */
  decodeImage(bytes: Uint8Array, format: string, source: string): Promise<DecodedImage[]>;
  pdfjs(): Promise<PdfjsModule>;
  pdfDocumentParams?: Record<string, unknown>;
  /** Render a PDF page at a scale (1 = 72 dpi) to grayscale. */
  renderPdfPage(page: PDFPageProxy, scale: number): Promise<GrayImage>;
  /** Cores to size the pool by. */
  cores: number;
}

export interface OcrOptions {
  /** Parallel OCR workers; defaults to the number of cores. */
  workers?: number;
  /** Replace each worker after this many pages (bounded memory). */
  recycleAfter?: number;
  /** Preprocessing steps, or false to send pages as they are. */
  preprocess?: PreprocessOptions | false;
  /** Maximum resolution for rendering image-only PDF pages. */
  dpi?: number;
  /** Tesseract page segmentation mode. */
  psm?: number;
  /** Refuse images above this many pixels before decoding them. */
  maxPixels?: number;
  language?: string;
}

export interface PageProgress {
  source: string;
  page: number;
  pages: number;
  kind: OcrPage['source'];
}

export interface RecognizeInput {
  /** A name for messages and the document's `source`. */
  source: string;
  bytes: Uint8Array;
}

export interface RecognizeCallbacks {
  /** Called once the number of pages is known. */
  onPages?: (source: string, pages: number) => void;
  onPage?: (progress: PageProgress) => void;
}

export const DEFAULT_MAX_PIXELS = 100_000_000;
const A4_WIDTH_INCHES = 8.27;
/** A text layer with fewer characters than this is a scan's stray label: OCR the page. */
const MIN_TEXT_LAYER_CHARS = 20;

export interface Ocr {
  recognize(input: RecognizeInput, callbacks?: RecognizeCallbacks): Promise<OcrDocument>;
  close(): Promise<void>;
  readonly pool: WorkerPool<TesseractWorker>;
}

export function createOcr(platform: OcrPlatform, options: OcrOptions = {}): Ocr {
  const language = options.language ?? 'vie';
  const pool = new WorkerPool<TesseractWorker>({
    size: Math.max(1, options.workers ?? platform.cores),
    recycleAfter: options.recycleAfter ?? 40,
    create: () => createTesseractWorker(platform.assets, language),
    destroy: async (w) => {
      await w.terminate();
    },
  });
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  const maxDpi = options.dpi ?? 300;
  // Pages prepared ahead of the pool: enough to keep workers busy, few enough to bound memory.
  const pagesInFlight = pool.size + 1;

  async function ocrImage(
    image: GrayImage,
    dpi: number,
    pageNumber: number,
    source: string,
  ): Promise<OcrPage> {
    const prep =
      options.preprocess === false
        ? { image, dpi, scale: 1, skew: 0, steps: [] as string[] }
        : preprocess(image, dpi, options.preprocess);
    let result: Awaited<ReturnType<typeof recognizeImage>>;
    try {
      result = await pool.run((worker) =>
        recognizeImage(worker, prep.image, { dpi: prep.dpi, psm: options.psm ?? 3 }),
      );
    } catch (error) {
      throw new OcrInputError(
        'engine-failed',
        source,
        `OCR failed on page ${pageNumber}: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    const blocks = layoutPage(result.lines, {
      pageWidth: prep.image.width,
      pageHeight: prep.image.height,
      firstPage: pageNumber === 1,
    });
    const map = boxMapper({
      from: prep.image,
      to: image,
      scale: prep.scale,
      skew: prep.skew,
    });
    return pageFromBlocks(mapBlocks(blocks, map), {
      number: pageNumber,
      width: image.width,
      height: image.height,
      dpi,
      source: 'ocr',
      confidence: result.confidence,
      skew: prep.skew,
    });
  }

  async function recognizeImageFile(input: RecognizeInput, format: string, cb: RecognizeCallbacks) {
    const decoded = await platform.decodeImage(input.bytes, format, input.source);
    cb.onPages?.(input.source, decoded.length);
    return mapLimit(decoded, pagesInFlight, async ({ image, dpi }, index) => {
      const page = await ocrImage(image, dpi ?? guessDpi(image), index + 1, input.source);
      cb.onPage?.({ source: input.source, page: index + 1, pages: decoded.length, kind: 'ocr' });
      return page;
    });
  }

  async function recognizePdf(input: RecognizeInput, cb: RecognizeCallbacks) {
    const pdfjs = await platform.pdfjs();
    const doc = await openPdf(pdfjs, input.bytes, input.source, {
      documentParams: platform.pdfDocumentParams,
    });
    try {
      const count = doc.numPages;
      cb.onPages?.(input.source, count);
      const numbers = Array.from({ length: count }, (_, i) => i + 1);
      return await mapLimit(numbers, pagesInFlight, async (n) => {
        let pdfPage: PDFPageProxy;
        try {
          pdfPage = await doc.getPage(n);
        } catch (error) {
          throw new OcrInputError('corrupt', input.source, `page ${n} of the PDF is unreadable`, {
            cause: error,
          });
        }
        const page = await recognizePdfPage(pdfjs, pdfPage, n, input.source);
        pdfPage.cleanup();
        cb.onPage?.({ source: input.source, page: n, pages: count, kind: page.source });
        return page;
      });
    } finally {
      await doc.destroy();
    }
  }

  async function recognizePdfPage(pdfjs: PdfjsModule, pdfPage: PDFPageProxy, n: number, source: string) {
    const layer = await readTextLayer(pdfjs, pdfPage);
    if (layer.characters >= MIN_TEXT_LAYER_CHARS && layer.garbage < 0.1) {
      const raw = layer.lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n');
      const legacy = detectLegacyEncoding(raw);
      const encoding = legacy.encoding;
      const decode = (t: string) => decodeLegacy(encoding === 'tcvn3' ? restoreTcvn3Uhorn(t) : t, encoding);
      // Decode whole lines: a word's case in a capitals font is told by its neighbours.
      const lines: RawLine[] = layer.lines.map((l) => {
        const decoded = decode(l.words.map((w) => w.text).join(' ')).split(' ');
        const words =
          decoded.length === l.words.length
            ? l.words.map((w, k) => ({ ...w, text: decoded[k]! }))
            : l.words.map((w) => ({ ...w, text: decode(w.text) }));
        return { paragraph: l.paragraph, words };
      });
      return buildPage(lines, {
        number: n,
        width: layer.width,
        height: layer.height,
        dpi: 72,
        source: 'text-layer',
        encoding,
        confidence: 100,
      });
    }
    const native = await embeddedImageDpi(pdfjs, pdfPage);
    const dpi = Math.max(72, Math.min(maxDpi, native ?? maxDpi));
    const image = await platform.renderPdfPage(pdfPage, dpi / 72);
    return ocrImage(image, dpi, n, source);
  }

  return {
    pool,
    async recognize(input, callbacks = {}) {
      if (input.bytes.length === 0)
        throw new OcrInputError('empty-file', input.source, 'the file is empty (0 bytes)');
      const sniffed = sniffInput(input.bytes);
      if (!sniffed) {
        throw new OcrInputError(
          'unsupported-format',
          input.source,
          'not a supported image or PDF (expected PNG, JPEG, TIFF, WebP, BMP, GIF or PDF)',
        );
      }
      if (sniffed.width && sniffed.height && sniffed.width * sniffed.height > maxPixels) {
        const mp = ((sniffed.width * sniffed.height) / 1e6).toFixed(0);
        throw new OcrInputError(
          'too-large',
          input.source,
          `the image is ${sniffed.width}×${sniffed.height} (${mp} megapixels), over the limit of ${maxPixels / 1e6}`,
        );
      }
      const problem = structureProblem(input.bytes, sniffed.format);
      if (problem) throw new OcrInputError('corrupt', input.source, problem);
      const pages =
        sniffed.format === 'pdf'
          ? await recognizePdf(input, callbacks)
          : await recognizeImageFile(input, sniffed.format, callbacks);
      return OcrDocument.parse({
        type: 'ocr-document',
        source: input.source,
        language,
        pages,
        text: pages.map((p) => p.text).join('\n\f\n'),
      });
    },
    close: () => pool.close(),
  };
}

type PageMeta = Omit<OcrPage, 'blocks' | 'text'>;

function pageFromBlocks(blocks: OcrBlock[], meta: PageMeta): OcrPage {
  return { ...meta, blocks, text: blocksText(blocks) };
}

function buildPage(lines: RawLine[], meta: PageMeta): OcrPage {
  const blocks = layoutPage(lines, {
    pageWidth: meta.width,
    pageHeight: meta.height,
    firstPage: meta.number === 1,
  });
  return pageFromBlocks(blocks, meta);
}

/**
 * TCVN3 puts "ư" at 0xAD, the soft hyphen, which PDF text extraction hands back as "-"
 * ("n-ớc" for "nước"). In a TCVN3 text layer a hyphen touching a lower-case letter (or a
 * TCVN3 vowel code) on either side, and no digit before it, is that "ư"; spaced dashes
 * and document numbers ("36-NQ/TW") keep their hyphen.
 */
function restoreTcvn3Uhorn(text: string): string {
  return text.replace(/(?<![\p{N}])-(?=[a-z\u00a0-\u00ff])|(?<=[a-z\u00a0-\u00ff])-/gu, '\u00ad');
}

/** Scans rarely say their resolution; an A4 page's width does. */
export function guessDpi(image: GrayImage): number {
  const portrait = Math.min(image.width, image.height);
  const ratio = Math.max(image.width, image.height) / portrait;
  if (ratio > 1.3 && ratio < 1.52) return Math.round(portrait / A4_WIDTH_INCHES);
  return 300;
}

/** Map with at most `limit` calls in flight, keeping the input order. */
export async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed: unknown;
  const run = async () => {
    while (next < items.length && failed === undefined) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!, i);
      } catch (error) {
        failed ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
  if (failed !== undefined) throw failed;
  return results;
}

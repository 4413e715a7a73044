import { type OcrBlock, OcrDocument, OcrPage } from '@sohoa/model';
import pLimit from 'p-limit';
import { boxMapper, mapBlocks } from './box-mapping.js';
import {
  type Decoders,
  defaultReaderOptions,
  openDocument,
  type PageSource,
  type PreparedPage,
  type ReaderOptions,
} from './document-reader.js';
import { OcrInputError } from './errors.js';
import { blocksText, layoutPage, type RawLine } from './layout.js';
import { WorkerPool } from './pool.js';
import type { PreprocessOptions } from './preprocess/pipeline.js';
import { type InputFormat, sniffInput, structureProblem } from './sniff.js';
import {
  createTesseractWorker,
  recognizeImage,
  type TesseractAssets,
  type TesseractWorker,
} from './tesseract-engine.js';

/** What differs between Node and browsers: where assets live and how untrusted bytes are opened. */
export interface OcrPlatform {
  assets: TesseractAssets;
  /**
   * Open a sniffed, header-checked document. Node does it in a decoder process, so a
   * crafted file cannot crash or exhaust the caller; browsers may do it in place.
   */
  open(
    input: { bytes: Uint8Array; source: string; format: InputFormat },
    options: ReaderOptions,
  ): Promise<PageSource>;
  /** Cores to size the pool by. */
  cores: number;
  /** Free what `open` started (decoder processes). */
  close?(): Promise<void>;
}

/** A platform that decodes in the calling thread (browsers, workers, or trusted input). */
export function inPlacePlatform(assets: TesseractAssets, decoders: Decoders, cores: number): OcrPlatform {
  return { assets, cores, open: (input, options) => openDocument(decoders, input, options) };
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
  /**
   * Tesseract's per-character alternatives as each word's `choices` (evidence for the corrector's
   * tone and letter repairs), at about a third more OCR time. Default false.
   */
  alternatives?: boolean;
  /** Refuse images, and shrink PDF renders, above this many pixels. */
  maxPixels?: number;
  /** Render PDF pages at no more than this many pixels (default 40 000 000). */
  maxRenderPixels?: number;
  /** Refuse PDFs with more pages than this (default 5000). */
  maxPages?: number;
  /** Time allowed to recognise one page, in ms (default 120 000); the worker is replaced after. */
  pageTimeoutMs?: number;
  language?: string;
}

export interface PageProgress {
  source: string;
  page: number;
  pages: number;
  kind: OcrPage['source'];
  /** The page as read, so a viewer can show it (and a store keep it) before the document is done. */
  result: OcrPage;
  /** True when the page was taken from `knownPages`, not read in this run. */
  known: boolean;
}

export interface RecognizeInput {
  /** A name for messages and the document's `source`. */
  source: string;
  /** The file's bytes (a Node Buffer is a Uint8Array and is accepted). */
  bytes: Uint8Array;
}

export interface RecognizeCallbacks {
  /** Called once the number of pages is known. */
  onPages?: (source: string, pages: number) => void;
  onPage?: (progress: PageProgress) => void;
  /**
   * Receives each page of an image file as PNG, as decoded (TIFF, WebP, BMP, GIF, PNG, JPEG;
   * not PDFs): what a searchable PDF of the scan is made of. Asking for it costs an encode per page.
   */
  onPageImage?: (page: number, png: Uint8Array) => void;
  /**
   * Pages of this same input already read by an earlier run that stopped (a closed tab, a
   * crash), by page number: they are taken as they are, neither decoded nor read again, and
   * still reported through `onPage`, so reopening a document resumes where its OCR stopped.
   * A page that is not a valid `OcrPage` of that number is read again. Image files still
   * decode known pages when `onPageImage` asks for their images.
   */
  knownPages?: ReadonlyMap<number, OcrPage>;
  /**
   * Read only these pages (1-based numbers, any order, duplicates ignored): the document then
   * holds them alone, in page order. A queue spreads one long document over machines with it,
   * one job per page; an empty list reads nothing and only reports the page count through
   * `onPages` (a one-page image is not even decoded). A number past the last page is an
   * `invalid-input` error.
   */
  pages?: readonly number[];
}

export const DEFAULT_MAX_PIXELS = 100_000_000;
export const DEFAULT_PAGE_TIMEOUT_MS = 120_000;

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
  const readerOptions: ReaderOptions = {
    maxPixels: options.maxPixels ?? DEFAULT_MAX_PIXELS,
    maxRenderPixels: options.maxRenderPixels ?? defaultReaderOptions.maxRenderPixels,
    maxDpi: options.dpi ?? defaultReaderOptions.maxDpi,
    maxPages: options.maxPages ?? defaultReaderOptions.maxPages,
    preprocess: options.preprocess ?? {},
  };
  const pageTimeoutMs = options.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS;
  // Pages prepared ahead of the pool: enough to keep workers busy, few enough to bound memory.
  const pagesInFlight = pool.size + 1;

  async function ocrPage(page: PreparedPage & { kind: 'image' }, source: string): Promise<OcrPage> {
    let result: Awaited<ReturnType<typeof recognizeImage>>;
    try {
      // A worker that overruns is rejected here; the pool then replaces it (terminating the thread).
      result = await pool.run((worker) =>
        withTimeout(
          recognizeImage(worker, page.image, {
            dpi: page.imageDpi,
            psm: options.psm ?? 3,
            ...(options.alternatives ? { alternatives: true } : {}),
          }),
          pageTimeoutMs,
          () =>
            new OcrInputError(
              'timeout',
              source,
              `OCR of page ${page.number} took longer than ${duration(pageTimeoutMs)}; stopped`,
            ),
        ),
      );
    } catch (error) {
      if (error instanceof OcrInputError) throw error;
      throw new OcrInputError(
        'engine-failed',
        source,
        // tesseract.js rejects with the worker's message as a string, not always an Error.
        `OCR failed on page ${page.number}: ${error instanceof Error ? error.message : String(error)}`,
        {
          cause: error,
        },
      );
    }
    const blocks = layoutPage(result.lines, {
      pageWidth: page.image.width,
      pageHeight: page.image.height,
      firstPage: page.number === 1,
    });
    const map = boxMapper({ from: page.image, to: page, scale: page.scale, skew: page.skew });
    return pageFromBlocks(mapBlocks(blocks, map), {
      number: page.number,
      width: page.width,
      height: page.height,
      dpi: page.dpi,
      source: 'ocr',
      confidence: result.confidence,
      skew: page.skew,
    });
  }

  async function toOcrPage(page: PreparedPage, source: string): Promise<OcrPage> {
    if (page.kind === 'image') return ocrPage(page, source);
    return buildPage(page.lines, {
      number: page.number,
      width: page.width,
      height: page.height,
      dpi: 72,
      source: 'text-layer',
      encoding: page.encoding,
      confidence: 100,
    });
  }

  return {
    pool,
    async recognize(input, callbacks = {}) {
      const { source, bytes } = checkInput(input);
      if (bytes.length === 0) throw new OcrInputError('empty-file', source, 'the file is empty (0 bytes)');
      const sniffed = sniffInput(bytes);
      if (!sniffed) {
        throw new OcrInputError(
          'unsupported-format',
          source,
          'not a supported image or PDF (expected PNG, JPEG, TIFF, WebP, BMP, GIF or PDF)',
        );
      }
      const { maxPixels } = readerOptions;
      if (
        sniffed.width !== undefined &&
        sniffed.height !== undefined &&
        sniffed.width * sniffed.height > maxPixels
      ) {
        const mp = ((sniffed.width * sniffed.height) / 1e6).toFixed(0);
        throw new OcrInputError(
          'too-large',
          source,
          `the image is ${sniffed.width}×${sniffed.height} (${mp} megapixels), over the limit of ${maxPixels / 1e6}`,
        );
      }
      const problem = structureProblem(bytes, sniffed.format);
      if (problem) throw new OcrInputError('corrupt', source, problem);
      const wantsImages = Boolean(callbacks.onPageImage) && sniffed.format !== 'pdf';
      const known = usableKnownPages(callbacks.knownPages);
      // An image file other than TIFF has one page: when the pages wanted of it are known (or
      // none is wanted) there is nothing to open.
      if (SINGLE_PAGE.has(sniffed.format) && !wantsImages) {
        const numbers = pageNumbers(callbacks.pages, 1, source);
        if (numbers.every((n) => known.has(n))) {
          callbacks.onPages?.(source, 1);
          const pages = numbers.map((n) => known.get(n)!);
          for (const page of pages) {
            callbacks.onPage?.({ source, page: 1, pages: 1, kind: page.source, result: page, known: true });
          }
          return ocrDocument(source, language, pages);
        }
      }
      const doc = await platform.open(
        { bytes, source, format: sniffed.format },
        wantsImages ? { ...readerOptions, pageImages: true } : readerOptions,
      );
      let pages: OcrPage[];
      try {
        callbacks.onPages?.(source, doc.pageCount);
        const numbers = pageNumbers(callbacks.pages, doc.pageCount, source);
        pages = await mapLimit(numbers, pagesInFlight, async (n) => {
          const done = known.get(n);
          // A known page of a PDF is never rendered; one of an image file only for its image.
          const prepared = done && !wantsImages ? undefined : await doc.page(n);
          if (prepared?.kind === 'image' && prepared.png) callbacks.onPageImage?.(n, prepared.png);
          const page = done ?? (await toOcrPage(prepared!, source));
          callbacks.onPage?.({
            source,
            page: n,
            pages: doc.pageCount,
            kind: page.source,
            result: page,
            known: done !== undefined,
          });
          return page;
        });
      } finally {
        await doc.close();
      }
      return ocrDocument(source, language, pages);
    },
    close: async () => {
      await pool.close();
      await platform.close?.();
    },
  };
}

/** Formats whose files hold exactly one page (TIFF may hold several). */
const SINGLE_PAGE = new Set<InputFormat>(['png', 'jpeg', 'webp', 'bmp', 'gif']);

/** The pages to read, in order: every page, or the ones asked for, checked against the count. */
function pageNumbers(wanted: readonly number[] | undefined, count: number, source: string): number[] {
  if (!wanted) return Array.from({ length: count }, (_, i) => i + 1);
  const numbers = [...new Set(wanted)].sort((a, b) => a - b);
  for (const n of numbers) {
    if (!Number.isInteger(n) || n < 1 || n > count) {
      throw new OcrInputError(
        'invalid-input',
        source,
        `no page ${n}: the document has ${count} page${count === 1 ? '' : 's'}`,
      );
    }
  }
  return numbers;
}

/**
 * The known pages worth trusting: they come back from storage (IndexedDB, a file), so each is
 * checked against the schema and its number; a damaged one is read again rather than failing.
 */
function usableKnownPages(pages: ReadonlyMap<number, OcrPage> | undefined): Map<number, OcrPage> {
  const usable = new Map<number, OcrPage>();
  for (const [n, page] of pages ?? []) {
    const parsed = OcrPage.safeParse(page);
    if (parsed.success && parsed.data.number === n) usable.set(n, parsed.data);
  }
  return usable;
}

function ocrDocument(source: string, language: string, pages: OcrPage[]): OcrDocument {
  return OcrDocument.parse({
    type: 'ocr-document',
    source,
    language,
    pages,
    text: pages.map((p) => p.text).join('\n\f\n'),
  });
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

/** A time limit for messages: "800 ms", "120 s". */
export function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

/** The input as given by a library user, checked at the border: bytes must be bytes. */
function checkInput(input: RecognizeInput): { source: string; bytes: Uint8Array } {
  const source = typeof input?.source === 'string' && input.source ? input.source : '<input>';
  const bytes: unknown = input?.bytes;
  if (!(bytes instanceof Uint8Array)) {
    const given =
      bytes instanceof ArrayBuffer ? 'an ArrayBuffer' : bytes === undefined ? 'nothing' : typeof bytes;
    throw new OcrInputError(
      'invalid-input',
      source,
      `expected the file's bytes as a Uint8Array or Buffer, got ${given}`,
    );
  }
  return { source, bytes };
}

function withTimeout<T>(promise: Promise<T>, ms: number, error: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(error()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Map with at most `limit` calls in flight (p-limit), keeping the input order. After the
 * first failure no new call starts; the calls in flight finish, then that failure is thrown.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const run = pLimit(Math.max(1, limit));
  let failure: { error: unknown } | undefined;
  const settled = await Promise.allSettled(
    items.map((item, index) =>
      run(async () => {
        if (failure) return undefined as R;
        try {
          return await fn(item, index);
        } catch (error) {
          failure ??= { error };
          throw error;
        }
      }),
    ),
  );
  if (failure) throw failure.error;
  return settled.map((s) => (s as PromiseFulfilledResult<R>).value);
}

import type { OcrPage } from '@sohoa/model';
import { decodeLegacy, detectLegacyEncoding } from '@sohoa/vi';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { OcrInputError } from './errors.js';
import type { GrayImage } from './gray-image.js';
import type { RawLine } from './layout.js';
import { embeddedImageDpi, openPdf, type PdfjsModule, readTextLayer } from './pdf.js';
import { type PreprocessOptions, preprocess } from './preprocess/pipeline.js';
import type { InputFormat } from './sniff.js';

/** A decoded page image with the resolution its file declares, if any. */
export interface DecodedImage {
  image: GrayImage;
  dpi?: number;
}

/**
 * The code that turns untrusted bytes into pixels or text: image decoders, pdf.js and a
 * canvas to render with. Node and browsers bring their own.
 */
export interface Decoders {
  /** Decode an image file (every page of a multi-page TIFF) to grayscale. */
  decodeImage(
    bytes: Uint8Array,
    format: InputFormat,
    source: string,
    maxPixels: number,
  ): Promise<DecodedImage[]>;
  pdfjs(): Promise<PdfjsModule>;
  pdfDocumentParams?: Record<string, unknown>;
  /**
   * A pdf.js worker of the document's own, when pdf.js cannot start one itself (it does only
   * where `window` exists): extra getDocument parameters, and how to free them once the
   * document is closed.
   */
  pdfWorker?(pdfjs: PdfjsModule): { params: Record<string, unknown>; close(): void } | undefined;
  /** Render a PDF page at a scale (1 = 72 dpi) to grayscale. */
  renderPdfPage(page: PDFPageProxy, scale: number): Promise<GrayImage>;
  /** PNG bytes of a page as decoded, for exports that need the page image (`ReaderOptions.pageImages`). */
  encodePng?(image: GrayImage): Promise<Uint8Array>;
}

export interface ReaderOptions {
  /** Refuse image files above this many pixels. */
  maxPixels: number;
  /**
   * Render PDF pages at no more than this many pixels, lowering the resolution of huge
   * pages. Lower than `maxPixels`: a render needs a colour canvas (4 bytes a pixel) too.
   */
  maxRenderPixels: number;
  /** Maximum resolution for rendering image-only PDF pages. */
  maxDpi: number;
  /** Refuse PDFs with more pages than this. */
  maxPages: number;
  /** Preprocessing steps, or false to hand pages over as decoded. */
  preprocess: PreprocessOptions | false;
  /**
   * Also hand over each image file's page as PNG (as decoded, before preprocessing): a
   * searchable PDF of a TIFF, WebP, BMP or GIF needs it, and it is made here, where the
   * untrusted file is decoded anyway.
   */
  pageImages?: boolean;
}

/** A page ready for the OCR engine (`image`) or already read from a PDF's text layer (`text`). */
export type PreparedPage =
  | {
      kind: 'text';
      number: number;
      width: number;
      height: number;
      encoding: OcrPage['encoding'];
      lines: RawLine[];
    }
  | {
      kind: 'image';
      number: number;
      /** Size and resolution of the page as decoded or rendered, before preprocessing. */
      width: number;
      height: number;
      dpi: number;
      /** The preprocessed image, its resolution, and the frame change to map boxes back. */
      image: GrayImage;
      /** The page as decoded, as PNG, when `ReaderOptions.pageImages` asked for it. */
      png?: Uint8Array;
      imageDpi: number;
      scale: number;
      skew: number;
    };

/** An open document handing out its pages one at a time, so memory holds one page, not all. */
export interface PageSource {
  readonly pageCount: number;
  page(n: number): Promise<PreparedPage>;
  close(): Promise<void>;
}

const A4_WIDTH_INCHES = 8.27;
/** A text layer with fewer characters than this is a scan's stray label: OCR the page. */
const MIN_TEXT_LAYER_CHARS = 20;
/** Below this a rendered page is unreadable anyway: refuse it rather than OCR noise. */
const MIN_RENDER_DPI = 50;

export const defaultReaderOptions: ReaderOptions = {
  maxPixels: 100_000_000,
  maxRenderPixels: 40_000_000,
  maxDpi: 300,
  maxPages: 5000,
  preprocess: {},
};

/** Open a document whose format has been sniffed and whose header has been checked. */
export async function openDocument(
  decoders: Decoders,
  input: { bytes: Uint8Array; source: string; format: InputFormat },
  options: ReaderOptions,
): Promise<PageSource> {
  if (input.format === 'pdf') return openPdfSource(decoders, input.bytes, input.source, options);
  const decoded = await decoders.decodeImage(input.bytes, input.format, input.source, options.maxPixels);
  const pages: (DecodedImage | undefined)[] = decoded;
  return {
    pageCount: decoded.length,
    async page(n) {
      const page = pages[n - 1];
      if (!page) throw new RangeError(`no page ${n}`);
      pages[n - 1] = undefined; // each page is handed out once: free it
      const prepared = prepareImage(page.image, page.dpi ?? guessDpi(page.image), n, options);
      if (options.pageImages && prepared.kind === 'image' && decoders.encodePng) {
        prepared.png = await decoders.encodePng(page.image);
      }
      return prepared;
    },
    async close() {
      pages.length = 0;
    },
  };
}

function prepareImage(image: GrayImage, dpi: number, number: number, options: ReaderOptions): PreparedPage {
  const prep =
    options.preprocess === false
      ? { image, dpi, scale: 1, skew: 0 }
      : preprocess(image, dpi, options.preprocess);
  return {
    kind: 'image',
    number,
    width: image.width,
    height: image.height,
    dpi,
    image: prep.image,
    imageDpi: prep.dpi,
    scale: prep.scale,
    skew: prep.skew,
  };
}

async function openPdfSource(
  decoders: Decoders,
  bytes: Uint8Array,
  source: string,
  options: ReaderOptions,
): Promise<PageSource> {
  const pdfjs = await decoders.pdfjs();
  const worker = decoders.pdfWorker?.(pdfjs);
  let doc: PDFDocumentProxy;
  try {
    doc = await openPdf(pdfjs, bytes, source, {
      documentParams: { ...decoders.pdfDocumentParams, ...worker?.params },
    });
  } catch (error) {
    worker?.close();
    throw error;
  }
  const close = async () => {
    try {
      await doc.destroy();
    } finally {
      worker?.close();
    }
  };
  if (doc.numPages > options.maxPages) {
    await close();
    throw new OcrInputError(
      'too-large',
      source,
      `the PDF has ${doc.numPages} pages, over the limit of ${options.maxPages}`,
    );
  }
  return {
    pageCount: doc.numPages,
    async page(n) {
      let pdfPage: PDFPageProxy;
      try {
        pdfPage = await doc.getPage(n);
      } catch (error) {
        throw new OcrInputError('corrupt', source, `page ${n} of the PDF is unreadable`, { cause: error });
      }
      try {
        return await preparePdfPage(decoders, pdfjs, pdfPage, n, source, options);
      } finally {
        pdfPage.cleanup();
      }
    },
    close,
  };
}

async function preparePdfPage(
  decoders: Decoders,
  pdfjs: PdfjsModule,
  pdfPage: PDFPageProxy,
  n: number,
  source: string,
  options: ReaderOptions,
): Promise<PreparedPage> {
  const layer = await readTextLayer(pdfjs, pdfPage);
  if (layer.characters >= MIN_TEXT_LAYER_CHARS && layer.garbage < 0.1) {
    return {
      kind: 'text',
      number: n,
      width: layer.width,
      height: layer.height,
      ...decodeTextLayer(layer.lines),
    };
  }
  const native = await embeddedImageDpi(pdfjs, pdfPage);
  const wanted = Math.max(72, Math.min(options.maxDpi, native ?? options.maxDpi));
  // A page may be metres wide: cap the pixels as for image files, lowering the resolution.
  const area = layer.width * layer.height; // in points (1/72 inch)
  const fitting = 72 * Math.sqrt(options.maxRenderPixels / Math.max(area, 1));
  const dpi = Math.min(wanted, Math.floor(fitting));
  if (dpi < MIN_RENDER_DPI) {
    const inches = (p: number) => (p / 72).toFixed(0);
    throw new OcrInputError(
      'too-large',
      source,
      `page ${n} of the PDF is ${inches(layer.width)}×${inches(layer.height)} inches, too large to render within ${options.maxRenderPixels / 1e6} megapixels`,
    );
  }
  const image = await decoders.renderPdfPage(pdfPage, dpi / 72);
  return prepareImage(image, dpi, n, options);
}

/** Text layers typed in TCVN3 or VNI come out as Unicode; Unicode ones pass through. */
function decodeTextLayer(rawLines: RawLine[]): { lines: RawLine[]; encoding: OcrPage['encoding'] } {
  const raw = rawLines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n');
  const encoding = detectLegacyEncoding(raw).encoding;
  const decode = (t: string) => decodeLegacy(encoding === 'tcvn3' ? restoreTcvn3Uhorn(t) : t, encoding);
  // Decode whole lines: a word's case in a capitals font is told by its neighbours.
  const lines = rawLines.map((l) => {
    const decoded = decode(l.words.map((w) => w.text).join(' ')).split(' ');
    const words =
      decoded.length === l.words.length
        ? l.words.map((w, k) => ({ ...w, text: decoded[k]! }))
        : l.words.map((w) => ({ ...w, text: decode(w.text) }));
    return { paragraph: l.paragraph, words };
  });
  return { lines, encoding };
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

import fontkit from '@pdf-lib/fontkit';
import {
  beginText,
  concatTransformationMatrix,
  type PDFDocument as Document,
  endText,
  PDFDocument,
  type PDFFont,
  type PDFName,
  type PDFOperator,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  setCharacterSqueeze,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
} from 'pdf-lib';
import type { DigitisedDocument } from '../document.js';
import { type CorrectedPage, correctedLayout } from '../geometry/index.js';
import { bundledFont, subsetFont } from './pdf-font.js';

/*
 * A searchable PDF: each page looks as scanned and carries the corrected words as invisible text
 * (rendering mode 3) over where they are printed, each stretched to its box, so that search, selection and
 * copy find the corrected text in the right place. Pages that were born digital (a text layer) keep their
 * own text and get nothing added.
 */

export type InputFormat = 'pdf' | 'png' | 'jpeg' | 'tiff' | 'webp' | 'bmp' | 'gif';

export interface SearchablePdfOptions {
  /** The bytes of the input the document was digitised from: the PDF, or the image. */
  original: Uint8Array;
  /** The input's format (as `@sohoa/ocr` sniffed it). */
  format: InputFormat;
  /**
   * PNG or JPEG bytes of page `n` (1-based), for images a PDF cannot hold as they are (TIFF, WebP, BMP,
   * GIF): the caller decodes them. Not used for PDF, PNG and JPEG inputs.
   */
  pageImage?: (n: number) => Uint8Array | Promise<Uint8Array>;
  /**
   * A TrueType or OpenType font covering the text. In Node the default is DejaVu Sans from the
   * `dejavu-fonts-ttf` package; a browser must pass the bytes. In Node the font is subset to the
   * characters drawn; elsewhere it is embedded whole.
   */
  font?: Uint8Array;
}

export class SearchablePdfError extends Error {
  constructor(
    readonly code: 'no-font' | 'page-mismatch' | 'no-page-image' | 'bad-page-image',
    message: string,
  ) {
    super(message);
    this.name = 'SearchablePdfError';
  }
}

/**
 * The searchable PDF of a digitised document. Throws a `GeometryError` for a document without OCR
 * geometry, and a `SearchablePdfError` when the input does not match the document or no font is at hand.
 */
export async function toSearchablePdf(
  doc: DigitisedDocument,
  options: SearchablePdfOptions,
): Promise<Uint8Array> {
  const layout = correctedLayout(doc);
  const pdf =
    options.format === 'pdf'
      ? await PDFDocument.load(options.original, { updateMetadata: false })
      : await PDFDocument.create();
  const ocrPages = layout.pages.filter((page) => page.source === 'ocr');
  const font = await embedFont(pdf, options.font, ocrPages);

  if (options.format === 'pdf') {
    if (pdf.getPageCount() !== layout.pages.length) {
      throw new SearchablePdfError(
        'page-mismatch',
        `the PDF has ${pdf.getPageCount()} pages, the document ${layout.pages.length}: not the same input`,
      );
    }
    for (const page of ocrPages) {
      const pdfPage = pdf.getPage(page.number - 1);
      isolateContent(pdf, pdfPage);
      drawWords(pdfPage, page, font);
    }
  } else {
    for (const page of layout.pages) {
      const pdfPage = await imagePage(pdf, page, options);
      drawWords(pdfPage, page, font);
    }
  }
  pdf.setProducer('sohoa (@sohoa/export)');
  return pdf.save();
}

/** The font embedded whole (`subset: false`): @pdf-lib/fontkit 1.1.1 corrupts the subsets it makes. */
async function embedFont(
  pdf: Document,
  given: Uint8Array | undefined,
  pages: CorrectedPage[],
): Promise<PDFFont | undefined> {
  if (pages.length === 0) return undefined;
  const text = [
    ...new Set(
      pages
        .flatMap((p) => p.blocks.flatMap((b) => b.lines.flatMap((l) => l.words)))
        .flatMap((w) => Array.from(w.text.normalize('NFC'))),
    ),
  ].join('');
  const full = given ?? bundledFont();
  if (!full) {
    throw new SearchablePdfError(
      'no-font',
      'no font: outside Node, pass the bytes of a font covering Vietnamese as `font`',
    );
  }
  const bytes = (await subsetFont(full, text)) ?? full;
  pdf.registerFontkit(fontkit);
  return pdf.embedFont(bytes, { subset: false });
}

/**
 * Wraps the page's own content in q … Q: a content stream may end with a changed transformation matrix or
 * text state, which would move or bend the words drawn after it.
 */
function isolateContent(pdf: Document, page: PDFPage): void {
  page.node.normalize();
  const start = pdf.context.register(pdf.context.contentStream([pushGraphicsState()]));
  const end = pdf.context.register(pdf.context.contentStream([popGraphicsState()]));
  page.node.wrapContentStreams(start, end);
}

/** A new page showing the page's image at its physical size (pixels at the page's dpi). */
async function imagePage(
  pdf: Document,
  page: CorrectedPage,
  options: SearchablePdfOptions,
): Promise<PDFPage> {
  let bytes: Uint8Array;
  if (options.format === 'png' || options.format === 'jpeg') {
    if (page.number !== 1) {
      throw new SearchablePdfError(
        'page-mismatch',
        `a ${options.format} input has one page, the document has more`,
      );
    }
    bytes = options.original;
  } else {
    if (!options.pageImage) {
      throw new SearchablePdfError(
        'no-page-image',
        `a ${options.format} input needs \`pageImage\` (PNG or JPEG of each page)`,
      );
    }
    bytes = await options.pageImage(page.number);
  }
  const image = isPng(bytes)
    ? await pdf.embedPng(bytes)
    : isJpeg(bytes)
      ? await pdf.embedJpg(bytes)
      : undefined;
  if (!image)
    throw new SearchablePdfError('bad-page-image', `page ${page.number}: the image is neither PNG nor JPEG`);
  const width = (page.width * 72) / page.dpi;
  const height = (page.height * 72) / page.dpi;
  const pdfPage = pdf.addPage([width, height]);
  pdfPage.drawImage(image, { x: 0, y: 0, width, height });
  return pdfPage;
}

const isPng = (b: Uint8Array) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
const isJpeg = (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

/**
 * The matrix from the page as seen (origin bottom left, after /Rotate, in points) to the page's user space:
 * the OCR saw the page rotated, as a viewer shows it, so the boxes are in that frame.
 */
function viewToUser(page: PDFPage): {
  matrix: [number, number, number, number, number, number];
  width: number;
  height: number;
} {
  const { x, y, width, height } = page.getCropBox();
  const rotation = (((page.getRotation().angle % 360) + 360) % 360) as number;
  switch (rotation) {
    case 90:
      return { matrix: [0, 1, -1, 0, x + width, y], width: height, height: width };
    case 180:
      return { matrix: [-1, 0, 0, -1, x + width, y + height], width, height };
    case 270:
      return { matrix: [0, -1, 1, 0, x, y + height], width: height, height: width };
    default:
      return { matrix: [1, 0, 0, 1, x, y], width, height };
  }
}

/** The least gap between two words of a line, in ems, so that text extraction sees two words. */
const MIN_GAP = 0.2;

/** The corrected words as invisible text, each word scaled horizontally to fill its box. */
function drawWords(pdfPage: PDFPage, page: CorrectedPage, font: PDFFont | undefined): void {
  if (!font) return;
  const view = viewToUser(pdfPage);
  // Pixels to points by the page's size rather than its dpi: the same when the OCR rendered the whole
  // crop box, and still right when the render was capped.
  const sx = view.width / page.width;
  const sy = view.height / page.height;
  const key: PDFName = pdfPage.node.newFontDictionary(font.name, font.ref);
  // A size-1 font's height from descender to ascender, and its descender (negative).
  const em = font.heightAtSize(1, { descender: true });
  const descender = font.heightAtSize(1, { descender: false }) - em;

  const ops: PDFOperator[] = [pushGraphicsState(), concatTransformationMatrix(...view.matrix), beginText()];
  ops.push(setTextRenderingMode(TextRenderingMode.Invisible));
  for (const block of page.blocks) {
    for (const line of block.lines) {
      // One size per line, from the line's height, so the words share a baseline as printed.
      const size = ((line.bbox.y1 - line.bbox.y0) * sy) / em;
      if (!(size > 0)) continue;
      const baseline = view.height - line.bbox.y1 * sy - descender * size;
      ops.push(setFontAndSize(key, size));
      line.words.forEach((word, k) => {
        const text = word.text.normalize('NFC');
        const natural = font.widthOfTextAtSize(text, size);
        // Extraction tools (poppler) end a word at a gap wider than a tenth of the font size and ignore
        // space characters, so a word touching the next (the halves of a split word, a narrow gap) is
        // drawn a little narrower than its box, leaving a gap of MIN_GAP ems.
        const next = line.words[k + 1];
        const right = next
          ? Math.min(word.bbox.x1 * sx, next.bbox.x0 * sx - MIN_GAP * size)
          : word.bbox.x1 * sx;
        const width = Math.max(right - word.bbox.x0 * sx, ((word.bbox.x1 - word.bbox.x0) * sx) / 2);
        // A space after every word but the line's last, as tesseract's PDFs have: text extraction then
        // breaks words on it instead of guessing from gaps, which run words together when the gap is narrow
        // (or nil, between the halves of a split word).
        const shown = k < line.words.length - 1 ? `${text} ` : text;
        ops.push(
          setCharacterSqueeze(natural > 0 && width > 0 ? (100 * width) / natural : 100),
          setTextMatrix(1, 0, 0, 1, word.bbox.x0 * sx, baseline),
          showText(font.encodeText(shown)),
        );
      });
    }
  }
  ops.push(endText(), popGraphicsState());
  pdfPage.pushOperators(...ops);
}

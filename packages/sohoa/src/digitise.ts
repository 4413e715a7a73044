import { type CorrectOptions, correct, type SyllableLm } from '@sohoa/correct';
import { type DigitisedDocument, type ExportFormat, render } from '@sohoa/export';
import type { Correction, OcrDocument, OcrPage, Plan } from '@sohoa/model';
import type { Ocr } from '@sohoa/ocr';
import { type InputFormat, sniffInput } from '@sohoa/ocr/sniff';
import { parse } from '@sohoa/parse';
import { DigitiseError } from './errors.js';
import { collectMessages } from './messages.js';

export type Stage = 'ocr' | 'correct' | 'parse';

export interface DigitiseProgress {
  source: string;
  stage: Stage;
  /** During OCR: the page just done and the document's page count. */
  page?: number;
  pages?: number;
  /** During OCR: the page just done, as read (so it can be shown, or kept to resume from). */
  ocrPage?: OcrPage;
  /** During OCR: true when `ocrPage` came from `knownPages`, not read in this run. */
  known?: boolean;
}

/** A scan, a PDF or UTF-8 text as bytes, or text already decoded. */
export type DigitiseInput = { source: string; bytes: Uint8Array } | { source: string; text: string };

export interface DigitiseOptions {
  /** The OCR engine (one pool shared by every document); needed for scans and PDFs. */
  ocr?: Ocr;
  /** The language model of the corrector, loaded once. */
  lm: SyllableLm;
  /** Corrections at least this confident are applied (default 0.6). */
  threshold?: number;
  /** Tone-mark placement of the output: `keep` (default: as printed), `dominant`, `old`, `new`. */
  toneStyle?: CorrectOptions['toneStyle'];
  /**
   * The OCR engine that made the text inputs (an archive's existing OCR), for the corrector's
   * calibrated channel costs: `sohoa` (default) or `tesseract`. Scans and PDFs are read by sohoa.
   */
  textEngine?: CorrectOptions['engine'];
  /**
   * The channel table the text inputs are corrected with (`learnTable` over a batch of them); wins
   * over `textEngine`.
   */
  textTable?: CorrectOptions['table'];
  onProgress?: (progress: DigitiseProgress) => void;
  /**
   * OCR pages of this same input read by an earlier run that stopped, by page number: taken as
   * they are, and only the other pages are read (see `@sohoa/ocr`'s `knownPages`).
   */
  knownPages?: ReadonlyMap<number, OcrPage>;
  /**
   * The font of the searchable PDF's invisible text (a TrueType or OpenType font covering
   * Vietnamese, e.g. DejaVu Sans), as bytes or a function fetching them when a PDF is first
   * rendered. Node defaults to DejaVu Sans from `dejavu-fonts-ttf`; browsers must give it.
   */
  font?: Uint8Array | (() => Promise<Uint8Array>);
}

/** What a digitiser takes per document: progress, and the pages of an earlier run. */
export type DigitiseCallbacks = Pick<DigitiseOptions, 'onProgress' | 'knownPages'>;

/** Scans pdf-lib cannot embed as they are: their pages come back from the OCR as PNG. */
const NEEDS_PAGE_IMAGES = new Set<InputFormat>(['tiff', 'webp', 'bmp', 'gif']);

export interface Digitised {
  source: string;
  /** The OCR document with its geometry (absent for text input). */
  ocr?: OcrDocument;
  /** The corrected text. */
  corrected: string;
  corrections: Correction[];
  plan: Plan;
  messages: DigitisedDocument['messages'];
  /** What the exports are made from. */
  document: DigitisedDocument;
  /** One export of the document: text formats as strings, docx and pdf as bytes. */
  render(format: ExportFormat): Promise<string | Uint8Array>;
}

/**
 * Scan or PDF (or text) in → OCR → correction → structure → a result every export can be
 * rendered from. One call; the OCR pool and the language model are the caller's, so a batch
 * shares them.
 */
export async function digitise(input: DigitiseInput, options: DigitiseOptions): Promise<Digitised> {
  const source = typeof input?.source === 'string' && input.source ? input.source : '<input>';
  const report = (p: Omit<DigitiseProgress, 'source'>) => options.onProgress?.({ source, ...p });
  let ocr: OcrDocument | undefined;
  let text: string;
  let original: { bytes: Uint8Array; format: InputFormat } | undefined;
  const pageImages = new Map<number, Uint8Array>();
  if ('text' in input && typeof input.text === 'string') {
    text = input.text;
  } else if ('bytes' in input && input.bytes instanceof Uint8Array) {
    const sniffed = sniffInput(input.bytes);
    if (sniffed) {
      if (!options.ocr)
        throw new DigitiseError('no-ocr-engine', source, 'a scan or PDF needs an OCR engine (options.ocr)');
      const keep = NEEDS_PAGE_IMAGES.has(sniffed.format);
      ocr = await options.ocr.recognize(
        { source, bytes: input.bytes },
        {
          onPage: ({ page, pages, result, known }) =>
            report({ stage: 'ocr', page, pages, ocrPage: result, known }),
          ...(options.knownPages ? { knownPages: options.knownPages } : {}),
          // Made by the decoder process that read the scan, so nothing here decodes it again.
          ...(keep ? { onPageImage: (n: number, png: Uint8Array) => pageImages.set(n, png) } : {}),
        },
      );
      text = ocr.text;
      original = { bytes: input.bytes, format: sniffed.format };
    } else {
      if (input.bytes.length === 0) throw new DigitiseError('empty', source, 'the file is empty (0 bytes)');
      // A name that promises a scan or PDF is not read as text: it is a damaged or mislabelled file.
      if (SCAN_NAME.test(source)) {
        throw new DigitiseError(
          'unsupported-format',
          source,
          'not a supported image or PDF (expected PNG, JPEG, TIFF, WebP, BMP, GIF or PDF)',
        );
      }
      text = decodeText(input.bytes, source);
    }
  } else {
    throw new DigitiseError('invalid-input', source, 'expected { source, bytes } or { source, text }');
  }
  if (!text.trim())
    throw new DigitiseError('empty', source, ocr ? 'no text was found on any page' : 'the text is empty');

  report({ stage: 'correct' });
  const corrected = correct(ocr ?? text, {
    lm: options.lm,
    ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
    // Faithful by default: the document's own tone-mark placement is not an OCR error.
    toneStyle: options.toneStyle ?? 'keep',
    ...(ocr === undefined && options.textEngine ? { engine: options.textEngine } : {}),
    ...(ocr === undefined && options.textTable ? { table: options.textTable } : {}),
  });
  report({ stage: 'parse' });
  const plan = parse(corrected.text, { source });
  const messages = collectMessages(ocr, corrected.corrections, plan);
  const document: DigitisedDocument = {
    source,
    ...(ocr ? { ocr } : {}),
    originalText: text,
    text: corrected.text,
    corrections: corrected.corrections,
    plan,
    messages,
  };
  return {
    source,
    ...(ocr ? { ocr } : {}),
    corrected: corrected.text,
    corrections: corrected.corrections,
    plan,
    messages,
    document,
    async render(format) {
      if (format !== 'pdf') return render(document, format);
      if (!original)
        throw new DigitiseError('invalid-input', source, 'a searchable PDF needs a scan or PDF as input');
      const font = typeof options.font === 'function' ? await options.font() : options.font;
      return render(document, 'pdf', {
        original: original.bytes,
        format: original.format,
        ...(font ? { font } : {}),
        pageImage: (n) => {
          const png = pageImages.get(n);
          if (!png) throw new DigitiseError('invalid-input', source, `no image of page ${n}`);
          return png;
        },
      });
    },
  };
}

const SCAN_NAME = /\.(pdf|png|jpe?g|tiff?|webp|bmp|gif)$/i;

/** Strict UTF-8 (a BOM dropped): legacy-encoded or binary bytes are refused, not garbled. */
function decodeText(bytes: Uint8Array, source: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DigitiseError('not-text', source, 'not a supported image or PDF, nor UTF-8 text');
  }
  if (text.includes('\u0000'))
    throw new DigitiseError('not-text', source, 'binary data, not a supported image, PDF or text');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

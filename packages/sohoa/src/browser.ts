/*
 * The facade in a browser (an extension page, an offscreen document, a worker): the OCR of
 * `@sohoa/ocr/browser` over the shipped assets, the language model fetched once, everything
 * from URLs the caller gives. No `node:` import.
 */
import { fetchSyllableLm, type SyllableLm } from '@sohoa/correct';
import { type BrowserOcrOptions, browserAssetsAt, createBrowserOcr, type Ocr } from '@sohoa/ocr/browser';
import {
  type DigitiseCallbacks,
  type Digitised,
  type DigitiseInput,
  type DigitiseOptions,
  digitise,
} from './digitise.js';

export interface BrowserDigitiserOptions {
  /**
   * Base URL of the OCR assets in the layout of `browserAssetsAt` (`@sohoa/ocr/browser`), as
   * `browserAssetFiles()` of `@sohoa/ocr/browser-assets` copies them, e.g. an extension's
   * `browser.runtime.getURL('/assets/')`.
   */
  assetsBase: string;
  /** URL of the corrector's language model (`@sohoa/correct/model/syllable-lm.bin`). */
  lmUrl: string;
  /**
   * URL of a TrueType font covering Vietnamese (DejaVu Sans: `dejavu-fonts-ttf/ttf/DejaVuSans.ttf`)
   * for the searchable PDF; fetched once, when a PDF is first rendered. Without it `render('pdf')`
   * fails in a browser (no font to draw the text with).
   */
  fontUrl?: string;
  /** OCR options: `workers` (default: cores, at most 2), `dpi`, `psm`, `preprocess`, … */
  ocr?: BrowserOcrOptions;
  threshold?: number;
  toneStyle?: DigitiseOptions['toneStyle'];
}

export interface BrowserDigitiser {
  /** Digitise bytes (a scan, a PDF, UTF-8 text) or text. */
  digitise(input: DigitiseInput, options?: DigitiseCallbacks): Promise<Digitised>;
  /** The shared OCR engine. */
  readonly ocr: Ocr;
  /** The language model, loaded once. */
  readonly lm: SyllableLm;
  /** The PDF font from `fontUrl`, fetched once (a failed fetch is tried again); absent without `fontUrl`. */
  readonly font?: () => Promise<Uint8Array>;
  /** Stop the OCR workers. */
  close(): Promise<void>;
}

/**
 * A digitiser for a browser: one OCR pool shared by every document, the language model
 * fetched once. Close it when done (it owns tesseract workers).
 */
export async function createBrowserDigitiser(options: BrowserDigitiserOptions): Promise<BrowserDigitiser> {
  const lm = await fetchSyllableLm(options.lmUrl);
  // Creating the engine starts nothing: workers start with the first page to read.
  const ocr = createBrowserOcr(browserAssetsAt(options.assetsBase), options.ocr);
  let font: Promise<Uint8Array> | undefined;
  const fontUrl = options.fontUrl;
  const loadFont = fontUrl
    ? () => {
        font ??= fetch(fontUrl).then(async (response) => {
          if (!response.ok)
            throw new Error(`Cannot fetch the PDF font from ${fontUrl}: HTTP ${response.status}.`);
          return new Uint8Array(await response.arrayBuffer());
        });
        // A failed fetch is tried again on the next render, not remembered.
        font.catch(() => {
          font = undefined;
        });
        return font;
      }
    : undefined;
  return {
    ocr,
    lm,
    ...(loadFont ? { font: loadFont } : {}),
    digitise(input, callbacks = {}) {
      return digitise(input, {
        lm,
        ocr,
        ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
        ...(options.toneStyle ? { toneStyle: options.toneStyle } : {}),
        ...(loadFont ? { font: loadFont } : {}),
        ...(callbacks.onProgress ? { onProgress: callbacks.onProgress } : {}),
        ...(callbacks.knownPages ? { knownPages: callbacks.knownPages } : {}),
      });
    },
    close: () => ocr.close(),
  };
}

export { type BrowserAssets, browserAssetsAt } from '@sohoa/ocr/browser';
export * from './index.js';

/*
 * The page of the facade's Chromium test (bundled for the browser by @sohoa/ocr's Chromium
 * harness): the browser digitiser over the served assets, answering plain data.
 */
import type { OcrPage, Plan } from '@sohoa/model';
import { type BrowserDigitiser, createBrowserDigitiser, type DigitiseProgress } from '../browser.js';

export interface DigitiseRun {
  ocrText?: string;
  corrected?: string;
  plan?: Plan;
  progress: (Omit<DigitiseProgress, 'ocrPage'> & { ocrPageText?: string })[];
  /** The searchable PDF, base64. */
  pdf?: string;
  /** Every other export: its size, or why it failed. */
  exports?: Record<string, number | string>;
  error?: { name: string; code?: string; message: string };
  ms: number;
}

let digitiser: Promise<BrowserDigitiser> | undefined;
/** OCR pages kept from the last run, by source, as an extension keeps them in IndexedDB. */
const stored = new Map<string, Map<number, OcrPage>>();

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const api = {
  async digitise(
    url: string,
    options: { resume?: boolean; pdf?: boolean; exports?: boolean } = {},
  ): Promise<DigitiseRun> {
    const started = performance.now();
    digitiser ??= createBrowserDigitiser({
      assetsBase: '/assets/',
      lmUrl: '/assets/models/syllable-lm.bin',
      fontUrl: '/assets/fonts/DejaVuSans.ttf',
      ocr: { workers: 1 },
    });
    const progress: DigitiseRun['progress'] = [];
    const pages = new Map<number, OcrPage>();
    const known = options.resume ? stored.get(url) : undefined;
    try {
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      const result = await (await digitiser).digitise(
        url.endsWith('.txt')
          ? { source: url, text: new TextDecoder().decode(bytes) }
          : { source: url, bytes },
        {
          onProgress: ({ ocrPage, ...p }) => {
            // A structured clone, as IndexedDB would hand it back.
            if (ocrPage) pages.set(ocrPage.number, structuredClone(ocrPage));
            progress.push({ ...p, ...(ocrPage ? { ocrPageText: ocrPage.text } : {}) });
          },
          ...(known ? { knownPages: known } : {}),
        },
      );
      stored.set(url, pages);
      const pdf = options.pdf ? base64((await result.render('pdf')) as Uint8Array) : undefined;
      const exports: Record<string, number | string> = {};
      if (options.exports) {
        for (const format of ['json', 'md', 'html', 'csv', 'ics', 'txt', 'hocr', 'alto', 'docx'] as const) {
          exports[format] = await result.render(format).then(
            (out) => out.length,
            (error: Error) => `${error.name}: ${error.message}`,
          );
        }
      }
      return {
        ...(result.ocr ? { ocrText: result.ocr.text } : {}),
        corrected: result.corrected,
        plan: result.plan,
        progress,
        ...(pdf ? { pdf } : {}),
        ...(options.exports ? { exports } : {}),
        ms: performance.now() - started,
      };
    } catch (error) {
      const e = error as Error & { code?: string };
      return {
        error: { name: e.name, message: e.message, ...(e.code ? { code: e.code } : {}) },
        progress,
        ms: performance.now() - started,
      };
    }
  },
  async close(): Promise<void> {
    await (await digitiser)?.close();
    digitiser = undefined;
  },
};

Object.assign(globalThis, { sohoa: api, sohoaReady: true });
export type BrowserDigitiserTestApi = typeof api;

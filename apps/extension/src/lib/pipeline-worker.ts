import { correct } from '@sohoa/correct';
import { type DigitisedDocument, type ExportFormat, render } from '@sohoa/export';
import type { OcrPage } from '@sohoa/model';
import { sniffInput } from '@sohoa/ocr/sniff';
import * as Comlink from 'comlink';
import type { DigitiseProgress } from 'sohoa';
import { type BrowserDigitiser, createBrowserDigitiser } from 'sohoa/browser';

/*
 * The pipeline in a dedicated worker of the viewer: decoding, pdf.js rendering, preprocessing,
 * correction and parsing run here (tesseract in its own workers below this one), so the viewer's
 * page stays responsive and shows progress while a document is read. The viewer talks to it through
 * Comlink. A worker has no extension APIs: the viewer hands over the URL of the shipped assets.
 */

export interface PipelineProgress extends Omit<DigitiseProgress, 'ocrPage'> {
  /** The page just read, and its text as the corrector leaves it (shown before the rest is read). */
  ocrPage?: OcrPage;
  correctedText?: string;
}

let digitiser: Promise<BrowserDigitiser> | undefined;
let assets = '';

function started(): Promise<BrowserDigitiser> {
  if (!assets) throw new Error('the pipeline worker was not initialised');
  digitiser ??= createBrowserDigitiser({
    assetsBase: assets,
    lmUrl: `${assets}models/syllable-lm.bin`,
    fontUrl: `${assets}fonts/DejaVuSans.ttf`,
  });
  digitiser.catch(() => {
    digitiser = undefined;
  });
  return digitiser;
}

const api = {
  /** The base URL of the extension's /assets/ folder; the model loads while the document is fetched. */
  init(assetsBase: string): void {
    assets = assetsBase;
    void started().catch(() => {});
  },

  async digitise(
    source: string,
    bytes: Uint8Array,
    knownPages: OcrPage[],
    onProgress: (progress: PipelineProgress) => void,
  ): Promise<DigitisedDocument> {
    const d = await started();
    const result = await d.digitise(
      { source, bytes },
      {
        knownPages: new Map(knownPages.map((p) => [p.number, p])),
        onProgress: (p) => {
          const progress: PipelineProgress = { ...p };
          // As digitise corrects: faithful to the document's own tone-mark placement.
          if (p.ocrPage)
            progress.correctedText = correct(p.ocrPage.text, { lm: d.lm, toneStyle: 'keep' }).text;
          onProgress(progress);
        },
      },
    );
    return result.document;
  },

  /** An export of the document as it stands (with the user's revisions); the PDF needs the original. */
  async render(
    doc: DigitisedDocument,
    format: ExportFormat,
    original: Uint8Array,
  ): Promise<string | Uint8Array> {
    if (format !== 'pdf') return render(doc, format);
    const sniffed = sniffInput(original);
    if (!sniffed) throw new Error(`${doc.source}: the original is not a scan or PDF`);
    const d = await started();
    const pages = NEEDS_PAGE_IMAGES.has(sniffed.format) ? await pageImages(doc, original) : undefined;
    return render(doc, 'pdf', {
      original,
      format: sniffed.format,
      // The facade's font loader: fetched once from the extension, a failed fetch tried again.
      ...(d.font ? { font: await d.font() } : {}),
      ...(pages
        ? {
            pageImage: (n: number) => {
              const png = pages.get(n);
              if (!png) throw new Error(`${doc.source}: no image of page ${n}`);
              return png;
            },
          }
        : {}),
    });
  },
};

/** Scans pdf-lib cannot embed as they are (TIFF, WebP, BMP, GIF): their pages go in as PNG. */
const NEEDS_PAGE_IMAGES = new Set(['tiff', 'webp', 'bmp', 'gif']);

/**
 * The page images of a scan, decoded again by the OCR platform: every page is known, so nothing is
 * recognised twice; only the decoder runs (the document may have been read in an earlier session).
 */
async function pageImages(doc: DigitisedDocument, original: Uint8Array): Promise<Map<number, Uint8Array>> {
  const d = await started();
  const images = new Map<number, Uint8Array>();
  await d.ocr.recognize(
    { source: doc.source, bytes: original },
    {
      knownPages: new Map((doc.ocr?.pages ?? []).map((p) => [p.number, p])),
      onPageImage: (n, png) => images.set(n, png),
    },
  );
  return images;
}

export type PipelineApi = typeof api;

Comlink.expose(api);

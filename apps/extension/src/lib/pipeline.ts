import { correct } from '@sohoa/correct';
import { type DigitisedDocument, type ExportFormat, render } from '@sohoa/export';
import type { OcrPage } from '@sohoa/model';
import { sniffInput } from '@sohoa/ocr/sniff';
import type { DigitiseCallbacks, Digitised, DigitiseInput } from 'sohoa';
import { createBrowserDigitiser } from 'sohoa/browser';
import { extensionUrl } from './extension-url';

/*
 * The facade's browser digitiser with every file from the extension itself: tesseract's worker,
 * cores and `vie` data and pdf.js's files under /assets/ (see wxt.config.ts), the language model,
 * the PDF font. One OCR pool and one model for the page's life: another document reuses them.
 */

const asset = (path: string) => extensionUrl(`/assets/${path}`);

export interface Pipeline {
  digitise(input: DigitiseInput, callbacks: DigitiseCallbacks): Promise<Digitised>;
  /** A page's text as the corrector leaves it, shown while the rest of the document is read. */
  correctPage(page: OcrPage): string;
  /** An export of the document as it stands (with the user's revisions); the PDF needs the original. */
  render(doc: DigitisedDocument, format: ExportFormat, original: Uint8Array): Promise<string | Uint8Array>;
}

let started: Promise<Pipeline> | undefined;

export function startPipeline(): Promise<Pipeline> {
  started ??= create();
  started.catch(() => {
    started = undefined;
  });
  return started;
}

async function create(): Promise<Pipeline> {
  const digitiser = await createBrowserDigitiser({
    assetsBase: asset(''),
    lmUrl: asset('models/syllable-lm.bin'),
  });
  let font: Promise<Uint8Array> | undefined;
  return {
    digitise: (input, callbacks) => digitiser.digitise(input, callbacks),
    // As digitise corrects: faithful to the document's own tone-mark placement.
    correctPage: (page) => correct(page.text, { lm: digitiser.lm, toneStyle: 'keep' }).text,
    async render(doc, format, original) {
      if (format !== 'pdf') return render(doc, format);
      const sniffed = sniffInput(original);
      if (!sniffed) throw new Error(`${doc.source}: the original is not a scan or PDF`);
      font ??= fetch(asset('fonts/DejaVuSans.ttf')).then(async (r) => new Uint8Array(await r.arrayBuffer()));
      return render(doc, 'pdf', { original, format: sniffed.format, font: await font });
    },
  };
}

import type { OcrWord } from '@sohoa/model';
import Tesseract from 'tesseract.js';
import { encodePgm, type GrayImage } from './gray-image.js';
import { hocrGroups, wordChoices } from './hocr-choices.js';
import type { RawLine } from './layout.js';

/** Where tesseract.js finds its worker script, wasm core and language data. Always local. */
export interface TesseractAssets {
  /** Folder holding `vie.traineddata.gz` (the `4.0.0_best_int` folder of @tesseract.js-data/vie). */
  langPath: string;
  /** Worker script; in Node the package's own default is local and may be left out. */
  workerPath?: string;
  /** Folder or file of the wasm core; in Node the package resolves its own dependency. */
  corePath?: string;
  /** Browsers (extensions): load the worker from its URL, not a blob. */
  workerBlobURL?: boolean;
}

export type TesseractWorker = Tesseract.Worker;

/** createWorker never settles when a file is missing: bound it. */
const CREATE_TIMEOUT_MS = 60_000;

export async function createTesseractWorker(
  assets: TesseractAssets,
  language = 'vie',
): Promise<TesseractWorker> {
  let failure: unknown;
  const options: Partial<Tesseract.WorkerOptions> = {
    langPath: assets.langPath,
    gzip: true,
    // The default cache writes vie.traineddata into the working directory (Node) or IndexedDB.
    cacheMethod: 'none',
    errorHandler: (error: unknown) => {
      failure = error;
    },
  };
  if (assets.workerPath) options.workerPath = assets.workerPath;
  if (assets.corePath) options.corePath = assets.corePath;
  if (assets.workerBlobURL !== undefined) options.workerBlobURL = assets.workerBlobURL;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`tesseract worker did not start (${String(failure ?? 'timeout')})`)),
      CREATE_TIMEOUT_MS,
    );
  });
  try {
    const worker = await Promise.race([
      Tesseract.createWorker(language, Tesseract.OEM.LSTM_ONLY, options),
      timeout,
    ]);
    // Tesseract prints notes such as "Detected 628 diacritics" to stdout, where they would
    // mix with the text a CLI user pipes on.
    await worker.setParameters({ debug_file: '/dev/null' });
    return worker;
  } finally {
    clearTimeout(timer);
  }
}

export interface RecognizeOptions {
  /** Resolution of `image`, passed on since PGM carries none. */
  dpi: number;
  /** Page segmentation mode; 3 (automatic) finds the header columns as separate blocks. */
  psm?: number;
  /**
   * Per-character alternatives (tesseract's `lstm_choice_mode` 2, read from its hOCR) as whole-word
   * `choices`: evidence for the corrector, at about a third more OCR time.
   */
  alternatives?: boolean;
}

/** The page settings last sent to each worker. */
const applied = new WeakMap<TesseractWorker, string>();

export interface RecognizedPage {
  lines: RawLine[];
  confidence: number;
}

export async function recognizeImage(
  worker: TesseractWorker,
  image: GrayImage,
  options: RecognizeOptions,
): Promise<RecognizedPage> {
  const psm = String(options.psm ?? 3) as Tesseract.PSM;
  const dpi = String(Math.round(options.dpi));
  // A round trip to the worker per page only when the settings change (most batches share them).
  const alternatives = options.alternatives === true;
  const key = `${psm}/${dpi}/${alternatives}`;
  if (applied.get(worker) !== key) {
    await worker.setParameters({
      tessedit_pageseg_mode: psm,
      user_defined_dpi: dpi,
      lstm_choice_mode: alternatives ? '2' : '0',
    });
    applied.set(worker, key);
  }
  const result = await worker.recognize(
    encodePgm(image) as unknown as Buffer,
    {},
    { text: false, blocks: true, hocr: alternatives },
  );
  const groups = alternatives && result.data.hocr ? hocrGroups(result.data.hocr) : null;
  const lines: RawLine[] = [];
  let paragraph = 0;
  for (const block of result.data.blocks ?? []) {
    for (const para of block.paragraphs) {
      paragraph++;
      for (const line of para.lines) {
        const words: OcrWord[] = [];
        for (const w of line.words) {
          const text = w.text.trim();
          if (!text) continue;
          const word: OcrWord = {
            text,
            bbox: { x0: w.bbox.x0, y0: w.bbox.y0, x1: w.bbox.x1, y1: w.bbox.y1 },
            confidence: clampConfidence(w.confidence),
          };
          const own = groups?.get(`${w.bbox.x0} ${w.bbox.y0} ${w.bbox.x1} ${w.bbox.y1}`);
          const choices = own
            ? wordChoices(text, word.confidence, own)
            : (w.choices ?? [])
                .filter((c) => c.text.trim() && c.text.trim() !== text)
                .map((c) => ({ text: c.text.trim(), confidence: clampConfidence(c.confidence) }));
          if (choices.length > 0) word.choices = choices;
          words.push(word);
        }
        if (words.length > 0) lines.push({ words, paragraph });
      }
    }
  }
  return { lines, confidence: clampConfidence(result.data.confidence) };
}

function clampConfidence(c: number): number {
  return Number.isFinite(c) ? Math.min(100, Math.max(0, c)) : 0;
}

import type { BBox, OcrWord } from '@sohoa/model';
import Tesseract from 'tesseract.js';
import { encodePgm, type GrayImage } from './gray-image.js';
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

export async function createTesseractWorker(assets: TesseractAssets, language = 'vie'): Promise<TesseractWorker> {
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
    return await Promise.race([Tesseract.createWorker(language, Tesseract.OEM.LSTM_ONLY, options), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface RecognizeOptions {
  /** Resolution of `image`, passed on since PGM carries none. */
  dpi: number;
  /** Page segmentation mode; 3 (automatic) finds the header columns as separate blocks. */
  psm?: number;
  /** Map boxes back to the original image: divide by `scale`, then undo the `skew` rotation. */
  scale?: number;
  skew?: number;
  /** Size of the original image, the frame boxes are mapped into. */
  original: { width: number; height: number };
}

export interface RecognizedPage {
  lines: RawLine[];
  confidence: number;
}

export async function recognizeImage(
  worker: TesseractWorker,
  image: GrayImage,
  options: RecognizeOptions,
): Promise<RecognizedPage> {
  await worker.setParameters({
    tessedit_pageseg_mode: String(options.psm ?? 3) as Tesseract.PSM,
    user_defined_dpi: String(Math.round(options.dpi)),
  });
  const result = await worker.recognize(encodePgm(image) as unknown as Buffer, {}, { text: false, blocks: true });
  const mapBox = boxMapper(image, options);
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
          const word: OcrWord = { text, bbox: mapBox(w.bbox), confidence: clampConfidence(w.confidence) };
          const choices = (w.choices ?? [])
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

/** Boxes in the preprocessed image → boxes in the original image (axis-aligned hull). */
function boxMapper(image: GrayImage, options: RecognizeOptions): (b: BBox) => BBox {
  const scale = options.scale ?? 1;
  const rad = ((options.skew ?? 0) * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const cx = (image.width - 1) / 2;
  const cy = (image.height - 1) / 2;
  const { width: W, height: H } = options.original;
  // rotate() sampled output (x, y) from source (cx + dx·cos − dy·sin, cy + dx·sin + dy·cos).
  const toSource = (x: number, y: number): [number, number] => {
    const dx = x - cx;
    const dy = y - cy;
    return [(cx + dx * cos - dy * sin) / scale, (cy + dx * sin + dy * cos) / scale];
  };
  return (b) => {
    if (rad === 0 && scale === 1) return { x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 };
    const pts = [toSource(b.x0, b.y0), toSource(b.x1, b.y0), toSource(b.x0, b.y1), toSource(b.x1, b.y1)];
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    return {
      x0: Math.max(0, Math.round(Math.min(...xs))),
      y0: Math.max(0, Math.round(Math.min(...ys))),
      x1: Math.min(W, Math.round(Math.max(...xs))),
      y1: Math.min(H, Math.round(Math.max(...ys))),
    };
  };
}

import { readFile } from 'node:fs/promises';
import {
  type ChannelTable,
  correct,
  learnTable,
  loadSyllableLm,
  type SyllableLm,
  tableForEngine,
} from '@sohoa/correct';
import { loadBundledLm } from '@sohoa/correct/node';
import { createNodeOcr, type NodeOcrOptions, type Ocr, readInputFile } from '@sohoa/ocr/node';
import {
  type DigitiseCallbacks,
  type Digitised,
  type DigitiseInput,
  type DigitiseOptions,
  digitise,
} from './digitise.js';

export interface DigitiserOptions extends NodeOcrOptions {
  /** A language model file to use instead of the bundled one. */
  languageModel?: string;
  threshold?: number;
  toneStyle?: DigitiseOptions['toneStyle'];
  textEngine?: DigitiseOptions['textEngine'];
}

export interface Digitiser {
  /** Digitise a file by path. */
  digitiseFile(file: string, callbacks?: DigitiseCallbacks): Promise<Digitised>;
  /** Digitise bytes or text. */
  digitise(input: DigitiseInput, callbacks?: DigitiseCallbacks): Promise<Digitised>;
  /** The shared OCR engine, created on first use. */
  readonly ocr: Ocr;
  /**
   * Learns a batch's own confusions from its text inputs (an archive's OCR of an engine nobody
   * calibrated): each is corrected once, `learnTable` re-estimates the channel costs from their
   * repairs, and every text input digitised after is corrected with them. Returns the table, or
   * null (nothing changes) when the texts repaired too little to say anything.
   */
  learn(texts: readonly string[]): ChannelTable | null;
  close(): Promise<void>;
}

/**
 * A digitiser for a batch: one OCR pool shared by every file and the language model loaded
 * once. Close it when done (it owns worker threads and decoder processes).
 */
export async function createDigitiser(options: DigitiserOptions = {}): Promise<Digitiser> {
  const lm: SyllableLm = options.languageModel
    ? loadSyllableLm(await readFile(options.languageModel))
    : await loadBundledLm();
  let engine: Ocr | undefined;
  const ocr = () => {
    engine ??= createNodeOcr(options);
    return engine;
  };
  let textTable: ChannelTable | undefined;
  const run = (input: DigitiseInput, callbacks: DigitiseCallbacks = {}) => {
    return digitise(input, {
      lm,
      // Creating the engine costs nothing until a page is read: workers and decoder processes start lazily.
      ocr: ocr(),
      ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
      ...(options.toneStyle ? { toneStyle: options.toneStyle } : {}),
      ...(options.textEngine ? { textEngine: options.textEngine } : {}),
      ...(textTable ? { textTable } : {}),
      ...(callbacks.onProgress ? { onProgress: callbacks.onProgress } : {}),
      ...(callbacks.knownPages ? { knownPages: callbacks.knownPages } : {}),
    });
  };
  return {
    get ocr() {
      return ocr();
    },
    digitise: run,
    learn(texts) {
      const base = tableForEngine(options.textEngine ?? 'sohoa');
      const first = texts.map((text) => correct(text, { lm, table: base }));
      const learnt = learnTable(first, base);
      if (learnt !== null) textTable = learnt;
      return learnt;
    },
    async digitiseFile(file, callbacks) {
      return run({ source: file, bytes: await readInputFile(file) }, callbacks);
    },
    async close() {
      await engine?.close();
    },
  };
}

/** One file with a throw-away digitiser. For batches, reuse one `createDigitiser`. */
export async function digitiseFile(file: string, options: DigitiserOptions = {}): Promise<Digitised> {
  const digitiser = await createDigitiser(options);
  try {
    return await digitiser.digitiseFile(file);
  } finally {
    await digitiser.close();
  }
}

export * from './index.js';
export {
  isComplete,
  isOutputFormat,
  MANIFEST,
  type Manifest,
  NEEDS_GEOMETRY,
  OUTPUT_EXTENSIONS,
  OUTPUT_FORMATS,
  type OutputFormat,
  type OutputTarget,
  startOver,
  writeManifest,
  writeOutputs,
} from './outputs.node.js';

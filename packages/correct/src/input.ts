/**
 * The package's border: what `correct` accepts, checked once, with a `CorrectError` for anything
 * else. Text is any string; an OCR document is parsed with its `@sohoa/model` schema, and its word
 * confidences are located in its text. Options are checked for type and range, so a wrong option
 * fails here with a path instead of deep inside the decoder.
 */

import { type OcrChoice, OcrDocument } from '@sohoa/model';
import { CorrectError } from './errors.js';

/** OCR word confidences located in the document text: [start, end, confidence] triples. */
export type Confidences = Float64Array;

/** The OCR's alternatives of a word with its confidence, by the word's start in the document text. */
export type WordChoices = Map<number, OcrWordChoices>;

/** One OCR word's span end, confidence and alternatives. */
export interface OcrWordChoices {
  end: number;
  confidence: number;
  choices: readonly OcrChoice[];
}

export interface CorrectInput {
  text: string;
  confidences: Confidences | undefined;
  /** For an OCR document whose engine gave alternatives (`@sohoa/ocr`'s `alternatives`). */
  choices: WordChoices | undefined;
}

/** The text of `input` and, for an OCR document, its word confidences. */
export function readInput(input: unknown): CorrectInput {
  if (typeof input === 'string') return { text: input, confidences: undefined, choices: undefined };
  if (typeof input !== 'object' || input === null || (input as { type?: unknown }).type !== 'ocr-document') {
    throw new CorrectError(
      'invalid-input',
      `correct() takes a string or an OcrDocument (@sohoa/model), not ${describe(input)}.`,
    );
  }
  const parsed = OcrDocument.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new CorrectError(
      'invalid-input',
      `Not a valid OcrDocument: ${first?.message ?? 'schema mismatch'} at ${(first?.path ?? []).join('.') || 'the root'}.`,
      (first?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol'),
      parsed.error.issues,
    );
  }
  const choices: WordChoices = new Map();
  const confidences = locateWords(parsed.data, choices);
  return { text: parsed.data.text, confidences, choices: choices.size > 0 ? choices : undefined };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object that is no OcrDocument (type: "ocr-document")';
  return `a ${typeof value}`;
}

const LM_METHODS = ['id', 'has', 'token', 'count', 'kind', 'logProb', 'hasBigram', 'classOf'] as const;

type Check = (value: unknown) => string | null;

const number =
  (min: number, max: number, integer = false): Check =>
  (v) =>
    typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))
      ? `a${integer ? 'n integer' : ' number'} ${max === Number.MAX_VALUE ? `of at least ${min}` : `from ${min} to ${max}`}`
      : null;

const OPTION_CHECKS: Record<string, Check> = {
  lm: (v) =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { size?: unknown }).size === 'number' &&
    LM_METHODS.every((m) => typeof (v as Record<string, unknown>)[m] === 'function')
      ? null
      : 'a SyllableLm (loadBundledLm(), fetchSyllableLm(url))',
  // Above 1 nothing is applied: every change becomes a suggestion.
  threshold: number(0, Number.MAX_VALUE),
  suggest: number(0, 1),
  errorRate: number(1e-6, 0.95),
  beam: number(1, 1000, true),
  candidates: number(0, 1000, true),
  channelWeight: number(0, 100),
  margin: number(0, 100),
  toneStyle: (v) =>
    v === 'dominant' || v === 'old' || v === 'new' || v === 'keep'
      ? null
      : "'dominant', 'old', 'new' or 'keep'",
  table: (v) => (typeof v === 'object' && v !== null ? null : 'a ChannelTable'),
  adapt: (v) => (typeof v === 'boolean' ? null : 'true or false'),
};

/** Checks the options' types and ranges; `undefined` means all defaults. */
export function checkOptions<T extends object>(options: T | undefined): Partial<T> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new CorrectError('invalid-options', `Options must be an object, not ${describe(options)}.`, [
      'options',
    ]);
  }
  for (const [key, check] of Object.entries(OPTION_CHECKS)) {
    const value = (options as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const wanted = check(value);
    if (wanted !== null) {
      throw new CorrectError('invalid-options', `Option ${key} must be ${wanted}.`, ['options', key]);
    }
  }
  return options;
}

function locateWords(doc: OcrDocument, choices: WordChoices): Confidences {
  const spans: number[] = [];
  const text = doc.text;
  let cursor = 0;
  for (const page of doc.pages) {
    for (const block of page.blocks) {
      for (const line of block.lines) {
        for (const word of line.words) {
          const at = text.indexOf(word.text, cursor);
          if (at < 0 || at - cursor > 400) continue;
          spans.push(at, at + word.text.length, word.confidence);
          if (word.choices && word.choices.length > 0)
            choices.set(at, {
              end: at + word.text.length,
              confidence: word.confidence,
              choices: word.choices,
            });
          cursor = at + word.text.length;
        }
      }
    }
  }
  return Float64Array.from(spans);
}

/** The lowest OCR confidence of the words overlapping [start, end), if any. */
export function confidenceAt(spans: Confidences | undefined, start: number, end: number): number | undefined {
  if (spans === undefined) return undefined;
  // Binary search for the first span ending after `start`.
  let lo = 0;
  let hi = spans.length / 3;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid * 3 + 1]! <= start) lo = mid + 1;
    else hi = mid;
  }
  let min: number | undefined;
  for (let k = lo; k < spans.length / 3 && spans[k * 3]! < end; k++) {
    const c = spans[k * 3 + 2]!;
    if (min === undefined || c < min) min = c;
  }
  return min;
}

/**
 * The tokens of the syllable language model and the rules that turn text into them. The builder,
 * the corrector and the evaluation all go through these functions, so they see the same tokens.
 *
 * - A word (a run of letters) that is a Vietnamese syllable once lower-cased becomes that syllable,
 *   lower-case, with the tone placed in the 'old' style (hòa, thủy): `Hoà` → `hòa`, `BAN` → `ban`.
 * - A word with a capital after its first letter that is no syllable keeps its spelling (UBND, TTg,
 *   HĐND, COVID): the model keeps frequent ones as tokens and maps the rest to `<acr>`.
 * - Any other word is lower-cased (`Internet` → `internet`); rare ones become `<unk>` in the model.
 * - Numbers, percentages, dates, document numbers, letter-digit codes, URLs and e-mail addresses
 *   become class tokens: `<num>`, `<pct>`, `<date>`, `<docnum>`, `<alnum>`, `<url>`, `<email>`.
 * - `. ; : ! ? … |` end a sentence. Other punctuation, commas included, is dropped: on the
 *   held-out documents a model with a comma token predicted syllables no better (perplexity 14.44
 *   against 14.41 without), and OCR misreads commas often.
 * - A line break ends a sentence unless the next line starts with a lower-case word (a hard-wrapped
 *   line, as in gazette PDFs and OCR output); a blank line always ends one.
 * - Sentences without a word are dropped.
 */

import {
  isValidSyllable,
  nfc,
  parseSyllable,
  setTone,
  type Token,
  type TokenKind,
  tokenize,
} from '@sohoa/vi';

export const BOS = '<s>';
export const EOS = '</s>';
export const UNK = '<unk>';

/** Class tokens of the token kinds that are not words. */
export const CLASS_TOKENS = {
  number: '<num>',
  percent: '<pct>',
  date: '<date>',
  docnumber: '<docnum>',
  alnum: '<alnum>',
  url: '<url>',
  email: '<email>',
  acronym: '<acr>',
} as const;

/**
 * The tokens every model has, in id order: `<unk>` = 0, `<s>` = 1, `</s>` = 2, then the classes.
 * Words follow, most frequent first.
 */
export const SPECIAL_TOKENS: readonly string[] = Object.freeze([
  UNK,
  BOS,
  EOS,
  CLASS_TOKENS.number,
  CLASS_TOKENS.percent,
  CLASS_TOKENS.date,
  CLASS_TOKENS.docnumber,
  CLASS_TOKENS.alnum,
  CLASS_TOKENS.url,
  CLASS_TOKENS.email,
  CLASS_TOKENS.acronym,
]);

/** What a model token is: kept in the model file for each vocabulary entry. */
export type LmTokenKind =
  /** `<unk>`, `<s>`, `</s>` and the class tokens. */
  | 'special'
  /** A Vietnamese syllable (lower-case, 'old' tone placement): the attested-syllable inventory. */
  | 'syllable'
  /** A word kept as written because of its inner capitals: UBND, TTg, HĐND. */
  | 'acronym'
  /** Any other word, lower-cased: foreign words, names written without marks, OCR debris. */
  | 'word';

export const LM_TOKEN_KINDS: readonly LmTokenKind[] = Object.freeze([
  'special',
  'syllable',
  'acronym',
  'word',
]);

/** Punctuation that ends a sentence. */
export const SENTENCE_END: ReadonlySet<string> = new Set(['.', ';', ':', '!', '?', '…', '|']);

const CLASS_OF_KIND: Partial<Record<TokenKind, string>> = {
  number: CLASS_TOKENS.number,
  percent: CLASS_TOKENS.percent,
  date: CLASS_TOKENS.date,
  docnumber: CLASS_TOKENS.docnumber,
  alnum: CLASS_TOKENS.alnum,
  url: CLASS_TOKENS.url,
  email: CLASS_TOKENS.email,
};

function hasInnerCapital(word: string): boolean {
  for (let i = 1; i < word.length; i++) {
    const c = word[i]!;
    if (c !== c.toLowerCase()) return true;
  }
  return false;
}

/**
 * The model form of a word (a run of letters): the lower-case syllable in 'old' tone placement, the
 * word as written when it has inner capitals and is no syllable, else the lower-cased word.
 */
export function wordForm(word: string): string {
  const w = nfc(word);
  const lower = w.toLowerCase();
  const syllable = parseSyllable(lower);
  if (syllable !== null) {
    if (syllable.placement !== 'new') return lower;
    return setTone(lower, syllable.tone, { style: 'old' }) ?? lower;
  }
  return hasInnerCapital(w) ? w : lower;
}

/** The kind of a model token string (see `LmTokenKind`). */
export function formKind(form: string): LmTokenKind {
  if (form.length > 2 && form[0] === '<' && form[form.length - 1] === '>') return 'special';
  if (isValidSyllable(form)) return 'syllable';
  return form !== form.toLowerCase() ? 'acronym' : 'word';
}

/** Marks a token that ends a sentence (returned by `tokenForm`). */
export const SENTENCE_BREAK = '\n';

/**
 * The model form of one token of `@sohoa/vi`'s `tokenize`: a word form, a class token,
 * `SENTENCE_BREAK` for sentence-final punctuation, or null for what the model skips (spaces,
 * other punctuation). Line breaks depend on the next line: `lmSegment` decides them.
 */
export function tokenForm(token: Token): string | null {
  switch (token.kind) {
    case 'syllable':
    case 'acronym':
      return wordForm(token.value);
    case 'punct':
      return SENTENCE_END.has(token.value) ? SENTENCE_BREAK : null;
    case 'newline':
      return SENTENCE_BREAK;
    case 'space':
      return null;
    default:
      return CLASS_OF_KIND[token.kind] ?? null;
  }
}

/** One model token of a text, with the span of the input it comes from. */
export interface LmSpan {
  /** The model form: `hòa`, `UBND`, `<num>`. */
  form: string;
  /** The kind of the `@sohoa/vi` token. */
  kind: TokenKind;
  /** UTF-16 offsets into the input. */
  start: number;
  end: number;
}

/**
 * Whether the line break `tokens[i]` is a hard wrap inside a sentence: the next line goes on with a
 * lower-case syllable. Any other line break ends the sentence.
 */
export function isWrappedLine(tokens: readonly Token[], i: number): boolean {
  let j = i + 1;
  while (j < tokens.length && tokens[j]!.kind === 'space') j++;
  const next = tokens[j];
  if (next === undefined || next.kind !== 'syllable') return false;
  const c = next.value[0]!;
  return c !== c.toUpperCase();
}

/** The sentences of a text as model tokens with their spans (no `<s>`/`</s>`). */
export function lmSegment(text: string): LmSpan[][] {
  const tokens = tokenize(text);
  const sentences: LmSpan[][] = [];
  let current: LmSpan[] = [];
  let words = 0;
  const flush = (): void => {
    if (words > 0) sentences.push(current);
    current = [];
    words = 0;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'newline') {
      if (!isWrappedLine(tokens, i)) flush();
      continue;
    }
    const form = tokenForm(token);
    if (form === null) continue;
    if (form === SENTENCE_BREAK) {
      flush();
      continue;
    }
    if (token.kind === 'syllable' || token.kind === 'acronym') words++;
    current.push({ form, kind: token.kind, start: token.start, end: token.end });
  }
  flush();
  return sentences;
}

/** The sentences of a text as model token strings (no `<s>`/`</s>`). */
export function lmSentences(text: string): string[][] {
  return lmSegment(text).map((sentence) => sentence.map((span) => span.form));
}

/** The model tokens of a text, each sentence between `<s>` and `</s>`. */
export function lmTokens(text: string): string[] {
  const out: string[] = [];
  for (const sentence of lmSentences(text)) out.push(BOS, ...sentence, EOS);
  return out;
}

/**
 * The model form of a raw token string ("Hoà", "UBND", "2023", "36-NQ/TW"), or null when
 * it is not exactly one token the model keeps (a space, a phrase, other punctuation).
 */
export function rawForm(raw: string): string | null {
  let found: Token | undefined;
  for (const token of tokenize(raw)) {
    if (token.kind === 'space') continue;
    if (found !== undefined) return null;
    found = token;
  }
  if (found === undefined) return null;
  const form = tokenForm(found);
  return form === SENTENCE_BREAK ? null : form;
}

/**
 * A text prepared for anchoring: its NFC form with offset maps both ways, code point counts (the
 * Web Annotation unit), page starts, and — built on first need — an index of its words, so that a
 * quote is looked up by its rarest words instead of scanning the whole text per note.
 *
 * Built once per text and reused for every note (`indexText`, or the one-text cache behind the
 * functions that take a string).
 */

/** Runs of letters and digits: the words of the index. Marks continue a word (NFD text, Hán-Nôm). */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const MARK = /\p{M}/u;

/** Whether the code point at `i` (a UTF-16 index) is a combining mark. */
function isMark(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  // NaN past the end: no mark.
  if (!(c >= 0x300)) return false;
  if (c <= 0x36f) return true;
  if (c >= 0x1e00 && c <= 0x1eff) return false;
  return MARK.test(String.fromCodePoint(s.codePointAt(i)!));
}

/** Whether a lone code point is left unchanged by NFC: checked for these ranges in text.test.ts. */
function stableAlone(c: number): boolean {
  return c < 0x300 || (c >= 0x1e00 && c <= 0x1eff);
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** Whether `i` is the second half of a surrogate pair. */
function isPairTail(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return i > 0 && c >= 0xdc00 && c <= 0xdfff && isHighSurrogate(s.charCodeAt(i - 1));
}

/**
 * Move a span's start back (or its end forward) off the middle of a surrogate pair or a
 * combining sequence: a selection should not cut a character (Web Annotation model, 4.2.4).
 */
export function snap(s: string, i: number, side: 'start' | 'end'): number {
  let j = i;
  if (side === 'start') {
    while (j > 0 && (isPairTail(s, j) || isMark(s, j))) j--;
  } else {
    while (j < s.length && (isPairTail(s, j) || isMark(s, j))) j++;
  }
  return j;
}

export interface Normalized {
  /** NFC, composed one combining sequence (a letter and its marks) at a time. */
  norm: string;
  /**
   * Original UTF-16 index → NFC index, one entry per index and one past the end; an index inside a
   * combining sequence (between a letter and its marks) holds `-1 - start` of the sequence's NFC.
   * Null when the text is NFC already (the maps are the identity).
   */
  toNorm: Int32Array | null;
  /** NFC index → original index, the same way. */
  fromNorm: Int32Array | null;
}

/**
 * NFC with offset maps. Sequence by sequence — a starter and the marks after it — so every
 * sequence boundary maps exactly; the result equals `text.normalize('NFC')` except for scripts
 * whose starters compose with each other (Hangul jamo), which Vietnamese documents do not have.
 * Quotes go through the same function, so text and quote agree whatever happens there.
 */
export function normalize(text: string): Normalized {
  if (text.normalize('NFC') === text) return { norm: text, toNorm: null, fromNorm: null };
  const toNorm = new Int32Array(text.length + 1);
  const pieces: string[] = [];
  const starts: number[] = [];
  let normLength = 0;
  let i = 0;
  while (i < text.length) {
    const start = i;
    const c = text.charCodeAt(i);
    i += isHighSurrogate(c) && i + 1 < text.length ? 2 : 1;
    while (i < text.length && isMark(text, i)) i += isHighSurrogate(text.charCodeAt(i)) ? 2 : 1;
    const piece = i - start === 1 && stableAlone(c) ? text[start]! : text.slice(start, i).normalize('NFC');
    toNorm[start] = normLength;
    for (let k = start + 1; k < i; k++) toNorm[k] = -1 - normLength;
    starts.push(start, normLength, piece.length);
    pieces.push(piece);
    normLength += piece.length;
  }
  toNorm[text.length] = normLength;
  const fromNorm = new Int32Array(normLength + 1);
  for (let k = 0; k < starts.length; k += 3) {
    const orig = starts[k]!;
    const at = starts[k + 1]!;
    fromNorm[at] = orig;
    for (let j = 1; j < starts[k + 2]!; j++) fromNorm[at + j] = -1 - orig;
  }
  fromNorm[normLength] = text.length;
  return { norm: pieces.join(''), toNorm, fromNorm };
}

/** The NFC form of a short string (a quote, a prefix). */
export function nfc(s: string): string {
  return normalize(s).norm;
}

/**
 * Map `i` through `map` to a sequence boundary: down for a start, up for an end, so a span never
 * cuts a letter from its marks.
 */
function mapIndex(map: Int32Array | null, i: number, side: 'start' | 'end'): number {
  if (map === null) return i;
  if (side === 'start') {
    const v = map[i]!;
    return v >= 0 ? v : -1 - v;
  }
  let j = i;
  while (map[j]! < 0) j++;
  return map[j]!;
}

/** Folding for the word index: lower case, no marks, đ → d — so a tone or case fix keeps a word's key. */
function fold(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
}

export interface Word {
  key: string;
  /** UTF-16 offset (in the NFC string the word was found in) and length. */
  start: number;
  end: number;
}

/** The words of `s` with their folded keys. */
export function wordsOf(s: string): Word[] {
  const out: Word[] = [];
  for (const m of s.matchAll(WORD)) out.push({ key: fold(m[0]), start: m.index, end: m.index + m[0].length });
  return out;
}

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/** A prepared text. Make one with `indexText`; the fields are for this package. */
export class TextIndex {
  /** The text as given: spans in and out of this package are UTF-16 offsets into it. */
  readonly text: string;
  /** @internal NFC form. */
  readonly norm: string;
  readonly #toNorm: Int32Array | null;
  readonly #fromNorm: Int32Array | null;
  /** NFC index → code points before it, and back; null when there are no surrogate pairs. */
  readonly #codePoints: Int32Array | null;
  readonly #fromCodePoints: Int32Array | null;
  /** NFC offsets of the form feeds, in order. */
  readonly #formFeeds: number[];
  #postings: Map<string, number[]> | undefined;

  constructor(text: string) {
    this.text = text;
    const { norm, toNorm, fromNorm } = normalize(text);
    this.norm = norm;
    this.#toNorm = toNorm;
    this.#fromNorm = fromNorm;
    if (/[\ud800-\udfff]/.test(norm)) {
      const cps = new Int32Array(norm.length + 1);
      const back: number[] = [];
      let n = 0;
      for (let i = 0; i < norm.length; i++) {
        cps[i] = n;
        // The low half of a surrogate pair starts no code point (spans are snapped off it).
        if (!isPairTail(norm, i)) {
          back.push(i);
          n++;
        }
      }
      cps[norm.length] = n;
      back.push(norm.length);
      this.#codePoints = cps;
      this.#fromCodePoints = Int32Array.from(back);
    } else {
      this.#codePoints = null;
      this.#fromCodePoints = null;
    }
    this.#formFeeds = [];
    for (let i = norm.indexOf('\f'); i >= 0; i = norm.indexOf('\f', i + 1)) this.#formFeeds.push(i);
  }

  /** @internal Original UTF-16 offset → NFC offset (down for a start, up for an end). */
  toNorm(i: number, side: 'start' | 'end'): number {
    return mapIndex(this.#toNorm, i, side);
  }

  /** @internal NFC offset → original UTF-16 offset. */
  fromNorm(i: number, side: 'start' | 'end'): number {
    return mapIndex(this.#fromNorm, i, side);
  }

  /** @internal NFC offset → code points before it (the Web Annotation position). */
  codePoint(i: number): number {
    return this.#codePoints === null ? i : this.#codePoints[i]!;
  }

  /** @internal Code point position → NFC offset; past the end gives the end. */
  fromCodePoint(cp: number): number {
    if (this.#fromCodePoints === null) return Math.min(cp, this.norm.length);
    return this.#fromCodePoints[Math.min(cp, this.#fromCodePoints.length - 1)]!;
  }

  /** @internal The 1-based page of an NFC offset: one more than the form feeds before it. */
  pageAt(i: number): number {
    let lo = 0;
    let hi = this.#formFeeds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#formFeeds[mid]! < i) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }

  /** @internal NFC offset where a page's text starts (after its form feed and line break). */
  pageStart(page: number): number {
    if (page <= 1) return 0;
    const ff = this.#formFeeds[Math.min(page, this.#formFeeds.length + 1) - 2];
    if (ff === undefined) return 0;
    return this.norm[ff + 1] === '\n' ? ff + 2 : ff + 1;
  }

  /** @internal NFC offsets of the words with this folded key, ascending. */
  postings(key: string): readonly number[] {
    if (this.#postings === undefined) this.#postings = buildPostings(this.norm);
    return this.#postings.get(key) ?? [];
  }
}

function buildPostings(norm: string): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  // Documents repeat their words: fold each distinct word once.
  const keys = new Map<string, string>();
  for (const m of norm.matchAll(WORD)) {
    let key = keys.get(m[0]);
    if (key === undefined) {
      key = fold(m[0]);
      keys.set(m[0], key);
    }
    const list = postings.get(key);
    if (list === undefined) postings.set(key, [m.index]);
    else list.push(m.index);
  }
  return postings;
}

let last: TextIndex | undefined;

/**
 * Prepare `text` for `anchor` and `resolve`. Functions given a string prepare it themselves and
 * keep the last one, so resolving many notes on one text prepares it once; keep the index
 * yourself when you switch between texts.
 */
export function indexText(text: string | TextIndex): TextIndex {
  if (text instanceof TextIndex) return text;
  // A string compared with itself is one pointer check; an equal copy costs one comparison.
  if (last?.text !== text) last = new TextIndex(text);
  return last;
}

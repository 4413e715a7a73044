/**
 * Vietnamese letters taken apart for the channel model: each character becomes a base letter, a
 * vowel mark and a tone, so an OCR reading and a candidate can be compared feature by feature
 * ("triến" against "triển": same letters, sắc read for hỏi).
 */

/** Vowel marks and đ's stroke. */
export const MARKS = ['', '^', '(', '+', '-'] as const;
export type Mark = 0 | 1 | 2 | 3 | 4;
export const MARK_NONE = 0;
export const MARK_CIRCUMFLEX = 1;
export const MARK_BREVE = 2;
export const MARK_HORN = 3;
export const MARK_STROKE = 4;

/** Tones in `@sohoa/vi` order: ngang huyền sắc hỏi ngã nặng. */
export const TONE_COMBINING = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'] as const;

const MARK_COMBINING: Record<string, Mark> = { '\u0302': 1, '\u0306': 2, '\u031b': 3 };
const TONE_OF_COMBINING: Record<string, number> = {
  '\u0300': 1,
  '\u0301': 2,
  '\u0309': 3,
  '\u0303': 4,
  '\u0323': 5,
  // Look-alike combining marks some engines emit.
  '\u0340': 1,
  '\u0341': 2,
  '\u0342': 4,
};

export interface LetterInfo {
  /** Lower-case base letter (a–z, or the character itself when it is no Latin letter). */
  base: string;
  mark: Mark;
  /** 0–5, 0 when the letter carries no tone mark. */
  tone: number;
}

const cache = new Map<string, LetterInfo>();

/** The parts of one character (one code point, NFC). */
export function letterInfo(char: string): LetterInfo {
  let info = cache.get(char);
  if (info !== undefined) return info;
  const lower = char.toLowerCase();
  if (lower === 'đ') info = { base: 'd', mark: MARK_STROKE, tone: 0 };
  else {
    const nfd = lower.normalize('NFD');
    let base = nfd[0] ?? lower;
    let mark: Mark = 0;
    let tone = 0;
    let other = false;
    for (let i = 1; i < nfd.length; i++) {
      const c = nfd[i]!;
      if (MARK_COMBINING[c] !== undefined) mark = MARK_COMBINING[c]!;
      else if (TONE_OF_COMBINING[c] !== undefined) tone = TONE_OF_COMBINING[c]!;
      else other = true;
    }
    if (other) {
      // Marks that mean nothing in Vietnamese (é is fine, ç or ñ are not): keep the whole char.
      base = lower;
      mark = 0;
      tone = 0;
    }
    info = { base, mark, tone };
  }
  cache.set(char, info);
  return info;
}

/** The vowel base letters. */
export const VOWELS: ReadonlySet<string> = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** A word taken apart: parallel arrays over its characters (code points). */
export interface Letters {
  bases: string[];
  marks: Mark[];
  tones: number[];
}

export function lettersOf(word: string): Letters {
  const bases: string[] = [];
  const marks: Mark[] = [];
  const tones: number[] = [];
  for (const char of word.normalize('NFC')) {
    const info = letterInfo(char);
    bases.push(info.base);
    marks.push(info.mark);
    tones.push(info.tone);
  }
  return { bases, marks, tones };
}

/** The tone of a word as read: the last tone mark (0 when none), and how many letters carry one. */
export function wordTone(tones: readonly number[]): { tone: number; marked: number } {
  let tone = 0;
  let marked = 0;
  for (const t of tones) {
    if (t !== 0) {
      tone = t;
      marked++;
    }
  }
  return { tone, marked };
}

/** Letter + mark → the character ('o', MARK_HORN → 'ơ'); tone marks are not applied. */
export function withMark(base: string, mark: Mark): string {
  if (mark === MARK_STROKE) return base === 'd' ? 'đ' : base;
  if (mark === MARK_NONE) return base;
  const combining = mark === MARK_CIRCUMFLEX ? '\u0302' : mark === MARK_BREVE ? '\u0306' : '\u031b';
  return (base + combining).normalize('NFC');
}

/** Which marks a base letter can carry in Vietnamese. */
export function marksOf(base: string): readonly Mark[] {
  switch (base) {
    case 'a':
      return [0, 1, 2];
    case 'e':
      return [0, 1];
    case 'o':
      return [0, 1, 3];
    case 'u':
      return [0, 3];
    case 'd':
      return [0, 4];
    default:
      return [0];
  }
}

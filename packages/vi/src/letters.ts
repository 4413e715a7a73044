/**
 * Internal lookup tables over the Vietnamese alphabet. Every precomposed letter is reduced to
 * (base letter, tone, case) with one typed-array read, so the syllable parser never runs a regex
 * or normalises strings on its hot path.
 */

import { TONE_MARKS, TONES, type Tone } from './tones.js';

/** Base letters, tone marks removed but vowel-quality marks (ă â ê ô ơ ư đ) kept. Index 0 is "none". */
export const LETTERS = [
  '',
  'a',
  'ă',
  'â',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'ê',
  'g',
  'h',
  'i',
  'k',
  'l',
  'm',
  'n',
  'o',
  'ô',
  'ơ',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'ư',
  'v',
  'x',
  'y',
] as const;

export type Letter = (typeof LETTERS)[number];

export const L_A = 1;
export const L_AW = 2;
export const L_AA = 3;
export const L_B = 4;
export const L_C = 5;
export const L_D = 6;
export const L_DD = 7;
export const L_E = 8;
export const L_EE = 9;
export const L_G = 10;
export const L_H = 11;
export const L_I = 12;
export const L_K = 13;
export const L_L = 14;
export const L_M = 15;
export const L_N = 16;
export const L_O = 17;
export const L_OO = 18;
export const L_OW = 19;
export const L_P = 20;
export const L_Q = 21;
export const L_R = 22;
export const L_S = 23;
export const L_T = 24;
export const L_U = 25;
export const L_UW = 26;
export const L_V = 27;
export const L_X = 28;
export const L_Y = 29;

/** Number of bits a letter index needs; rhymes are packed into integers with it. */
export const LETTER_BITS = 5;

const VOWEL_LETTERS = 'aăâeêioôơuưy';

/** Tone indices follow TONES: 0 ngang … 5 nặng. */
export const TONE_INDEX: Readonly<Record<Tone, number>> = {
  ngang: 0,
  huyen: 1,
  sac: 2,
  hoi: 3,
  nga: 4,
  nang: 5,
};

/** Highest code point of a Vietnamese letter (ỹ U+1EF9) plus one. */
export const TABLE_SIZE = 0x1efa;

export const INFO_LETTER_MASK = 0x1f;
export const INFO_TONE_SHIFT = 5;
export const INFO_UPPER = 0x100;

/** code point → letter | tone << 5 | upper flag; 0 for anything that is not a Vietnamese letter. */
export const CHAR_INFO = new Uint16Array(TABLE_SIZE);

const IS_VOWEL = new Uint8Array(LETTERS.length);

/** letter index → [lower, upper] × 6 tones, e.g. TONED[L_A][2] = 'á', TONED[L_A][8] = 'Á'. */
const TONED: string[][] = [];

function letterIndex(letter: string): number {
  return (LETTERS as readonly string[]).indexOf(letter);
}

for (let idx = 1; idx < LETTERS.length; idx++) {
  const letter = LETTERS[idx]!;
  const forms: string[] = [];
  const vowel = VOWEL_LETTERS.includes(letter);
  IS_VOWEL[idx] = vowel ? 1 : 0;
  for (let t = 0; t < TONES.length; t++) {
    // Consonants carry no tone: their toned slots repeat the bare letter.
    const lower = vowel ? (letter + TONE_MARKS[TONES[t]!]).normalize('NFC') : letter;
    const upper = lower.toUpperCase();
    forms[t] = lower;
    forms[t + TONES.length] = upper;
    if (vowel || t === 0) {
      CHAR_INFO[lower.charCodeAt(0)] = idx | (t << INFO_TONE_SHIFT);
      CHAR_INFO[upper.charCodeAt(0)] = idx | (t << INFO_TONE_SHIFT) | INFO_UPPER;
    }
  }
  TONED[idx] = forms;
}

export function isVowelLetter(idx: number): boolean {
  return IS_VOWEL[idx] === 1;
}

/** The letter `idx` with tone `tone` (0–5), upper-case when `upper`. */
export function toneLetter(idx: number, tone: number, upper: boolean): string {
  return TONED[idx]![upper ? tone + TONES.length : tone]!;
}

export function letterOf(char: string): number {
  return letterIndex(char);
}

/** True for U+0300–U+036F, the combining marks NFD text carries. */
export function isCombiningMark(code: number): boolean {
  return code >= 0x300 && code <= 0x36f;
}

/** Normalise to NFC only when the string holds combining marks: most input is NFC already. */
export function nfcIfNeeded(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (isCombiningMark(s.charCodeAt(i))) return s.normalize('NFC');
  }
  return s;
}

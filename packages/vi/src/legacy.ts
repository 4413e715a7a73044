/**
 * Pre-Unicode Vietnamese encodings as they come out of PDF text layers: a document typed in a
 * TCVN3 (ABC, .VnTime) or VNI font stores font-specific bytes that extractors read as
 * Windows-1252/Latin-1, giving "Céng hoµ" (TCVN3) or "Coäng hoøa" (VNI) for "Cộng hoà"/"Cộng hòa".
 */

import {
  CHAR_INFO,
  INFO_LETTER_MASK,
  isVowelLetter,
  L_A,
  L_AA,
  L_AW,
  L_E,
  L_EE,
  L_O,
  L_OO,
  L_OW,
  L_U,
  L_UW,
  L_Y,
  TABLE_SIZE,
  toneLetter,
} from './letters.js';
import { isValidSyllable } from './syllable.js';

// ---------------------------------------------------------------------------------------------
// TCVN3 (TCVN 5712:1993). VN3, the font encoding, keeps only lower-case toned letters plus
// Ă Â Ê Ô Ơ Ư Đ; capitals come from separate fonts (.VnTimeH) that draw capitals at the
// lower-case positions. The positions VN1 gives to a few capitals are decoded too.

/**
 * Unicode for bytes 0xA0–0xFF, one row per 16 bytes. 0xB0–0xB4 are combining tone marks in
 * TCVN 5712 (grave, hook, tilde, acute, dot below); they keep their Latin-1 form here and are
 * decoded only after a vowel, so a degree sign in "30°C" survives.
 */
const TCVN3_HIGH =
  '\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ' +
  '°±²³´àảãáạẲằẳẵắẴ' +
  'ẮẦẨẪẤỀặầẩẫấậèỂẻẽ' +
  'éẹềểễếệìỉỄẾỒĩíịò' +
  'Ổỏõóọồổỗốộờởỡớợù' +
  'ỖủũúụừửữứựỳỷỹýỵỐ';

const TCVN3_MARKS = '\u0300\u0309\u0303\u0301\u0323';

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isAsciiUpper(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

/** Characters of a TCVN3/VNI word: ASCII letters and the Latin-1 upper half. */
function isLegacyWordCode(code: number): boolean {
  return isAsciiLetter(code) || (code >= 0xa1 && code <= 0xff);
}

function isVowelChar(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  const info = code < TABLE_SIZE ? CHAR_INFO[code]! : 0;
  return info !== 0 && isVowelLetter(info & INFO_LETTER_MASK);
}

function decodeTcvn3Word(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 0xa0 || code > 0xff) {
      out += word[i];
    } else if (code >= 0xb0 && code <= 0xb4) {
      out += isVowelChar(out[out.length - 1]) ? TCVN3_MARKS[code - 0xb0] : word[i];
    } else {
      out += TCVN3_HIGH[code - 0xa0];
    }
  }
  return out;
}

type WordCase = 'caps' | 'lower' | 'ambiguous';

/**
 * A word set in a capitals font (.VnTimeH) comes out with lower-case toned letters among ASCII
 * capitals: "§¶NG" → "ĐảNG". Its ASCII letters tell: capitals beyond an initial (two or more, or
 * one not in first place) and no lower case mean capitals. "Bé" (Bộ) or "X·" (xã, XÃ) cannot tell.
 */
function wordCase(text: string, start: number, end: number): WordCase {
  let upper = 0;
  let firstUpperAt = -1;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (!isAsciiLetter(code)) continue;
    if (!isAsciiUpper(code)) return 'lower';
    upper++;
    if (firstUpperAt === -1) firstUpperAt = i - start;
  }
  return upper >= 2 || (upper === 1 && firstUpperAt > 0) ? 'caps' : 'ambiguous';
}

interface LegacyWord {
  start: number;
  end: number;
  line: number;
  high: boolean;
  case: WordCase;
}

function legacyWords(text: string): LegacyWord[] {
  const words: LegacyWord[] = [];
  let line = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (!isLegacyWordCode(code)) {
      if (code === 0x0a || code === 0x0d) line++;
      i++;
      continue;
    }
    const start = i;
    let high = false;
    while (i < n && isLegacyWordCode(text.charCodeAt(i))) {
      if (text.charCodeAt(i) >= 0xa0) high = true;
      i++;
    }
    words.push({ start, end: i, line, high, case: wordCase(text, start, i) });
  }
  return words;
}

/** For each word: is the nearest word that knows its case, on the same line, in capitals? */
function capsNeighbours(words: readonly LegacyWord[], order: Iterable<number>): boolean[] {
  const result: boolean[] = [];
  let known: LegacyWord | undefined;
  for (const k of order) {
    const w = words[k]!;
    if (known && known.line !== w.line) known = undefined;
    result[k] = known?.case === 'caps';
    if (w.case !== 'ambiguous') known = w;
  }
  return result;
}

function* range(from: number, to: number, step: number): Generator<number> {
  for (let k = from; step > 0 ? k < to : k > to; k += step) yield k;
}

/**
 * Replace the legacy words of `text` (those with a Latin-1 upper-half byte) with
 * `decodeWord(word, k)`, `k` indexing `words`; everything between words is kept. NFC.
 */
function mapLegacyWords(
  text: string,
  words: readonly LegacyWord[],
  decodeWord: (word: string, k: number) => string,
): string {
  let out = '';
  let last = 0;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (!w.high) continue;
    out += text.slice(last, w.start) + decodeWord(text.slice(w.start, w.end), k);
    last = w.end;
  }
  return (out + text.slice(last)).normalize('NFC');
}

/**
 * TCVN3 (ABC) mojibake → Unicode NFC: "Céng hoµ x· héi chñ nghÜa ViÖt Nam" → "Cộng hoà xã hội
 * chủ nghĩa Việt Nam". Words set in a capitals font are upper-cased ("§¶NG" → "ĐẢNG"); a word
 * that cannot tell ("X·") follows its neighbours on the line when both are in capitals.
 */
export function decodeTcvn3(text: string): string {
  const words = legacyWords(text);
  const before = capsNeighbours(words, range(0, words.length, 1));
  const after = capsNeighbours(words, range(words.length - 1, -1, -1));
  return mapLegacyWords(text, words, (word, k) => {
    const w = words[k]!;
    const decoded = decodeTcvn3Word(word);
    const upper = w.case === 'caps' || (w.case === 'ambiguous' && before[k] === true && after[k] === true);
    return upper ? decoded.toUpperCase() : decoded;
  });
}

// ---------------------------------------------------------------------------------------------
// VNI (VNI Windows fonts): a base letter followed by a byte that adds the vowel mark and/or the
// tone ("oä" = ộ), plus single bytes for đ ơ ư and the i/y letters that lack room for pairs.

const VNI_SINGLE: ReadonlyMap<string, string> = new Map([
  ['ñ', 'đ'],
  ['Ñ', 'Đ'],
  ['ô', 'ơ'],
  ['Ô', 'Ơ'],
  ['ö', 'ư'],
  ['Ö', 'Ư'],
  ['ó', 'ĩ'],
  ['Ó', 'Ĩ'],
  ['ò', 'ị'],
  ['Ò', 'Ị'],
  ['æ', 'ỉ'],
  ['Æ', 'Ỉ'],
  ['î', 'ỵ'],
  ['Î', 'Ỵ'],
]);

/** The vowel mark a VNI modifier adds. */
const Mark = { None: 0, Circumflex: 1, Breve: 2 } as const;
type Mark = (typeof Mark)[keyof typeof Mark];

/** modifier byte (lower-case form) → [vowel mark, tone index 0–5] */
const VNI_MODIFIERS: ReadonlyMap<string, readonly [Mark, number]> = new Map([
  ['ø', [Mark.None, 1]],
  ['ù', [Mark.None, 2]],
  ['û', [Mark.None, 3]],
  ['õ', [Mark.None, 4]],
  ['ï', [Mark.None, 5]],
  ['â', [Mark.Circumflex, 0]],
  ['à', [Mark.Circumflex, 1]],
  ['á', [Mark.Circumflex, 2]],
  ['å', [Mark.Circumflex, 3]],
  ['ã', [Mark.Circumflex, 4]],
  ['ä', [Mark.Circumflex, 5]],
  ['ê', [Mark.Breve, 0]],
  ['è', [Mark.Breve, 1]],
  ['é', [Mark.Breve, 2]],
  ['ú', [Mark.Breve, 3]],
  ['ü', [Mark.Breve, 4]],
  ['ë', [Mark.Breve, 5]],
]);

/** VNI base letter → letter index; ô and ö are ơ and ư on their own and take tones too. */
function vniBase(char: string): number {
  switch (char.toLowerCase()) {
    case 'a':
      return L_A;
    case 'e':
      return L_E;
    case 'o':
      return L_O;
    case 'u':
      return L_U;
    case 'y':
      return L_Y;
    case 'ô':
      return L_OW;
    case 'ö':
      return L_UW;
    default:
      return 0;
  }
}

function withMark(base: number, mark: Mark): number {
  if (mark === Mark.None) return base;
  if (mark === Mark.Breve) return base === L_A ? L_AW : 0;
  if (base === L_A) return L_AA;
  if (base === L_E) return L_EE;
  return base === L_O ? L_OO : 0;
}

function decodeVniWord(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const char = word[i]!;
    const base = vniBase(char);
    if (base !== 0 && i + 1 < word.length) {
      const modifier = VNI_MODIFIERS.get(word[i + 1]!.toLowerCase());
      const letter = modifier ? withMark(base, modifier[0]) : 0;
      if (modifier && letter !== 0) {
        out += toneLetter(letter, modifier[1], char !== char.toLowerCase());
        i++;
        continue;
      }
    }
    out += VNI_SINGLE.get(char) ?? char;
  }
  return out;
}

/** VNI mojibake → Unicode NFC: "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam" → "Cộng hòa xã hội chủ nghĩa Việt Nam". */
export function decodeVni(text: string): string {
  return mapLegacyWords(text, legacyWords(text), decodeVniWord);
}

// ---------------------------------------------------------------------------------------------
// Detection

export type LegacyEncoding = 'tcvn3' | 'vni';
export type TextEncoding = 'unicode' | LegacyEncoding;

export interface EncodingDetection {
  encoding: TextEncoding;
  /**
   * Share (0–1) of the words with non-ASCII letters that read as Vietnamese syllables under the
   * chosen encoding; 1 for text without such words (plain ASCII reads the same in all three).
   */
  score: number;
  counts: {
    /** Words holding at least one non-ASCII letter: the only ones that tell encodings apart. */
    words: number;
    /** Of those, valid as they are (or holding letters only Unicode has: ạ ư đ …). */
    unicode: number;
    /** Of those, changed into a valid syllable by TCVN3 decoding. */
    tcvn3: number;
    /** Of those, changed into a valid syllable by VNI decoding. */
    vni: number;
  };
}

/** Letters of any of the three readings: ASCII, Latin-1, Latin Extended, combining marks, Vietnamese. */
function isDetectWordCode(code: number): boolean {
  return (
    isLegacyWordCode(code) ||
    (code >= 0x100 && code <= 0x24f) ||
    (code >= 0x300 && code <= 0x36f) ||
    (code >= 0x1e00 && code <= 0x1eff)
  );
}

const MAX_DETECT_WORDS = 3000;

/**
 * Which encoding a text layer was typed in. Each word with non-ASCII letters is read three ways
 * (as is, TCVN3, VNI) and scored by whether it becomes a valid Vietnamese syllable; a legacy
 * encoding wins only with at least two distinct such words of two or more letters, more than Unicode and
 * at least half of the candidates, so ordinary Unicode, English, French or numeric text (where
 * an odd "×" or "µm" decodes to something syllable-like) stays `'unicode'`.
 */
export function detectLegacyEncoding(text: string): EncodingDetection {
  let words = 0;
  let unicode = 0;
  let tcvn3 = 0;
  let vni = 0;
  // Distinct words of two letters or more: "5 µm, 10 µm" must not add up to evidence.
  const tcvn3Long = new Set<string>();
  const vniLong = new Set<string>();
  let i = 0;
  const n = text.length;
  while (i < n && words < MAX_DETECT_WORDS) {
    if (!isDetectWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let high = false;
    let unicodeOnly = false;
    while (i < n && isDetectWordCode(text.charCodeAt(i))) {
      const code = text.charCodeAt(i);
      if (code >= 0x80) high = true;
      if (code >= 0x100) unicodeOnly = true;
      i++;
    }
    if (!high) continue;
    words++;
    if (unicodeOnly) {
      // Extraction through a Latin-1 font encoding cannot produce these letters.
      unicode++;
      continue;
    }
    const word = text.slice(start, i);
    if (isValidSyllable(word)) unicode++;
    const long = i - start >= 2;
    const asTcvn3 = decodeTcvn3(word);
    if (asTcvn3 !== word && isValidSyllable(asTcvn3)) {
      tcvn3++;
      if (long) tcvn3Long.add(word);
    }
    const asVni = decodeVni(word);
    if (asVni !== word && isValidSyllable(asVni)) {
      vni++;
      if (long) vniLong.add(word);
    }
  }
  const counts = { words, unicode, tcvn3, vni };
  const wins = (hits: number, longHits: number, rival: number): boolean =>
    longHits >= 2 && hits > unicode && hits >= rival && hits * 2 >= words;
  if (wins(tcvn3, tcvn3Long.size, vni) && tcvn3 > vni)
    return { encoding: 'tcvn3', score: tcvn3 / words, counts };
  if (wins(vni, vniLong.size, tcvn3) && vni > tcvn3) return { encoding: 'vni', score: vni / words, counts };
  return { encoding: 'unicode', score: words === 0 ? 1 : unicode / words, counts };
}

/** Decode `text` from `encoding` (NFC either way). */
export function decodeLegacy(text: string, encoding: TextEncoding): string {
  if (encoding === 'tcvn3') return decodeTcvn3(text);
  if (encoding === 'vni') return decodeVni(text);
  return text.normalize('NFC');
}

/** Detect, then decode: the one call a text-layer reader needs. */
export function fixLegacyEncoding(text: string): { text: string; encoding: TextEncoding; score: number } {
  const { encoding, score } = detectLegacyEncoding(text);
  return { text: decodeLegacy(text, encoding), encoding, score };
}

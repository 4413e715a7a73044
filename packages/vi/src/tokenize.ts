/**
 * A lossless tokenizer for Vietnamese administrative text: every character of the input belongs to
 * exactly one token, so joining the values gives the input back and offsets point into it. It keeps
 * whole what a generic word splitter would break: document numbers (36-NQ/TW, 30/2020/NĐ-CP,
 * /KH-SCT), dates, grouped numbers, percentages, URLs and e-mail addresses.
 */

import { isKnownAbbreviation } from './abbreviations.js';
import { CHAR_INFO, INFO_UPPER, isCombiningMark, TABLE_SIZE } from './letters.js';
import { isValidSyllable } from './syllable.js';

export type TokenKind =
  /** A run of letters: a Vietnamese syllable or any other word ("Hà", "Internet", "TTg"). */
  | 'syllable'
  /** Capitals that are not a syllable: UBND, HĐND, GRDP (BAN or TU read as syllables). */
  | 'acronym'
  /** Letters then digits mixed: QH15, H5N1, A4. */
  | 'alnum'
  /** 2023, 1.000.000, 10,5 */
  | 'number'
  /** 15%, 10,5% */
  | 'percent'
  /** 30/01/2023, 1-2-2023, 02/2024, 2023-01-30 */
  | 'date'
  /** 36-NQ/TW, 189/NQ-CP, 30/2020/NĐ-CP, /KH-SCT */
  | 'docnumber'
  | 'url'
  | 'email'
  /** Any other single character (a whole code point). */
  | 'punct'
  | 'space'
  /** One line break: \n, \r\n, \r, U+2028, U+2029 or U+0085. */
  | 'newline';

export interface Token {
  kind: TokenKind;
  value: string;
  /** UTF-16 offsets into the input: input.slice(start, end) === value. */
  start: number;
  end: number;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const LETTER = /\p{L}/u;

/** A letter of any script in the BMP, or a combining mark continuing one (NFD text). */
function isLetter(code: number): boolean {
  if (code < 0x80) return isAsciiLetter(code);
  if (code < TABLE_SIZE && CHAR_INFO[code] !== 0) return true;
  if (isCombiningMark(code)) return true;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return LETTER.test(String.fromCharCode(code));
}

function isEmailLocal(code: number): boolean {
  return (
    isAsciiLetter(code) ||
    isDigit(code) ||
    code === 0x2e /* . */ ||
    code === 0x5f /* _ */ ||
    code === 0x25 /* % */ ||
    code === 0x2b /* + */ ||
    code === 0x2d /* - */
  );
}

function isDomainChar(code: number): boolean {
  return isAsciiLetter(code) || isDigit(code) || code === 0x2d;
}

/** Letter case of one code point: 1 upper, -1 lower, 0 caseless. */
function caseOf(char: string, code: number): number {
  if (code < TABLE_SIZE && CHAR_INFO[code] !== 0) return CHAR_INFO[code]! & INFO_UPPER ? 1 : -1;
  if (char !== char.toLowerCase()) return 1;
  return char !== char.toUpperCase() ? -1 : 0;
}

function isAllCaps(word: string): boolean {
  let letters = 0;
  for (let i = 0; i < word.length; i++) {
    const c = caseOf(word[i]!, word.charCodeAt(i));
    if (c < 0) return false;
    if (c > 0) letters++;
  }
  return letters > 0;
}

const URL_PREFIXES = ['https://', 'http://', 'ftp://', 'www.'];
const URL_TRAILING = '.,;:!?\'"';

/** Split `text` into tokens that cover it exactly. */
export function tokenize(text: string): Token[] {
  const n = text.length;
  const tokens: Token[] = [];
  const at = (i: number): number => (i >= 0 && i < n ? text.charCodeAt(i) : -1);
  // Scans that failed from one start fail from every later start up to where they stopped:
  // remembering that keeps "a.a.a.a…" or "1/1/1/1…" linear.
  let noEmailBefore = -1;
  let noDocNumberBefore = -1;

  const skipDigits = (i: number): number => {
    while (isDigit(at(i))) i++;
    return i;
  };

  const scanUrl = (i: number): number => {
    const first = at(i) | 0x20;
    if (first !== 0x68 /* h */ && first !== 0x66 /* f */ && first !== 0x77 /* w */) return 0;
    let prefix = '';
    for (const p of URL_PREFIXES) {
      if (text.slice(i, i + p.length).toLowerCase() === p) {
        prefix = p;
        break;
      }
    }
    if (prefix === '') return 0;
    let end = i + prefix.length;
    while (end < n) {
      const c = at(end);
      if (isSpace(c) || c < 0x20 || c === 0x3c || c === 0x3e || c === 0x22 || c === 0x2028 || c === 0x2029)
        break;
      end++;
    }
    // Sentence punctuation after a link is not part of it; a ")" is, when the link opened one.
    for (;;) {
      const last = text[end - 1]!;
      if (URL_TRAILING.includes(last)) end--;
      else if (last === ')') {
        const body = text.slice(i, end);
        if (body.split('(').length >= body.split(')').length) break;
        end--;
      } else break;
    }
    return end > i + prefix.length ? end : 0;
  };

  const scanEmail = (i: number): number => {
    if (i < noEmailBefore) return 0;
    let j = i;
    while (isEmailLocal(at(j))) j++;
    if (at(j) !== 0x40 /* @ */ || at(j - 1) === 0x2e) {
      noEmailBefore = j;
      return 0;
    }
    let k = j + 1;
    let labels = 0;
    let end = 0;
    let lastLabelLetters = 0;
    for (;;) {
      const labelStart = k;
      let letters = 0;
      while (isDomainChar(at(k))) {
        if (isAsciiLetter(at(k))) letters++;
        k++;
      }
      if (k === labelStart) break;
      labels++;
      end = k;
      lastLabelLetters = letters;
      if (at(k) !== 0x2e || !isDomainChar(at(k + 1))) break;
      k++;
    }
    if (labels < 2 || lastLabelLetters < 2) {
      noEmailBefore = j;
      return 0;
    }
    return end;
  };

  /** One segment of a document number after a separator: digits, or a code. -1 if neither. */
  let segmentIsCode = false;
  let segmentIsStrongCode = false;
  const scanSegment = (i: number): number => {
    const c = at(i);
    if (isDigit(c)) {
      const end = skipDigits(i);
      segmentIsCode = false;
      // "2020NĐ" is no segment: digits must end where the segment does.
      return isLetter(at(end)) ? -1 : end;
    }
    if (!isLetter(c) || caseOf(text[i]!, c) <= 0) return -1;
    let end = i;
    let letters = 0;
    while (isLetter(at(end)) || isDigit(at(end))) {
      if (!isDigit(at(end)) && !isCombiningMark(at(end))) letters++;
      end++;
    }
    const code = text.slice(i, end);
    const letterPart = code.replace(/\d+$/u, '');
    const known = isKnownAbbreviation(letterPart);
    if (!known && !isAllCaps(code)) return -1;
    segmentIsCode = true;
    segmentIsStrongCode = known || letters >= 2;
    return end;
  };

  const scanDocNumber = (i: number): number => {
    if (i < noDocNumberBefore) return 0;
    let j = i;
    if (isDigit(at(i))) j = skipDigits(i);
    else {
      // "Số: /KH-SCT": a number left blank, so the token starts with the slash.
      const before = at(i - 1);
      if (i > 0 && !isSpace(before) && before !== 0x3a && before !== 0x28 && before !== 0x0a) return 0;
    }
    let slash = false;
    let strong = false;
    for (;;) {
      const sep = at(j);
      if (sep !== 0x2f && sep !== 0x2d) break;
      const end = scanSegment(j + 1);
      if (end < 0) break;
      if (sep === 0x2f) slash = true;
      if (segmentIsCode && segmentIsStrongCode) strong = true;
      j = end;
    }
    if (!slash || !strong) {
      noDocNumberBefore = j;
      return 0;
    }
    return j;
  };

  const scanDate = (i: number): number => {
    // The tail of something longer ("01/2023" in "32/01/2023") is no date either.
    const prev = at(i - 1);
    if ((prev === 0x2f || prev === 0x2d || prev === 0x2e) && isDigit(at(i - 2))) return 0;
    const a = skipDigits(i);
    const sep = at(a);
    if (sep !== 0x2f && sep !== 0x2d && sep !== 0x2e) return 0;
    const b = skipDigits(a + 1);
    if (b === a + 1) return 0;
    const first = Number(text.slice(i, a));
    const second = Number(text.slice(a + 1, b));
    const len1 = a - i;
    const len2 = b - a - 1;
    let end = 0;
    if (at(b) === sep && isDigit(at(b + 1))) {
      const c = skipDigits(b + 1);
      const third = Number(text.slice(b + 1, c));
      const len3 = c - b - 1;
      const dmy = len1 <= 2 && len2 <= 2 && len3 === 4 && validDay(first, second, third);
      const ymd = sep === 0x2d && len1 === 4 && len2 <= 2 && len3 <= 2 && validDay(third, second, first);
      if (dmy || ymd) end = c;
    } else if (sep !== 0x2e && len1 <= 2 && len2 === 4 && second >= 1000 && second <= 2999) {
      if (first >= 1 && first <= 12) end = b;
    }
    if (end === 0) return 0;
    // 1/2/2023/4 or 02/2024a is something else.
    const next = at(end);
    if (isLetter(next) || isDigit(next) || ((next === 0x2f || next === sep) && isDigit(at(end + 1))))
      return 0;
    return end;
  };

  const scanNumber = (i: number): number => {
    let j = skipDigits(i);
    while ((at(j) === 0x2e || at(j) === 0x2c) && isDigit(at(j + 1))) j = skipDigits(j + 1);
    return j;
  };

  // The token starting at `i`: returns its kind and leaves its end in `end`.
  let end = 0;
  const scanToken = (i: number, c: number): TokenKind => {
    if (c === 0x0d) {
      end = at(i + 1) === 0x0a ? i + 2 : i + 1;
      return 'newline';
    }
    if (c === 0x0a || c === 0x2028 || c === 0x2029 || c === 0x85) {
      end = i + 1;
      return 'newline';
    }
    if (isSpace(c)) {
      end = i + 1;
      while (isSpace(at(end))) end++;
      return 'space';
    }
    if (isDigit(c)) {
      end = scanEmail(i);
      if (end > 0) return 'email';
      end = scanDocNumber(i);
      if (end > 0) return 'docnumber';
      end = scanDate(i);
      if (end > 0) return 'date';
      end = scanNumber(i);
      if (at(end) !== 0x25 /* % */) return 'number';
      end++;
      return 'percent';
    }
    if (c === 0x2f) {
      end = scanDocNumber(i);
      if (end > 0) return 'docnumber';
    } else if (isLetter(c)) {
      end = scanUrl(i);
      if (end > 0) return 'url';
      end = scanEmail(i);
      if (end > 0) return 'email';
      end = i + 1;
      let digits = false;
      while (end < n) {
        const d = at(end);
        if (isDigit(d)) digits = true;
        else if (!isLetter(d)) break;
        end++;
      }
      if (digits) return 'alnum';
      const word = text.slice(i, end);
      return end - i >= 2 && isAllCaps(word) && !isValidSyllable(word) ? 'acronym' : 'syllable';
    }
    end = c >= 0xd800 && c <= 0xdbff && at(i + 1) >= 0xdc00 && at(i + 1) <= 0xdfff ? i + 2 : i + 1;
    return 'punct';
  };

  let i = 0;
  while (i < n) {
    const kind = scanToken(i, text.charCodeAt(i));
    tokens.push({ kind, value: text.slice(i, end), start: i, end });
    i = end;
  }
  return tokens;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(day: number, month: number, year: number): boolean {
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1]! + (month === 2 && leap ? 1 : 0);
}

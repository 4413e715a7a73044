/**
 * Heading numerals. Administrative documents number their parts I-, II-, III- (Roman, in capitals
 * before a title in capitals), 1., 2. and 1.1., 1.2. (Arabic): the numbering is a sequence, so a
 * line that starts where the next numeral is expected with characters that look like it is that
 * numeral: `IU MỤC TIÊU` after `I- MỤC ĐÍCH` is `II- MỤC TIÊU`, `L Mục tiêu chung` after it is
 * `1. Mục tiêu chung`, `3. L Nội dung` is `3.1. Nội dung`. The separator follows the document's
 * own headings (`I-` or `I.`). Only lines whose first characters are all look-alikes of the
 * expected numeral are touched.
 */

import { readsAsRoman, romanValue, toRoman } from '@sohoa/vi';

export interface HeadingRepair {
  start: number;
  end: number;
  raw: string;
  replacement: string;
  confidence: number;
  note: string;
}

/** Characters OCR writes for digits. */
const DIGIT_LOOKALIKES: Record<string, string[]> = {
  '1': ['1', 'l', 'I', '|', 'i', '!', 'L', ']', 'í', 'ì', 'j'],
  '2': ['2', 'Z', 'z'],
  '3': ['3'],
  '4': ['4', 'A'],
  '5': ['5', 'S', 's'],
  '6': ['6', 'b', 'G'],
  '7': ['7', 'T'],
  '8': ['8', 'B'],
  '9': ['9', 'g', 'q'],
  '0': ['0', 'O', 'o'],
};

function readsAsNumber(raw: string, n: number): boolean {
  const digits = String(n);
  if (raw.length !== digits.length) return false;
  for (let k = 0; k < raw.length; k++) if (!DIGIT_LOOKALIKES[digits[k]!]!.includes(raw[k]!)) return false;
  return true;
}

function mostlyCapitals(s: string): boolean {
  let upper = 0;
  let letters = 0;
  for (const c of s) {
    if (c.toLowerCase() !== c.toUpperCase()) {
      letters++;
      if (c === c.toUpperCase()) upper++;
    }
  }
  return letters >= 3 && upper / letters >= 0.8;
}

function startsWithCapital(s: string): boolean {
  const c = s.trimStart()[0];
  return c !== undefined && c !== c.toLowerCase();
}

const CLEAN_ROMAN = /^([IVX]{1,5})([-.])\s/;
const CLEAN_ARABIC = /^(\d{1,2})\.\s/;
const CLEAN_SUB = /^(\d{1,2})\.(\d{1,2})\.?\s/;

/** Heading numerals to repair in `text`, one per line at most. */
export function repairHeadings(text: string): HeadingRepair[] {
  const out: HeadingRepair[] = [];
  // The document's own style first: how its clean Roman headings end.
  let dash = 0;
  let dot = 0;
  for (const m of text.matchAll(/^[ \t]*[IVX]{1,5}([-.])\s+\S/gmu)) {
    if (m[1] === '-') dash++;
    else dot++;
  }
  const romanSep = dot > dash ? '.' : '-';
  // Parts lettered A., B., … over their headings: then a capital letter opening a line is such a part, not a
  // misread digit ("A. CẮT GIẢM …" after "3." is part A, not 4.).
  const letterParts = /^[ \t]*B\.\s+\p{Lu}/mu.test(text) && /^[ \t]*A\.\s+\p{Lu}/mu.test(text);
  let roman = 0;
  let arabic = 0;
  const sub = new Map<number, number>();
  let offset = 0;
  const lines = text.split('\n');
  // The clean Roman headings' values by line, to see what comes next.
  const romans = lines.map((l) => {
    const m = CLEAN_ROMAN.exec(l.trimStart());
    return m && mostlyCapitals(l.trimStart().slice(m[0].length)) ? romanValue(m[1]!) : 0;
  });
  let index = -1;
  for (const fullLine of lines) {
    index++;
    const lineStart = offset;
    offset += fullLine.length + 1;
    const indent = fullLine.length - fullLine.trimStart().length;
    const line = fullLine.slice(indent);
    const at = lineStart + indent;
    let m = CLEAN_ROMAN.exec(line);
    if (m && romanValue(m[1]!) > 0 && mostlyCapitals(line.slice(m[0].length))) {
      const value = romanValue(m[1]!);
      // A dropped I ("II." printed "III." after II., with IV. next): the sequence says which it is.
      const next = romans.slice(index + 1).find((v) => v > 0);
      if (value === roman && next === roman + 2) {
        const replacement = toRoman(roman + 1);
        out.push({
          start: at,
          end: at + m[1]!.length,
          raw: m[1]!,
          replacement,
          confidence: 0.9,
          note: `heading numeral: ${replacement} between ${toRoman(roman)} and ${toRoman(roman + 2)}`,
        });
        roman++;
        arabic = 0;
        sub.clear();
        continue;
      }
      roman = value;
      arabic = 0;
      sub.clear();
      continue;
    }
    m = CLEAN_SUB.exec(line);
    if (m) {
      const major = Number(m[1]);
      sub.set(major, Number(m[2]));
      continue;
    }
    m = CLEAN_ARABIC.exec(line);
    if (m) {
      const n = Number(m[1]);
      if (n === arabic + 1 || n === 1) arabic = n;
      // "3. L Nội dung": the sub-number read as a letter.
      const rest = line.slice(m[0].length);
      const subMatch = /^(\S{1,2}?)([.,]?)\s+(?=\S)/.exec(rest);
      if (subMatch && startsWithCapital(rest.slice(subMatch[0].length))) {
        const expected = (sub.get(n) ?? 0) + 1;
        const token = subMatch[1]!;
        if (!/^\d+$/.test(token) && readsAsNumber(token, expected)) {
          const end = at + m[0].length + subMatch[1]!.length + subMatch[2]!.length;
          const replacement = `${n}.${expected}.`;
          sub.set(n, expected);
          out.push({
            start: at,
            end,
            raw: text.slice(at, end),
            replacement,
            confidence: 0.9,
            note: `heading numeral: ${n}.${expected}. is the next sub-heading of ${n}.`,
          });
        }
      }
      continue;
    }
    const first = /^(\S{1,5})\s+(?=\S)/.exec(line);
    if (!first) continue;
    const token = first[1]!;
    const rest = line.slice(first[0].length);
    // Roman: a title in capitals after look-alikes of the next numeral.
    const expected = toRoman(roman + 1);
    if (
      expected !== '' &&
      !/^[IVX]+[-.]$/.test(token) &&
      readsAsRoman(token, expected + romanSep) &&
      mostlyCapitals(rest)
    ) {
      roman++;
      arabic = 0;
      sub.clear();
      out.push({
        start: at,
        end: at + token.length,
        raw: token,
        replacement: expected + romanSep,
        confidence: roman > 1 ? 0.9 : 0.75,
        note: `heading numeral: ${expected}${romanSep} is the next Roman heading`,
      });
      continue;
    }
    // Arabic: a title starting with a capital after look-alikes of the next number.
    if (startsWithCapital(rest) && !/\d/.test(token)) {
      const bare = token.replace(/[.,:;]$/, '');
      const expected = arabic + 1;
      if (
        bare.length > 0 &&
        readsAsNumber(bare, expected) &&
        (roman > 0 || arabic > 0) &&
        !(letterParts && /^\p{Lu}$/u.test(bare))
      ) {
        arabic = expected;
        out.push({
          start: at,
          end: at + token.length,
          raw: token,
          replacement: `${expected}.`,
          confidence: 0.85,
          note: `heading numeral: ${expected}. is the next numbered heading`,
        });
      }
    }
  }
  return out;
}

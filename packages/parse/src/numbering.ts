import type { SectionKind } from '@sohoa/model';
import { repairRoman, romanValue } from '@sohoa/vi';

/*
 * The numbering grammar of headings: "I-" / "I." (Roman), "1." (Arabic), "2.1." (decimal), "a)" (letter),
 * and the parts of legal texts: Phần / Chương / Mục / Điều / Khoản / Điểm. Bullets ("-", "+", "*", "(i)")
 * are not headings.
 */

export interface HeadingMarker {
  /** The number as it should be read, with its punctuation ("II.", "3.1.", "a)", "Điều 5."). */
  number: string;
  /** The number exactly as printed, when it differs (a repaired OCR leftover: "IL." read as "II."). */
  printed?: string;
  kind: SectionKind;
  /** Nesting style: the kind, and for decimals their depth ("decimal-2" for "2.1."). */
  style: string;
  /** The text after the number. */
  rest: string;
  /** Numeric value in its sequence (Roman and Arabic numbers, letters), for sequence checks. */
  value: number;
}

const LETTERS = 'abcdđeghiklmnopqrstuvxy';

export interface MarkerContext {
  /** The value the next Roman heading should have (previous + 1), to choose among OCR repairs. */
  expectedRoman?: number;
  /** The next capital-letter part ("B" after "A."): C, D, L, M, V and X are read as letters only then. */
  expectedUpper?: string;
}

/** "Phần thứ nhất", "Chương thứ hai": ordinal words. */
const ORDINALS: Record<string, number> = {
  nhất: 1,
  hai: 2,
  ba: 3,
  tư: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
};

const SEPARATOR = '[.\\-–:)]';
// A heading may be glued to its number when the number is followed by a capital ("I.MỤC TIÊU").
const ROMAN = new RegExp(
  `^([IVXLCl1|!HU]{1,6})\\s?(${SEPARATOR})(?:\\s+|$|(?=\\p{Lu}\\p{Ll}|\\p{Lu}{2}))(.*)$`,
  'u',
);

/**
 * Read the heading number at the start of a paragraph, or null when it has none. OCR leftovers on Roman
 * numerals are repaired ("IL." → "II.", "1I-" → "II-", "Il." → "II."), preferring the value the sequence
 * expects.
 */
export function parseHeadingMarker(input: string, context: MarkerContext = {}): HeadingMarker | null {
  const text = input.trim();
  if (!text) return null;

  // "Phần thứ nhất", "PHẦN THỨ HAI": a part (or chapter) numbered in words.
  const ordinal = /^(Phần|PHẦN|Chương|CHƯƠNG)\s+(thứ|THỨ)\s+(\p{L}+)\s*([.:\-–]?)\s*(.*)$/u.exec(text);
  if (ordinal) {
    const value = ORDINALS[ordinal[3]!.toLowerCase()];
    if (value) {
      const kind: SectionKind = ordinal[1]!.toLowerCase() === 'phần' ? 'part' : 'chapter';
      return {
        number: `${ordinal[1]} ${ordinal[2]} ${ordinal[3]}${ordinal[4] ?? ''}`,
        kind,
        style: kind,
        rest: ordinal[5] ?? '',
        value,
      };
    }
  }

  // "A. KẾT QUẢ ĐẠT ĐƯỢC": capital-letter parts above the Roman headings. Letters that are also Roman
  // numerals count only where the sequence expects them.
  const upper = /^([A-Z])\.\s*(?=\p{Lu})(.*)$/u.exec(text);
  if (upper && (!/[CDILMVX]/u.test(upper[1]!) || context.expectedUpper === upper[1])) {
    return {
      number: `${upper[1]}.`,
      kind: 'other',
      style: 'upper',
      rest: upper[2] ?? '',
      value: upper[1]!.charCodeAt(0) - 64,
    };
  }

  // Parts of legal texts.
  const legal =
    /^(Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC|Điều|ĐIỀU|Khoản|KHOẢN|Điểm|ĐIỂM)\s+([IVXLC]+|\d{1,3}[a-z]?|[a-zđ])(?=[\s.:\-–]|$)\s*([.:\-–]?)\s*(.*)$/u.exec(
      text,
    );
  if (legal) {
    const word = legal[1]!.toLowerCase();
    const token = legal[2]!;
    const sep = legal[3] ?? '';
    const rest = legal[4] ?? '';
    const kind: SectionKind =
      word === 'phần'
        ? 'part'
        : word === 'chương'
          ? 'chapter'
          : word === 'mục'
            ? 'section'
            : word === 'điều'
              ? 'article'
              : word === 'khoản'
                ? 'clause'
                : 'point';
    // "Mục đích", "Điều 9 Nghị định …" in running text: an article needs its period or colon, a section
    // (Mục) a Roman or Arabic number, a chapter or part an upper-case rest or nothing.
    const isNumber = /^(?:[IVXLC]+|\d+)$/u.test(token);
    if (kind === 'article' && !sep) return null;
    if ((kind === 'section' || kind === 'chapter' || kind === 'part') && !isNumber) return null;
    if (kind === 'clause' || kind === 'point') {
      if (!sep) return null;
    }
    const printedWord = legal[1]!;
    return {
      number: `${printedWord} ${token}${sep}`,
      kind,
      style: kind,
      rest,
      value: /^\d+$/u.test(token) ? Number(token) : romanValue(token) || LETTERS.indexOf(token) + 1,
    };
  }

  // Compound: "2.1.a.", "4.1.b)": a lettered point under a decimal number.
  const compound = /^(\d{1,2}(?:\.\d{1,2})+)\.([a-zđ])([.)])(?:\s+|$)(.*)$/u.exec(text);
  if (compound) {
    const parts = compound[1]!.split('.');
    return {
      number: `${compound[1]}.${compound[2]}${compound[3]}`,
      kind: 'decimal',
      style: `decimal-${parts.length + 1}`,
      rest: compound[4] ?? '',
      value: LETTERS.indexOf(compound[2]!) + 1,
    };
  }

  // Decimal: "2.1.", "1.3 ", "2.1.3."
  const decimal = /^(\d{1,2}(?:\.\d{1,2})+)(\.?)(?:\s+|$)(.*)$/u.exec(text);
  if (decimal && !/^\d{1,2}\.\d{3}/u.test(text)) {
    const digits = decimal[1]!.replace(/\s/gu, '');
    const parts = digits.split('.');
    return {
      number: `${digits}${decimal[2] ?? ''}`,
      kind: 'decimal',
      style: `decimal-${parts.length}`,
      rest: decimal[3] ?? '',
      value: Number(parts[parts.length - 1]),
    };
  }

  // Arabic: "1.", "1-", "1)", "12."
  const arabic = /^(\d{1,2})\s?([.\-–)])(?:\s+|$|(?=\p{Lu}\p{Ll}|\p{Lu}{2}))(.*)$/u.exec(text);
  if (arabic) {
    // "15/3/2026 …" or "1.280 tỷ" never get here; "2- " is a heading.
    return {
      number: `${arabic[1]}${arabic[2]}`,
      kind: 'arabic',
      style: 'arabic',
      rest: arabic[3] ?? '',
      value: Number(arabic[1]),
    };
  }

  // Roman, with OCR repairs: I may come out as l, 1, | or !; a stray L next to I is usually another I;
  // an I, or two touching ones, read as H or U ("IH-" for "II-"), trusted only where the sequence expects it.
  const roman = ROMAN.exec(text);
  if (roman) {
    const printed = roman[1]!;
    const sep = roman[2]!;
    const rest = roman[3] ?? '';
    if (/[IVXLC]/u.test(printed) || /^[l|!]+$/u.test(printed)) {
      const repaired = repairRoman(printed, context.expectedRoman);
      if (repaired) {
        const marker: HeadingMarker = {
          number: `${repaired.token}${sep}`,
          kind: 'roman',
          style: 'roman',
          rest,
          value: repaired.value,
        };
        if (repaired.token !== printed) marker.printed = `${printed}${sep}`;
        return marker;
      }
    }
  }

  // Letter: "a)", "b.", "đ)"
  const letter = /^([a-zđ])\s?(\)\s*|\.\s+)(.*)$/u.exec(text);
  if (letter) {
    return {
      number: `${letter[1]}${letter[2]!.trim()}`,
      kind: 'letter',
      style: 'letter',
      rest: letter[3] ?? '',
      value: LETTERS.indexOf(letter[1]!) + 1,
    };
  }
  return null;
}

/** Rank of a nesting style: lower ranks contain higher ones. */
export function styleRank(style: string): number {
  switch (style) {
    case 'part':
      return 0;
    case 'chapter':
      return 1;
    case 'upper':
      return 1.5;
    case 'section':
      return 2;
    case 'article':
      return 3;
    case 'roman':
      return 4;
    case 'arabic':
      return 5;
    case 'clause':
      return 5;
    case 'letter':
      return 20;
    case 'point':
      return 20;
    default: {
      const m = /^decimal-(\d+)$/u.exec(style);
      return m ? 4 + Number(m[1]) : 30;
    }
  }
}

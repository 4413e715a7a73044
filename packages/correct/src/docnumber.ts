/**
 * Repairs of document numbers ("Số 36-NQ/TW", "15/QĐ-UBND", "30/2020/NĐ-CP") that their grammar
 * makes certain. Only the document types are a closed set (Nghị định 30/2020 and Hướng dẫn
 * 36-HD/VPTW list them: `DOCUMENT_TYPES` of `@sohoa/vi`); issuers are not — a commune, a school
 * or a steering board coins its own code (`02/GĐN-ĐD`), so `ISSUERS` only says which codes are
 * common. Hence:
 * - a code that no code can be (a digit before a letter, `|`, a marked vowel: `7W`, `1U`, `ƯBND`)
 *   becomes the one known code that undoing one or two typical OCR confusions gives (`36-NQ/7W` →
 *   `36-NQ/TW`);
 * - an unknown type code (the first code) becomes the one known type one confusion away
 *   (`15/QD-UBND` → `15/QĐ-UBND`);
 * - any code that is a known code in other letter case takes its case (`QĐ-TTG` → `QĐ-TTg`);
 * - every other well-formed code stays as printed, known or not.
 * Digits misread as letters in the number or the year are repaired too (`3O` → `30`). Ambiguous
 * repairs are suggestions only.
 */

import { DOCUMENT_TYPE_ABBREVIATIONS, ISSUER_ABBREVIATIONS, isKnownAbbreviation, tokenize } from '@sohoa/vi';

export interface DocNumberRepair {
  start: number;
  end: number;
  raw: string;
  replacement: string;
  confidence: number;
  alternatives: string[];
  note: string;
}

/** What OCR writes for the characters of document codes, by what it wrote. */
const CODE_ALTERNATIVES: Record<string, string> = {
  '7': 'T',
  '1': 'ITL',
  '0': 'OQĐD',
  '5': 'S',
  '8': 'B',
  '2': 'Z',
  '6': 'G',
  '4': 'A',
  D: 'Đ',
  d: 'đĐ',
  Ð: 'Đ',
  ð: 'Đ',
  G: 'g',
  R: 'r',
  Y: 'y',
  H: 'h',
  I: 'iLT',
  l: 'ITi',
  i: 'I',
  '|': 'IL',
};

const DIGIT_ALTERNATIVES: Record<string, string> = {
  O: '0',
  o: '0',
  Q: '0',
  D: '0',
  I: '1',
  l: '1',
  '|': '1',
  i: '1',
  S: '5',
  s: '5',
  B: '8',
  Z: '2',
  z: '2',
  G: '6',
  b: '6',
  g: '9',
  q: '9',
  T: '7',
};

function alternativesOf(char: string): string[] {
  const out = new Set<string>();
  for (const a of CODE_ALTERNATIVES[char] ?? '') out.add(a);
  const upper = char.toUpperCase();
  if (upper !== char) out.add(upper);
  // Vowel marks that codes never carry (Ư for U): only Đ keeps its stroke.
  const bare = upper.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (bare !== upper && upper !== 'Đ') out.add(bare);
  out.delete(char);
  return [...out];
}

/**
 * Whether no code could be written so: a digit before a letter (term numbers follow the letters:
 * QH15), a bar, or a vowel mark (codes carry none; Đ is a letter of its own).
 */
function impossibleCode(segment: string): boolean {
  return /\p{N}\p{L}|\|/u.test(segment) || /[^\p{L}\p{N}]/u.test(segment.normalize('NFD'));
}

/** The known code equal to `segment` but for letter case (TTG → TTg), if exactly one. */
function caseRepair(segment: string): string | null {
  const found = KNOWN_BY_UPPER.get(segment.toUpperCase()) ?? [];
  return found.length === 1 && found[0] !== segment ? found[0]! : null;
}

/** Known codes repaired from `segment` with at most `budget` character changes, fewest first. */
function codeRepairs(
  segment: string,
  budget: number,
  isCode: (code: string) => boolean,
): { code: string; changes: number }[] {
  const chars = [...segment];
  const found = new Map<string, number>();
  const walk = (i: number, acc: string, changes: number) => {
    if (i === chars.length) {
      if (changes > 0 && isCode(acc)) {
        const prev = found.get(acc);
        if (prev === undefined || changes < prev) found.set(acc, changes);
      }
      return;
    }
    walk(i + 1, acc + chars[i], changes);
    if (changes < budget) for (const alt of alternativesOf(chars[i]!)) walk(i + 1, acc + alt, changes + 1);
  };
  if (chars.length <= 10) walk(0, '', 0);
  return [...found].map(([code, changes]) => ({ code, changes })).sort((a, b) => a.changes - b.changes);
}

function numberRepair(segment: string): string | null {
  if (!/\d/.test(segment) || segment.length > 5) return null;
  let out = '';
  for (const c of segment) {
    if (c >= '0' && c <= '9') out += c;
    else {
      const d = DIGIT_ALTERNATIVES[c];
      if (d === undefined) return null;
      out += d;
    }
  }
  return out === segment ? null : out;
}

/** A run that may be a document number: a number (or nothing) then codes joined by - and /. */
const RUN = /(?:[\p{N}OoIlSBZ|]*\d[\p{N}OoIlSBZ|]*|(?=\/))(?:[-/][\p{L}\p{N}|]+)+/uy;
const RUN_CHAR = /[\p{L}\p{M}\p{N}/|-]/u;

/** Runs of letters, digits, - and / around each slash, matched from their start against RUN. */
function* documentNumberRuns(text: string): Generator<{ index: number; raw: string }> {
  let from = 0;
  for (;;) {
    const slash = text.indexOf('/', from);
    if (slash < 0) return;
    let a = slash;
    while (a > 0 && RUN_CHAR.test(text[a - 1]!)) a--;
    let b = slash + 1;
    while (b < text.length && RUN_CHAR.test(text[b]!)) b++;
    from = b;
    RUN.lastIndex = a;
    const m = RUN.exec(text);
    if (m !== null) yield { index: a, raw: m[0] };
  }
}

const isDocumentType = (code: string) => DOCUMENT_TYPE_ABBREVIATIONS.has(code);

/** Known codes by their upper case. */
const KNOWN_BY_UPPER = (() => {
  const map = new Map<string, string[]>();
  for (const code of [...DOCUMENT_TYPE_ABBREVIATIONS, ...ISSUER_ABBREVIATIONS]) {
    const list = map.get(code.toUpperCase()) ?? [];
    if (!list.includes(code)) list.push(code);
    map.set(code.toUpperCase(), list);
  }
  return map;
})();

function isDocNumber(text: string): boolean {
  const tokens = tokenize(text);
  return tokens.length === 1 && tokens[0]!.kind === 'docnumber';
}

/** Every document number in `text` that a closed-set repair makes valid. */
export function repairDocumentNumbers(text: string): DocNumberRepair[] {
  const out: DocNumberRepair[] = [];
  for (const match of documentNumberRuns(text)) {
    const raw = match.raw;
    if (!raw.includes('/')) continue;
    const parts = raw.split(/([-/])/);
    let changed = false;
    let confidence = 1;
    const ambiguous: { k: number; code: string }[] = [];
    const notes: string[] = [];
    let codes = 0;
    for (let k = 0; k < parts.length; k += 2) {
      const segment = parts[k]!;
      if (segment === '') continue;
      if (/^\d+$/.test(segment)) continue;
      const asNumber = numberRepair(segment);
      const hasLetter = /\p{L}/u.test(segment);
      if (asNumber !== null && (k === 0 || !hasLetter || /^\d*[OoIlSBZ|]\d*$/.test(segment))) {
        // Number or year: letters inside digits are misread digits.
        if (k === 0 || /^\d{2,4}$/.test(asNumber)) {
          parts[k] = asNumber;
          changed = true;
          confidence = Math.min(confidence, 0.9);
          notes.push(`${segment} → ${asNumber}: a letter among digits`);
          continue;
        }
      }
      codes++;
      if (isKnownAbbreviation(segment)) continue;
      const isType = codes === 1;
      const cased = caseRepair(segment);
      if (cased !== null) {
        parts[k] = cased;
        changed = true;
        confidence = Math.min(confidence, 0.95);
        notes.push(`${segment} → ${cased}: a known code in other letter case`);
        continue;
      }
      // A well-formed unknown issuer is someone's own code; a well-formed unknown type may be one
      // confusion from a type of the closed list.
      const impossible = impossibleCode(segment);
      if (!impossible && !isType) continue;
      const repairs = impossible
        ? codeRepairs(segment, 2, isKnownAbbreviation)
        : codeRepairs(segment, 1, isDocumentType);
      if (repairs.length === 0) continue;
      const best = repairs[0]!;
      const tied = repairs.filter((r) => r.changes === best.changes);
      if (tied.length > 1) {
        // Ambiguous: a suggestion only (the confidence stays below any sensible threshold).
        parts[k] = best.code;
        changed = true;
        for (const r of tied.slice(1)) ambiguous.push({ k, code: r.code });
        confidence = Math.min(confidence, 1 / (tied.length + 1));
        notes.push(`${segment}: ${tied.map((r) => r.code).join(' or ')}?`);
        continue;
      }
      parts[k] = best.code;
      changed = true;
      confidence = Math.min(confidence, best.changes === 1 ? 0.95 : 0.8);
      notes.push(
        `${segment} → ${best.code}: the only known code within ${best.changes} OCR confusion${best.changes > 1 ? 's' : ''}`,
      );
    }
    if (!changed || codes === 0) continue;
    const replacement = parts.join('');
    if (!isDocNumber(replacement)) continue;
    const alternatives = ambiguous.map(({ k, code }) => parts.map((p, j) => (j === k ? code : p)).join(''));
    out.push({
      start: match.index,
      end: match.index + raw.length,
      raw,
      replacement,
      confidence,
      alternatives,
      note: `document number: ${notes.join('; ')}`,
    });
  }
  return out;
}

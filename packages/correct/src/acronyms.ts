/**
 * Acronyms broken by a misread letter, repaired from the document's own evidence: where a document writes
 * `BHXH` many times, a lone `BHXII` (H read as II) is that acronym. Only a rare capital token that is one
 * look-alike substitution away from a frequent one is touched, never a known abbreviation, and never inside
 * a document number (`36-NQ/TW`), which has its own rules.
 */

import { isKnownAbbreviation } from '@sohoa/vi';

export interface AcronymRepair {
  start: number;
  end: number;
  raw: string;
  replacement: string;
  confidence: number;
  note: string;
  reason: 'acronym';
}

/** What OCR writes for a capital or digit in an acronym: printed → read. */
const READ_AS: [string, string][] = [
  ['H', 'II'],
  ['H', 'IL'],
  ['H', 'LI'],
  ['M', 'RN'],
  ['M', 'IVI'],
  ['D', 'CL'],
  ['O', '0'],
  ['I', '1'],
  ['I', 'L'],
  ['S', '5'],
  ['B', '8'],
  ['G', '6'],
  ['Z', '2'],
  ['Đ', 'D'],
  ['Ư', 'U'],
  ['Ơ', 'O'],
];

const TOKEN = /(?<![\p{L}\p{N}/\-.])[\p{Lu}\d]{2,8}(?![\p{L}\p{N}/-])/gu;
/** A document must use the acronym this often for a lone variant to be read as it. */
const FREQUENT = 3;

/** The readings OCR could give of `acronym` with one look-alike substitution. */
function misreadingsOf(acronym: string): string[] {
  const out: string[] = [];
  for (const [printed, read] of READ_AS) {
    for (let at = acronym.indexOf(printed); at >= 0; at = acronym.indexOf(printed, at + 1)) {
      out.push(acronym.slice(0, at) + read + acronym.slice(at + printed.length));
    }
  }
  return out;
}

export function repairAcronyms(text: string): AcronymRepair[] {
  const counts = new Map<string, number>();
  const seen: { token: string; index: number }[] = [];
  for (const m of text.matchAll(TOKEN)) {
    // Letters, not a number: at least two capitals.
    if ((m[0].match(/\p{Lu}/gu) ?? []).length < 2) continue;
    counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    seen.push({ token: m[0], index: m.index });
  }
  // Each misreading of a frequent acronym points back to it (a misreading shared by two is ambiguous).
  const source = new Map<string, string | null>();
  for (const [acronym, n] of counts) {
    if (n < FREQUENT) continue;
    for (const reading of misreadingsOf(acronym)) {
      if (reading === acronym) continue;
      source.set(reading, source.has(reading) && source.get(reading) !== acronym ? null : acronym);
    }
  }
  const out: AcronymRepair[] = [];
  for (const { token, index } of seen) {
    const acronym = source.get(token);
    if (!acronym) continue;
    const n = counts.get(token)!;
    // The variant itself must be rare, rarer than the acronym, and no abbreviation of its own.
    if (n >= FREQUENT || n * 3 > counts.get(acronym)! || isKnownAbbreviation(token)) continue;
    out.push({
      start: index,
      end: index + token.length,
      raw: token,
      replacement: acronym,
      confidence: 0.9,
      note: `${token} → ${acronym}: the document writes ${acronym} ${counts.get(acronym)} times`,
      reason: 'acronym',
    });
  }
  return out;
}

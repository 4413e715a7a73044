/**
 * Vowel marks written as separate ASCII or typographic characters. Engines without Vietnamese
 * support read the horn of ơ and ư as an apostrophe or an asterisk after the vowel: `CO'` for `cơ`,
 * `nưó’c` for `nước`, `bưó*c` for `bước`, `trỏ'` for `trở`, `tù’` for `từ`. A run of letters and
 * such marks is read again with each mark put back on the vowel before it; the reading is kept
 * only when it is a Vietnamese syllable, so apostrophes in English or in quotes stay as they are.
 */

import { parseSyllable, setTone } from '@sohoa/vi';

/** Characters that stand for a horn after o or u. */
export const HORN_LOOKALIKES = "'’‘ʼ`*";

const HORN: Record<string, string> = { o: 'ơ', u: 'ư', ô: 'ơ', O: 'Ơ', U: 'Ư', Ô: 'Ơ' };

const ANY_MARK = /['’‘ʼ`*]/;

/** A run of letters with look-alike marks inside or at its end, not preceded by a letter. */
const RUN = /[\p{L}\p{M}]+(?:['’‘ʼ`*]+[\p{L}\p{M}]*)+/gu;

export interface LookalikeRepair {
  start: number;
  end: number;
  /** As written. */
  raw: string;
  /** The syllable it stands for, in the case it was written in. */
  reading: string;
}

/** Moves the horn onto the vowel before each look-alike mark; null when a mark follows no o/u. */
function hornify(run: string): string | null {
  let out = '';
  for (const char of run) {
    if (HORN_LOOKALIKES.includes(char)) {
      const prev = out.slice(-1);
      const nfd = prev.normalize('NFD');
      const base = nfd[0] ?? '';
      const horned = HORN[base];
      if (horned === undefined) {
        // A vowel that already has its horn ("ơ'"): the mark is a duplicate.
        if (base === 'ơ' || base === 'ư' || base === 'Ơ' || base === 'Ư') continue;
        return null;
      }
      // Keep the tone the vowel carried: ó' → ớ.
      const tones = nfd.slice(1).replace(/[\u0302\u031b]/g, '');
      out = out.slice(0, -1) + (horned + tones).normalize('NFC');
    } else out += char;
  }
  return out;
}

/**
 * Places the tone by the spelling rules once the horns are back ("nưó’c" → "nước"), in NFC: a
 * combining tone typed after the look-alike mark ("O’̉") lands on the horned vowel only then.
 */
function canonical(horned: string): string | null {
  const word = horned.normalize('NFC');
  const parsed = parseSyllable(word.toLowerCase(), { strictTonePlacement: false });
  if (parsed === null) return null;
  if (parsed.placement !== 'misplaced') return word;
  return setTone(word, parsed.tone) ?? null;
}

/** Every run of letters and look-alike marks that reads as one Vietnamese syllable. */
export function findLookalikes(text: string): LookalikeRepair[] {
  const out: LookalikeRepair[] = [];
  if (!ANY_MARK.test(text)) return out;
  for (const match of text.matchAll(RUN)) {
    const start = match.index;
    let raw = match[0];
    // A quote closing after the word ("'thơ'") is punctuation: only marks right after o/u count,
    // and a trailing mark only when the run has no opening quote before it.
    if (start > 0 && HORN_LOOKALIKES.includes(text[start - 1]!)) continue;
    const horned = hornify(raw.normalize('NFC'));
    if (horned === null) {
      // Try without the trailing marks (a closing quote after a word).
      const trimmed = raw.replace(/['’‘ʼ`*]+$/u, '');
      if (trimmed === raw) continue;
      raw = trimmed;
      const h = hornify(raw.normalize('NFC'));
      if (h === null || h === raw.normalize('NFC')) continue;
      const reading = canonical(h);
      if (reading !== null) out.push({ start, end: start + raw.length, raw, reading });
      continue;
    }
    const reading = canonical(horned);
    if (reading !== null) out.push({ start, end: start + raw.length, raw, reading });
  }
  return out;
}

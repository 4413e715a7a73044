/**
 * Text accuracy measures used by tests, benchmarks and evaluations: character and word
 * error rates by edit distance over NFC text with whitespace collapsed, so that line
 * breaks and block spacing (layout, not reading) do not count as errors.
 */

import { distance as levenshtein } from 'fastest-levenshtein';

export function normalizeForScoring(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * Levenshtein distance between two sequences (code points or words), compared with `===`.
 *
 * The distance is computed by fastest-levenshtein (Myers' bit-parallel algorithm), which compares strings
 * by UTF-16 code unit: each element becomes one code unit. Only elements found in both sequences need a
 * code of their own; every element of one side alone can never match, so they share one code per side.
 * That keeps the alphabet within the 65 536 code units whatever the length of the texts.
 */
export function editDistance<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length === 0 || b.length === 0) return a.length + b.length;
  const inB = new Set(b);
  const codes = new Map<T, number>();
  const ONLY_A = 0;
  const ONLY_B = 1;
  let next = 2;
  const encodeA = (items: readonly T[], only: number, other: Set<T>): string => {
    const units = new Uint16Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      let code = codes.get(item);
      if (code === undefined) {
        if (!other.has(item)) code = only;
        else {
          if (next > 0xffff) throw new RangeError('editDistance: more than 65 534 distinct shared elements');
          code = next++;
          codes.set(item, code);
        }
      }
      units[i] = code;
    }
    return unitsToString(units);
  };
  const left = encodeA(a, ONLY_A, inB);
  // Every element of b shared with a has its code by now; the others are b's alone.
  const right = unitsToString(Uint16Array.from(b, (item) => codes.get(item) ?? ONLY_B));
  return levenshtein(left, right);
}

function unitsToString(units: Uint16Array): string {
  let out = '';
  // In chunks: String.fromCharCode takes its units as arguments, and the stack bounds their number.
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192));
  return out;
}

/** Character error rate of `hypothesis` against `reference` (edits / reference length). */
export function cer(reference: string, hypothesis: string): number {
  const ref = Array.from(normalizeForScoring(reference));
  const hyp = Array.from(normalizeForScoring(hypothesis));
  if (ref.length === 0) return hyp.length === 0 ? 0 : 1;
  return editDistance(ref, hyp) / ref.length;
}

/** Word error rate (edits over whitespace-separated words / reference words). */
export function wer(reference: string, hypothesis: string): number {
  const ref = normalizeForScoring(reference).split(' ').filter(Boolean);
  const hyp = normalizeForScoring(hypothesis).split(' ').filter(Boolean);
  if (ref.length === 0) return hyp.length === 0 ? 0 : 1;
  return editDistance(ref, hyp) / ref.length;
}

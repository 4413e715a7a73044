/**
 * Text accuracy measures used by tests, benchmarks and evaluations: character and word
 * error rates by edit distance over NFC text with whitespace collapsed, so that line
 * breaks and block spacing (layout, not reading) do not count as errors.
 */

export function normalizeForScoring(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Levenshtein distance between two sequences (code points or words). */
export function editDistance<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length < b.length) return editDistance(b, a);
  let prev = new Uint32Array(b.length + 1);
  let curr = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (ai === b[j - 1] ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = curr[j - 1]! + 1;
      curr[j] = sub < del ? Math.min(sub, ins) : Math.min(del, ins);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length]!;
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

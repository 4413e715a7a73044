/**
 * Word alignment of a reference text with an OCR reading or a correction of it, for calibration
 * and evaluation: a banded edit-distance alignment over words where a substitution costs less the
 * more alike the words are, and one word may face two (a word OCR split, two it ran together).
 */

import { baseLetters, editDistance } from '@sohoa/vi';

export interface AlignedPair {
  /** Reference words [from, to). */
  ref: [number, number];
  /** Hypothesis words [from, to). */
  hyp: [number, number];
}

/** Rows of the word edit distance, reused (words are short). */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * Levenshtein distance of two words over UTF-16 units: NFC Vietnamese is all in the BMP, so units
 * are letters. A plain loop: the general `editDistance` costs more to set up than a word takes.
 */
function wordDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return n + m;
  if (m + 1 > rowA.length) {
    rowA = new Int32Array(2 * (m + 1));
    rowB = new Int32Array(2 * (m + 1));
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const sub = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}

function distance(a: string, b: string): number {
  if (a === b) return 0;
  return 0.4 + (0.6 * wordDistance(a, b)) / Math.max(a.length, b.length, 1);
}

/** Aligns word sequences; every word of both sides is in exactly one pair (some ranges empty). */
export function alignWords(ref: readonly string[], hyp: readonly string[], band = 80): AlignedPair[] {
  const n = ref.length;
  const m = hyp.length;
  const W = m + 1;
  const INF = Number.POSITIVE_INFINITY;
  const dp = new Float64Array((n + 1) * W).fill(INF);
  const move = new Uint8Array((n + 1) * W);
  dp[0] = 0;
  const width = Math.max(band, Math.abs(n - m) + band);
  const center = (i: number) => Math.round((i * m) / Math.max(n, 1));
  for (let i = 0; i <= n; i++) {
    const lo = Math.max(0, center(i) - width);
    const hi = Math.min(m, center(i) + width);
    for (let j = lo; j <= hi; j++) {
      const here = dp[i * W + j]!;
      if (here === INF) continue;
      const relax = (di: number, dj: number, cost: number, code: number) => {
        const at = (i + di) * W + (j + dj);
        if (here + cost < dp[at]!) {
          dp[at] = here + cost;
          move[at] = code;
        }
      };
      if (i < n && j < m) relax(1, 1, distance(ref[i]!, hyp[j]!), 1);
      if (i < n) relax(1, 0, 1, 2);
      if (j < m) relax(0, 1, 1, 3);
      if (i < n && j + 1 < m) relax(1, 2, 0.2 + distance(ref[i]!, hyp[j]! + hyp[j + 1]!), 4);
      if (i + 1 < n && j < m) relax(2, 1, 0.2 + distance(ref[i]! + ref[i + 1]!, hyp[j]!), 5);
    }
  }
  const pairs: AlignedPair[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const code = move[i * W + j]!;
    const [di, dj] =
      code === 1
        ? [1, 1]
        : code === 2
          ? [1, 0]
          : code === 3
            ? [0, 1]
            : code === 4
              ? [1, 2]
              : code === 5
                ? [2, 1]
                : i > 0
                  ? [1, 0]
                  : [0, 1];
    pairs.push({ ref: [i - di, i], hyp: [j - dj, j] });
    i -= di;
    j -= dj;
  }
  return pairs.reverse();
}

/**
 * Whitespace-separated words, NFC. With `core`, punctuation is stripped off their ends, leaders of
 * dots separate words and words without a letter or digit are dropped ("đối," → "đối", "......" →
 * nothing, "số……ngày" → "số", "ngày"): scores of the words themselves, punctuation aside.
 */
export function words(text: string, core = false): string[] {
  const nfc = text.normalize('NFC');
  if (!core) return nfc.split(/\s+/u).filter(Boolean);
  // A leader of dots between two words of a form ("số……ngày") is punctuation, as a space would be.
  return nfc
    .replace(/(?:\.{2,}|…)[.…,]*/gu, ' ')
    .split(/\s+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

/** A group of reference words the OCR got wrong, how, and what the correction made of it. */
export interface WrongGroup {
  kind: 'misread' | 'lost' | 'figures' | 'garbled';
  reference: string;
  ocr: string;
  corrected: string;
  fixed: boolean;
}

export interface WordScore {
  /** Reference words. */
  words: number;
  /** Reference words the OCR got wrong. */
  wrongBefore: number;
  /** ... that the correction got right. */
  fixed: number;
  /** ... that are misreadings: one or two words of letters read as one or two words with the same
   * letters but for marks and at most one letter (not lost, not layout debris, not figures or
   * footnote marks, which a corrector leaves alone) — what a corrector can fix. */
  misread: number;
  /** ... of those, fixed. */
  misreadFixed: number;
  /** Wrong words the OCR lost altogether (nothing read in their place). */
  lost: number;
  /** Wrong words that are figures or footnote marks, or stand in a group with one. */
  figures: number;
  /** Reference words the OCR got right. */
  rightBefore: number;
  /** ... that the correction got wrong. */
  broken: number;
}

/** Which reference words a hypothesis has exactly right (aligned one to one, identical). */
export function rightWords(ref: readonly string[], hyp: readonly string[]): Uint8Array {
  const right = new Uint8Array(ref.length);
  for (const p of alignWords(ref, hyp)) {
    if (p.ref[1] - p.ref[0] === 1 && p.hyp[1] - p.hyp[0] === 1 && ref[p.ref[0]] === hyp[p.hyp[0]])
      right[p.ref[0]] = 1;
  }
  return right;
}

/**
 * Wrong words fixed and right words broken by a correction, against the reference. The corrected
 * text is aligned with the OCR text it came from (nearly the same words, so the alignment is
 * reliable) and through it with the reference: a group of reference words is right after correction
 * when the corrected words standing for its OCR words are exactly those words.
 */
export function scoreCorrection(
  reference: string,
  ocr: string,
  corrected: string,
  core = false,
  onWrong?: (group: WrongGroup) => void,
): WordScore {
  const ref = words(reference, core);
  const hyp = words(ocr, core);
  const out = words(corrected, core);
  const refToOcr = alignWords(ref, hyp);
  // Corrected words of each OCR word; a corrected word shared by two OCR groups counts for neither.
  const ofOcr: number[][] = Array.from({ length: hyp.length }, () => []);
  for (const p of alignWords(hyp, out)) {
    for (let j = p.ref[0]; j < p.ref[1]; j++) for (let c = p.hyp[0]; c < p.hyp[1]; c++) ofOcr[j]!.push(c);
  }
  const owner = new Int32Array(out.length).fill(-1);
  refToOcr.forEach((p, g) => {
    for (let j = p.hyp[0]; j < p.hyp[1]; j++) {
      for (const c of ofOcr[j]!) owner[c] = owner[c] === -1 || owner[c] === g ? g : -2;
    }
  });
  const s: WordScore = {
    words: ref.length,
    wrongBefore: 0,
    fixed: 0,
    misread: 0,
    misreadFixed: 0,
    lost: 0,
    figures: 0,
    rightBefore: 0,
    broken: 0,
  };
  refToOcr.forEach((p, g) => {
    const nr = p.ref[1] - p.ref[0];
    if (nr === 0) return;
    const before = nr === 1 && p.hyp[1] - p.hyp[0] === 1 && ref[p.ref[0]] === hyp[p.hyp[0]];
    const mine = new Set<number>();
    let shared = false;
    for (let j = p.hyp[0]; j < p.hyp[1]; j++) {
      for (const c of ofOcr[j]!) {
        if (owner[c] !== g) shared = true;
        mine.add(c);
      }
    }
    const after =
      !shared &&
      mine.size === nr &&
      [...mine].sort((a, b) => a - b).every((c, k) => out[c] === ref[p.ref[0] + k]);
    if (before) {
      s.rightBefore += nr;
      if (!after) s.broken += nr;
    } else {
      s.wrongBefore += nr;
      if (after) s.fixed += nr;
      const nh = p.hyp[1] - p.hyp[0];
      const group = ref.slice(p.ref[0], p.ref[1]);
      // Words of letters only: a figure or footnote mark the OCR dropped or garbled ("2 Doanh" read
      // "Doanh", "lại8" read "lại") is a lost token, and numbers are left alone by design.
      const wordsOfLetters = group.every((w) => /\p{L}/u.test(w)) && !/\p{N}/u.test(group.join(''));
      let kind: WrongGroup['kind'] = 'garbled';
      if (nh === 0) kind = 'lost';
      else if (!wordsOfLetters) kind = 'figures';
      else if (nh <= 2 && nr <= 2) {
        const bareA = baseLetters(group.join('')).replace(/[^\p{L}\p{N}]/gu, '');
        const bareB = baseLetters(hyp.slice(p.hyp[0], p.hyp[1]).join('')).replace(/[^\p{L}\p{N}]/gu, '');
        if (bareA.length > 0 && editDistance([...bareA], [...bareB]) <= 1) kind = 'misread';
      }
      if (kind === 'misread') {
        s.misread += nr;
        if (after) s.misreadFixed += nr;
      } else if (kind === 'lost') s.lost += nr;
      else if (kind === 'figures') s.figures += nr;
      onWrong?.({
        kind,
        reference: group.join(' '),
        ocr: hyp.slice(p.hyp[0], p.hyp[1]).join(' '),
        corrected: [...mine]
          .sort((x, y) => x - y)
          .map((c) => out[c])
          .join(' '),
        fixed: after,
      });
    }
  });
  return s;
}

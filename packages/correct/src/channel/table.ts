/**
 * The channel cost table: how OCR misreads Vietnamese, as costs in log10 units (cost = −log10 P).
 * The committed table (`costs.json`) is derived by `scripts/make-pairs.mjs --calibrate` from held-out
 * corpus pages rendered, degraded and read by sohoa's OCR; `PRIOR_TABLE` is the hand-set prior it is
 * smoothed towards (and what confusions never seen in calibration cost).
 *
 * All edit costs are conditional on the word being misread: a candidate's cost is
 * `entry(p_err) + Σ edit costs`, the identity's is `−log10(1 − p_err)` (see `cost.ts`).
 */

import calibrated from './costs.json' with { type: 'json' };

export interface ChannelTable {
  version: 1;
  /** What the table was derived from. */
  source: string;
  /** P(a word is misread) when nothing else is known (plain text input). */
  errorRate: number;
  /** P(a word is misread) by OCR word confidence: [upper bound of the bin (0–100), P]. */
  errorByConfidence: [number, number][];
  /**
   * How much more (or less) often than average a word is misread, by its true tone: OCR loses or
   * swaps some marks (hỏi, ngã) far more than it damages words without them.
   */
  errorByTone: number[];
  /** tone[read][true]: cost of reading tone `read` for `true` (ngang huyền sắc hỏi ngã nặng). */
  tone: number[][];
  /** Each tone mark beyond the first on one word ("đỉến"). */
  extraTone: number;
  /** mark[base][read][true] over marks none ^ ( + - (see letters.ts), for a e o u d. */
  mark: Record<string, number[][]>;
  /** Letter substitutions "read>true" ("h>b", "rn>m", "7>t"); either side may be several letters. */
  sub: Record<string, number>;
  /** A substitution not in `sub`. */
  defaultSub: number;
  /** OCR added a letter that is not there (raw has it, the candidate not). */
  insert: number;
  /** OCR dropped a letter. */
  delete: number;
  /** OCR split one word into two ("tri en"). */
  split: number;
  /** OCR joined two words into one ("trongy"). */
  merge: number;
}

const T = (ngang: number, huyen: number, sac: number, hoi: number, nga: number, nang: number) => [
  ngang,
  huyen,
  sac,
  hoi,
  nga,
  nang,
];

/**
 * Prior costs, set by hand from what OCR engines are known to confuse: tone marks lost or swapped
 * for a similar-looking one (sắc/hỏi/ngã are small strokes above; nặng a dot below), vowel marks
 * lost more often than added, letters of similar shape.
 */
export const PRIOR_TABLE: ChannelTable = {
  version: 1,
  source: 'prior',
  errorRate: 0.05,
  errorByConfidence: [
    [30, 0.6],
    [50, 0.35],
    [70, 0.15],
    [85, 0.05],
    [95, 0.02],
    [100, 0.01],
  ],
  errorByTone: [0.8, 0.9, 1, 1.6, 1.6, 1],
  // rows: tone read; columns: true tone
  tone: [
    T(0, 0.6, 0.6, 0.6, 0.8, 0.7),
    T(0.8, 0, 1.2, 1.2, 1.4, 1.6),
    T(0.8, 1.0, 0, 0.4, 0.8, 1.4),
    T(0.8, 1.2, 0.6, 0, 0.7, 1.6),
    T(0.9, 1.4, 1.0, 0.7, 0, 1.6),
    T(0.8, 1.6, 1.4, 1.6, 1.6, 0),
  ],
  extraTone: 1.0,
  mark: {
    // [read][true] over none ^ ( + -
    a: [
      [0, 0.6, 0.7, 9, 9],
      [0.9, 0, 0.8, 9, 9],
      [0.9, 0.8, 0, 9, 9],
      [9, 9, 9, 9, 9],
      [9, 9, 9, 9, 9],
    ],
    e: [
      [0, 0.6, 9, 9, 9],
      [0.9, 0, 9, 9, 9],
      [9, 9, 9, 9, 9],
      [9, 9, 9, 9, 9],
      [9, 9, 9, 9, 9],
    ],
    o: [
      [0, 0.6, 9, 0.6, 9],
      [0.9, 0, 9, 0.8, 9],
      [9, 9, 9, 9, 9],
      [0.9, 0.8, 9, 0, 9],
      [9, 9, 9, 9, 9],
    ],
    u: [
      [0, 9, 9, 0.6, 9],
      [9, 9, 9, 9, 9],
      [9, 9, 9, 9, 9],
      [0.9, 9, 9, 0, 9],
      [9, 9, 9, 9, 9],
    ],
    d: [
      [0, 9, 9, 9, 0.7],
      [9, 9, 9, 9, 9],
      [9, 9, 9, 9, 9],
      [9, 9, 9, 9, 9],
      [1.0, 9, 9, 9, 0],
    ],
  },
  sub: {
    // shapes: letters
    'h>b': 1.4,
    'b>h': 1.4,
    'n>u': 1.4,
    'u>n': 1.4,
    'c>e': 1.4,
    'e>c': 1.4,
    'o>e': 1.6,
    'e>o': 1.6,
    'o>a': 1.6,
    'a>o': 1.6,
    'c>o': 1.8,
    'i>l': 1.4,
    'l>i': 1.4,
    'l>t': 1.6,
    't>l': 1.6,
    'i>t': 1.8,
    'f>t': 1.6,
    't>f': 1.6,
    'n>h': 1.8,
    'h>n': 1.8,
    'r>t': 1.8,
    'v>y': 1.8,
    'y>v': 1.8,
    'g>q': 1.8,
    'q>g': 1.8,
    'k>h': 1.8,
    's>x': 2.0,
    'x>s': 2.0,
    // several letters
    'rn>m': 1.0,
    'm>rn': 1.4,
    'rn>n': 1.6,
    'cl>d': 1.0,
    'd>cl': 1.4,
    'in>m': 1.6,
    'ni>m': 1.6,
    'm>in': 1.8,
    'ii>u': 1.4,
    'i1>u': 1.4,
    'il>u': 1.6,
    'li>u': 1.6,
    'li>h': 1.6,
    'lı>h': 1.6,
    'vv>w': 1.6,
    // digits and signs for letters
    '1>l': 1.2,
    '1>i': 1.4,
    '1>t': 2.0,
    '0>o': 1.4,
    '7>t': 1.4,
    '5>s': 1.6,
    '8>b': 1.8,
    '6>b': 2.0,
    '4>a': 2.2,
    '|>l': 1.4,
    '|>i': 1.6,
    '!>l': 1.8,
    '!>i': 1.8,
  },
  defaultSub: 3.0,
  insert: 2.2,
  delete: 2.2,
  split: 1.6,
  merge: 1.8,
};

/** The table in use: calibrated where calibration saw data, the prior elsewhere. */
export const DEFAULT_TABLE: ChannelTable =
  (calibrated as { version?: number }).version === 1 ? (calibrated as unknown as ChannelTable) : PRIOR_TABLE;

/** P(misread) for a word of OCR confidence `confidence` (0–100), or the text rate when unknown. */
export function errorRateOf(table: ChannelTable, confidence: number | undefined): number {
  if (confidence === undefined) return table.errorRate;
  for (const [upper, p] of table.errorByConfidence) if (confidence <= upper) return p;
  return table.errorByConfidence[table.errorByConfidence.length - 1]?.[1] ?? table.errorRate;
}

/** P(misread) of a word whose true tone is `tone` (0–5), from the word's overall rate. */
export function errorRateForTone(table: ChannelTable, rate: number, tone: number): number {
  return Math.min(0.9, Math.max(1e-4, rate * (table.errorByTone?.[tone] ?? 1)));
}

/**
 * Confusion counts: misread words explained by their cheapest edits, counted into the tone, mark and
 * letter confusions and their denominators (every count conditional on the word being misread), and
 * turned back into costs smoothed towards a prior table. Shared by the calibration on paired pages
 * (calibrate.ts) and the re-estimation from one document's or batch's repairs (document.ts).
 */

import type { EditOp } from './cost.js';
import { lettersOf, marksOf, wordTone } from './letters.js';
import type { ChannelTable } from './table.js';

export interface ConfusionCounts {
  /** toneNum[read][true], and misread words by their true tone. */
  toneNum: number[][];
  toneDen: number[];
  /** markNum[base][read][true], and letters of each base by their true mark. */
  markNum: Record<string, number[][]>;
  markDen: Record<string, number[]>;
  /** "read>true" substitutions, and true letter strings (one or two letters) they could replace. */
  subNum: Map<string, number>;
  letterDen: Map<string, number>;
}

export function emptyCounts(): ConfusionCounts {
  const markNum: Record<string, number[][]> = {};
  const markDen: Record<string, number[]> = {};
  for (const b of ['a', 'e', 'o', 'u', 'd']) {
    markNum[b] = Array.from({ length: 5 }, () => new Array<number>(5).fill(0));
    markDen[b] = new Array<number>(5).fill(0);
  }
  return {
    toneNum: Array.from({ length: 6 }, () => new Array<number>(6).fill(0)),
    toneDen: new Array<number>(6).fill(0),
    markNum,
    markDen,
    subNum: new Map(),
    letterDen: new Map(),
  };
}

/** Counts one misread word, true form `truth`, explained by the edits `ops`. */
export function countMisreading(counts: ConfusionCounts, ops: readonly EditOp[], truth: string): void {
  const { toneNum, toneDen, markNum, markDen, subNum, letterDen } = counts;
  const tl = lettersOf(truth);
  const tTone = wordTone(tl.tones).tone;
  toneDen[tTone]!++;
  let toneChanged = false;
  for (const op of ops) {
    if (op.kind === 'tone') {
      toneNum[op.read]![op.true]!++;
      toneChanged = true;
    } else if (op.kind === 'mark') {
      if (markNum[op.base]) markNum[op.base]![op.read]![op.true]!++;
    } else if (op.kind === 'sub') {
      const key = `${op.read}>${op.true}`;
      subNum.set(key, (subNum.get(key) ?? 0) + 1);
    }
  }
  if (!toneChanged) toneNum[tTone]![tTone]!++;
  for (let k = 0; k < tl.bases.length; k++) {
    const b = tl.bases[k]!;
    if (markDen[b] && marksOf(b).length > 1) markDen[b]![tl.marks[k]!]!++;
  }
  const bare = tl.bases.join('');
  for (let a = 0; a < bare.length; a++)
    for (let e = a + 1; e <= Math.min(bare.length, a + 2); e++) {
      const s = bare.slice(a, e);
      letterDen.set(s, (letterDen.get(s) ?? 0) + 1);
    }
}

/** −log10 of `num / den` smoothed towards the prior cost with `pseudo` counts' weight, in [0.05, 6]. */
export function smoothedCost(num: number, den: number, priorCost: number, pseudo: number): number {
  const p = (num + pseudo * 10 ** -priorCost) / (den + pseudo);
  return Math.min(6, Math.max(0.05, -Math.log10(p)));
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * The tone, mark and letter costs the counts give, smoothed towards `prior` (an impossible
 * confusion, cost 9 or more, stays so). Substitutions are the prior's and those counted twice or
 * more; a new one is smoothed towards the prior's default.
 */
export function confusionCosts(
  counts: ConfusionCounts,
  prior: ChannelTable,
  pseudo: number,
): Pick<ChannelTable, 'tone' | 'mark' | 'sub'> {
  const { toneNum, toneDen, markNum, markDen, subNum, letterDen } = counts;
  const cost = (num: number, den: number, priorCost: number) =>
    priorCost >= 9 ? priorCost : round(smoothedCost(num, den, priorCost, pseudo));
  const tone = prior.tone.map((row, r) =>
    row.map((p, t) => (r === t ? 0 : cost(toneNum[r]![t]!, toneDen[t]!, p))),
  );
  const mark: Record<string, number[][]> = {};
  for (const [b, matrix] of Object.entries(prior.mark)) {
    mark[b] = matrix.map((row, r) =>
      row.map((p, t) => (r === t ? 0 : cost(markNum[b]?.[r]?.[t] ?? 0, markDen[b]?.[t] ?? 0, p))),
    );
  }
  const sub: Record<string, number> = {};
  const keys = new Set([...Object.keys(prior.sub), ...[...subNum].filter(([, n]) => n >= 2).map(([k]) => k)]);
  for (const key of [...keys].sort()) {
    const truth = key.slice(key.indexOf('>') + 1);
    sub[key] = cost(subNum.get(key) ?? 0, letterDen.get(truth) ?? 0, prior.sub[key] ?? prior.defaultSub);
  }
  return { tone, mark, sub };
}

/**
 * Calibration of the channel cost table from paired data: pages whose printed text is known and
 * that sohoa's OCR read back (`scripts/make-pairs.mjs`). Words are aligned, each misread word is
 * explained by the cheapest edit under the current table, the edits are counted, and costs become
 * −log10 of their smoothed conditional frequencies. Two rounds: the second explains the words with
 * the costs of the first. Counts are smoothed towards the prior table with a few pseudo-counts, so
 * confusions never seen keep their prior cost.
 */

import { tokenize } from '@sohoa/vi';
import { alignWords } from '../align.js';
import { compileTable, editCost } from './cost.js';
import { confusionCosts, countMisreading, emptyCounts, smoothedCost } from './counts.js';
import { lettersOf, wordTone } from './letters.js';
import { type ChannelTable, PRIOR_TABLE } from './table.js';

export interface PairedPage {
  /** The printed text. */
  gt: string;
  /** The OCR reading: lines of words with their confidence (0–100). */
  ocr: { lines: { text: string; confidence: number }[][] };
}

export interface CalibrationStats {
  pages: number;
  words: number;
  misread: number;
  explained: number;
  splits: number;
  merges: number;
}

const WORD_KINDS = new Set(['syllable', 'acronym', 'alnum']);
const ALIGN_KINDS = new Set(['syllable', 'acronym', 'alnum', 'number', 'percent', 'date', 'docnumber']);
const BINS = [30, 50, 70, 85, 95, 100];
const PSEUDO = 4;

interface Tok {
  text: string;
  word: boolean;
  confidence: number;
}

function tokensOf(text: string, confidence: number): Tok[] {
  const out: Tok[] = [];
  for (const t of tokenize(text.normalize('NFC'))) {
    if (ALIGN_KINDS.has(t.kind))
      out.push({ text: t.value.toLowerCase(), word: WORD_KINDS.has(t.kind), confidence });
  }
  return out;
}

const smoothed = (num: number, den: number, priorCost: number) => smoothedCost(num, den, priorCost, PSEUDO);

const round = (x: number) => Math.round(x * 100) / 100;

/** One round: counts edits explained under `table`, returns the table they give. */
function round1(pages: readonly PairedPage[], table: ChannelTable, stats: CalibrationStats): ChannelTable {
  const ct = compileTable(table);
  const counts = emptyCounts();
  let inserts = 0;
  let deletes = 0;
  let readLetters = 0;
  let trueLetters = 0;
  let extra = 0;
  const toneWords = new Array<number>(6).fill(0);
  const toneMisread = new Array<number>(6).fill(0);
  const binTotal = new Array<number>(BINS.length).fill(0);
  const binErr = new Array<number>(BINS.length).fill(0);
  let words = 0;
  let misread = 0;
  let splits = 0;
  let merges = 0;
  let explained = 0;
  for (const page of pages) {
    const ref = tokensOf(page.gt, 100);
    const hyp: Tok[] = [];
    for (const line of page.ocr.lines) for (const w of line) hyp.push(...tokensOf(w.text, w.confidence));
    const pairs = alignWords(
      ref.map((t) => t.text),
      hyp.map((t) => t.text),
    );
    for (const p of pairs) {
      const nr = p.ref[1] - p.ref[0];
      const nh = p.hyp[1] - p.hyp[0];
      const refWords = ref.slice(p.ref[0], p.ref[1]);
      const hypWords = hyp.slice(p.hyp[0], p.hyp[1]);
      const right = nr === 1 && nh === 1 && refWords[0]!.text === hypWords[0]!.text;
      for (const h of hypWords) {
        const bin = Math.max(
          0,
          BINS.findIndex((b) => h.confidence <= b),
        );
        binTotal[bin] = binTotal[bin]! + 1;
        if (!right) binErr[bin] = binErr[bin]! + 1;
      }
      if (!refWords.some((t) => t.word)) continue;
      words += nr;
      for (const t of refWords) {
        const tone = wordTone(lettersOf(t.text).tones).tone;
        toneWords[tone] = toneWords[tone]! + 1;
        if (!right) toneMisread[tone] = toneMisread[tone]! + 1;
      }
      if (right) continue;
      misread += nr;
      // Explain one-to-one misreadings of words, and words split or run together.
      let read: string;
      let truth: string;
      if (nr === 1 && nh === 1) {
        read = hypWords[0]!.text;
        truth = refWords[0]!.text;
      } else if (nr === 1 && nh === 2) {
        read = hypWords[0]!.text + hypWords[1]!.text;
        truth = refWords[0]!.text;
        splits++;
      } else if (nr === 2 && nh === 1) {
        read = hypWords[0]!.text;
        truth = refWords[0]!.text + refWords[1]!.text;
        merges++;
      } else continue;
      if (!refWords.every((t) => t.word) || !hypWords.every((t) => t.word)) continue;
      const { cost, ops } = editCost(ct, read, truth, true);
      if (cost > 8) continue; // not a misreading of this word: a misalignment
      explained++;
      const rl = lettersOf(read);
      if (wordTone(rl.tones).marked > 1) extra++;
      countMisreading(counts, ops, truth);
      for (const op of ops) {
        if (op.kind === 'insert') inserts++;
        else if (op.kind === 'delete') deletes++;
      }
      const tl = lettersOf(truth);
      readLetters += rl.bases.length;
      trueLetters += tl.bases.length;
    }
  }
  stats.pages = pages.length;
  stats.words = words;
  stats.misread = misread;
  stats.explained = explained;
  stats.splits = splits;
  stats.merges = merges;

  const { tone, mark, sub } = confusionCosts(counts, PRIOR_TABLE, PSEUDO);
  const errorByConfidence: [number, number][] = BINS.map((upper, k) => {
    const prior = PRIOR_TABLE.errorByConfidence[k]?.[1] ?? 0.05;
    const p = (binErr[k]! + PSEUDO * prior) / (binTotal[k]! + PSEUDO);
    return [upper, Math.round(p * 10000) / 10000];
  });
  const overall = misread / Math.max(1, words);
  const errorByTone = toneWords.map((n, t) => {
    const prior = PRIOR_TABLE.errorByTone[t]!;
    // Smoothed towards the prior ratio with 200 words' weight.
    const rate = (toneMisread[t]! + 200 * prior * overall) / (n + 200);
    return Math.round((rate / Math.max(overall, 1e-9)) * 100) / 100;
  });
  return {
    version: 1,
    source: `calibrated on ${pages.length} held-out pages read by sohoa's OCR (${words} words, ${misread} misread)`,
    errorRate: Math.round(((misread + PSEUDO * PRIOR_TABLE.errorRate) / (words + PSEUDO)) * 10000) / 10000,
    errorByConfidence,
    errorByTone,
    tone,
    extraTone: round(smoothed(extra, explained, PRIOR_TABLE.extraTone)),
    mark,
    sub,
    defaultSub: PRIOR_TABLE.defaultSub,
    insert: round(smoothed(inserts, readLetters, PRIOR_TABLE.insert)),
    delete: round(smoothed(deletes, trueLetters, PRIOR_TABLE.delete)),
    split: round(smoothed(splits, explained, PRIOR_TABLE.split)),
    merge: round(smoothed(merges, explained, PRIOR_TABLE.merge)),
  };
}

/**
 * Share of the prior in the final costs. The pages were read by one engine (Tesseract's `vie`
 * model on one font); other engines and scans confuse other things (tone marks lost rather than
 * swapped, horns as apostrophes). The final channel is a mixture: P = (1 − m)·P_calibrated +
 * m·P_prior, so what the calibration never saw stays as likely as the prior says, scaled by m.
 */
export const PRIOR_SHARE = 0.25;

function mix(calibrated: number, prior: number): number {
  if (prior >= 9) return prior;
  const p = (1 - PRIOR_SHARE) * 10 ** -calibrated + PRIOR_SHARE * 10 ** -prior;
  return round(-Math.log10(p));
}

/** The calibrated table mixed with the prior (see `PRIOR_SHARE`). */
export function mixWithPrior(table: ChannelTable): ChannelTable {
  const sub: Record<string, number> = {};
  for (const [key, cost] of Object.entries(table.sub))
    sub[key] = mix(cost, PRIOR_TABLE.sub[key] ?? PRIOR_TABLE.defaultSub);
  const mark: Record<string, number[][]> = {};
  for (const [b, matrix] of Object.entries(table.mark)) {
    mark[b] = matrix.map((row, r) => row.map((c, t) => (r === t ? 0 : mix(c, PRIOR_TABLE.mark[b]![r]![t]!))));
  }
  return {
    ...table,
    errorByTone: table.errorByTone.map(
      (ratio, t) =>
        Math.round(((1 - PRIOR_SHARE) * ratio + PRIOR_SHARE * PRIOR_TABLE.errorByTone[t]!) * 100) / 100,
    ),
    tone: table.tone.map((row, r) => row.map((c, t) => (r === t ? 0 : mix(c, PRIOR_TABLE.tone[r]![t]!)))),
    mark,
    sub,
    extraTone: mix(table.extraTone, PRIOR_TABLE.extraTone),
    insert: mix(table.insert, PRIOR_TABLE.insert),
    delete: mix(table.delete, PRIOR_TABLE.delete),
    split: mix(table.split, PRIOR_TABLE.split),
    merge: mix(table.merge, PRIOR_TABLE.merge),
  };
}

/** The channel table calibrated on `pages` (mixed with the prior), with what it was counted from. */
export function calibrate(pages: readonly PairedPage[]): { table: ChannelTable; stats: CalibrationStats } {
  const stats: CalibrationStats = { pages: 0, words: 0, misread: 0, explained: 0, splits: 0, merges: 0 };
  let table = PRIOR_TABLE;
  for (let k = 0; k < 2; k++) table = round1(pages, table, stats);
  return { table: mixWithPrior(table), stats };
}

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
import { lettersOf, marksOf, wordTone } from './letters.js';
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

function smoothed(num: number, den: number, priorCost: number): number {
  const prior = 10 ** -priorCost;
  const p = (num + PSEUDO * prior) / (den + PSEUDO);
  return Math.min(6, Math.max(0.05, -Math.log10(p)));
}

const round = (x: number) => Math.round(x * 100) / 100;

/** One round: counts edits explained under `table`, returns the table they give. */
function round1(pages: readonly PairedPage[], table: ChannelTable, stats: CalibrationStats): ChannelTable {
  const ct = compileTable(table);
  const toneNum = Array.from({ length: 6 }, () => new Array<number>(6).fill(0));
  const toneDen = new Array<number>(6).fill(0);
  const markNum: Record<string, number[][]> = {};
  const markDen: Record<string, number[]> = {};
  for (const b of ['a', 'e', 'o', 'u', 'd']) {
    markNum[b] = Array.from({ length: 5 }, () => new Array<number>(5).fill(0));
    markDen[b] = new Array<number>(5).fill(0);
  }
  const subNum = new Map<string, number>();
  const letterDen = new Map<string, number>();
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
  const substrings = (s: string): string[] => {
    const out: string[] = [];
    for (let a = 0; a < s.length; a++)
      for (let b = a + 1; b <= Math.min(s.length, a + 2); b++) out.push(s.slice(a, b));
    return out;
  };
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
      const tl = lettersOf(truth);
      const rl = lettersOf(read);
      const tTone = wordTone(tl.tones).tone;
      toneDen[tTone]!++;
      if (wordTone(rl.tones).marked > 1) extra++;
      let toneChanged = false;
      for (const op of ops) {
        switch (op.kind) {
          case 'tone':
            toneNum[op.read]![op.true]!++;
            toneChanged = true;
            break;
          case 'mark':
            if (markNum[op.base]) markNum[op.base]![op.read]![op.true]!++;
            break;
          case 'sub':
            subNum.set(`${op.read}>${op.true}`, (subNum.get(`${op.read}>${op.true}`) ?? 0) + 1);
            break;
          case 'insert':
            inserts++;
            break;
          case 'delete':
            deletes++;
            break;
        }
      }
      if (!toneChanged) toneNum[tTone]![tTone]!++;
      for (let k = 0; k < tl.bases.length; k++) {
        const b = tl.bases[k]!;
        if (markDen[b] && marksOf(b).length > 1) markDen[b]![tl.marks[k]!]!++;
      }
      const bareTruth = tl.bases.join('');
      for (const s of substrings(bareTruth)) letterDen.set(s, (letterDen.get(s) ?? 0) + 1);
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

  const tone = PRIOR_TABLE.tone.map((row, r) =>
    row.map((prior, t) => (r === t ? 0 : round(smoothed(toneNum[r]![t]!, toneDen[t]!, prior)))),
  );
  const mark: Record<string, number[][]> = {};
  for (const [b, matrix] of Object.entries(PRIOR_TABLE.mark)) {
    mark[b] = matrix.map((row, r) =>
      row.map((prior, t) => {
        if (r === t) return 0;
        if (prior >= 9) return prior;
        return round(smoothed(markNum[b]?.[r]?.[t] ?? 0, markDen[b]?.[t] ?? 0, prior));
      }),
    );
  }
  const sub: Record<string, number> = {};
  const keys = new Set([
    ...Object.keys(PRIOR_TABLE.sub),
    ...[...subNum].filter(([, n]) => n >= 2).map(([k]) => k),
  ]);
  for (const key of [...keys].sort()) {
    const truth = key.slice(key.indexOf('>') + 1);
    const prior = PRIOR_TABLE.sub[key] ?? PRIOR_TABLE.defaultSub;
    sub[key] = round(smoothed(subNum.get(key) ?? 0, letterDen.get(truth) ?? 0, prior));
  }
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

/**
 * The document's own confusions. Engines and scans differ: one loses hỏi for sắc, another horns,
 * another reads `cl` for `d`. A first pass's confident corrections say which confusions this
 * document makes; counted like the calibration counts its pages (each repair explained by its
 * cheapest edit, costs conditional on the word being misread), they re-estimate the table's tone,
 * mark and letter costs for the document, smoothed towards the table it was read with so that a
 * handful of repairs moves it only a little and a confusion never seen keeps its cost.
 */

import { type CompiledTable, compileTable, editCost } from './cost.js';
import { lettersOf, marksOf, wordTone } from './letters.js';
import type { ChannelTable } from './table.js';

/** A word as read and as repaired (lower case). */
export interface Repair {
  read: string;
  truth: string;
}

/** Weight of the table the document was read with, in repaired words. */
export const DOCUMENT_PSEUDO = 10;
/** Fewer repairs than this say too little about a document to re-estimate anything. */
export const MIN_REPAIRS = 8;

const MARK_BASES = ['a', 'e', 'o', 'u', 'd'];

function reestimated(num: number, den: number, baseCost: number): number {
  if (baseCost >= 9) return baseCost;
  const p = (num + DOCUMENT_PSEUDO * 10 ** -baseCost) / (den + DOCUMENT_PSEUDO);
  return Math.round(Math.min(6, Math.max(0.05, -Math.log10(p))) * 100) / 100;
}

/**
 * The table `base` re-estimated from a document's repairs (`null` when there are too few of them, or
 * none the table explains). Only confusion costs move; error rates stay the caller's business.
 */
export function documentTable(
  base: ChannelTable,
  ct: CompiledTable,
  repairs: readonly Repair[],
): ChannelTable | null {
  if (repairs.length < MIN_REPAIRS) return null;
  const toneNum = Array.from({ length: 6 }, () => new Array<number>(6).fill(0));
  const toneDen = new Array<number>(6).fill(0);
  const markNum: Record<string, number[][]> = {};
  const markDen: Record<string, number[]> = {};
  for (const b of MARK_BASES) {
    markNum[b] = Array.from({ length: 5 }, () => new Array<number>(5).fill(0));
    markDen[b] = new Array<number>(5).fill(0);
  }
  const subNum = new Map<string, number>();
  const letterDen = new Map<string, number>();
  let explained = 0;
  for (const { read, truth } of repairs) {
    const { cost, ops } = editCost(ct, read, truth, true);
    if (cost > 8) continue;
    explained++;
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
  if (explained < MIN_REPAIRS) return null;
  const tone = base.tone.map((row, r) =>
    row.map((cost, t) => (r === t ? 0 : reestimated(toneNum[r]![t]!, toneDen[t]!, cost))),
  );
  const mark: Record<string, number[][]> = {};
  for (const [b, matrix] of Object.entries(base.mark)) {
    mark[b] = matrix.map((row, r) =>
      row.map((cost, t) =>
        r === t ? 0 : reestimated(markNum[b]?.[r]?.[t] ?? 0, markDen[b]?.[t] ?? 0, cost),
      ),
    );
  }
  const sub: Record<string, number> = {};
  for (const [key, cost] of Object.entries(base.sub)) {
    const truth = key.slice(key.indexOf('>') + 1);
    sub[key] = reestimated(subNum.get(key) ?? 0, letterDen.get(truth) ?? 0, cost);
  }
  // A confusion the table lacks, seen twice in this document, becomes one of its confusions.
  for (const [key, n] of subNum) {
    if (key in sub || n < 2) continue;
    const truth = key.slice(key.indexOf('>') + 1);
    sub[key] = reestimated(n, letterDen.get(truth) ?? 0, base.defaultSub);
  }
  return {
    ...base,
    source: `${base.source}, re-estimated on ${explained} repairs`,
    tone,
    mark,
    sub,
  };
}

/** `documentTable` compiled, for the second pass. */
export function compiledDocumentTable(
  base: ChannelTable,
  ct: CompiledTable,
  repairs: readonly Repair[],
): CompiledTable | null {
  const table = documentTable(base, ct, repairs);
  return table === null ? null : compileTable(table);
}

/** A correction as `correct` reports it (the fields the batch learner reads). */
interface ReportedCorrection {
  original: string;
  replacement: string;
  reason: string;
  applied: boolean;
}

const LETTER_REASONS = new Set(['tone', 'mark', 'letter']);

/** The one-word repairs of letters, marks and tones a correction run applied, in lower case. */
export function repairsOf(corrections: readonly ReportedCorrection[]): Repair[] {
  const out: Repair[] = [];
  for (const c of corrections) {
    if (!c.applied || !LETTER_REASONS.has(c.reason)) continue;
    const read = c.original.normalize('NFC').toLowerCase();
    const truth = c.replacement.normalize('NFC').toLowerCase();
    if (read === truth || /\s/u.test(read) || /\s/u.test(truth)) continue;
    out.push({ read, truth });
  }
  return out;
}

/**
 * A batch's own confusions: the table `base` re-estimated from the repairs a first run over a
 * collection applied (`results` of `correct`), for a second run with `{ table }`. Engines nobody
 * calibrated are learnt this way; `null` when the batch repaired too little to say anything.
 */
export function learnTable(
  results: readonly { corrections: readonly ReportedCorrection[] }[],
  base: ChannelTable,
): ChannelTable | null {
  const repairs: Repair[] = [];
  for (const r of results) repairs.push(...repairsOf(r.corrections));
  return documentTable(base, compileTable(base), repairs);
}

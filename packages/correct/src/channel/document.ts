/**
 * The document's own confusions. Engines and scans differ: one loses hỏi for sắc, another horns,
 * another reads `cl` for `d`. A first pass's confident corrections say which confusions this
 * document makes; counted like the calibration counts its pages (each repair explained by its
 * cheapest edit, costs conditional on the word being misread), they re-estimate the table's tone,
 * mark and letter costs for the document, smoothed towards the table it was read with so that a
 * handful of repairs moves it only a little and a confusion never seen keeps its cost.
 */

import { type CompiledTable, compileTable, editCost } from './cost.js';
import { confusionCosts, countMisreading, emptyCounts } from './counts.js';
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
  const counts = emptyCounts();
  let explained = 0;
  for (const { read, truth } of repairs) {
    const { cost, ops } = editCost(ct, read, truth, true);
    if (cost > 8) continue;
    explained++;
    countMisreading(counts, ops, truth);
  }
  if (explained < MIN_REPAIRS) return null;
  return {
    ...base,
    source: `${base.source}, re-estimated on ${explained} repairs`,
    ...confusionCosts(counts, base, DOCUMENT_PSEUDO),
  };
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

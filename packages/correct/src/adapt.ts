/**
 * The document learnt as it is read. Scans and engines differ: a first pass at the table's rates and
 * costs shows how badly this document was read and what it confuses, and a second pass decodes with
 * what it showed — its own error rate (higher for a poor scan, lower for a clean transcription) and
 * its own confusion costs (channel/document.ts). Only the sentences a second pass can move are
 * decoded again.
 */

import { compileTable, editCost } from './channel/cost.js';
import { documentTable, type Repair } from './channel/document.js';
import { type DecodeOptions, decode, type Option, type Slot } from './decode.js';
import type { Engine } from './engine.js';
import { buildSlots, type OcrEvidence, type SlotPlan } from './lattice.js';
import type { SyllableLm } from './lm/index.js';
import { prefilter } from './prefilter.js';
import type { Unit } from './units.js';

/** A document is read again with its own rate when the first pass finds this many times the errors its rates expect. */
const ADAPT_TRIGGER = 1.5;
/** …and with its own rate when it finds fewer than 1/this of them (a clean transcription). */
const ADAPT_CLEAN_TRIGGER = 3;
/** Weight of the expected rate, in words, in the document's estimate. */
const ADAPT_PRIOR_WORDS = 200;

/**
 * The document's misreading rate as the first pass saw it: words changed over words, shrunk to the
 * expected rate for short texts.
 */
function documentErrorRate(plan: SlotPlan, choice: ArrayLike<number>): number {
  let words = 0;
  let changed = 0;
  for (let i = 0; i < plan.slots.length; i++) {
    if (plan.infos[i] === null) continue;
    words++;
    if (choice[i]! > 0) changed++;
  }
  return Math.min(0.3, (changed + ADAPT_PRIOR_WORDS * plan.expected) / (words + ADAPT_PRIOR_WORDS));
}

/**
 * A document's rate scale on a grid of sixteenths of a decade: documents read alike share their slot
 * options (slotOptions caches them by rate) instead of each building its own.
 */
function rateScale(scale: number): number {
  return 10 ** (Math.round(16 * Math.log10(scale)) / 16);
}

/**
 * Decodes again only the sentences holding a slot `redo` names; the others keep their choices in
 * `before` (sentences are decoded apart, so nothing outside them can move).
 */
function decodeSentences(
  lm: SyllableLm,
  slots: readonly Slot[],
  before: Int32Array,
  options: DecodeOptions,
  redo: (slot: number) => boolean,
): Int32Array {
  const choice = Int32Array.from(before);
  let start = 0;
  while (start < slots.length) {
    let end = start + 1;
    while (end < slots.length && !slots[end]!.breakBefore) end++;
    let again = false;
    for (let k = start; k < end && !again; k++) again = redo(k);
    if (again) choice.set(decode(lm, slots.slice(start, end), options), start);
    start = end;
  }
  return choice;
}

/**
 * The plan with its letter candidates' costs re-estimated from the repairs `choice` makes (see
 * channel/document.ts), or null when they are too few to say anything.
 */
function withDocumentConfusions(
  engine: Engine,
  plan: SlotPlan,
  choice: Int32Array,
): { plan: SlotPlan; moved: Uint8Array } | null {
  const repairs: Repair[] = [];
  for (let i = 0; i < plan.slots.length; i++) {
    const c = choice[i]!;
    const info = plan.infos[i];
    if (c <= 0 || info == null) continue;
    const opt = plan.slots[i]!.options[c]!;
    if (opt.reason === 'letter' && opt.span === 1 && opt.ids.length === 1)
      repairs.push({ read: info.form, truth: opt.text });
  }
  const table = documentTable(engine.ct.table, engine.ct, repairs);
  if (table === null) return null;
  const ct = compileTable(table);
  const delta = new Map<string, number>();
  const moved = new Uint8Array(plan.slots.length);
  const slots = plan.slots.map((slot, i): Slot => {
    const info = plan.infos[i];
    if (slot.options.length < 2 || info == null) return slot;
    let changed = false;
    const options = slot.options.map((opt, o): Option => {
      if (o === 0 || opt.reason !== 'letter' || opt.span !== 1) return opt;
      const key = `${info.form}\u0000${opt.text}`;
      let d = delta.get(key);
      if (d === undefined) {
        d = editCost(ct, info.form, opt.text).cost - tableEditCost(engine, info.form, opt.text);
        delta.set(key, d);
      }
      if (Math.abs(d) < MOVED_COST) return opt;
      changed = true;
      return { ...opt, cost: opt.cost + d };
    });
    if (!changed) return slot;
    moved[i] = 1;
    return { options, breakBefore: slot.breakBefore };
  });
  return { plan: { ...plan, slots }, moved };
}

/** A re-estimated cost that moves less than this (log10) leaves its option as it was. */
const MOVED_COST = 0.05;

/** Edit costs under an engine's own table, kept: the same readings and candidates recur across documents. */
const tableEditCosts = new WeakMap<Engine, Map<string, number>>();

function tableEditCost(engine: Engine, read: string, candidate: string): number {
  let costs = tableEditCosts.get(engine);
  if (costs === undefined) {
    costs = new Map();
    tableEditCosts.set(engine, costs);
  }
  const key = `${read}\u0000${candidate}`;
  let cost = costs.get(key);
  if (cost === undefined) {
    cost = editCost(engine.ct, read, candidate).cost;
    if (costs.size > 200_000) costs.clear();
    costs.set(key, cost);
  }
  return cost;
}

/**
 * The plan and choices after the document's own rate and confusions (see the module's comment);
 * `errorRate` given by the caller fixes the rate.
 */
export function adaptToDocument(
  lm: SyllableLm,
  engine: Engine,
  units: Unit[],
  evidence: OcrEvidence,
  plan: SlotPlan,
  choice: Int32Array,
  options: { decode: DecodeOptions; margin: number; errorRate: number | undefined },
): { plan: SlotPlan; choice: Int32Array } {
  const decodeOptions = options.decode;
  const margin = options.margin;
  // Scans differ: a document where the first pass changed far more words than its misreading rates
  // (the prior for plain text, the OCR confidences' for a document) expect is read again with those
  // rates scaled to what it found. A badly scanned page has runs of neighbouring errors, which the
  // calibrated rates would not believe.
  if (options.errorRate === undefined) {
    const { expected } = plan;
    const rate = documentErrorRate(plan, choice);
    if (rate > ADAPT_TRIGGER * expected) {
      plan = buildSlots(engine, units, evidence, undefined, rateScale(rate / expected));
      prefilter(lm, plan.slots, margin, decodeOptions.channelWeight);
      choice = decode(lm, plan.slots, decodeOptions);
    } else if (rate < expected / ADAPT_CLEAN_TRIGGER) {
      // A clean transcription the other way: far fewer errors than expected make every change less
      // likely. A lower rate changes no sentence the first pass left alone: only the others are
      // decoded again.
      const first = choice;
      plan = buildSlots(engine, units, evidence, undefined, rateScale(rate / expected));
      prefilter(lm, plan.slots, margin, decodeOptions.channelWeight);
      choice = decodeSentences(lm, plan.slots, first, decodeOptions, (k) => first[k] !== 0);
    }
  }
  // The document's own confusions: what this pass repaired re-estimates the letter and mark costs,
  // and the text is decoded again with them. A slot whose costs did not move is the same, already
  // filtered slot, so the choices kept for its sentence still name the same options.
  const relearnt = withDocumentConfusions(engine, plan, choice);
  if (relearnt !== null) {
    plan = relearnt.plan;
    prefilter(lm, plan.slots, margin, decodeOptions.channelWeight);
    choice = decodeSentences(lm, plan.slots, choice, decodeOptions, (k) => relearnt.moved[k] === 1);
  }
  return { plan, choice };
}

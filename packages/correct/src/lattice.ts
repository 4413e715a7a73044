/**
 * The lattice the decoder reads: one slot per word, number or comma, each with its options — the
 * reading, its candidates from the channel model (costs at the word's misreading rate), the joins
 * with the next word, and the alternatives the OCR itself offered. Options are cached per rate and
 * reading, so a word met a thousand times is costed once.
 */

import type { Candidate } from './candidates/generate.js';
import { type ChannelTable, errorRateForTone, errorRateOf } from './channel/table.js';
import type { Option, Slot } from './decode.js';
import type { Engine, WordInfo } from './engine.js';
import type { OcrWordChoices } from './input.js';
import type { Unit } from './units.js';

const LOG10 = Math.log10;

/** log10 share of one word in the LM's <unk> class, and of one acronym in <acr>. */
const UNK_PENALTY = 1.5;
/** See slotOptions. */
const UNIGRAM_MARGIN = 6;
/** Misreading rates whose slot options are kept at once (see slotOptions). */
const MEMO_RATES = 64;
const ACR_PENALTY = 1.5;

/** The OCR confidence of the words over [start, end) of the piece being corrected, if known. */
export type ConfidenceOf = (start: number, end: number) => number | undefined;
/** The OCR's alternatives of the word starting at `start` of the piece and covering up to `end`, if any. */
export type ChoicesOf = (start: number, end: number) => OcrWordChoices | undefined;

/** What the OCR said of the piece's words beyond their letters. */
export interface OcrEvidence {
  confidenceOf: ConfidenceOf;
  choicesOf: ChoicesOf;
}

/**
 * The options of a slot without joins: the reading, then its candidates, with channel costs for the
 * misreading rate `pErr`. Shared between slots with the same reading and rate (never mutated).
 */
function slotOptions(engine: Engine, unit: Unit, info: WordInfo | null, pErr: number): readonly Option[] {
  let byRate = engine.memo.get(pErr);
  if (byRate === undefined) {
    // Every OCR confidence and every document rate is a rate of its own: in a long run (a batch,
    // a long text read piece by piece) the rates, not only the readings, must be bounded.
    if (engine.memo.size >= MEMO_RATES) engine.memo.clear();
    byRate = new Map();
    engine.memo.set(pErr, byRate);
  }
  const key =
    unit.kind === 'class' || unit.kind === 'fixed'
      ? `${unit.kind}:${unit.raw}`
      : unit.kind === 'acronym'
        ? `A:${unit.reading}`
        : unit.reading;
  const cached = byRate.get(key);
  if (cached !== undefined) return cached;
  const lm = engine.lm;
  const table = engine.ct.table;
  const keep = -LOG10(1 - pErr);
  const misread = -LOG10(pErr);
  const keepAs = (tone: number) => -LOG10(1 - errorRateForTone(table, pErr, tone));
  const misreadAs = (tone: number) => -LOG10(errorRateForTone(table, pErr, tone));
  const opts: Option[] = [];
  if (info !== null) {
    // A class token stands for many words: one unknown word or acronym is far less likely.
    // A rare spelling of common letters (câp beside cấp) is trusted no more than an unknown word.
    const acronym = unit.kind === 'acronym';
    const classPenalty =
      info.id === lm.unk || (!acronym && !info.attested && lm.kind(info.id) === 'syllable')
        ? UNK_PENALTY
        : info.id === lm.id('<acr>')
          ? ACR_PENALTY
          : 0;
    opts.push({
      ids: [info.id],
      cost: (acronym ? keep : keepAs(info.tone)) + classPenalty,
      span: 1,
      text: unit.reading,
      reason: 'unicode',
    });
    // Candidates that lose to the reading by more than UNIGRAM_MARGIN on unigrams alone would need
    // an implausibly strong context: dropped here, once per reading.
    const own = lm.logProb(-1, -1, info.id) - opts[0]!.cost;
    for (const c of info.candidates) {
      const cost = (acronym ? misread : misreadAs(c.tone)) + c.edit;
      let uni = -cost;
      for (const id of c.ids) uni += lm.logProb(-1, -1, id);
      if (uni < own - UNIGRAM_MARGIN) continue;
      opts.push({
        ids: c.ids,
        cost,
        span: 1,
        text: c.text,
        reason: c.ids.length > 1 ? 'split' : acronym ? 'acronym' : 'letter',
      });
    }
  } else if (unit.kind === 'class' || unit.kind === 'fixed') {
    const id = unit.kind === 'fixed' ? lm.id('<docnum>') : lm.classOf(unit.raw);
    opts.push({ ids: [id], cost: 0, span: 1, text: unit.reading, reason: 'unicode' });
  } else if (unit.kind === 'comma') {
    opts.push({ ids: [lm.id(',')], cost: 0, span: 1, text: ',', reason: 'unicode' });
  }
  if (byRate.size > 200_000) byRate.clear();
  byRate.set(key, opts);
  return opts;
}

/** Weight of the OCR's own odds between a word and its alternative, against the channel's. */
const CHOICE_WEIGHT = 1;
/** An alternative the OCR weighed at least this much against its reading needs no neighbour to back it. */
const OCR_BACKING = 1;

/**
 * The options of a word the OCR offered alternatives for (`OcrWord.choices`): an attested
 * alternative costs what the OCR's odds against it say (its confidence against the word's), if that
 * is less than the channel's cost — the network saw both and weighed them.
 */
function withOcrChoices(
  engine: Engine,
  opts: readonly Option[],
  ocr: OcrWordChoices,
  pErr: number,
): readonly Option[] {
  let out: Option[] | null = null;
  const keep = -LOG10(1 - pErr);
  const reading = opts[0]!.ids[0];
  for (const choice of ocr.choices) {
    const core = choice.text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (core === '' || choice.confidence <= 0 || ocr.confidence <= 0) continue;
    const info = engine.word(core);
    if (!info.attested || info.id === reading) continue;
    const cost = Math.max(0, keep + CHOICE_WEIGHT * LOG10(ocr.confidence / choice.confidence));
    // Weighed above the reading, the OCR's alternative needs no neighbour to back it.
    const backed = choice.confidence >= OCR_BACKING * ocr.confidence;
    out ??= [...opts];
    const k = out.findIndex((o) => o.span === 1 && o.ids.length === 1 && o.ids[0] === info.id);
    if (k > 0) {
      out[k] = { ...out[k]!, cost: Math.min(cost, out[k]!.cost), ...(backed ? { ocr: true } : {}) };
    } else
      out.push({
        ids: [info.id],
        cost,
        span: 1,
        text: info.form,
        reason: 'letter',
        ...(backed ? { ocr: true } : {}),
      });
  }
  return out ?? opts;
}

/** Slot options with joins, by the options without (one array per rate and reading) and the joins. */
const joinedOptions = new WeakMap<readonly Option[], Map<readonly Candidate[], readonly Option[]>>();

/**
 * The options of a slot followed by its joins with the next word. Shared like slotOptions' arrays
 * (both inputs are cached arrays), so a long text does not build them again for every word.
 */
function withJoins(
  opts: readonly Option[],
  joins: readonly Candidate[],
  table: ChannelTable,
  pErr: number,
): readonly Option[] {
  let byJoins = joinedOptions.get(opts);
  if (byJoins === undefined) {
    byJoins = new Map();
    joinedOptions.set(opts, byJoins);
  }
  let out = byJoins.get(joins);
  if (out === undefined) {
    const joined = joins.map(
      (c): Option => ({
        ids: c.ids,
        cost: -LOG10(errorRateForTone(table, pErr, c.tone)) + c.edit,
        span: 2,
        text: c.text,
        reason: 'join',
      }),
    );
    out = [...opts, ...joined];
    if (byJoins.size > 1000) byJoins.clear();
    byJoins.set(joins, out);
  }
  return out;
}

export interface SlotPlan {
  slots: Slot[];
  /** The unit of each slot. */
  slotUnit: number[];
  infos: (WordInfo | null)[];
  /** The mean P(misread) of its words: the share of them the decoder should expect to change. */
  expected: number;
}

/**
 * One slot per word, number or comma, with its options: the reading and its candidates, and the
 * joins with the next word. `errorRate` fixes P(misread) for every word; otherwise it comes from
 * the OCR confidence where known, or from the table.
 */
export function buildSlots(
  engine: Engine,
  units: Unit[],
  evidence: OcrEvidence,
  errorRate: number | undefined,
  scale = 1,
): SlotPlan {
  const { confidenceOf, choicesOf } = evidence;
  const table = engine.ct.table;
  const slots: Slot[] = [];
  const slotUnit: number[] = [];
  const infos: (WordInfo | null)[] = [];
  let rateSum = 0;
  let words = 0;
  let pendingBreak = true;
  for (let u = 0; u < units.length; u++) {
    const unit = units[u]!;
    if (unit.kind === 'break') {
      pendingBreak = true;
      continue;
    }
    if (unit.kind === 'skip') continue;
    if (unit.kind === 'fixed' && unit.tokenKind === 'punct') continue;
    const conf = confidenceOf(unit.start, unit.end);
    const pErr = Math.min(0.95, Math.max(1e-4, errorRate ?? errorRateOf(table, conf) * scale));
    let info: WordInfo | null = null;
    if (unit.kind === 'word' || unit.kind === 'acronym') {
      info = unit.kind === 'word' ? engine.word(unit.reading) : engine.acronym(unit.reading);
    }
    let opts = slotOptions(engine, unit, info, pErr);
    // A name is spelt as its bearer spells it: its reading is its only option.
    if (unit.name === true) opts = opts.slice(0, 1);
    else if (unit.kind === 'word' && info !== null) {
      const ocr = choicesOf(unit.start, unit.end);
      if (ocr !== undefined) opts = withOcrChoices(engine, opts, ocr, pErr);
    }
    // A syllable OCR cut in two ("tri en"), or a digit read for its first letter ("1ực"): join
    // with the next word when one space or nothing lies between.
    const joinable =
      (unit.kind === 'word' && !unit.lookalike && unit.name !== true) ||
      (unit.kind === 'class' && unit.tokenKind === 'number' && unit.raw.length === 1);
    if (joinable) {
      const adjacent = units[u + 1];
      const spaced = adjacent !== undefined && adjacent.raw === ' ';
      const next = spaced ? units[u + 2] : adjacent;
      if (
        next !== undefined &&
        next.kind === 'word' &&
        !next.lookalike &&
        next.name !== true &&
        (spaced || unit.kind === 'class')
      ) {
        const a = info?.form ?? unit.reading;
        const b = engine.word(next.reading).form;
        const joins = engine.joined(a.toLowerCase(), b, spaced);
        if (joins.length > 0) opts = withJoins(opts, joins, table, pErr);
      }
    }
    slots.push({ options: opts, breakBefore: pendingBreak });
    pendingBreak = false;
    slotUnit.push(u);
    infos.push(info);
    if (info !== null) {
      rateSum += pErr;
      words++;
    }
  }
  return { slots, slotUnit, infos, expected: words === 0 ? 1 : rateSum / words };
}

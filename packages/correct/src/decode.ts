/**
 * Lattice decoding: each slot (a word, a number, a comma) offers options — the reading itself and
 * the candidates of the channel model, some spanning two slots (a merge). A beam search over the
 * slots scores each path by the trigram language model plus the weighted channel costs and keeps,
 * at each slot, the best paths per two-word LM context (Viterbi recombination). A sentence break
 * resets the context, so each sentence is decoded on its own.
 */

import type { SyllableLm } from './lm/index.js';

export interface Option {
  /** LM ids of what this option writes, in order (one per syllable). */
  ids: readonly number[];
  /** Channel cost in log10 units (the reading's own option included). */
  cost: number;
  /** Slots covered: 1, or 2 for a merge with the next slot. */
  span: number;
  /** What the option writes (lower case for words) and why, for the caller; the decoder ignores them. */
  text: string;
  reason: string;
  /** The OCR itself offered this reading as an alternative (OcrWord.choices). */
  ocr?: boolean;
}

export interface Slot {
  options: readonly Option[];
  /** A sentence ends before this slot. */
  breakBefore: boolean;
}

export interface DecodeOptions {
  /** Paths kept per slot. */
  beam: number;
  /** Weight of the channel cost against the LM's log10 probabilities. */
  channelWeight: number;
}

interface State {
  h1: number;
  h2: number;
  score: number;
  prev: State | null;
  /** Slot index where the option starts and the option index. */
  slot: number;
  option: number;
}

function push(list: State[], s: State, beam: number): void {
  for (let k = 0; k < list.length; k++) {
    const o = list[k]!;
    if (o.h1 === s.h1 && o.h2 === s.h2) {
      if (s.score > o.score) list[k] = s;
      return;
    }
  }
  list.push(s);
  if (list.length > beam * 2) {
    list.sort((a, b) => b.score - a.score);
    list.length = beam;
  }
}

/** The best of `states` once the sentence ends (`</s>` scored), and its score. */
function closeSentence(lm: SyllableLm, states: readonly State[]): { best: State | null; score: number } {
  let best: State | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const s of states) {
    const score = s.score + lm.logProb(s.h1, s.h2, lm.eos);
    if (score > bestScore) {
      bestScore = score;
      best = s;
    }
  }
  return { best, score: bestScore };
}

/**
 * The best option of each slot: `choice[i]` is the option index chosen at slot i, or -1 for a slot
 * covered by a merge started before it.
 */
export function decode(lm: SyllableLm, slots: readonly Slot[], options: DecodeOptions): Int32Array {
  const n = slots.length;
  const { beam, channelWeight } = options;
  const states: State[][] = Array.from({ length: n + 1 }, () => []);
  states[0]!.push({ h1: -1, h2: lm.bos, score: 0, prev: null, slot: -1, option: -1 });
  for (let i = 0; i < n; i++) {
    let here = states[i]!;
    if (here.length === 0) continue;
    const slot = slots[i]!;
    if (slot.breakBefore && i > 0) {
      // Close the sentence: the future no longer depends on the context, keep the best path only.
      const { best, score } = closeSentence(lm, here);
      here = [{ h1: -1, h2: lm.bos, score, prev: best!.prev, slot: best!.slot, option: best!.option }];
    } else if (here.length > beam) {
      here.sort((a, b) => b.score - a.score);
      here.length = beam;
    }
    states[i] = here;
    for (const s of here) {
      for (let o = 0; o < slot.options.length; o++) {
        const opt = slot.options[o]!;
        if (opt.span > 1 && (i + opt.span > n || slots[i + 1]!.breakBefore)) continue;
        let h1 = s.h1;
        let h2 = s.h2;
        let score = s.score - channelWeight * opt.cost;
        for (const id of opt.ids) {
          score += lm.logProb(h1, h2, id);
          h1 = h2;
          h2 = id;
        }
        push(states[i + opt.span]!, { h1, h2, score, prev: s, slot: i, option: o }, beam);
      }
    }
  }
  const { best } = closeSentence(lm, states[n]!);
  const choice = new Int32Array(n).fill(0);
  for (let s = best; s !== null && s.slot >= 0; s = s.prev) {
    choice[s.slot] = s.option;
    for (let k = 1; k < slots[s.slot]!.options[s.option]!.span; k++) choice[s.slot + k] = -1;
  }
  return choice;
}

/**
 * How sure the decoder is of each option at slot `i`, the other slots fixed as chosen: a softmax
 * over the options' local scores (their channel cost and the LM terms they change).
 */
export function slotPosteriors(
  lm: SyllableLm,
  slots: readonly Slot[],
  choice: Int32Array,
  i: number,
  options: DecodeOptions,
): Float64Array {
  // Context: the two LM ids before slot i along the chosen path.
  const before: number[] = [];
  for (let k = i - 1; k >= 0 && before.length < 2; k--) {
    if (slots[k + 1]!.breakBefore) break;
    const c = choice[k]!;
    if (c < 0) continue;
    const ids = slots[k]!.options[c]!.ids;
    for (let t = ids.length - 1; t >= 0 && before.length < 2; t--) before.push(ids[t]!);
  }
  let h1 = -1;
  let h2 = lm.bos;
  if (before.length === 2) {
    h1 = before[1]!;
    h2 = before[0]!;
  } else if (before.length === 1) {
    h1 = lm.bos;
    h2 = before[0]!;
  }
  const slot = slots[i]!;
  const scores = new Float64Array(slot.options.length);
  for (let o = 0; o < slot.options.length; o++) {
    const opt = slot.options[o]!;
    if (opt.span > 1 && (i + opt.span > slots.length || slots[i + 1]!.breakBefore)) {
      scores[o] = Number.NEGATIVE_INFINITY;
      continue;
    }
    let a = h1;
    let b = h2;
    let score = -options.channelWeight * opt.cost;
    for (const id of opt.ids) {
      score += lm.logProb(a, b, id);
      a = b;
      b = id;
    }
    // The slots after the option, as chosen (a merge option skips its second slot; when the chosen
    // path merged i+1 into i, the alternatives that do not must still pay for slot i+1).
    let k = i + opt.span;
    let taken = 0;
    // Slots the chosen path covers that this option does not: score them as the path has them.
    const pathEnd = i + (choice[i]! >= 0 ? slot.options[choice[i]!]!.span : 1);
    while (k < pathEnd) {
      const fallback = slots[k]!.options[0]!;
      score -= options.channelWeight * fallback.cost;
      for (const id of fallback.ids) {
        score += lm.logProb(a, b, id);
        a = b;
        b = id;
      }
      k++;
    }
    while (k < slots.length && taken < 2) {
      if (slots[k]!.breakBefore) {
        score += lm.logProb(a, b, lm.eos);
        taken = 2;
        break;
      }
      const c = choice[k]!;
      if (c < 0) {
        k++;
        continue;
      }
      const ids = slots[k]!.options[c]!.ids;
      for (const id of ids) {
        if (taken >= 2) break;
        score += lm.logProb(a, b, id);
        a = b;
        b = id;
        taken++;
      }
      k += slots[k]!.options[c]!.span;
    }
    if (taken < 2 && k >= slots.length) score += lm.logProb(a, b, lm.eos);
    scores[o] = score;
  }
  let max = Number.NEGATIVE_INFINITY;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let o = 0; o < scores.length; o++) {
    scores[o] = 10 ** (scores[o]! - max);
    sum += scores[o]!;
  }
  for (let o = 0; o < scores.length; o++) scores[o]! /= sum;
  return scores;
}

/**
 * A cheap first look before decoding: each option is scored against the slot's own reading with
 * bigrams over the neighbours as read (two lookups an option), and options that lose by more than
 * a margin are dropped. Most slots keep only their reading, so the beam search has little to do;
 * the margin leaves room for neighbours that are themselves misread.
 */

import type { Option, Slot } from './decode.js';
import type { SyllableLm } from './lm/index.js';

function identity(slot: Slot | undefined): number {
  return slot === undefined ? -1 : slot.options[0]!.ids[slot.options[0]!.ids.length - 1]!;
}

export function prefilter(lm: SyllableLm, slots: Slot[], margin: number, channelWeight: number): void {
  const n = slots.length;
  for (let i = 0; i < n; i++) {
    const slot = slots[i]!;
    if (slot.options.length < 2) continue;
    const p1 = slot.breakBefore ? lm.bos : identity(slots[i - 1]);
    const nextSlot = i + 1 < n && !slots[i + 1]!.breakBefore ? slots[i + 1] : undefined;
    const n1 = nextSlot === undefined ? lm.eos : identity(nextSlot);
    const afterNext =
      nextSlot !== undefined && i + 2 < n && !slots[i + 2]!.breakBefore ? slots[i + 2] : undefined;
    const n2 = afterNext === undefined ? lm.eos : identity(afterNext);
    const own = slot.options[0]!;
    const id0 = own.ids[0]!;
    const base = lm.logProb(-1, p1, id0) + lm.logProb(-1, id0, n1) - channelWeight * own.cost;
    let baseTwo = Number.NaN;
    const kept: Option[] = [own];
    for (let o = 1; o < slot.options.length; o++) {
      const opt = slot.options[o]!;
      const first = opt.ids[0]!;
      const last = opt.ids[opt.ids.length - 1]!;
      let score = lm.logProb(-1, p1, first) - channelWeight * opt.cost;
      // Log probabilities are at most 0: an option already behind cannot catch up.
      if (opt.span === 1 && score < base - margin) continue;
      if (opt.ids.length > 1) score += lm.logProb(-1, first, last);
      let against = base;
      if (opt.span > 1) {
        if (nextSlot === undefined) continue;
        if (Number.isNaN(baseTwo)) {
          const o1 = nextSlot.options[0]!;
          baseTwo =
            lm.logProb(-1, p1, id0) +
            lm.logProb(-1, id0, o1.ids[0]!) +
            lm.logProb(-1, o1.ids[0]!, n2) -
            channelWeight * (own.cost + o1.cost);
        }
        against = baseTwo;
        score += lm.logProb(-1, last, n2);
      } else score += lm.logProb(-1, last, n1);
      if (score >= against - margin) kept.push(opt);
    }
    if (kept.length !== slot.options.length) slots[i] = { options: kept, breakBefore: slot.breakBefore };
  }
}

import { describe, expect, it } from 'vitest';
import { decode, type Option, type Slot, slotPosteriors } from './decode.js';
import { buildSyllableLm } from './lm/builder.js';
import { loadSyllableLm } from './lm/loader.js';

// A toy model: "phát triển" and "tổ chức" are frequent, their misreadings never seen.
const lm = loadSyllableLm(
  buildSyllableLm(
    Array.from({ length: 40 }, () => 'phát triển kinh tế. tổ chức thực hiện. các tổ chức phát triển.'),
    { minSyllableCount: 1, minWordCount: 1, minTrigramCount: 1, quantize: false },
  ).bytes,
);
const id = (w: string) => lm.id(w);
const opt = (text: string, cost: number, span = 1): Option => ({
  ids: text.split(' ').map(id),
  cost,
  span,
  text,
  reason: 'letter',
});
const slot = (options: Option[], breakBefore = false): Slot => ({ options, breakBefore });
const options = { beam: 4, channelWeight: 1 };

describe('decode', () => {
  it('prefers the reading the language model makes likely, against the channel cost', () => {
    const slots = [slot([opt('phát', 0)], true), slot([opt('triến', 0.01), opt('triển', 1.5)])];
    expect([...decode(lm, slots, options)]).toEqual([0, 1]);
  });

  it('keeps the reading when the change costs more than the context gains', () => {
    const slots = [slot([opt('phát', 0)], true), slot([opt('triển', 0.01), opt('tổ', 1)])];
    expect([...decode(lm, slots, options)]).toEqual([0, 0]);
  });

  it('takes options spanning two slots (a syllable OCR cut in two)', () => {
    const slots = [
      slot([opt('phát', 0)], true),
      slot([opt('tri', 0.01), opt('triển', 1.5, 2)]),
      slot([opt('en', 0.01)]),
    ];
    expect([...decode(lm, slots, options)]).toEqual([0, 1, -1]);
  });

  it('decodes each sentence on its own', () => {
    const slots = [
      slot([opt('tố', 0.01), opt('tổ', 1.5)], true),
      slot([opt('chức', 0)]),
      slot([opt('phát', 0)], true),
      slot([opt('triến', 0.01), opt('triển', 1.5)]),
    ];
    expect([...decode(lm, slots, options)]).toEqual([1, 0, 0, 1]);
  });
});

describe('slotPosteriors', () => {
  it('gives a distribution over the options of a slot, the others fixed', () => {
    const slots = [
      slot([opt('phát', 0)], true),
      slot([opt('triến', 0.01), opt('triển', 1.5)]),
      slot([opt('kinh', 0)]),
    ];
    const choice = decode(lm, slots, options);
    const post = slotPosteriors(lm, slots, choice, 1, options);
    expect(post[0]! + post[1]!).toBeCloseTo(1, 9);
    expect(post[1]!).toBeGreaterThan(0.9);
  });
});

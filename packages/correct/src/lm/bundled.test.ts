import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundledLm } from './bundled.node.js';
import type { SyllableLm } from './loader.js';
import { lmSentences } from './tokens.js';

// The committed model (packages/correct/model/syllable-lm.bin).
let lm: SyllableLm;
beforeAll(async () => {
  lm = await loadBundledLm();
});

const score = (text: string): number => {
  const sentences = lmSentences(text);
  expect(sentences).toHaveLength(1);
  return lm.sentenceLogProb(sentences[0]!);
};

describe('the committed model', () => {
  it('is a pruned, quantised trigram model with a syllable inventory', () => {
    expect(lm.quantized).toBe(true);
    expect(lm.size).toBeGreaterThan(5000);
    expect(lm.size).toBeLessThan(65536);
    expect(lm.trigrams).toBeGreaterThan(500_000);
    let syllables = 0;
    for (let id = 0; id < lm.size; id++) if (lm.kind(id) === 'syllable') syllables++;
    expect(syllables).toBeGreaterThan(3000);
    expect(lm.kind(lm.id('của'))).toBe('syllable');
    expect(lm.count(lm.id('của'))).toBeGreaterThan(100_000);
    // Tone placement is normalised to the old style.
    expect(lm.has('hòa')).toBe(true);
    expect(lm.has('hoà')).toBe(false);
    expect(lm.classOf('Hoà')).toBe(lm.id('hòa'));
    expect(lm.has('UBND')).toBe(true);
    expect(lm.has('HĐND')).toBe(true);
    expect(lm.kind(lm.id('UBND'))).toBe('acronym');
  });

  it('maps raw tokens to their classes', () => {
    expect(lm.classOf('2023')).toBe(lm.id('<num>'));
    expect(lm.classOf('30/01/2023')).toBe(lm.id('<date>'));
    expect(lm.classOf('15/QĐ-UBND')).toBe(lm.id('<docnum>'));
    expect(lm.classOf('UBND')).toBe(lm.id('UBND'));
    expect(lm.classOf('QXZWV')).toBe(lm.id('<acr>'));
    expect(lm.classOf('xyzzyq')).toBe(lm.unk);
  });

  // Real phrases against their OCR-damaged twins: lost or swapped tones, a misread letter.
  it.each([
    ['bảo vệ môi trường', 'hảo vệ môi trường'],
    ['tài chính', 'tải chính'],
    ['kiểm tra', 'kiếm tra'],
    ['tổ chức', 'tố chức'],
    ['nông nghiệp', 'nồng nghiệp'],
    ['Ủy ban nhân dân tỉnh', 'Ủy ban nhân đân tỉnh'],
    ['thực hiện nhiệm vụ', 'thức hiện nhiệm vụ'],
    ['phát triển kinh tế xã hội', 'phát triền kinh tế xã hội'],
  ])('prefers "%s" to "%s" by a factor of 100 or more', (good, bad) => {
    expect(score(good) - score(bad)).toBeGreaterThan(2);
  });

  it('uses the context beyond one syllable', () => {
    // "chính" after "tài" versus after "tải": the trigram sees "sở tài chính".
    const a = lm.logProb(lm.id('sở'), lm.id('tài'), lm.id('chính'));
    const b = lm.logProb(-1, lm.id('tài'), lm.id('chính'));
    expect(a).toBeGreaterThan(b);
  });
});

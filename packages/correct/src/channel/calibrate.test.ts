import { describe, expect, it } from 'vitest';
import { calibrate, type PairedPage } from './calibrate.js';
import { PRIOR_TABLE } from './table.js';

const line = (text: string, confidence: number) => text.split(' ').map((w) => ({ text: w, confidence }));

// 50 pages where OCR reads hỏi as sắc in one word of ten, with a low confidence on that word.
const pages: PairedPage[] = Array.from({ length: 50 }, () => ({
  gt: 'phát triển kinh tế xã hội của tỉnh trong tình hình mới',
  ocr: {
    lines: [
      [...line('phát', 96), ...line('triến', 60), ...line('kinh tế xã hội của tỉnh trong tình hình mới', 96)],
    ],
  },
}));

describe('calibrate', () => {
  it('counts what OCR confused and turns it into costs', () => {
    const { table, stats } = calibrate(pages);
    expect(stats).toMatchObject({ pages: 50, words: 600, misread: 50, explained: 50 });
    // hỏi read as sắc: seen every time a hỏi word was misread: cheaper than the prior says.
    expect(table.tone[2]![3]!).toBeLessThan(PRIOR_TABLE.tone[2]![3]!);
    // Confusions never seen keep (about) their prior cost, raised a little by the mixture.
    expect(table.tone[1]![0]!).toBeGreaterThanOrEqual(PRIOR_TABLE.tone[1]![0]!);
    expect(table.errorRate).toBeCloseTo(50 / 600, 1);
    // Words of confidence 60 (bin ≤ 70) were all misread, those of 96 never.
    expect(table.errorByConfidence.find(([upper]) => upper === 70)![1]).toBeGreaterThan(0.8);
    expect(table.errorByConfidence.find(([upper]) => upper === 100)![1]).toBeLessThan(0.01);
    // hỏi words are misread far more often than the others.
    expect(table.errorByTone[3]!).toBeGreaterThan(2);
  });
});

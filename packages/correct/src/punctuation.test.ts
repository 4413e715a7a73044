import { describe, expect, it } from 'vitest';
import { repairPunctuation } from './punctuation.js';

describe('repairPunctuation', () => {
  it('reads a quotation mark alone between words as a dash', () => {
    expect(repairPunctuation('kinh tế “ xã hội').map((r) => r.replacement)).toEqual(['-']);
  });
  it('leaves real quotes', () => {
    expect(repairPunctuation('gọi là “Ngày hội” của toàn dân')).toEqual([]);
  });
  it('reads a full stop glued between two syllables as a space, and gives a glued comma its space', () => {
    const r = repairPunctuation('tổ chức các.cấp và các sở,ngành');
    expect(r.map((x) => [x.raw, x.replacement])).toEqual([
      ['.', ' '],
      [',', ', '],
    ]);
    // Decomposed marks too.
    expect(repairPunctuation('các.cấp'.normalize('NFD')).map((x) => x.replacement)).toEqual([' ']);
  });
  it('leaves domains, abbreviations, numbers and sentences alone', () => {
    for (const t of [
      'xem vanban.chinhphu.vn',
      'TP.HCM',
      'v.v.',
      '1.250.000 đồng',
      'Hà Nội.Tỉnh',
      'ngày 1.5',
      'Sở Y tế.',
    ]) {
      expect(repairPunctuation(t)).toEqual([]);
    }
  });
});

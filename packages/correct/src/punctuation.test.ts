import { describe, expect, it } from 'vitest';
import { repairPunctuation } from './punctuation.js';

describe('repairPunctuation', () => {
  it('reads a quotation mark alone between words as a dash', () => {
    expect(repairPunctuation('kinh tế “ xã hội').map((r) => r.replacement)).toEqual(['-']);
  });
  it('leaves real quotes', () => {
    expect(repairPunctuation('gọi là “Ngày hội” của toàn dân')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { readsAsRoman, repairRoman, romanValue, toRoman } from './roman.js';

describe('Roman numerals', () => {
  it('reads and writes them', () => {
    expect(romanValue('XIV')).toBe(14);
    expect(romanValue('IIII')).toBe(0);
    expect(romanValue('IL')).toBe(0);
    expect(romanValue('')).toBe(0);
    expect(toRoman(39)).toBe('XXXIX');
    expect(toRoman(0)).toBe('');
    for (let n = 1; n <= 3999; n++) expect(romanValue(toRoman(n))).toBe(n);
  });

  it('repairs printed heading tokens', () => {
    expect(repairRoman('IV')).toEqual({ token: 'IV', value: 4 });
    expect(repairRoman('1I')).toEqual({ token: 'II', value: 2 });
    expect(repairRoman('IL')).toEqual({ token: 'II', value: 2 });
    expect(repairRoman('L', 1)).toEqual({ token: 'I', value: 1 });
    expect(repairRoman('IH', 2)).toEqual({ token: 'II', value: 2 });
    expect(repairRoman('IU', 3)).toEqual({ token: 'III', value: 3 });
    expect(repairRoman('IU')).toBeNull();
    expect(repairRoman('!')).toEqual({ token: 'I', value: 1 });
  });

  it('reads damaged numerals as the expected one', () => {
    expect(readsAsRoman('IU', 'II-')).toBe(true);
    expect(readsAsRoman('H', 'II')).toBe(true);
    expect(readsAsRoman('L', 'I-')).toBe(true);
    expect(readsAsRoman('IU.', 'II.')).toBe(true);
    expect(readsAsRoman('IV', 'II-')).toBe(false);
    expect(readsAsRoman('A', 'I')).toBe(false);
  });
});

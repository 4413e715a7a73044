import { describe, expect, it } from 'vitest';
import { lastMatchOf, matchesOf } from './matches.js';

describe('matchesOf', () => {
  it('moves on after an empty match instead of spinning', () => {
    expect([...matchesOf(/(?=a)/gu, 'aba')].map((m) => m.index)).toEqual([0, 2]);
    expect([...matchesOf(/x*/gu, 'ab')].map((m) => m.index)).toEqual([0, 1, 2]);
  });

  it('steps over a whole astral code point in unicode mode', () => {
    expect([...matchesOf(/(?:)/gu, 'a😀b')].map((m) => m.index)).toEqual([0, 1, 3, 4]);
  });

  it('adds the global flag and leaves the caller’s pattern untouched', () => {
    const re = /\d+/u;
    expect([...matchesOf(re, 'a1b22c333')].map((m) => m[0])).toEqual(['1', '22', '333']);
    const shared = /\d/gu;
    shared.lastIndex = 5;
    expect([...matchesOf(shared, '1 2')].map((m) => m[0])).toEqual(['1', '2']);
    expect(shared.lastIndex).toBe(5);
  });

  it('lets scans with the same pattern nest', () => {
    const re = /\d/gu;
    const pairs: string[] = [];
    for (const a of matchesOf(re, '12')) for (const b of matchesOf(re, '34')) pairs.push(a[0] + b[0]);
    expect(pairs).toEqual(['13', '14', '23', '24']);
  });

  it('starts where told and finds the last match', () => {
    expect([...matchesOf(/\d/gu, '1234', 2)].map((m) => m[0])).toEqual(['3', '4']);
    expect(lastMatchOf(/\d/gu, 'a1b2c')?.index).toBe(3);
    expect(lastMatchOf(/\d/gu, 'abc')).toBeNull();
  });
});

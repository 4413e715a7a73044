import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cer, editDistance, wer } from './metrics.js';

// A fixed seed makes every run check the same cases, so a failure is reproducible and CI does not
// fail at random; PROPERTY_SEED=random (or a number) explores other cases.
fc.configureGlobal(
  process.env.PROPERTY_SEED === 'random' ? {} : { seed: Number(process.env.PROPERTY_SEED ?? 20261202) },
);

/** The textbook dynamic programme, as the oracle. */
function naive<T>(a: readonly T[], b: readonly T[]): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
  return d[a.length]![b.length]!;
}

describe('editDistance', () => {
  it('counts edits over code points and over words', () => {
    expect(editDistance([...'kitten'], [...'sitting'])).toBe(3);
    expect(editDistance([...'Việt 😀'], [...'Viêt 😀'])).toBe(1);
    expect(editDistance(['một', 'hai', 'ba'], ['một', 'ba'])).toBe(1);
    expect(editDistance([], ['a'])).toBe(1);
    expect(editDistance([1, 2, 3], [3, 2, 1])).toBe(2);
  });

  it('agrees with the dynamic programme on any sequences', () => {
    const word = fc.constantFrom('a', 'b', 'c', 'ă', 'đ', '😀', 'hai', 'ba');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.array(word, { maxLength: 40 }), (a, b) => {
        expect(editDistance(a, b)).toBe(naive(a, b));
      }),
      { numRuns: 300 },
    );
  });

  it('handles more distinct elements than one side can name', () => {
    const a = Array.from({ length: 70_000 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 70_000 }, (_, i) => `b${i}`);
    expect(editDistance(a, b)).toBe(70_000);
    expect(editDistance(a, [...a.slice(1, 1000), 'z'])).toBe(69_001);
    expect(() => editDistance(a, a)).toThrow(RangeError);
  });

  it('gives error rates', () => {
    expect(cer('Việt Nam', 'Viet Nam')).toBeCloseTo(1 / 8);
    expect(wer('một hai ba', 'một ba')).toBeCloseTo(1 / 3);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexText, normalize } from './text.js';

// A fixed seed makes every run check the same cases, so a failure is reproducible and CI does not
// fail at random; PROPERTY_SEED=random (or a number) explores other cases.
fc.configureGlobal(
  process.env.PROPERTY_SEED === 'random' ? {} : { seed: Number(process.env.PROPERTY_SEED ?? 20261202) },
);

const DECOMPOSED = 'e\u0301'; // makes a string non-NFC, so the sequence-by-sequence path runs

describe('normalize', () => {
  it('leaves alone the code points it does not pass to String.normalize (U+0000–U+02FF, U+1E00–U+1EFF)', () => {
    for (const [from, to] of [
      [0, 0x2ff],
      [0x1e00, 0x1eff],
    ] as const) {
      for (let c = from; c <= to; c++) {
        const s = String.fromCharCode(c) + DECOMPOSED;
        expect(normalize(s).norm).toBe(s.normalize('NFC'));
      }
    }
  });

  it('equals NFC on Vietnamese in any form, marks in any order', () => {
    const letter = fc.constantFrom(
      'a',
      'ă',
      'â',
      'e',
      'ê',
      'o',
      'ô',
      'ơ',
      'u',
      'ư',
      'i',
      'y',
      'd',
      'đ',
      'A',
      'Ơ',
      'Ư',
    );
    const mark = fc.constantFrom(
      '\u0300',
      '\u0301',
      '\u0303',
      '\u0309',
      '\u0323',
      '\u0302',
      '\u0306',
      '\u031b',
    );
    const piece = fc.oneof(
      fc.tuple(letter, fc.array(mark, { maxLength: 3 })).map(([l, m]) => l.normalize('NFD') + m.join('')),
      fc.constantFrom(' ', '\n\f\n', '𡨸', ',', '15/KH-UBND'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const s = pieces.join('');
        const { norm, toNorm, fromNorm } = normalize(s);
        expect(norm).toBe(s.normalize('NFC'));
        if (toNorm === null || fromNorm === null) return;
        // Every boundary maps both ways, and what lies between two boundaries is the same text.
        expect(toNorm[s.length]).toBe(norm.length);
        let last = 0;
        for (let i = 1; i <= s.length; i++) {
          if (toNorm[i]! < 0) continue;
          expect(fromNorm[toNorm[i]!]).toBe(i);
          expect(s.slice(last, i).normalize('NFC')).toBe(norm.slice(toNorm[last]!, toNorm[i]!));
          last = i;
        }
      }),
    );
  });
});

describe('TextIndex', () => {
  it('counts pages from form feeds and finds where each starts', () => {
    const ix = indexText('Trang một.\n\f\nTrang hai.\n\f\nTrang ba.');
    expect([0, 10, 13, 24, 26].map((i) => ix.pageAt(i))).toEqual([1, 1, 2, 2, 3]);
    expect([1, 2, 3, 9].map((p) => ix.pageStart(p))).toEqual([0, 13, 26, 26]);
  });

  it('indexes words by a key without tones and case', () => {
    const text = 'Kiểm tra, KIẾM TRA và kiếm tra; đê Đề';
    const ix = indexText(text);
    expect(ix.postings('kiem')).toEqual([0, text.indexOf('KIẾM'), text.indexOf('kiếm')]);
    expect(ix.postings('de')).toEqual([text.indexOf('đê'), text.indexOf('Đề')]);
    expect(ix.postings('kiểm')).toEqual([]);
  });
});

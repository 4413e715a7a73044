import { describe, expect, it } from 'vitest';
import { compileTable, editCost } from './cost.js';
import { lettersOf, wordTone } from './letters.js';
import { PRIOR_TABLE } from './table.js';

const ct = compileTable(PRIOR_TABLE);
const cost = (raw: string, cand: string) => editCost(ct, raw, cand).cost;
const ops = (raw: string, cand: string) => editCost(ct, raw, cand, true).ops;

describe('letters', () => {
  it('takes letters apart into base, mark and tone', () => {
    expect(lettersOf('đường')).toEqual({
      bases: ['d', 'u', 'o', 'n', 'g'],
      marks: [4, 3, 3, 0, 0],
      tones: [0, 0, 1, 0, 0],
    });
    expect(wordTone(lettersOf('đỉến').tones)).toEqual({ tone: 2, marked: 2 });
  });
});

describe('editCost', () => {
  it('is zero for the same word and grows with what differs', () => {
    expect(cost('triển', 'triển')).toBe(0);
    expect(cost('triến', 'triển')).toBeGreaterThan(0);
    expect(cost('triến', 'triển')).toBeLessThan(cost('triến', 'triện'));
    expect(cost('tren', 'triển')).toBeGreaterThan(cost('trien', 'triển'));
  });

  it('explains edits as tone, mark and letter operations', () => {
    expect(ops('triến', 'triển')).toEqual([{ kind: 'tone', read: 2, true: 3 }]);
    expect(ops('dầu', 'đầu')).toEqual([{ kind: 'mark', base: 'd', read: 0, true: 4 }]);
    expect(ops('phấrn', 'phẩm')).toEqual([
      { kind: 'tone', read: 2, true: 3 },
      { kind: 'sub', read: 'rn', true: 'm' },
    ]);
    expect(ops('hảo', 'bảo')).toEqual([{ kind: 'sub', read: 'h', true: 'b' }]);
  });

  it('charges shape confusions less than arbitrary letters', () => {
    expect(cost('hảo', 'bảo')).toBeLessThan(cost('lảo', 'bảo'));
    expect(cost('nhiệrn', 'nhiệm')).toBeLessThan(cost('nhiệrn', 'nhiệt'));
    expect(cost('cị1', 'cụ')).toBeLessThan(PRIOR_TABLE.defaultSub);
  });
});

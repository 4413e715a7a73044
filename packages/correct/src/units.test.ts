import { describe, expect, it } from 'vitest';
import { segment } from './units.js';

const kinds = (text: string, commas = false) =>
  segment(text, [], commas)
    .filter((u) => u.kind !== 'skip')
    .map((u) => `${u.kind}:${u.reading}`);

describe('segment', () => {
  it('cuts text into words, class tokens and sentence breaks as the LM builder does', () => {
    expect(kinds('Số 36-NQ/TW ngày 30/01/2023, UBND tỉnh.\nBáo cáo')).toEqual([
      'word:Số',
      'class:36-NQ/TW',
      'word:ngày',
      'class:30/01/2023',
      'acronym:UBND',
      'word:tỉnh',
      'break:.',
      'break:\n',
      'word:Báo',
      'word:cáo',
    ]);
  });

  it('keeps a hard-wrapped line in the sentence', () => {
    expect(kinds('phát triển\nbền vững')).toEqual(['word:phát', 'word:triển', 'word:bền', 'word:vững']);
  });

  it('makes one word of a look-alike mark run, and skips commas unless the model has them', () => {
    expect(kinds("đất nưó’c, CO' sở")).toEqual(['word:đất', 'word:nước', 'word:CƠ', 'word:sở']);
    expect(kinds('a, b', true)).toEqual(['word:a', 'comma:,', 'word:b']);
  });

  it('keeps fixed spans whole', () => {
    const units = segment('Số 36-NQ/7W ngày', [{ start: 3, end: 11, as: 'docnumber' }]);
    expect(units.filter((u) => u.kind !== 'skip').map((u) => [u.kind, u.raw])).toEqual([
      ['word', 'Số'],
      ['fixed', '36-NQ/7W'],
      ['word', 'ngày'],
    ]);
  });
});

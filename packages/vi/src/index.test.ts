import { describe, expect, it } from 'vitest';
import * as vi from './index.js';

describe('public API', () => {
  it('exports every module', () => {
    const functions = [
      'nfc',
      'removeTone',
      'stripMarks',
      'baseLetters',
      'parseSyllable',
      'isValidSyllable',
      'composeSyllable',
      'setTone',
      'toneOf',
      'allowedTones',
      'toneVariants',
      'diacriticVariants',
      'allSyllables',
      'detectToneStyle',
      'countToneStyles',
      'convertToneStyle',
      'decodeTcvn3',
      'decodeVni',
      'decodeLegacy',
      'detectLegacyEncoding',
      'fixLegacyEncoding',
      'tokenize',
      'documentTypesOf',
      'issuersOf',
      'isKnownAbbreviation',
      'isTone',
      'cer',
      'wer',
    ];
    for (const name of functions) expect(typeof (vi as Record<string, unknown>)[name], name).toBe('function');
    expect(vi.TONES).toEqual(['ngang', 'huyen', 'sac', 'hoi', 'nga', 'nang']);
    expect(vi.TONE_NAMES.nang).toBe('nặng');
    expect(vi.ONSETS).toContain('ngh');
  });

  it('works end to end on a legacy text layer', () => {
    const { text, encoding } = vi.fixLegacyEncoding('Sè: 15/Q§-UBND ngµy 30/01/2023 cña UBND tØnh Kh¸nh Hoµ');
    expect(encoding).toBe('tcvn3');
    expect(vi.convertToneStyle(text, 'old')).toBe('Số: 15/QĐ-UBND ngày 30/01/2023 của UBND tỉnh Khánh Hòa');
    const kinds = vi
      .tokenize(text)
      .filter((t) => t.kind !== 'space')
      .map((t) => t.kind);
    expect(kinds).toEqual([
      'syllable',
      'punct',
      'docnumber',
      'syllable',
      'date',
      'syllable',
      'acronym',
      'syllable',
      'syllable',
      'syllable',
    ]);
  });
});

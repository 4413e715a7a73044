import { describe, expect, it } from 'vitest';
import { baseLetters } from './normalize.js';
import { isValidSyllable, parseSyllable } from './syllable.js';
import { allSyllables, diacriticVariants, toneVariants } from './variants.js';

describe('toneVariants', () => {
  it('changes only the tone', () => {
    expect(toneVariants('tiên')).toEqual(['tiên', 'tiền', 'tiến', 'tiển', 'tiễn', 'tiện']);
    expect(toneVariants('tiến')).toEqual(toneVariants('tiên'));
  });

  it('offers only sắc and nặng after a stop coda', () => {
    expect(toneVariants('tập')).toEqual(['tấp', 'tập']);
    expect(toneVariants('Việt')).toEqual(['Viết', 'Việt']);
  });

  it('keeps case and placement style, or gives both', () => {
    expect(toneVariants('Thuỷ')).toEqual(['Thuy', 'Thuỳ', 'Thuý', 'Thuỷ', 'Thuỹ', 'Thuỵ']);
    expect(toneVariants('HOA', { style: 'both' })).toEqual([
      'HOA',
      'HÒA',
      'HOÀ',
      'HÓA',
      'HOÁ',
      'HỎA',
      'HOẢ',
      'HÕA',
      'HOÃ',
      'HỌA',
      'HOẠ',
    ]);
  });

  it('is empty for what is not a syllable (letters are never changed)', () => {
    expect(toneVariants('tien')).toEqual([]);
    expect(toneVariants('UBND')).toEqual([]);
  });
});

describe('diacriticVariants', () => {
  it('lists every syllable with the same bare letters', () => {
    expect(diacriticVariants('tien')).toEqual(['tiên', 'tiền', 'tiến', 'tiển', 'tiễn', 'tiện']);
    expect([...diacriticVariants('co')].sort()).toEqual(
      [
        'co',
        'cò',
        'có',
        'cỏ',
        'cõ',
        'cọ',
        'cô',
        'cồ',
        'cố',
        'cổ',
        'cỗ',
        'cộ',
        'cơ',
        'cờ',
        'cớ',
        'cở',
        'cỡ',
        'cợ',
      ].sort(),
    );
  });

  it('covers đ, ư, ơ and the stop-coda rule', () => {
    const duoc = diacriticVariants('duoc');
    expect(duoc).toEqual(expect.arrayContaining(['được', 'đuốc', 'dược', 'đước']));
    expect(duoc).not.toContain('đuồc');
    expect(duoc.every((s) => /[\u0301\u0323]/u.test(s.normalize('NFD')))).toBe(true);
    expect(diacriticVariants('duong')).toEqual(expect.arrayContaining(['đường', 'dương', 'đương', 'dưỡng']));
    expect(diacriticVariants('gi')).toEqual(expect.arrayContaining(['gi', 'gì', 'gí', 'gỉ', 'gĩ', 'gị']));
  });

  it('ignores the diacritics of the input and follows its case', () => {
    expect(diacriticVariants('tiền')).toEqual(diacriticVariants('tien'));
    expect(diacriticVariants('TIEN')).toEqual(['TIÊN', 'TIỀN', 'TIẾN', 'TIỂN', 'TIỄN', 'TIỆN']);
    expect(diacriticVariants('Tien')[1]).toBe('Tiền');
  });

  it('follows the style option', () => {
    expect(diacriticVariants('hoa')).toContain('hòa');
    expect(diacriticVariants('hoa')).not.toContain('hoà');
    expect(diacriticVariants('hoa', { style: 'new' })).toContain('hoà');
    expect(diacriticVariants('hoa', { style: 'new' })).not.toContain('hòa');
    expect(diacriticVariants('hoa', { style: 'both' })).toEqual(expect.arrayContaining(['hòa', 'hoà']));
  });

  it('returns only valid syllables with the same key, and nothing for non-syllables', () => {
    for (const key of ['tien', 'co', 'nguyen', 'quy', 'thuy', 'khuya', 'giuong', 'nghieng']) {
      const list = diacriticVariants(key);
      expect(list.length).toBeGreaterThan(0);
      for (const s of list) {
        expect(isValidSyllable(s)).toBe(true);
        expect(baseLetters(s)).toBe(key);
      }
    }
    expect(diacriticVariants('ubnd')).toEqual([]);
    expect(diacriticVariants('xyz')).toEqual([]);
  });

  it('hands out frozen shared lists', () => {
    expect(Object.isFrozen(diacriticVariants('tien'))).toBe(true);
  });
});

describe('allSyllables', () => {
  const all = allSyllables();

  it('is a sorted, duplicate-free set of valid syllables', () => {
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(all);
    for (const s of all) expect(parseSyllable(s)).not.toBeNull();
  });

  it('contains the hard cases and none of the ill-formed ones', () => {
    expect(all).toEqual(
      expect.arrayContaining(['nghiêng', 'người', 'quốc', 'khuỷu', 'giếng', 'gìn', 'thuở', 'hòa']),
    );
    for (const bad of ['nge', 'tầp', 'hoà', 'kêt', 'giê', 'quoa']) expect(all).not.toContain(bad);
  });
});

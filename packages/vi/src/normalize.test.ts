import { describe, expect, it } from 'vitest';
import { baseLetters, nfc, removeTone, stripMarks } from './normalize.js';
import { allSyllables } from './variants.js';

describe('nfc', () => {
  it('composes NFD, including the dot-below-before-breve order', () => {
    expect(nfc('a\u0323\u0306')).toBe('ặ');
    expect(nfc('Vie\u0323\u0302t')).toBe('Việt');
    expect(nfc('Việt'.normalize('NFD'))).toBe('Việt');
  });

  it('leaves NFC text as it is', () => {
    expect(nfc('Cộng hòa xã hội chủ nghĩa Việt Nam')).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
  });
});

describe('removeTone', () => {
  it.each([
    ['Việt Nam', 'Viêt Nam'],
    ['ĐẢNG', 'ĐANG'],
    ['người', 'ngươi'],
    ['Hòa hoà', 'Hoa hoa'],
    ['ặ Ặ ự Ự', 'ă Ă ư Ư'],
    ['Độc lập - Tự do - Hạnh phúc', 'Đôc lâp - Tư do - Hanh phuc'],
    ['naïve 123', 'naïve 123'],
  ])('%s → %s', (input, expected) => {
    expect(removeTone(input)).toBe(expected);
  });

  it('returns NFC for NFD input', () => {
    expect(removeTone('Việt'.normalize('NFD'))).toBe('Viêt');
  });
});

describe('stripMarks and baseLetters', () => {
  it.each([
    ['Đường Ưu Tiên', 'Duong Uu Tien'],
    ['ĐẢNG CỘNG SẢN VIỆT NAM', 'DANG CONG SAN VIET NAM'],
    ['café naïve Ñandú', 'cafe naive Nandu'],
    ['36-NQ/TW, 10,5%', '36-NQ/TW, 10,5%'],
  ])('stripMarks(%s) → %s', (input, expected) => {
    expect(stripMarks(input)).toBe(expected);
  });

  it('turns every syllable of the inventory into ASCII letters', () => {
    for (const s of allSyllables({ style: 'both' })) expect(stripMarks(s)).toMatch(/^[a-z]+$/u);
  });

  it('lower-cases for the grouping key', () => {
    expect(baseLetters('TIẾNG')).toBe('tieng');
    expect(baseLetters('Tiền')).toBe(baseLetters('tiên'));
    expect(baseLetters('Đ')).toBe('d');
  });
});

import { sectionKey } from '@sohoa/model';
import { describe, expect, it } from 'vitest';
import { parseHeadingMarker } from './numbering.js';

describe('parseHeadingMarker', () => {
  it.each([
    ['I- MỤC ĐÍCH, YÊU CẦU', 'I-', 'roman', 'MỤC ĐÍCH, YÊU CẦU'],
    ['II. NỘI DUNG', 'II.', 'roman', 'NỘI DUNG'],
    ['3. Sở Xây dựng', '3.', 'arabic', 'Sở Xây dựng'],
    ['2.1. Đến năm 2030:', '2.1.', 'decimal', 'Đến năm 2030:'],
    ['1.3 Xây dựng kế hoạch', '1.3', 'decimal', 'Xây dựng kế hoạch'],
    ['a) Về tiêu chuẩn', 'a)', 'letter', 'Về tiêu chuẩn'],
    ['Điều 5. Hiệu lực thi hành', 'Điều 5.', 'article', 'Hiệu lực thi hành'],
    ['Chương II QUY ĐỊNH CHUNG', 'Chương II', 'chapter', 'QUY ĐỊNH CHUNG'],
    ['2.1.a. Bước 1: Rà soát danh sách', '2.1.a.', 'decimal', 'Bước 1: Rà soát danh sách'],
    ['4.1.b) Kiểm tra hồ sơ', '4.1.b)', 'decimal', 'Kiểm tra hồ sơ'],
  ])('%s', (text, number, kind, rest) => {
    expect(parseHeadingMarker(text)).toMatchObject({ number, kind, rest });
  });

  it('nests a compound number under its decimal parent, keyed by its letter', () => {
    expect(parseHeadingMarker('2.1.a. Bước 1')).toMatchObject({ style: 'decimal-3', value: 1 });
    expect(sectionKey('2.1.a.', 'decimal')).toBe('a');
  });

  it('repairs OCR leftovers on Roman numerals, preferring the expected value', () => {
    expect(parseHeadingMarker('IL. MỤC TIÊU', { expectedRoman: 2 })).toMatchObject({
      number: 'II.',
      printed: 'IL.',
    });
    expect(parseHeadingMarker('1I- NHIỆM VỤ', { expectedRoman: 2 })).toMatchObject({
      number: 'II-',
      kind: 'roman',
    });
  });

  it.each([
    '- Tuyên truyền',
    '(1) Tổ chức',
    'Mục đích',
    'Điều 9 Nghị định số 181/2024/NĐ-CP',
    '1.280 tỷ đồng',
    '15/3/2026 là ngày bầu cử',
  ])('not a heading: %s', (text) => {
    expect(parseHeadingMarker(text)).toBeNull();
  });
});

describe('Roman numerals read as H or U by OCR', () => {
  it('repairs them where the sequence expects the value', () => {
    expect(parseHeadingMarker('IH- MỤC TIÊU', { expectedRoman: 2 })).toMatchObject({
      number: 'II-',
      printed: 'IH-',
    });
    expect(parseHeadingMarker('IU. NHIỆM VỤ', { expectedRoman: 3 })).toMatchObject({
      number: 'III.',
      value: 3,
    });
  });

  it('leaves them alone without that evidence', () => {
    expect(parseHeadingMarker('IH- MỤC TIÊU', { expectedRoman: 5 })).toBeNull();
    expect(parseHeadingMarker('H- MỤC TIÊU', { expectedRoman: 2 })).toBeNull();
  });
});

describe('more heading forms', () => {
  it('reads parts numbered in words and capital-letter parts', () => {
    expect(parseHeadingMarker('Phần thứ hai')).toMatchObject({
      kind: 'part',
      value: 2,
      number: 'Phần thứ hai',
    });
    expect(parseHeadingMarker('A. KẾT QUẢ ĐẠT ĐƯỢC')).toMatchObject({ style: 'upper', number: 'A.' });
    // C is a Roman numeral's letter: a capital-letter part only where the letters run up to it.
    expect(parseHeadingMarker('C. GIẢI PHÁP')?.style).not.toBe('upper');
    expect(parseHeadingMarker('C. GIẢI PHÁP', { expectedUpper: 'C' })).toMatchObject({ style: 'upper' });
  });
  it('reads a number glued to its heading, but not initials', () => {
    expect(parseHeadingMarker('I.MỤC TIÊU')).toMatchObject({ number: 'I.', rest: 'MỤC TIÊU' });
    expect(parseHeadingMarker('2.Tăng cường quản lý')).toMatchObject({
      number: '2.',
      rest: 'Tăng cường quản lý',
    });
    expect(parseHeadingMarker('V.N.M là trị giá hải quan')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { alignWords, scoreCorrection, words } from './align.js';

describe('alignWords', () => {
  it('pairs words one to one, and one word with the two OCR made of it', () => {
    const pairs = alignWords(['phát', 'triển', 'kinh', 'tế'], ['phát', 'tri', 'ển', 'kinh', 'tê']);
    expect(pairs.map((p) => [p.ref, p.hyp])).toEqual([
      [
        [0, 1],
        [0, 1],
      ],
      [
        [1, 2],
        [1, 3],
      ],
      [
        [2, 3],
        [3, 4],
      ],
      [
        [3, 4],
        [4, 5],
      ],
    ]);
  });
});

describe('words', () => {
  it('strips punctuation at word ends when asked', () => {
    expect(words('Sửa đổi, bổ sung ... (1)', true)).toEqual(['Sửa', 'đổi', 'bổ', 'sung', '1']);
    expect(words('Số:……ngày.........tháng', true)).toEqual(['Số', 'ngày', 'tháng']);
    expect(words('Số:……ngày', false)).toEqual(['Số:……ngày']);
  });
});

describe('scoreCorrection', () => {
  it('counts wrong words fixed and right words broken', () => {
    const s = scoreCorrection(
      'tổ chức thực hiện kế hoạch',
      'tố chức thực hiện kê hoạch',
      'tổ chức thục hiện kê hoạch',
    );
    expect(s).toMatchObject({ words: 6, wrongBefore: 2, fixed: 1, rightBefore: 4, broken: 1, misread: 2 });
  });

  it('counts figures and footnote marks apart from misread words, and words lost', () => {
    const s = scoreCorrection(
      'gồm 2 doanh nghiệp lại8 và',
      'gồm doanh nghiệp lại và',
      'gồm doanh nghiệp lại và',
      true,
    );
    expect(s).toMatchObject({ wrongBefore: 3, misread: 0, figures: 3, lost: 0 });
    // A form's labels the OCR dropped: nothing read in their place.
    const lost = scoreCorrection('Điện thoại Fax Email Website', 'Website', 'Website', true);
    expect(lost.lost).toBeGreaterThan(0);
    expect(lost.misread).toBe(0);
    const d = scoreCorrection('có lực lượng', 'có 1ực lượng', 'có lực lượng', true);
    expect(d).toMatchObject({ misread: 1, misreadFixed: 1, figures: 0 });
  });

  it('follows joins and splits through the correction', () => {
    const s = scoreCorrection('phát triển kinh tế', 'phát tri ển kinh tế', 'phát triển kinh tế');
    expect(s).toMatchObject({ wrongBefore: 1, fixed: 1, broken: 0 });
  });
});

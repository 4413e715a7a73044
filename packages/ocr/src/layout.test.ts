import type { OcrWord } from '@sohoa/model';
import { describe, expect, it } from 'vitest';
import { blocksText, layoutPage, type RawLine } from './layout.js';

const W = 2480;
const H = 3508;

/** Words laid out from x at baseline y, 25 px per character, 25 px spaces. */
function words(text: string, x: number, y: number): OcrWord[] {
  const out: OcrWord[] = [];
  for (const t of text.split(' ')) {
    const w = t.length * 25;
    out.push({ text: t, bbox: { x0: x, y0: y, x1: x + w, y1: y + 50 }, confidence: 90 });
    x += w + 25;
  }
  return out;
}

function centred(text: string, centre: number, y: number): OcrWord[] {
  const width = text.length * 25;
  return words(text, Math.round(centre - width / 2), y);
}

describe('layoutPage', () => {
  it('keeps the two header columns apart even when the engine merged their rows', () => {
    const left = 700;
    const right = 1700;
    const lines: RawLine[] = [
      // The engine read each header row straight across both columns.
      {
        paragraph: 1,
        words: [
          ...centred('ĐẢNG BỘ TỈNH BẮC GIANG', left, 200),
          ...centred('ĐẢNG CỘNG SẢN VIỆT NAM', right, 200),
        ],
      },
      { paragraph: 1, words: centred('TỈNH ỦY', left, 270) },
      { paragraph: 1, words: [...centred('*', left, 340)] },
      {
        paragraph: 1,
        words: [
          ...centred('Số 125-KH/TU', left, 410),
          ...centred('Bắc Giang, ngày 15 tháng 3 năm 2024', right, 410),
        ],
      },
      { paragraph: 2, words: centred('KẾ HOẠCH', 1400, 600) },
      {
        paragraph: 3,
        words: words(
          'Thực hiện Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị về phát triển',
          350,
          760,
        ),
      },
      { paragraph: 3, words: words('và ứng dụng công nghệ sinh học.', 350, 830) },
    ];
    const blocks = layoutPage(lines, { pageWidth: W, pageHeight: H, firstPage: true });
    expect(blocks.map((b) => b.role)).toEqual(['header-left', 'header-right', 'body', 'body']);
    expect(blocksText(blocks)).toBe(
      [
        'ĐẢNG BỘ TỈNH BẮC GIANG\nTỈNH ỦY\n*\nSố 125-KH/TU',
        'ĐẢNG CỘNG SẢN VIỆT NAM\nBắc Giang, ngày 15 tháng 3 năm 2024',
        'KẾ HOẠCH',
        'Thực hiện Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị về phát triển\nvà ứng dụng công nghệ sinh học.',
      ].join('\n\n'),
    );
  });

  it('separates a closing recipients | signature zone without calling it a header', () => {
    const lines: RawLine[] = [
      {
        paragraph: 1,
        words: words(
          'Trên đây là Kế hoạch triển khai thực hiện Nghị quyết của Ban Thường vụ Tỉnh ủy.',
          350,
          400,
        ),
      },
      { paragraph: 2, words: [...words('Nơi nhận:', 350, 600), ...centred('T/M BAN THƯỜNG VỤ', 1750, 600)] },
      { paragraph: 2, words: [...words('- Ban Bí thư,', 350, 660), ...centred('PHÓ BÍ THƯ', 1750, 660)] },
      { paragraph: 2, words: words('- Lưu VPTU.', 350, 720) },
      { paragraph: 3, words: centred('Lâm Thị Hương Thành', 1750, 900) },
    ];
    const blocks = layoutPage(lines, { pageWidth: W, pageHeight: H, firstPage: false });
    expect(blocks.map((b) => b.role)).toEqual(['body', 'column-left', 'column-right']);
    expect(blocks[1]!.lines.map((l) => l.words.map((w) => w.text).join(' '))).toEqual([
      'Nơi nhận:',
      '- Ban Bí thư,',
      '- Lưu VPTU.',
    ]);
    expect(blocks[2]!.lines.map((l) => l.words.map((w) => w.text).join(' '))).toEqual([
      'T/M BAN THƯỜNG VỤ',
      'PHÓ BÍ THƯ',
      'Lâm Thị Hương Thành',
    ]);
  });

  it('does not split single-column body text, short lines and headings included', () => {
    const lines: RawLine[] = [
      { paragraph: 1, words: words('II- MỤC TIÊU', 350, 300) },
      { paragraph: 2, words: words('1. Mục tiêu chung', 350, 370) },
      {
        paragraph: 3,
        words: words(
          'Tập trung các nguồn lực xã hội, các lợi thế của tỉnh để phát triển và ứng dụng',
          350,
          440,
        ),
      },
      { paragraph: 3, words: words('công nghệ sinh học.', 350, 510) },
      { paragraph: 4, words: words('2. Mục tiêu cụ thể', 350, 580) },
    ];
    const blocks = layoutPage(lines, { pageWidth: W, pageHeight: H, firstPage: true });
    expect(blocks.every((b) => b.role === 'body')).toBe(true);
    expect(blocksText(blocks).split(/\n+/)).toEqual([
      'II- MỤC TIÊU',
      '1. Mục tiêu chung',
      'Tập trung các nguồn lực xã hội, các lợi thế của tỉnh để phát triển và ứng dụng',
      'công nghệ sinh học.',
      '2. Mục tiêu cụ thể',
    ]);
  });

  it('orders lines top to bottom even when the engine listed blocks out of order', () => {
    const lines: RawLine[] = [
      {
        paragraph: 2,
        words: words('second line of text that spans the whole width of the page body', 350, 500),
      },
      {
        paragraph: 1,
        words: words('first line of text that spans the whole width of the page body', 350, 300),
      },
    ];
    const text = blocksText(layoutPage(lines, { pageWidth: W, pageHeight: H, firstPage: false }));
    expect(text.indexOf('first')).toBeLessThan(text.indexOf('second'));
  });
});

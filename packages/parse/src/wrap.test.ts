import { describe, expect, it } from 'vitest';
import { assembleParagraphs, linesFromText } from './lines.js';
import { continuesAcrossBlank, continuesWrappedLine, measureWrap, splitsToken } from './wrap.js';

/** Cut paragraphs into lines of at most `width` characters, at spaces (as a PDF text layer does). */
function hardWrap(paragraphs: string[], width: number): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    let line = '';
    for (const word of p.split(' ')) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    out.push(line);
  }
  return out;
}

const FILLER = [
  '- Các cơ quan, đơn vị tiếp tục rà soát, hoàn thiện hồ sơ đề nghị hỗ trợ cải thiện nhà ở cho các hộ gia đình có hoàn cảnh khó khăn trên địa bàn, bảo đảm đúng đối tượng, công khai, minh bạch.',
  '- Tăng cường công tác tuyên truyền, phổ biến chính sách hỗ trợ nhà ở đến cán bộ, công chức và nhân dân bằng nhiều hình thức phù hợp với từng địa bàn dân cư.',
  '- Thường xuyên kiểm tra, đôn đốc việc triển khai thực hiện, kịp thời tháo gỡ khó khăn, vướng mắc phát sinh trong quá trình tổ chức thực hiện tại cơ sở.',
];

describe('measureWrap', () => {
  it('tells hard-wrapped text from one paragraph per line', () => {
    const wrapped = measureWrap(hardWrap([...FILLER, ...FILLER], 72));
    expect(wrapped.wrapped).toBe(true);
    expect(wrapped.width).toBeGreaterThan(60);
    expect(
      measureWrap([...FILLER, ...FILLER, ...FILLER, ...FILLER, 'I. MỤC ĐÍCH', '1. Mục đích']).wrapped,
    ).toBe(false);
  });
});

describe('continuation evidence', () => {
  const model = { wrapped: true, width: 72 };
  it.each([
    [
      'Các đơn vị tổng hợp danh sách và gửi báo cáo về Sở Xây dựng trước ngày 31 tháng',
      '12 để tổng hợp chung.',
    ],
    ['Thực hiện Nghị quyết số 12/NQ-CP của Chính phủ ban hành ngày', '15/9/2025 của Chính phủ về nhà ở.'],
    ['Thực hiện Chỉ thị số 47-', 'CT/TW ngày 10/6/2016 của Ban Bí thư.'],
    [
      'Sở Lao động chủ trì, phối hợp với các cơ quan liên quan nghiên cứu và phát triển',
      'Quỹ hỗ trợ người lao động của Thành phố.',
    ],
  ])('%s / %s continues', (previous, next) => {
    expect(continuesWrappedLine(previous, next, model)).toBe(true);
  });

  it.each([
    ['1. Mục đích', 'Bảo đảm việc hỗ trợ đúng đối tượng.'],
    ['- Tổ chức kiểm tra tại cơ sở.', 'Sở Xây dựng tổng hợp kết quả và báo cáo Ủy ban nhân dân.'],
    ['Các đơn vị tổng hợp danh sách và gửi báo cáo về Sở Xây dựng, thực hiện', '- Lập hồ sơ đề nghị hỗ trợ.'],
    ['Các đơn vị tổng hợp danh sách và gửi báo cáo về Sở Xây dựng trước hạn', '2. Kinh phí thực hiện'],
  ])('%s / %s does not continue', (previous, next) => {
    expect(continuesWrappedLine(previous, next, model)).toBe(false);
  });

  it('sees dates and numbers cut by the break', () => {
    expect(splitsToken('trong quý', 'II/2015 và các năm tiếp theo')).toBe(true);
    expect(splitsToken('xong trong tháng 6.', 'Sở Y tế báo cáo')).toBe(false);
  });

  it('joins across a stray blank line only where the sentence goes on', () => {
    expect(
      continuesAcrossBlank('Phối hợp với Hội Nông dân, Hội Cựu chiến binh,', 'Đoàn Thanh niên vận động.'),
    ).toBe(true);
    expect(continuesAcrossBlank('Sở Y tế tổng hợp danh sách', ', báo cáo Ủy ban nhân dân.')).toBe(true);
    expect(continuesAcrossBlank('Sở Y tế tổng hợp danh sách.', 'Sở Tài chính bố trí kinh phí.')).toBe(false);
    expect(continuesAcrossBlank('a) Bước 1', 'Ủy ban nhân dân phường lập danh sách.')).toBe(false);
  });
});

describe('assembleParagraphs: hard-wrapped text', () => {
  const paragraphs = [
    'II. NHIỆM VỤ CỤ THỂ',
    '1. Rà soát đối tượng',
    '- Ủy ban nhân dân các quận, huyện tổng hợp danh sách hộ gia đình đủ điều kiện và gửi về Sở Xây dựng trước ngày 31 tháng 12 để tổng hợp chung.',
    '- Thực hiện Chỉ thị số 47-CT/TW ngày 15/9/2025 của Ban Bí thư về việc lãnh đạo công tác hỗ trợ nhà ở.',
    ...FILLER,
    '2. Tổ chức thực hiện',
    '- Sở Lao động chủ trì, phối hợp với các cơ quan liên quan nghiên cứu và phát triển Quỹ hỗ trợ người lao động của Thành phố.',
    ...FILLER,
  ];
  // Wrapped by hand where the tricky breaks fall, by the helper elsewhere.
  const lines = [
    'II. NHIỆM VỤ CỤ THỂ',
    '1. Rà soát đối tượng',
    '- Ủy ban nhân dân các quận, huyện tổng hợp danh sách hộ gia đình đủ điều',
    'kiện và gửi về Sở Xây dựng trước ngày 31 tháng',
    '12 để tổng hợp chung.',
    '- Thực hiện Chỉ thị số 47-',
    'CT/TW ngày 15/9/2025 của Ban Bí thư về việc lãnh đạo công tác hỗ trợ nhà ở.',
    ...hardWrap(FILLER, 72),
    '2. Tổ chức thực hiện',
    '- Sở Lao động chủ trì, phối hợp với các cơ quan liên quan nghiên cứu và',
    'phát triển Quỹ hỗ trợ người lao động của Thành phố.',
    ...hardWrap(FILLER, 72),
  ];
  const source = linesFromText(lines.join('\n'));

  it('gives back the printed paragraphs', () => {
    const model = measureWrap(source.map((l) => l.text));
    expect(model.wrapped).toBe(true);
    const paras = assembleParagraphs(source, false, model).map((p) =>
      p.text.replace('47- CT/TW', '47-CT/TW'),
    );
    expect(paras).toEqual(paragraphs);
  });
});

describe('assembleParagraphs: paragraphs split by blank lines', () => {
  it('joins a part that starts lower-case, with punctuation, or ends an open sentence', () => {
    const text = [
      'a) Vận động',
      '',
      'Ủy ban Mặt trận Tổ quốc phường phối hợp với Hội Nông dân, Hội Cựu chiến binh,',
      '',
      'Đoàn Thanh niên vận động nhân dân tham gia.',
      '',
      'Sở Y tế tổng hợp danh sách',
      '',
      '; báo cáo trước ngày 15/6/2014.',
      '',
      'b) Kiểm tra',
      '',
      'Tổ kiểm tra làm việc tại cơ sở.',
    ].join('\n');
    const paras = assembleParagraphs(linesFromText(text), false).map((p) => p.text);
    expect(paras).toEqual([
      'a) Vận động',
      'Ủy ban Mặt trận Tổ quốc phường phối hợp với Hội Nông dân, Hội Cựu chiến binh, Đoàn Thanh niên vận động nhân dân tham gia.',
      'Sở Y tế tổng hợp danh sách ; báo cáo trước ngày 15/6/2014.',
      'b) Kiểm tra',
      'Tổ kiểm tra làm việc tại cơ sở.',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { linesFromText } from './lines.js';
import { removePageFurniture } from './pagination.js';

const body = (page: number, n: number) =>
  Array.from(
    { length: n },
    (_, i) => `- Nội dung thứ ${i + 1} của trang ${page} được trình bày trên một dòng.`,
  );

describe('removePageFurniture', () => {
  const text = [
    ...body(1, 18),
    '',
    'CÔNG BÁO/Số 101 + 102/Ngày 12-5-2025',
    '',
    '57',
    ...body(2, 18),
    '',
    'CÔNG BÁO/Số 101 + 102/Ngày 12-5-2025',
    '58 các địa phương tiếp tục thực hiện.',
    ...body(3, 18),
    '59',
    'CÔNG BÁO/Số 101 + 102/Ngày 12-5-2025',
    ...body(4, 5),
  ].join('\n');
  const { lines, messages } = removePageFurniture(linesFromText(text));

  it('empties running heads and page numbers and reports them', () => {
    const kept = lines.map((l) => l.text).filter(Boolean);
    expect(kept.some((t) => t.startsWith('CÔNG BÁO'))).toBe(false);
    expect(kept).not.toContain('57');
    expect(kept).not.toContain('59');
    expect(kept).toContain('các địa phương tiếp tục thực hiện.');
    expect(messages.filter((m) => m.ruleId === 'page-furniture').map((m) => m.text)).toEqual([
      'CÔNG BÁO/Số 101 + 102/Ngày 12-5-2025',
      '57',
      'CÔNG BÁO/Số 101 + 102/Ngày 12-5-2025',
      '58',
      '59',
      'CÔNG BÁO/Số 101 + 102/Ngày 12-5-2025',
    ]);
  });

  it('marks the blank lines of a page break', () => {
    expect(lines.filter((l) => l.furniture && !l.text).length).toBeGreaterThanOrEqual(8);
  });

  it('reads a running head with its page number at either end', () => {
    const result = removePageFurniture(
      linesFromText(
        [
          ...body(1, 16),
          'CÔNG BÁO/Số 101 + 102/Ngày 12-5-2025                                   57',
          ...body(2, 16),
          '58                                   CÔNG BÁO/Số 101 + 102/Ngày 12-5-2025',
          '59 và các cơ quan liên quan.',
          ...body(3, 3),
        ].join('\n'),
      ),
    );
    expect(result.messages.map((m) => m.text)).toEqual([
      'CÔNG BÁO/Số 101 + 102/Ngày 12-5-2025 57',
      '58 CÔNG BÁO/Số 101 + 102/Ngày 12-5-2025',
      '59',
    ]);
  });

  it('keeps a date running across a page break', () => {
    const result = removePageFurniture(
      linesFromText(
        [
          ...body(1, 16),
          'Các đơn vị gửi báo cáo trước ngày 31 tháng',
          'CÔNG BÁO/Số 101 + 102/Ngày 12-5-2025 11',
          '12 để tổng hợp chung.',
          ...body(2, 16),
          'CÔNG BÁO/Số 101 + 102/Ngày 12-5-2025 12',
          ...body(3, 3),
        ].join('\n'),
      ),
    );
    expect(result.lines.map((l) => l.text)).toContain('12 để tổng hợp chung.');
  });

  it('reads bare page numbers a page apart, without running heads', () => {
    const result = removePageFurniture(
      linesFromText([...body(1, 30), '12', ...body(2, 30), '13', ...body(3, 5)].join('\n')),
    );
    expect(result.messages.map((m) => m.text)).toEqual(['12', '13']);
  });

  it('leaves numbers that are content: table rows, dates, headings', () => {
    const table = [
      'Phụ lục',
      'STT',
      'Nhiệm vụ',
      '1',
      'Rà soát',
      '2',
      'Báo cáo',
      '12 tháng 6 năm 2014',
      '3. Kinh phí',
    ];
    const result = removePageFurniture(linesFromText([...body(1, 20), ...table].join('\n')));
    expect(result.messages).toEqual([]);
    expect(result.lines.map((l) => l.text)).toContain('1');
  });
});

describe('page furniture around a task table', () => {
  const row = (n: number) => [String(n), ...body(n, 14)];
  const header = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian'];
  const text = [
    ...header,
    ...row(1),
    'CÔNG BÁO/Số 101 + 102/Ngày 12-5-2025',
    '57',
    ...header,
    ...row(2),
    ...row(3),
    'CÔNG BÁO/Số 101 + 102/Ngày 12-5-2025',
    '58',
    ...row(4),
  ].join('\n');
  const { lines } = removePageFurniture(linesFromText(text));
  const kept = lines.map((l) => l.text).filter(Boolean);

  it('keeps the rows’ bare numbers when the pages number themselves beside their running heads', () => {
    expect(kept).toEqual(expect.arrayContaining(['1', '2', '3', '4']));
    expect(kept).not.toContain('57');
  });
  it('keeps a table’s repeated index header', () => {
    expect(kept.filter((t) => t === 'STT')).toHaveLength(2);
  });
  it('takes out a digital signature stamp', () => {
    const stamped = removePageFurniture(
      linesFromText(
        'Nguyễn Văn A\nKý bởi: VĂN PHÒNG CHÍNH PHỦ\nThời gian ký: 01.06.2026 08:00:00 +07:00\nKẾ HOẠCH',
      ),
    );
    expect(stamped.lines.map((l) => l.text).filter(Boolean)).toEqual(['Nguyễn Văn A', 'KẾ HOẠCH']);
    expect(stamped.messages.map((m) => m.reason)).toEqual([
      'Digital signature stamp',
      'Digital signature stamp',
    ]);
  });
});

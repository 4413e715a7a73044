import { describe, expect, it } from 'vitest';
import { findDeadline, findRecurrence, parseDateLine, parsePartialDate, parseTimeValue } from './dates.js';

describe('dates', () => {
  it('reads dates as precise as printed', () => {
    expect(parsePartialDate('ngày 26 tháng 3 năm 2026')?.iso).toBe('2026-03-26');
    expect(parsePartialDate('ngày  tháng 4 năm 2026')).toEqual({
      raw: 'ngày tháng 4 năm 2026',
      iso: '2026-04',
    });
    expect(parsePartialDate('ngày tháng năm 2026')?.iso).toBe('2026');
    expect(parsePartialDate('ngày 30 tháng 2 năm 2024')?.iso).toBeNull();
    expect(parseDateLine('Hà Nội, ngày 01 tháng 02 năm 2023')).toEqual({
      place: 'Hà Nội',
      date: { raw: 'ngày 01 tháng 02 năm 2023', iso: '2023-02-01' },
    });
  });
});

describe('findDeadline', () => {
  it.each([
    ['xong trong tháng 02/2024', { kind: 'within', iso: '2024-02' }],
    ['hoàn thành trước ngày 15/3/2024.', { kind: 'by', iso: '2024-03-15', raw: 'trước ngày 15/3/2024' }],
    ['hoàn thành trong quý I/2024', { kind: 'within', iso: '2024-Q1' }],
    ['hoàn thành trong quý IV năm 2026', { kind: 'within', iso: '2026-Q4', raw: 'trong quý IV năm 2026' }],
    ['từ ngày 01/12/2025 đến ngày 14/12/2025', { kind: 'range', iso: '2025-12-01', end: '2025-12-14' }],
    ['từ ngày 17/12/2025 đến 17 giờ 00, ngày 01/02/2026', { kind: 'range', end: '2026-02-01T17:00' }],
    ['gửi về Sở trước ngày 20 hằng tháng', { kind: 'by', iso: null }],
    ['Thời gian kiểm tra: 13h30’ ngày 29/4/2026', { kind: 'on', iso: '2026-04-29T13:30' }],
    ['sau ngày bầu cử 15/3/2026', { kind: 'after', iso: '2026-03-15' }],
  ])('%s', (text, expected) => {
    expect(findDeadline(text)).toMatchObject(expected);
  });

  it('reads several quarters of one year as a range, inline and as a time value', () => {
    expect(findDeadline('Tổ chức hội nghị tập huấn, hoàn thành trong quý II, III/2015.')).toMatchObject({
      kind: 'range',
      iso: '2015-Q2',
      end: '2015-Q3',
      raw: 'trong quý II, III/2015',
    });
    expect(parseTimeValue(['Quý I, II/2016'])).toMatchObject({
      kind: 'range',
      iso: '2016-Q1',
      end: '2016-Q2',
    });
    expect(parseTimeValue(['Quý III và quý IV năm 2016'])).toMatchObject({
      kind: 'range',
      iso: '2016-Q3',
      end: '2016-Q4',
    });
  });

  it('takes a period for a deadline only in deadline grammar', () => {
    // The content of a report, a budget year: not deadlines.
    expect(findDeadline('Báo cáo kết quả thực hiện chính sách trong năm 2014 gửi Sở Xây dựng.')).toBeNull();
    expect(findDeadline('Bố trí kinh phí thực hiện trong năm 2014 từ nguồn ngân sách.')).toBeNull();
    expect(findDeadline('Sở Tài chính bố trí kinh phí, hoàn thành trong quý I/2015.')).toMatchObject({
      kind: 'within',
      iso: '2015-Q1',
    });
    expect(findDeadline('Triển khai xây dựng xong trong tháng 9/2014.')).toMatchObject({ iso: '2014-09' });
  });

  it('ignores dates of cited documents and horizons', () => {
    expect(findDeadline('theo Nghị định số 181/2024/NĐ-CP ngày 31/12/2024 của Chính phủ')).toBeNull();
    expect(findDeadline('Quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050')).toBeNull();
  });

  it('reads time values: windows, bare periods, events', () => {
    expect(parseTimeValue(['Quý IV/2025 và Quý I/2026'])).toMatchObject({
      kind: 'range',
      iso: '2025-Q4',
      end: '2026-Q1',
    });
    expect(parseTimeValue(['Dự kiến ngày 05/12/2025 (Chậm nhất ngày 10/12/2025)'])).toMatchObject({
      kind: 'on',
      iso: '2025-12-05',
    });
    expect(parseTimeValue(['tháng 11/2025 đến tháng 4/2026'])).toMatchObject({
      kind: 'range',
      iso: '2025-11',
      end: '2026-04',
    });
    expect(
      parseTimeValue([
        '+ Đợt 1: từ ngày 01/12/2025 đến ngày 14/12/2025.',
        '+ Đợt 2: từ ngày 02/02/2026 đến ngày 08/02/2026.',
      ]),
    ).toMatchObject({
      kind: 'range',
      iso: '2025-12-01',
      end: '2026-02-08',
    });
    expect(parseTimeValue(['Từ khi thành lập đến khi kết thúc nhiệm vụ.'])).toMatchObject({
      kind: 'relative',
      iso: null,
    });
  });

  it('reads recurrences', () => {
    expect(findRecurrence('báo cáo hằng năm')?.kind).toBe('annual');
    expect(findRecurrence('định kỳ 6 tháng báo cáo')?.kind).toBe('semiannual');
    expect(findRecurrence('định kỳ hàng năm (trước ngày 10/12)')?.kind).toBe('annual');
    expect(findRecurrence('Thường xuyên rà soát')?.kind).toBe('continuous');
    expect(findRecurrence('Tổ chức kiểm tra')).toBeNull();
  });
});

describe('findDeadline: ranges of quarters', () => {
  it('borrows the year of the end', () => {
    expect(findDeadline('thực hiện từ quý III đến quý IV/2015')).toMatchObject({
      kind: 'range',
      iso: '2015-Q3',
      end: '2015-Q4',
    });
  });
});

describe('findDeadline: delivery verbs and content', () => {
  it.each([
    ['Bộ Y tế chủ trì xây dựng, trình Chính phủ Nghị định sửa đổi trong năm 2026.', '2026'],
    ['Trong quý III/2026 hoàn thành việc rà soát các văn bản.', '2026-Q3'],
  ])('%s', (text, iso) => {
    expect(findDeadline(text)).toMatchObject({ kind: 'within', iso });
  });
  it('not the content of what is delivered', () => {
    expect(
      findDeadline('Tổng hợp, trình Ủy ban nhân dân báo cáo kết quả thực hiện trong năm 2014.'),
    ).toBeNull();
  });
});

describe('findDeadline: lists of months', () => {
  it.each([
    ['Tháng 3, 4/2015', '2015-03', '2015-04'],
    ['tháng 6 và tháng 7 năm 2015', '2015-06', '2015-07'],
    ['Tháng 9-10/2015', '2015-09', '2015-10'],
  ])('%s', (text, iso, end) => {
    expect(parseTimeValue([text])).toMatchObject({ kind: 'range', iso, end });
  });
  it('keeps a single month with its year', () => {
    expect(parseTimeValue(['Tháng 12/2025 - tháng 1/2026'])).toMatchObject({
      kind: 'range',
      iso: '2025-12',
      end: '2026-01',
    });
  });
});

describe('findDeadline on a clock time written against a day word', () => {
  // The "on" scan is a lookahead that matched the empty string; RegExp#exec then never advanced and the
  // loop spun for ever on "3hngày", "8h ngày thứ Hai" (a time before a day that is no date).
  it.each([
    'Sở Y tế báo cáo 8h ngày thứ Hai hằng tuần.',
    'Các xã thực hiện 3hngày làm việc.',
    'họp lúc 8 giờ ngày đầu tuần, 9h ngày cuối tuần',
  ])('returns for %s', (text) => {
    expect(findDeadline(text)).toBeNull();
  });

  it('still reads a clock time on a date', () => {
    expect(findDeadline('họp lúc 8h ngày thứ Hai, 14h ngày 29/4/2026')).toMatchObject({
      kind: 'on',
      iso: '2026-04-29T14:00',
    });
  });
});

describe('more deadline phrasings', () => {
  it('reads the end of a year, a window of years and a time counted from an event', () => {
    expect(findDeadline('hoàn thành vào cuối năm 2012.')).toMatchObject({ kind: 'by', iso: '2012' });
    expect(findDeadline('triển khai trong giai đoạn 2026 - 2030.')).toMatchObject({
      kind: 'range',
      iso: '2026',
      end: '2030',
    });
    expect(findDeadline('trả lời trong thời hạn 15 ngày làm việc kể từ ngày nhận được hồ sơ.')).toMatchObject(
      {
        kind: 'relative',
        iso: null,
        raw: 'trong thời hạn 15 ngày làm việc kể từ ngày nhận được hồ sơ',
      },
    );
  });
});

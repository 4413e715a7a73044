import { describe, expect, it } from 'vitest';
import { deadlineVi, dueDay, periodBounds, periodVi, recurrenceVi } from './when.js';

describe('deadlines in Vietnamese', () => {
  it('writes periods as documents print them', () => {
    expect(periodVi('2024-06-30')).toBe('30/6/2024');
    expect(periodVi('2026-04-29T13:30')).toBe('13h30 ngày 29/4/2026');
    expect(periodVi('2024-02')).toBe('tháng 2/2024');
    expect(periodVi('2024-Q4')).toBe('quý IV/2024');
    expect(periodVi('2026-H1')).toBe('6 tháng đầu năm 2026');
    expect(periodVi('2026')).toBe('năm 2026');
  });

  it('puts the kind first, and keeps the printed words when there is no date', () => {
    expect(deadlineVi({ raw: 'xong trước 15/3', kind: 'by', iso: '2024-03-15', end: null })).toBe(
      'trước ngày 15/3/2024',
    );
    expect(deadlineVi({ raw: 'từ 02/6', kind: 'from', iso: '2026-06-02', end: null })).toBe(
      'từ ngày 2/6/2026',
    );
    expect(
      deadlineVi({ raw: 'từ tháng 11/2025 đến quý I/2026', kind: 'range', iso: '2025-11', end: '2026-Q1' }),
    ).toBe('từ tháng 11/2025 đến quý I/2026');
    expect(deadlineVi({ raw: 'ngay sau hội nghị', kind: 'relative', iso: null, end: null })).toBe(
      'ngay sau hội nghị',
    );
    expect(deadlineVi(null)).toBe('');
    expect(recurrenceVi({ raw: 'định kỳ 6 tháng', kind: 'semiannual' })).toBe('6 tháng một lần');
  });

  it('bounds periods, leap years included, and rejects what is not one', () => {
    expect(periodBounds('2024-02')?.end).toEqual({ year: 2024, month: 2, day: 29 });
    expect(periodBounds('2023-02')?.end).toEqual({ year: 2023, month: 2, day: 28 });
    expect(periodBounds('2026-H2')).toEqual({
      start: { year: 2026, month: 7, day: 1 },
      end: { year: 2026, month: 12, day: 31 },
    });
    expect(periodBounds('Q1/2024')).toBeNull();
    expect(dueDay({ raw: 'trước năm 2025', kind: 'by', iso: '2025', end: null })).toEqual({
      year: 2024,
      month: 12,
      day: 31,
    });
  });
});

import type { Deadline, Recurrence } from '@sohoa/model';
import { toRoman } from '@sohoa/vi';

/*
 * Deadlines as the exports write them: a due day for calendars and spreadsheets, and a phrase a
 * Vietnamese reader expects ("trước ngày 30/6/2024", "trong quý II/2024"). The plan keeps the phrase as
 * printed (`raw`) and its ISO period; these helpers only read them.
 */

/** A calendar day, no time zone: deadlines are local to the document's place. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2024-06-30`. */
export const dayIso = (d: Day): string => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

/** `30/6/2024`: Vietnamese documents print day/month/year; leading zeros are optional and usually dropped. */

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * First and last day of an ISO period of the plan model (`2024`, `2024-06`, `2024-06-30`,
 * `2024-06-30T13:30`, `2024-Q2`, `2024-H1`); null when the value is none of these.
 */
export function periodBounds(iso: string): { start: Day; end: Day } | null {
  const match = /^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|H([12])))?(?:T\d{2}:\d{2})?$/.exec(iso);
  if (!match) return null;
  const year = Number(match[1]);
  let first = 1;
  let last = 12;
  if (match[2]) first = last = Number(match[2]);
  else if (match[4]) {
    last = Number(match[4]) * 3;
    first = last - 2;
  } else if (match[5]) {
    last = Number(match[5]) * 6;
    first = last - 5;
  }
  if (match[3]) {
    const day = Number(match[3]);
    return { start: { year, month: first, day }, end: { year, month: first, day } };
  }
  return { start: { year, month: first, day: 1 }, end: { year, month: last, day: daysIn(year, last) } };
}

function dayBefore(d: Day): Day {
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day - 1));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * The day a task is due, or null when its deadline names no end ("từ ngày …", "sau …", no date).
 * - `on`, `within`: the last day of the period ("trong quý II/2024" → 30/6/2024).
 * - `by`: the day itself; for a coarser period, "trước tháng 6/2024" means before June starts
 *   (31/5/2024), while "chậm nhất trong tháng 6/2024" and other wordings mean by its end.
 * - `range`: the last day of `end`.
 */
export function dueDay(deadline: Deadline | null): Day | null {
  if (!deadline?.iso) return null;
  switch (deadline.kind) {
    case 'on':
    case 'within':
      return periodBounds(deadline.iso)?.end ?? null;
    case 'by': {
      const bounds = periodBounds(deadline.iso);
      if (!bounds) return null;
      const precise = /^\d{4}-\d{2}-\d{2}/.test(deadline.iso);
      if (!precise && /^\s*trước\b/iu.test(deadline.raw)) return dayBefore(bounds.start);
      return bounds.end;
    }
    case 'range':
      return deadline.end ? (periodBounds(deadline.end)?.end ?? null) : null;
    default:
      return null;
  }
}

/** An ISO period in Vietnamese: "30/6/2024", "13h30 ngày 29/4/2026", "tháng 6/2024", "quý II/2024". */
export function periodVi(iso: string): string {
  const time = /T(\d{2}):(\d{2})$/.exec(iso);
  const date = iso.replace(/T.*$/, '');
  const [year, part, day] = date.split('-');
  if (part === undefined) return `năm ${year}`;
  if (part.startsWith('Q')) return `quý ${toRoman(Number(part.slice(1)))}/${year}`;
  if (part.startsWith('H')) return `${part === 'H1' ? '6 tháng đầu năm' : '6 tháng cuối năm'} ${year}`;
  const month = Number(part);
  if (day === undefined) return `tháng ${month}/${year}`;
  const text = `${Number(day)}/${month}/${year}`;
  return time ? `${Number(time[1])}h${time[2]} ngày ${text}` : text;
}

/**
 * A deadline as a Vietnamese reader writes it in a table: the kind's preposition and the period
 * ("trước ngày 30/6/2024", "trong quý II/2024", "từ 1/12/2025 đến 14/12/2025"); the printed phrase
 * when there is no date ("ngay sau khi kết thúc hội nghị").
 */
export function deadlineVi(deadline: Deadline | null): string {
  if (!deadline) return '';
  if (!deadline.iso) return deadline.raw;
  const when = periodVi(deadline.iso);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(deadline.iso);
  const on = (word: string) => (day ? `${word} ngày ${when}` : `${word} ${when}`);
  switch (deadline.kind) {
    case 'on':
      return day ? `ngày ${when}` : when;
    case 'by':
      return on('trước');
    case 'within':
      return `trong ${when}`;
    case 'from':
      return on('từ');
    case 'after':
      return on('sau');
    case 'range':
      return deadline.end ? `từ ${when} đến ${periodVi(deadline.end)}` : on('từ');
    default:
      return deadline.raw;
  }
}

const RECURRENCE_VI: Record<Recurrence['kind'], string> = {
  daily: 'hằng ngày',
  weekly: 'hằng tuần',
  monthly: 'hằng tháng',
  quarterly: 'hằng quý',
  semiannual: '6 tháng một lần',
  annual: 'hằng năm',
  periodic: 'định kỳ',
  continuous: 'thường xuyên',
  'on-demand': 'đột xuất',
};

/** "hằng năm", "thường xuyên" …: the kind in the words documents use; '' when none. */
export function recurrenceVi(recurrence: Recurrence | null): string {
  return recurrence ? RECURRENCE_VI[recurrence.kind] : '';
}

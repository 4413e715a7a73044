import type { Deadline, PartialDate, Recurrence, RecurrenceKind } from '@sohoa/model';
import { romanValue } from '@sohoa/vi';
import { lastMatchOf, matchesOf } from './matches.js';
import { clean } from './text.js';

/*
 * Dates, deadlines and recurrences in Vietnamese administrative language:
 * "ngày 26 tháng 3 năm 2026", "ngày  tháng 4 năm 2026" (blank draft), "15/3/2024", "quý I/2024",
 * "xong trong tháng 02/2024", "trước ngày 15/3/2024", "từ ngày 01/12/2025 đến ngày 14/12/2025",
 * "17 giờ 00, ngày 01/02/2026", "hằng năm", "định kỳ 6 tháng", "thường xuyên".
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` when the day exists, else null. */
export function isoDay(day: number, month: number, year: number): string | null {
  if (!(year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function isoMonth(month: number, year: number): string | null {
  if (!(year >= 1900 && year <= 2200 && month >= 1 && month <= 12)) return null;
  return `${year}-${pad(month)}`;
}

const num = (s: string | undefined) => (s === undefined || s === '' ? undefined : Number(s));

/**
 * A date as printed, possibly with blanks: "ngày 26 tháng 3 năm 2026" → 2026-03-26, "ngày tháng 4 năm 2026"
 * → 2026-04, "ngày … tháng … năm 2026" → 2026, "30/01/2023" → 2023-01-30. Null when nothing is a date.
 */
export function parsePartialDate(input: string): PartialDate | null {
  const raw = clean(input);
  const words = /^(?:ngày|Ngày)?\s*([0-9]{1,2})?[\s.…_]*tháng\s*([0-9]{1,2})?[\s.…_]*năm\s*([0-9]{4})?/u.exec(
    raw,
  );
  if (words) {
    const day = num(words[1]);
    const month = num(words[2]);
    const year = num(words[3]);
    let iso: string | null = null;
    if (year !== undefined) {
      if (month !== undefined && day !== undefined) iso = isoDay(day, month, year);
      else if (month !== undefined) iso = isoMonth(month, year);
      else iso = String(year);
    }
    return { raw, iso };
  }
  const numeric = /^(?:ngày|Ngày)?\s*(\d{1,2})?\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/u.exec(raw);
  if (numeric) {
    const day = num(numeric[1]);
    const month = Number(numeric[2]);
    const year = Number(numeric[3]);
    const iso = day !== undefined ? isoDay(day, month, year) : isoMonth(month, year);
    return { raw, iso };
  }
  return null;
}

/** The "Place, ngày … tháng … năm …" line: place and date; null when the text is not one. */
export function parseDateLine(input: string): { place: string | null; date: PartialDate } | null {
  const text = clean(input);
  const m =
    /^(?:([^,]{1,60}?)\s*,\s*)?((?:ngày|Ngày)(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])).*?(?:năm\s*(?:\d{4}|[.…_]*)|\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}))\s*$/u.exec(
      text,
    );
  if (!m) return null;
  const date = parsePartialDate(m[2]!);
  if (!date) return null;
  const place = m[1] ? m[1].replace(/^[.…_\s]+/u, '').trim() : '';
  return { place: place && /\p{L}/u.test(place) ? place : null, date };
}

// ---------------------------------------------------------------------------------------------------------
// Time points and periods inside sentences

interface Point {
  /** ISO moment or period; null when the print leaves it open (no year). */
  iso: string | null;
  /** Characters consumed from the start of the input. */
  length: number;
  /** Year printed, for borrowing in ranges. */
  year?: number;
  day?: number;
  month?: number;
  time?: string;
  quarter?: number;
  /** The last period of a list of periods ("quý II, III/2015" ends in 2015-Q3). */
  end?: string | null;
}

const TIME = String.raw`(?:(?:lúc|vào lúc|vào)\s+)?(\d{1,2})\s*(?:giờ|h|g)\s*(\d{1,2})?\s*(?:phút|’|'|p)?\s*,?\s*(?:\([^)]*\)\s*)?(?:,?\s*)`;

const QUARTER = String.raw`(?:[IV]{1,3}|[1-4])(?![\p{L}\d])`;

function quarterValue(token: string): number {
  return /^\d$/u.test(token) ? Number(token) : romanValue(token.toUpperCase());
}

const POINT_PATTERNS: { re: RegExp; make: (m: RegExpExecArray) => Omit<Point, 'length'> }[] = [
  {
    // [time] [ngày] d/m[/y]
    re: new RegExp(
      String.raw`^(?:${TIME})?(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?!\d)`,
      'iu',
    ),
    make: (m) => dayPoint(num(m[3])!, num(m[4])!, num(m[5]), m[1], m[2]),
  },
  {
    // [time] ngày d tháng m [năm y]
    re: new RegExp(
      String.raw`^(?:${TIME})?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:năm\s+|/\s*)(\d{4}))?`,
      'iu',
    ),
    make: (m) => dayPoint(num(m[3])!, num(m[4])!, num(m[5]), m[1], m[2]),
  },
  {
    // ngày d hằng tháng: a day of every month
    re: /^ngày\s+(\d{1,2})\s+(?:hằng|hàng)\s+tháng/iu,
    make: () => ({ iso: null }),
  },
  {
    // quý I/2024, quý IV năm 2026, quý 2/2025; a list of quarters of one year: quý II, III/2015, quý III và
    // quý IV năm 2016.
    re: new RegExp(
      String.raw`^quý\s+(${QUARTER})((?:\s*(?:,|và|-|–)\s*(?:quý\s+)?${QUARTER})*)(?:\s*(?:\/|-|năm)\s*(\d{4}))?`,
      'iu',
    ),
    make: (m) => {
      const quarters = [m[1]!, ...[...m[2]!.matchAll(new RegExp(QUARTER, 'giu'))].map((x) => x[0])].map(
        quarterValue,
      );
      const year = num(m[3]);
      const first = quarters[0]!;
      const last = quarters[quarters.length - 1]!;
      if (!quarters.every((q) => q >= 1 && q <= 4)) return { iso: null, year };
      if (year === undefined) return { iso: null, quarter: first };
      return {
        iso: `${year}-Q${first}`,
        year,
        quarter: first,
        ...(last !== first ? { end: `${year}-Q${last}` } : {}),
      };
    },
  },
  {
    // 6 tháng đầu năm 2026, 6 tháng cuối năm 2026
    re: /^(?:6|sáu)\s+tháng\s+(đầu|cuối)\s+năm(?:\s+(\d{4}))?/iu,
    make: (m) => {
      const year = num(m[2]);
      return { iso: year !== undefined ? `${year}-H${m[1]!.toLowerCase() === 'đầu' ? 1 : 2}` : null, year };
    },
  },
  {
    // tháng 02/2024, tháng 4 năm 2026, tháng 11; a list of months of one year: tháng 3, 4/2015, tháng 9-10/2015.
    re: /^tháng\s+(\d{1,2})((?:\s*(?:,|và|-|–)\s*(?:tháng\s+)?\d{1,2}(?!\d|\/\d{1,2}\/))*)(?:\s*(?:\/|-|năm)\s*(\d{4}))?/iu,
    make: (m) => {
      const year = num(m[3]);
      const month = Number(m[1]);
      const months = [month, ...[...m[2]!.matchAll(/\d{1,2}/gu)].map((x) => Number(x[0]))];
      const last = months[months.length - 1]!;
      const end = year !== undefined && last !== month ? isoMonth(last, year) : null;
      return { iso: year !== undefined ? isoMonth(month, year) : null, year, month, ...(end ? { end } : {}) };
    },
  },
  {
    // năm 2026
    re: /^năm\s+(\d{4})/iu,
    make: (m) => ({ iso: m[1]!, year: Number(m[1]) }),
  },
];

function dayPoint(day: number, month: number, year: number | undefined, hour?: string, minute?: string) {
  const time = hour !== undefined ? `T${pad(Number(hour))}:${pad(Number(minute ?? 0))}` : undefined;
  const date = year !== undefined ? isoDay(day, month, year) : null;
  const point: Omit<Point, 'length'> = { iso: date && time ? `${date}${time}` : date, day, month };
  if (year !== undefined) point.year = year;
  if (time) point.time = time;
  return point;
}

/** A time point or period at the very start of `text`. */
function pointAt(text: string): Point | null {
  for (const { re, make } of POINT_PATTERNS) {
    const m = re.exec(text);
    if (m) return { ...make(m), length: m[0].length };
  }
  return null;
}

function withYear(point: Point, year: number | undefined): string | null {
  if (point.iso || year === undefined) return point.iso;
  if (point.day !== undefined && point.month !== undefined) {
    const date = isoDay(point.day, point.month, year);
    return date && point.time ? `${date}${point.time}` : date;
  }
  if (point.month !== undefined) return isoMonth(point.month, year);
  if (point.quarter !== undefined) return `${year}-Q${point.quarter}`;
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Deadlines

interface Found {
  deadline: Deadline;
  index: number;
}

/**
 * Deadline grammar for a period ("trong năm 2026"): the period is when the action is done, unless it qualifies
 * what is reported or budgeted ("báo cáo kết quả thực hiện trong năm 2014", "kinh phí … trong năm 2014").
 * A word of completion or delivery after such a noun ("…, hoàn thành trong năm 2014", "trình …") or right
 * after the period ("trong năm 2026 hoàn thành …") makes it a deadline again.
 */
const CONTENT_NOUN =
  /(?<![\p{L}])(?:báo cáo|kết quả|tình hình|số liệu|kinh phí|ngân sách|dự toán|nguồn vốn|vốn)(?![\p{L}])/giu;
const COMPLETION =
  /(?<![\p{L}])(?:hoàn thành|hoàn tất|xong|kết thúc|trình|ban hành|thời gian thực hiện|thời hạn|tiến độ)(?![\p{L}])/giu;
const COMPLETION_AFTER = /^[^.;:!?()]{0,20}?(?<![\p{L}])(?:hoàn thành|hoàn tất|xong)(?![\p{L}])/iu;

function lastIndex(re: RegExp, text: string): number {
  return lastMatchOf(re, text)?.index ?? -1;
}

function deadlineGrammar(before: string, after: string): boolean {
  if (COMPLETION_AFTER.test(after)) return true;
  const clause = before.slice(Math.max(before.search(/[^.;:!?()]*$/u), 0));
  const content = lastIndex(CONTENT_NOUN, clause);
  return content < 0 || lastIndex(COMPLETION, clause) > content;
}

const DONE = String.raw`(?:(?:hoàn thành|xong|kết thúc)(?:\s+[^,.;]{0,40}?)?\s+)?`;

/** The "by" prepositions of `findDeadline`, after an optional "hoàn thành …". */
const BY = new RegExp(
  String.raw`${DONE}(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))(trước|chậm nhất(?:\s+(?:là|vào))?|muộn nhất|không quá|hạn chót|hạn cuối|đến hết|đến)\s+(?:(?:ngày|hạn)\s+(?=\d)|(?=\d{1,2}\s*(?:giờ|h)))?`,
  'giu',
);

/**
 * The deadline stated in a sentence, from its preposition: "trước ngày 15/3/2024" (by), "trong quý I/2024"
 * (within), "từ ngày … đến ngày …" (range), "sau ngày …" (after), "từ ngày …" (from), "13h30’ ngày …" (on).
 * Dates of cited documents ("Nghị định … ngày 31/12/2024") are not deadlines: a date needs its preposition.
 */
export function findDeadline(input: string): Deadline | null {
  const text = clean(input);
  const found: Found[] = [];
  const scan = (re: RegExp, handle: (m: RegExpExecArray) => Deadline | null) => {
    for (const m of matchesOf(re, text)) {
      const deadline = handle(m);
      if (deadline) {
        found.push({ deadline, index: m.index });
        break;
      }
    }
  };

  // Ranges: "(trong khoảng thời gian) từ <P> đến <P>".
  scan(
    /(?:trong khoảng thời gian\s+)?(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))từ\s+/giu,
    (m) => {
      const start = pointAt(text.slice(m.index + m[0].length));
      if (!start) return null;
      const afterStart = m.index + m[0].length + start.length;
      const link = /^\s*(?:đến|tới|-|–)\s+(?:hết\s+)?/iu.exec(text.slice(afterStart));
      if (!link) {
        return {
          raw: rawFrom(text, m.index, afterStart),
          kind: 'from',
          iso: start.iso,
          end: null,
        };
      }
      const end = pointAt(text.slice(afterStart + link[0].length));
      if (!end) return null;
      const stop = afterStart + link[0].length + end.length;
      return {
        raw: rawFrom(text, m.index, stop),
        kind: 'range',
        iso: withYear(start, end.year),
        end: end.end ?? end.iso,
      };
    },
  );

  // By: "trước ngày …", "chậm nhất ngày …", "đến hết ngày …", "hạn chót …".
  scan(BY, (m) => {
    const pos = m.index + m[0].length;
    const rest = text.slice(pos);
    // "tầm nhìn đến năm 2050", "giai đoạn … đến năm …" name a horizon, not a deadline.
    if (
      /(?:tầm nhìn|định hướng|giai đoạn|thời kỳ)\s*$/iu.test(text.slice(Math.max(0, m.index - 12), m.index))
    )
      return null;
    // "trước ngày 20" in "trước ngày 20 hằng tháng"
    const monthly = /^(\d{1,2})\s+(?:hằng|hàng)\s+tháng/iu.exec(rest);
    if (monthly) {
      return {
        raw: rawFrom(text, startOfPreposition(text, m), pos + monthly[0].length),
        kind: 'by',
        iso: null,
        end: null,
      };
    }
    const needsDay = /^\d/u.test(rest) && !/^\d{1,2}\s*(?:\/|giờ|h)/iu.test(rest);
    const point = pointAt(needsDay ? `ngày ${rest}` : rest);
    if (!point) return null;
    if (m[1]!.toLowerCase() === 'đến' && point.iso === null) return null;
    const consumed = pos + point.length - (needsDay ? 5 : 0);
    return {
      raw: rawFrom(text, startOfPreposition(text, m), consumed),
      kind: 'by',
      iso: point.iso,
      end: null,
    };
  });

  // Within: "xong trong tháng 02/2024", "hoàn thành trong quý I/2024", "hoàn thành … trong năm 2026". Only
  // with a word of completion in the same clause: "báo cáo kết quả trong năm 2014" names the content of the
  // report, "kinh phí trong năm 2014" a budget year.
  scan(
    /(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))(trong)\s+(?=tháng|quý|năm|6 tháng|sáu tháng)/giu,
    (m) => {
      const pos = m.index + m[0].length;
      const point = pointAt(text.slice(pos));
      if (!point || point.iso === null) return null;
      if (!deadlineGrammar(text.slice(Math.max(0, m.index - 100), m.index), text.slice(pos + point.length)))
        return null;
      const raw = rawFrom(text, m.index, pos + point.length);
      if (point.end) return { raw, kind: 'range', iso: point.iso, end: point.end };
      return { raw, kind: 'within', iso: point.iso, end: null };
    },
  );

  // After: "sau ngày 15/3/2026", "sau ngày bầu cử 15/3/2026".
  scan(
    /(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))sau\s+(?:ngày\s+(?:bầu cử\s+)?)?/giu,
    (m) => {
      const pos = m.index + m[0].length;
      let rest = text.slice(pos);
      if (/^\d/u.test(rest) && !/^\d{1,2}\s*\//u.test(rest)) rest = `ngày ${rest}`;
      const point = pointAt(rest);
      if (!point || point.iso === null) return null;
      return { raw: rawFrom(text, m.index, pos + point.length), kind: 'after', iso: point.iso, end: null };
    },
  );

  // On: a clock time with a day ("13h30’ ngày 29/4/2026"), or "vào ngày …".
  scan(
    /(?:(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))vào\s+(?:lúc\s+)?)?(?=\d{1,2}\s*(?:giờ|h)\s*\d{0,2}\s*(?:phút|’|')?\s*,?\s*ngày)|(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))vào\s+(?=ngày\s+\d)/giu,
    (m) => {
      const pos = m.index + m[0].length;
      const point = pointAt(text.slice(pos));
      if (!point || point.iso === null) return null;
      return { raw: rawFrom(text, m.index, pos + point.length), kind: 'on', iso: point.iso, end: null };
    },
  );

  // "vào cuối năm 2012", "trước cuối năm 2026": by the end of that year.
  scan(/(?:vào|trước|đến)\s+cuối\s+năm\s+((?:19|20)\d{2})(?![\p{N}])/giu, (m) => ({
    raw: rawFrom(text, m.index, m.index + m[0].length),
    kind: 'by',
    iso: m[1]!,
    end: null,
  }));

  // "trong giai đoạn 2012 - 2015": a window of years.
  scan(/trong\s+giai\s+đoạn\s+((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})(?![\p{N}])/giu, (m) => ({
    raw: rawFrom(text, m.index, m.index + m[0].length),
    kind: 'range',
    iso: m[1]!,
    end: m[2]!,
  }));

  // "trong thời hạn 30 ngày (làm việc) kể từ ngày nhận …": a time tied to an event.
  scan(
    /trong\s+(?:thời\s+hạn|vòng)\s+\d{1,3}\s+(?:ngày|tháng|tuần)(?:\s+làm\s+việc)?\s+(?:kể\s+từ|sau|từ)\s+[^,.;]{3,60}/giu,
    (m) => ({ raw: rawFrom(text, m.index, m.index + m[0].length), kind: 'relative', iso: null, end: null }),
  );

  if (found.length === 0) return null;
  found.sort((a, b) => a.index - b.index);
  return found[0]!.deadline;
}

function startOfPreposition(_text: string, m: RegExpExecArray): number {
  // Drop "hoàn thành …"/"xong" before the preposition: raw starts at the preposition itself.
  const local = m[0];
  const at = local.toLowerCase().lastIndexOf(m[1]!.toLowerCase());
  return m.index + Math.max(at, 0);
}

function rawFrom(text: string, start: number, end: number): string {
  return text
    .slice(start, end)
    .replace(/[\s,.;:]+$/u, '')
    .trim();
}

/**
 * The value of a "Thời gian thực hiện: …" line (or lines), read whole: a deadline as in `findDeadline`, a
 * bare period ("Quý IV/2025", "Tháng 11/2025", "ngày 05/12/2025"), several windows (a range from the first
 * start to the last end), or an event without a date (relative).
 */
export function parseTimeValue(values: string[]): Deadline | null {
  const parts = values.map(clean).filter((v) => v && /\p{L}|\d/u.test(v));
  if (parts.length === 0) return null;
  const raw = parts.join(' ');
  const windows = parts.map((part) =>
    windowOf(part.replace(/^[-+*•]\s*/u, '').replace(/^[^:]{1,40}:\s*(?=\S)/u, '')),
  );
  if (windows.length === 1) {
    const only = windows[0]!;
    return only
      ? { ...only, raw: trimRaw(only.raw) }
      : { raw: trimRaw(stripLead(parts[0]!)), kind: 'relative', iso: null, end: null };
  }
  if (windows.some((w) => w === null || w.iso === null))
    return { raw, kind: 'relative', iso: null, end: null };
  const first = windows[0]!;
  const last = windows[windows.length - 1]!;
  return { raw, kind: 'range', iso: first.iso, end: last.end ?? last.iso };
}

/**
 * The deadline of a time value, or null when it only says how often ("Thường xuyên", "Hằng năm"): that is a
 * recurrence, not a deadline.
 */
export function timeValueDeadline(values: readonly string[]): Deadline | null {
  const all = clean(values.join(' '));
  if (!all || (!/\d/u.test(all) && findRecurrence(all))) return null;
  return parseTimeValue([...values]);
}

function stripLead(text: string): string {
  return text.replace(/^[-+*•]\s*/u, '');
}

function trimRaw(text: string): string {
  return text.replace(/[\s.;,]+$/u, '').trim() || text;
}

/** One window of a time value: the main text first, the parenthesised remarks only when it has no date. */
function windowOf(part: string): Deadline | null {
  const main = clean(part.replace(/\([^()]*\)/gu, ' '));
  if (main !== clean(part)) {
    const found = windowOfText(main);
    if (found)
      return {
        ...found,
        raw: found.raw === main.replace(/[\s.;,]+$/u, '') ? clean(part).replace(/[\s.;,]+$/u, '') : found.raw,
      };
  }
  return windowOfText(part);
}

function windowOfText(part: string): Deadline | null {
  const text = clean(part);
  // A span of years or a bare year as a time value: "2026 - 2030", "Năm 2026-2028", "Giai đoạn 2026 – 2030",
  // "2026".
  const years =
    /^(?:(?:trong\s+)?(?:năm|giai đoạn)\s+)?((?:19|20)\d{2})(?:\s*[-–]\s*(?:năm\s+)?((?:19|20)\d{2}))?[\s.;,]*$/iu.exec(
      text,
    );
  if (years) {
    const raw = text.replace(/[\s.;,]+$/u, '');
    return years[2]
      ? { raw, kind: 'range', iso: years[1]!, end: years[2] }
      : { raw, kind: 'within', iso: years[1]!, end: null };
  }
  // "tháng 11/2025 đến tháng 4/2026" (a range without "từ").
  const lead = /^(?:(?:dự kiến|khoảng)\s+)?/iu.exec(text)![0].length;
  const start = pointAt(text.slice(lead));
  if (start) {
    const link = /^\s*(?:đến|tới|-|–)\s+(?:hết\s+)?/iu.exec(text.slice(lead + start.length));
    const end = link ? pointAt(text.slice(lead + start.length + link[0].length)) : null;
    if (link && end?.iso) {
      return {
        raw: text.replace(/[\s.;,]+$/u, ''),
        kind: 'range',
        iso: withYear(start, end.year),
        end: end.end ?? end.iso,
      };
    }
  }
  const deadline = findDeadline(text);
  if (deadline) {
    return deadline;
  }
  // Bare periods: "Quý IV/2025 và Quý I/2026", "Tháng 11/2025", "Dự kiến tháng 11/2025 (…)", "ngày 05/12/2025".
  const points: Point[] = [];
  const re = /(?:ngày\s+\d|\d{1,2}\s*\/\s*\d{1,2}\s*\/|quý\s|tháng\s+\d|năm\s+\d{4}|6 tháng)/giu;
  let firstIndex = -1;
  let lastEnd = -1;
  for (const m of matchesOf(re, text)) {
    if (lastEnd > m.index) continue;
    const point = pointAt(text.slice(m.index));
    if (!point) continue;
    if (firstIndex < 0) firstIndex = m.index;
    lastEnd = m.index + point.length;
    points.push(point);
  }
  if (points.length === 0 || points.every((p) => p.iso === null)) return null;
  const raw = text.replace(/[\s.;,]+$/u, '');
  if (points.length === 1) {
    const p = points[0]!;
    if (p.end) return { raw, kind: 'range', iso: p.iso, end: p.end };
    const kind = p.day !== undefined ? 'on' : 'within';
    return { raw, kind, iso: p.iso, end: null };
  }
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return { raw, kind: 'range', iso: withYear(first, last.year), end: last.end ?? last.iso };
}

// ---------------------------------------------------------------------------------------------------------
// Recurrence

const RECURRENCES: { re: RegExp; kind: RecurrenceKind }[] = [
  { re: /định kỳ\s+(?:hằng|hàng)\s+ngày|(?:hằng|hàng)\s+ngày/iu, kind: 'daily' },
  { re: /định kỳ\s+(?:hằng|hàng)\s+tuần|(?:hằng|hàng)\s+tuần/iu, kind: 'weekly' },
  { re: /định kỳ\s+(?:hằng|hàng)\s+tháng|(?:hằng|hàng)\s+tháng/iu, kind: 'monthly' },
  { re: /định kỳ\s+(?:hằng|hàng)\s+quý|(?:hằng|hàng)\s+quý/iu, kind: 'quarterly' },
  { re: /định kỳ\s+(?:6|sáu)\s+tháng(?:\s+một lần)?|(?:6|sáu)\s+tháng\s+một\s+lần/iu, kind: 'semiannual' },
  { re: /định kỳ\s+(?:hằng|hàng)\s+năm|(?:hằng|hàng)\s+năm/iu, kind: 'annual' },
  { re: /định kỳ/iu, kind: 'periodic' },
  { re: /thường xuyên/iu, kind: 'continuous' },
  { re: /đột xuất|khi có yêu cầu/iu, kind: 'on-demand' },
];

/** The first recurrence named in a sentence ("hằng năm", "định kỳ 6 tháng", "thường xuyên" …). */
export function findRecurrence(input: string): Recurrence | null {
  const text = clean(input);
  let best: { index: number; length: number; recurrence: Recurrence } | null = null;
  for (const { re, kind } of RECURRENCES) {
    const m = re.exec(text);
    if (!m) continue;
    if (!best || m.index < best.index || (m.index === best.index && m[0].length > best.length)) {
      best = { index: m.index, length: m[0].length, recurrence: { raw: m[0], kind } };
    }
  }
  return best?.recurrence ?? null;
}

/** A deadline tied to an event: "ngay sau khi kết thúc hội nghị", "trước khi …". */
export function findEventDeadline(input: string): Deadline | null {
  const m = /(?<![\p{L}\p{N}])(ngay sau khi|ngay khi|sau khi kết thúc|trước khi)\s[^.;,()]{3,80}/iu.exec(
    clean(input),
  );
  if (!m) return null;
  return { raw: m[0].trim(), kind: 'relative', iso: null, end: null };
}

/** A sentence-initial event clause ("Kết thúc cuộc bầu cử, …", "Sau khi …, …"): a relative deadline. */
export function leadingEventClause(input: string): Deadline | null {
  const m = /^(?:[-+*•]\s*)?((?:Kết thúc|Ngay sau khi|Sau khi|Khi kết thúc)\s[^,;:]{3,80}?),\s/u.exec(
    clean(input),
  );
  if (!m) return null;
  return { raw: m[1]!, kind: 'relative', iso: null, end: null };
}

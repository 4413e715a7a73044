import type { Deadline } from '@sohoa/model';
import { splitBodies } from './bodies.js';
import { timeValueDeadline } from './dates.js';
import type { Paragraph } from './lines.js';
import { clean, stripFinalPunctuation } from './text.js';

/*
 * Attribute lines: the labelled lines that state who leads, who coordinates and when, printed under an item
 * ("Đơn vị chủ trì: …", "Đơn vị phối hợp: …", "Thời gian thực hiện: …", "Thời gian hoàn tất: …", "Thời hạn:
 * …", "Tiến độ: …"). A timing line may carry its value on the next lines, as bullets.
 */

export const LEAD_ATTRIBUTE =
  /^(?:[-+*•]\s*)?(?:Đơn vị|Cơ quan|Bộ phận|Người|Cán bộ)\s+(?:chủ trì|thực hiện|phụ trách|tham mưu)(?:\s+thực hiện)?\s*:\s*(.*)$/iu;
export const COORDINATOR_ATTRIBUTE =
  /^(?:[-+*•]\s*)?(?:(?:Đơn vị|Cơ quan)\s+)?phối hợp(?:\s+thực hiện)?\s*:\s*(.*)$/iu;
/**
 * "Thời gian (thực hiện | hoàn thành | hoàn tất | …)[ what]:", "Thời hạn[ what]:", "Tiến độ (thực hiện):". A time
 * of the event itself ("Thời gian kiểm tra:") is no timing of a task.
 */
export const TIME_ATTRIBUTE =
  /^(?:[-+*•]\s*)?(?:Thời gian(?:\s+(?:thực hiện|hoàn thành|hoàn tất|tổ chức|triển khai|dự kiến|xong|và|kết thúc))*(?:(?<=thực hiện|hoàn thành|hoàn tất|xong|kết thúc)\s+[^:;.]{1,40}?)?|Thời hạn(?:\s+[^:;.]{1,40}?)?|Tiến độ(?:\s+(?:thực hiện|hoàn thành))?)\s*:\s*(.*)$/iu;

/** Whether a paragraph is one of the attribute lines. */
export function isAttributeLine(text: string): boolean {
  const t = text.replace(/^\*\s*/u, '');
  return TIME_ATTRIBUTE.test(t) || LEAD_ATTRIBUTE.test(text) || COORDINATOR_ATTRIBUTE.test(text);
}

/** The value of the timing line at paras[i] (with its bullets when the line itself is empty), or null. */
export function timeValueAt(
  paras: readonly Paragraph[],
  i: number,
): { values: string[]; used: number } | null {
  const time = TIME_ATTRIBUTE.exec(paras[i]!.text.replace(/^\*\s*/u, ''));
  if (!time) return null;
  const value = clean(time[1] ?? '');
  if (value) return { values: [value], used: 1 };
  const values: string[] = [];
  for (let k = i + 1; k < paras.length; k++) {
    const next = paras[k]!.text;
    if (isAttributeLine(next) || !/^[-+*•]/u.test(next)) break;
    values.push(next);
  }
  return { values, used: 1 + values.length };
}

/** The deadline of a timing line's values. */
export function timeDeadline(values: readonly string[]): Deadline | null {
  return values.length > 0 ? timeValueDeadline(values) : null;
}

export interface Attributes {
  time: string[];
  lead: string | null;
  coordinators: string[] | null;
  found: boolean;
}

/** Where another attribute starts inside an attribute line: "Đơn vị chủ trì: X; Đơn vị phối hợp: Y". */
const NEXT_ATTRIBUTE =
  /[;.]\s*(?=(?:(?:Đơn vị|Cơ quan|Bộ phận)\s+)?(?:phối hợp|chủ trì|thực hiện)(?:\s+thực hiện)?\s*:|Thời gian|Thời hạn|Tiến độ|Sản phẩm|Kết quả)/iu;

/** An attribute line cut into one paragraph per attribute it states. */
function splitAttributes(paras: readonly Paragraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of paras) {
    if (!isAttributeLine(p.text)) {
      out.push(p);
      continue;
    }
    let rest = p.text;
    for (let m = NEXT_ATTRIBUTE.exec(rest); m; m = NEXT_ATTRIBUTE.exec(rest)) {
      const piece = rest.slice(m.index + m[0].length);
      if (!isAttributeLine(piece)) break;
      out.push({ ...p, text: rest.slice(0, m.index) });
      rest = piece;
    }
    out.push({ ...p, text: rest });
  }
  return out;
}

/** The attribute lines among the paragraphs of an item. */
export function attributesOf(input: readonly Paragraph[]): Attributes {
  const out: Attributes = { time: [], lead: null, coordinators: null, found: false };
  const paras = splitAttributes(input);
  for (let i = 0; i < paras.length; i++) {
    const text = paras[i]!.text;
    const time = timeValueAt(paras, i);
    if (time) {
      out.found = true;
      out.time.push(...time.values);
      continue;
    }
    const lead = LEAD_ATTRIBUTE.exec(text);
    if (lead) {
      out.found = true;
      const value = stripFinalPunctuation(clean(lead[1] ?? ''));
      if (value) out.lead = value;
      continue;
    }
    const coordinators = COORDINATOR_ATTRIBUTE.exec(text);
    if (coordinators) {
      out.found = true;
      out.coordinators = splitBodies(stripFinalPunctuation(clean(coordinators[1] ?? '')));
    }
  }
  return out;
}

import { parseHeadingMarker } from './numbering.js';
import { BULLET, startsLower } from './text.js';

/*
 * Hard-wrapped text (PDF text layers, Công báo prints, OCR output) cuts paragraphs into lines of about the
 * same length, anywhere in a sentence: before a capitalised name ("… và phát triển / Quỹ bảo hiểm y tế"),
 * inside a date ("trước ngày 31 tháng / 12") or a number ("Chỉ thị số 52- / CT/TW"). Whether a line continues
 * the one above is decided from general evidence only: the width of the text (a layout statistic), whether
 * the line above ends a sentence or a heading, whether the line opens with a number or a bullet, and whether
 * a date or a number runs across the break.
 */

export interface WrapModel {
  /** Lines are cut at a common width (most lines end near it). */
  wrapped: boolean;
  /** The text width in characters: a high percentile of the line lengths. */
  width: number;
}

const length = (text: string) => [...text].length;

/**
 * Measure the line lengths of a text: it is hard-wrapped when many lines end near a common width and almost
 * none run past it (one paragraph per line gives lengths spread over hundreds of characters).
 */
export function measureWrap(texts: readonly string[]): WrapModel {
  const lengths = texts
    .map((t) => length(t.trim()))
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  if (lengths.length < 12) return { wrapped: false, width: 0 };
  const width = lengths[Math.floor(0.9 * (lengths.length - 1))]!;
  const near = lengths.filter((n) => n >= 0.8 * width && n <= 1.1 * width).length / lengths.length;
  const over = lengths.filter((n) => n > 1.15 * width).length / lengths.length;
  const wrapped = width >= 40 && width <= 160 && near >= 0.35 && over <= 0.05;
  return { wrapped, width };
}

/** Words that cannot end a sentence: a line ending with one goes on. */
const OPEN_WORD =
  /(?:^|\s)(?:và|hoặc|của|với|các|những|cho|về|để|tại|trong|theo|từ|đến|tới|là|được|bị|do|như|cùng|nhằm|gồm|bao gồm|thuộc|giữa|khi|mà|nếu|thì|đối với|trực thuộc)$/iu;

/** A date or a number cut by the line break: "ngày / 15/9/2025", "tháng / 12", "số 52- / CT/TW". */
export function splitsToken(previous: string, next: string): boolean {
  const prev = previous.trimEnd();
  const head = next.trimStart();
  if (/(?:^|\s)(?:ngày|tháng|năm|số|quý)$/iu.test(prev) && /^(?:\d|[IVX]+(?![\p{L}]))/u.test(head))
    return true;
  if (/\d\s?[-–/]$/u.test(prev) && /^[\p{Lu}\d]/u.test(head)) return true;
  return false;
}

/** A line that opens a paragraph by its marker: a heading number or a bullet. */
export function startsWithMarker(text: string): boolean {
  return BULLET.test(text) || parseHeadingMarker(text) !== null;
}

/** Starts with punctuation that cannot open a paragraph: ", …", "; …", ") …", ". …". */
export function startsWithTrailingPunctuation(text: string): boolean {
  return /^[,;:.)\]…]/u.test(text.trimStart());
}

/** The line above ends a sentence or a heading label. */
function endsSentence(text: string): boolean {
  return /[.!?;:]["”’)]*$|\/\.$/u.test(text.trimEnd());
}

/** The line above leaves its sentence open: a final comma, a hyphen, an open parenthesis or a function word. */
export function leavesSentenceOpen(text: string): boolean {
  const t = text.trimEnd();
  if (/[,(–-]$/u.test(t)) return true;
  const open = (t.match(/\(/gu) ?? []).length - (t.match(/\)/gu) ?? []).length;
  if (open > 0) return true;
  return OPEN_WORD.test(t);
}

/**
 * Whether `next` continues the physical line `previous` in hard-wrapped text (no blank line between them):
 * a date or number runs across the break, or the line above neither ends a sentence nor stops short of the
 * text width, and the next line does not open an item of its own.
 */
export function continuesWrappedLine(previous: string, next: string, model: WrapModel): boolean {
  if (!model.wrapped) return false;
  if (splitsToken(previous, next)) return true;
  if (startsWithMarker(next)) return false;
  if (startsLower(next) || startsWithTrailingPunctuation(next)) return true;
  if (endsSentence(previous)) return false;
  if (leavesSentenceOpen(previous)) return true;
  return length(previous.trim()) >= 0.78 * model.width;
}

/**
 * Whether `next` continues a paragraph across a stray blank line (a page break, a converter's or an OCR
 * engine's paragraph split): it starts lower-case or with trailing punctuation, or the paragraph above
 * stops in the middle of its sentence.
 */
export function continuesAcrossBlank(previous: string, next: string): boolean {
  if (startsWithMarker(next) && !splitsToken(previous, next)) return false;
  if (startsLower(next) || startsWithTrailingPunctuation(next)) return true;
  if (splitsToken(previous, next)) return true;
  return !endsSentence(previous) && leavesSentenceOpen(previous);
}

import { parseHeadingMarker } from './numbering.js';
import { clean, isAllCaps, startsLower } from './text.js';
import {
  continuesAcrossBlank,
  continuesWrappedLine,
  startsWithMarker,
  startsWithTrailingPunctuation,
  type WrapModel,
} from './wrap.js';

/*
 * Input lines and paragraphs. Text comes in three shapes: one paragraph per line (converted word files),
 * "layout" text where wrapped lines of a paragraph follow an indented first line (pdftotext -layout, OCR),
 * and either with two-column header and signature zones on the same physical lines separated by a wide gap.
 */

export interface Segment {
  text: string;
  column: 'left' | 'right';
  /** Column of the segment's first character in the raw line. */
  start: number;
}

export interface SourceLine {
  /** 1-based line number in the input. */
  line: number;
  /** The line's text, cleaned (NFC, spaces collapsed); segments joined with one space. */
  text: string;
  /** Leading spaces in the raw line. */
  indent: number;
  /** The line cut at wide gaps (two-column zones): one segment for ordinary lines. */
  segments: Segment[];
  /** From an OCR layout: the first line of an engine block. */
  blockStart?: boolean;
  /** Page furniture (running head, page number) or a blank line of a page break: not text. */
  furniture?: boolean;
  /** A whole table cell (a table read from a scan's word boxes). */
  cell?: boolean;
}

export interface Paragraph {
  text: string;
  /** 1-based line of the paragraph's first line. */
  line: number;
  lines: number[];
  /** A page break (removed page furniture) comes right before it. */
  pageBreak?: boolean;
  /** A whole table cell (a table read from a scan's word boxes). */
  cell?: boolean;
}

const GAP = /\s{4,}|\t+/u;

/** Split text into lines, keeping indentation and the segments of two-column lines. */
export function linesFromText(input: string): SourceLine[] {
  // One split on every break: replacing the breaks first made two more copies of the whole text. Lines are
  // numbered by line breaks only (as every other reader of the text counts them); a form feed (a page break)
  // inside a line splits it into parts that share its number.
  const raw = input.split(/\r\n?|\n/u);
  return raw.flatMap((whole, index) => whole.split('\f').map((rawLine) => readLine(rawLine, index + 1)));
}

function readLine(rawLine: string, line: number): SourceLine {
  const expanded = rawLine.replace(/\t/gu, '    ').replace(/[\u00a0\u2007\u202f]/gu, ' ');
  const indent = expanded.length - expanded.trimStart().length;
  const segments: Segment[] = [];
  const body = expanded.trimEnd();
  let offset = indent;
  const parts = body.slice(indent).split(GAP);
  let cursor = indent;
  for (const part of parts) {
    const at = body.indexOf(part, cursor);
    offset = at < 0 ? cursor : at;
    cursor = offset + part.length;
    const text = clean(part);
    if (text) segments.push({ text, column: segments.length === 0 ? 'left' : 'right', start: offset });
  }
  return {
    line,
    // A one-column line shares its segment's string rather than holding a second copy of it.
    text: segments.length === 1 ? segments[0]!.text : clean(segments.map((s) => s.text).join(' ')),
    indent,
    segments,
  };
}

/**
 * Whether wrapped lines continue an indented first line (pdftotext -layout style): many lines start at the
 * margin and many are indented.
 */
export function isLayoutText(lines: readonly SourceLine[]): boolean {
  const nonEmpty = lines.filter((l) => l.text);
  if (nonEmpty.length < 8) return false;
  const indented = nonEmpty.filter((l) => l.indent >= 3).length;
  const margin = nonEmpty.filter((l) => l.indent === 0).length;
  return indented >= 0.2 * nonEmpty.length && margin >= 0.1 * nonEmpty.length;
}

function isBareMarker(text: string): boolean {
  const marker = parseHeadingMarker(text);
  return marker !== null && marker.rest.trim() === '';
}

function isCapsHeading(text: string): boolean {
  const marker = parseHeadingMarker(text);
  if (!marker) return false;
  if (!['roman', 'part', 'chapter', 'section', 'article'].includes(marker.kind)) return false;
  return isAllCaps(marker.rest) && !/[.:;!?]$/u.test(marker.rest);
}

/**
 * Group lines into paragraphs. A line continues the paragraph above when it starts with a lower-case word or
 * trailing punctuation (also across a stray blank line or a page break), when the paragraph above stops in
 * the middle of its sentence, when the paragraph above is a bare heading number, or when both are upper-case
 * heading text; in layout text, when it starts at the margin; in hard-wrapped text, when the evidence of
 * `continuesWrappedLine` says so. Page furniture is skipped.
 */
export function assembleParagraphs(
  lines: readonly SourceLine[],
  layout: boolean,
  wrap: WrapModel = { wrapped: false, width: 0 },
): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | null = null;
  let lastLine = '';
  let blanks = 0;
  const push = (line: SourceLine) => {
    current = { text: line.text, line: line.line, lines: [line.line] };
    out.push(current);
  };
  for (const line of lines) {
    if (line.furniture && !line.text) continue;
    if (!line.text) {
      blanks++;
      continue;
    }
    const prev = current as Paragraph | null;
    let join = false;
    if (prev) {
      const marker = startsWithMarker(line.text);
      const lower = startsLower(line.text) && !marker;
      const trailing = startsWithTrailingPunctuation(line.text);
      if (line.blockStart !== undefined) {
        // OCR layout: engine blocks are paragraphs; a marker at the start of a line opens a new one.
        join = !line.blockStart && blanks === 0 && (!marker || !/[.;:!?]$/u.test(prev.text));
      } else if (layout) {
        join = line.indent < 3 && blanks === 0;
      } else if (blanks === 0) {
        join = continuesWrappedLine(lastLine, line.text, wrap);
      }
      // An engine or a converter splits a paragraph at a stray blank line: the next part starts lower-case
      // or with punctuation, or the part above stops mid-sentence.
      if (!join && blanks <= 2 && (lower || trailing || continuesAcrossBlank(prev.text, line.text)))
        join = true;
      if (!join && blanks === 0 && isBareMarker(prev.text) && !marker) join = true;
      if (
        !join &&
        blanks === 0 &&
        isCapsHeading(prev.text) &&
        isAllCaps(line.text) &&
        !marker &&
        line.text.length < 80
      ) {
        join = true;
      }
    }
    if (join && prev) {
      prev.text = clean(`${prev.text} ${line.text}`);
      prev.lines.push(line.line);
    } else {
      push(line);
    }
    lastLine = line.text;
    blanks = 0;
  }
  return out;
}

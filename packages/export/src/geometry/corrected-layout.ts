import type { BBox, Correction } from '@sohoa/model';
import type { DigitisedDocument } from '../document.js';

import { locateWords, type PlacedWord } from './locate-words.js';
import { type CorrectedLayout, type CorrectedLine, type CorrectedWord, GeometryError } from './types.js';

/** What the geometry formats read of a document: its OCR layout and the corrections over it. */
export type GeometrySource = Pick<
  DigitisedDocument,
  'source' | 'ocr' | 'originalText' | 'text' | 'corrections'
>;

/**
 * The corrected text laid over the OCR geometry. Each OCR word is found in the original text; the applied
 * corrections then rewrite the words they touch: a replaced word keeps its box, words joined into one get
 * their union box, a word split in several has its box cut in proportion to the letters. Words no
 * correction touches are copied as they are. Suggested (not applied) corrections are not in the corrected
 * text, so they change nothing here.
 */
export function correctedLayout(doc: GeometrySource): CorrectedLayout {
  const ocr = doc.ocr;
  if (!ocr) {
    throw new GeometryError('no-geometry', `${doc.source}: no OCR document, so no word positions to export`);
  }
  const corrections = doc.corrections.filter((c) => c.applied).sort((a, b) => a.start - b.start);
  // With nothing to rewrite, the words are the OCR's as they are: no need to find them in the text.
  const words = corrections.length > 0 ? locateWords(ocr, doc.originalText) : placesOf(ocr);

  const pages = ocr.pages.map((page) => ({
    number: page.number,
    width: page.width,
    height: page.height,
    dpi: page.dpi,
    source: page.source,
    blocks: page.blocks.map((block) => ({
      bbox: block.bbox,
      role: block.role,
      lines: block.lines.map((line): CorrectedLine => ({ bbox: line.bbox, words: [] })),
    })),
  }));
  const put = (at: Place, word: CorrectedWord) =>
    pages[at.page]!.blocks[at.block]!.lines[at.line]!.words.push(word);

  let next = 0;
  for (const group of groupByWords(words, corrections)) {
    for (; next < group.first; next++) {
      const { word } = words[next]!;
      put(words[next]!, { text: word.text, bbox: word.bbox, confidence: word.confidence });
    }
    for (const { place, word } of rewrite(doc.text, doc.originalText, words, group)) put(place, word);
    next = group.last + 1;
  }
  for (; next < words.length; next++) {
    const { word } = words[next]!;
    put(words[next]!, { text: word.text, bbox: word.bbox, confidence: word.confidence });
  }

  // A line whose words all went elsewhere (a join across lines) or were removed (debris) is dropped, and a
  // block left empty with it: ALTO wants at least one String in a TextLine.
  for (const page of pages) {
    for (const block of page.blocks) block.lines = block.lines.filter((line) => line.words.length > 0);
    page.blocks = page.blocks.filter((block) => block.lines.length > 0);
  }
  return { source: doc.source, pages };
}

/** Every OCR word with its place, in reading order, when there is no text to locate it in. */
function placesOf(ocr: NonNullable<GeometrySource['ocr']>): PlacedWord[] {
  return ocr.pages.flatMap((p, page) =>
    p.blocks.flatMap((b, block) =>
      b.lines.flatMap((l, line) => l.words.map((word) => ({ page, block, line, word, start: 0, end: 0 }))),
    ),
  );
}

interface Place {
  page: number;
  block: number;
  line: number;
}

/** Consecutive words (indices `first`..`last`) that corrections rewrite together, with those corrections. */
interface Group {
  first: number;
  last: number;
  corrections: Correction[];
}

/** Does the correction touch the word? An insertion (empty span) touches the word it is at either end of. */
const touches = (c: Correction, w: PlacedWord) =>
  c.start === c.end ? w.start <= c.start && c.start <= w.end : c.start < w.end && c.end > w.start;

/**
 * Groups the corrections by the words they touch: two corrections touching one word rewrite it together.
 * A correction touching no word (only whitespace between words) goes with the word before it, so that
 * anything it adds still lands in a word.
 */
function groupByWords(words: PlacedWord[], corrections: Correction[]): Group[] {
  const groups: Group[] = [];
  if (words.length === 0) return groups;
  for (const c of corrections) {
    // Words are in text order: the first whose end reaches the correction, then every one it touches.
    let first = lowerBound(words, (w) => w.end >= c.start);
    while (first < words.length && !touches(c, words[first]!) && words[first]!.start < c.end) first++;
    let last = first;
    while (last + 1 < words.length && touches(c, words[last + 1]!)) last++;
    if (first >= words.length || !touches(c, words[first]!)) {
      // Touches nothing: the word before (the first word when there is none before).
      first = Math.max(0, lowerBound(words, (w) => w.start >= c.end) - 1);
      last = first;
    }
    const open = groups.at(-1);
    if (open && first <= open.last) {
      open.last = Math.max(open.last, last);
      open.corrections.push(c);
    } else {
      groups.push({ first, last, corrections: [c] });
    }
  }
  return groups;
}

/** The first index whose item satisfies `ok` (items sorted so that `ok` is false, then true). */
function lowerBound<T>(items: T[], ok: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(items[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The corrected words of a group, each with the line it goes on. */
function rewrite(
  text: string,
  originalText: string,
  words: PlacedWord[],
  group: Group,
): { place: Place; word: CorrectedWord }[] {
  const olds = words.slice(group.first, group.last + 1);
  const firstC = group.corrections[0]!;
  const lastC = group.corrections.at(-1)!;
  // The group's span in the original and, through the corrections' output offsets, in the corrected text:
  // outside the corrections the two texts agree character for character.
  const start = Math.min(olds[0]!.start, firstC.start);
  const end = Math.max(olds.at(-1)!.end, lastC.end);
  const outStart = firstC.outputStart - (firstC.start - start);
  const outEnd = lastC.outputEnd + (end - lastC.end);
  if (outStart < 0 || outEnd > text.length || outStart > outEnd) {
    throw new GeometryError(
      'text-mismatch',
      `correction at ${firstC.start} points outside the corrected text`,
    );
  }
  const tokens = text.slice(outStart, outEnd).split(/\s+/u).filter(Boolean);
  const confidenceOf = (cs: Correction[]) => 100 * Math.min(...cs.map((c) => c.confidence));

  if (tokens.length === olds.length) {
    // As many words as before (replacements, punctuation inside words): word for word, boxes kept.
    return tokens.map((token, k) => {
      const old = olds[k]!;
      if (token === old.word.text) {
        return { place: old, word: { text: token, bbox: old.word.bbox, confidence: old.word.confidence } };
      }
      const own = group.corrections.filter((c) => touches(c, old));
      const confidence = confidenceOf(own.length > 0 ? own : group.corrections);
      return { place: old, word: { text: token, bbox: old.word.bbox, confidence, original: old.word.text } };
    });
  }

  // Joins, splits and removals: the letters of the new words are laid over the letters of the old ones in
  // proportion, each old word's box shared evenly among its letters.
  const original = originalText.slice(olds[0]!.start, olds.at(-1)!.end).split(/\s+/u).join(' ');
  const confidence = confidenceOf(group.corrections);
  const oldLengths = olds.map((w) => Array.from(w.word.text).length);
  const oldTotal = oldLengths.reduce((a, b) => a + b, 0);
  const newTotal = tokens.reduce((sum, t) => sum + Array.from(t).length, 0);
  let at = 0;
  return tokens.map((token) => {
    const length = Array.from(token).length;
    const from = (at * oldTotal) / newTotal;
    const to = ((at + length) * oldTotal) / newTotal;
    at += length;
    const { place, bbox } = lettersBox(olds, oldLengths, from, to);
    return { place, word: { text: token, bbox, confidence, original } };
  });
}

/**
 * The box of the old letters [from, to) (fractional letter positions across the group's words). Letters on
 * several lines (a word joined across a line break) cannot have one box: the line holding most of them wins.
 */
function lettersBox(
  olds: PlacedWord[],
  lengths: number[],
  from: number,
  to: number,
): { place: Place; bbox: BBox } {
  const byLine = new Map<string, { place: Place; bbox: BBox; share: number }>();
  let offset = 0;
  olds.forEach((old, k) => {
    const length = lengths[k]!;
    const lo = Math.max(from, offset);
    const hi = Math.min(to, offset + length);
    if (hi > lo) {
      const { x0, x1, y0, y1 } = old.word.bbox;
      const width = x1 - x0;
      const piece = {
        x0: x0 + ((lo - offset) / length) * width,
        x1: x0 + ((hi - offset) / length) * width,
        y0,
        y1,
      };
      const key = `${old.page}/${old.block}/${old.line}`;
      const seen = byLine.get(key);
      if (seen) {
        seen.bbox = union(seen.bbox, piece);
        seen.share += hi - lo;
      } else {
        byLine.set(key, { place: old, bbox: piece, share: hi - lo });
      }
    }
    offset += length;
  });
  let best: { place: Place; bbox: BBox; share: number } | undefined;
  for (const candidate of byLine.values()) if (!best || candidate.share > best.share) best = candidate;
  // from < to always (a token has letters), so some word overlaps.
  return best!;
}

const union = (a: BBox, b: BBox): BBox => ({
  x0: Math.min(a.x0, b.x0),
  y0: Math.min(a.y0, b.y0),
  x1: Math.max(a.x1, b.x1),
  y1: Math.max(a.y1, b.y1),
});

import type { BBox, BlockRole, OcrBlock, OcrLine, OcrWord } from '@sohoa/model';

/** A line as an engine or a text layer found it, tagged with the paragraph it came from. */
export interface RawLine {
  words: OcrWord[];
  paragraph: number;
}

interface Segment {
  words: OcrWord[];
  bbox: BBox;
  paragraph: number;
}

export interface LayoutOptions {
  pageWidth: number;
  pageHeight: number;
  /** First page of a document: a two-column zone at its top is the document header. */
  firstPage: boolean;
}

/**
 * Order a page's lines for reading and group them into blocks.
 *
 * Vietnamese administrative documents open with two columns (issuer | national or Party
 * motto; number | place and date) and often close with two more (recipients | signature).
 * Engines tend to read such zones row by row, interleaving the columns. Here lines are
 * first cut at wide gaps, then runs of rows that leave a vertical corridor free are
 * recognised as two-column zones and emitted column by column. Everything else keeps
 * top-to-bottom order, grouped by the engine's paragraphs.
 */
export function layoutPage(lines: RawLine[], options: LayoutOptions): OcrBlock[] {
  const segments = lines.flatMap((line) => splitAtGaps(line, options.pageWidth));
  if (segments.length === 0) return [];
  const rows = groupRows(segments);
  const textLeft = Math.min(...segments.map((s) => s.bbox.x0));
  const textRight = Math.max(...segments.map((s) => s.bbox.x1));
  const centre = (textLeft + textRight) / 2;
  const blocks: OcrBlock[] = [];
  let flow: Segment[] = [];
  const flushFlow = () => {
    blocks.push(...paragraphBlocks(flow));
    flow = [];
  };
  let i = 0;
  let zoneCount = 0;
  while (i < rows.length) {
    const zone = growZone(rows, i, options.pageWidth, centre);
    if (zone) {
      flushFlow();
      const atTop = zone.top < options.pageHeight * 0.3;
      const header = options.firstPage && zoneCount === 0 && atTop;
      blocks.push(columnBlock(zone.left, header ? 'header-left' : 'column-left'));
      blocks.push(columnBlock(zone.right, header ? 'header-right' : 'column-right'));
      zoneCount++;
      i = zone.end;
    } else {
      flow.push(...rows[i]!);
      i++;
    }
  }
  flushFlow();
  return blocks;
}

function bboxOf(boxes: BBox[]): BBox {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const b of boxes) {
    if (b.x0 < x0) x0 = b.x0;
    if (b.y0 < y0) y0 = b.y0;
    if (b.x1 > x1) x1 = b.x1;
    if (b.y1 > y1) y1 = b.y1;
  }
  return { x0, y0, x1, y1 };
}

/** Cut a line where the space between two words is far wider than any word space. */
function splitAtGaps(line: RawLine, pageWidth: number): Segment[] {
  const words = [...line.words].sort((a, b) => a.bbox.x0 - b.bbox.x0);
  if (words.length === 0) return [];
  const heights = words.map((w) => w.bbox.y1 - w.bbox.y0).sort((a, b) => a - b);
  const lineHeight = heights[heights.length >> 1]!;
  const gapLimit = Math.max(3 * lineHeight, 0.06 * pageWidth);
  const out: Segment[] = [];
  let current: OcrWord[] = [words[0]!];
  for (let k = 1; k < words.length; k++) {
    const w = words[k]!;
    if (w.bbox.x0 - current[current.length - 1]!.bbox.x1 > gapLimit) {
      out.push({ words: current, bbox: bboxOf(current.map((c) => c.bbox)), paragraph: line.paragraph });
      current = [];
    }
    current.push(w);
  }
  out.push({ words: current, bbox: bboxOf(current.map((c) => c.bbox)), paragraph: line.paragraph });
  return out;
}

/** Rows: segments that share most of their height, ordered top to bottom, left to right. */
function groupRows(segments: Segment[]): Segment[][] {
  const sorted = [...segments].sort((a, b) => (a.bbox.y0 + a.bbox.y1) / 2 - (b.bbox.y0 + b.bbox.y1) / 2);
  const rows: Segment[][] = [];
  for (const s of sorted) {
    const row = rows[rows.length - 1];
    if (row) {
      const rb = bboxOf(row.map((r) => r.bbox));
      const overlap = Math.min(rb.y1, s.bbox.y1) - Math.max(rb.y0, s.bbox.y0);
      const h = Math.min(rb.y1 - rb.y0, s.bbox.y1 - s.bbox.y0);
      if (overlap > 0.5 * h) {
        row.push(s);
        continue;
      }
    }
    rows.push([s]);
  }
  for (const row of rows) row.sort((a, b) => a.bbox.x0 - b.bbox.x0);
  return rows;
}

interface Zone {
  left: Segment[];
  right: Segment[];
  top: number;
  /** Index of the first row after the zone. */
  end: number;
}

const CELL = 0.005; // corridor resolution, as a share of the page width
const MIN_CORRIDOR = 0.015;

/**
 * Grow a two-column zone from row `start`: rows join while a vertical corridor in the
 * middle band of the page stays free of ink. A lone segment centred on the text block (a
 * title) or a full-width line ends the zone. A zone needs ink on both sides.
 */
function growZone(rows: Segment[][], start: number, pageWidth: number, centre: number): Zone | undefined {
  const lo = 0.2 * pageWidth;
  const hi = 0.8 * pageWidth;
  const cells = Math.ceil((hi - lo) / (CELL * pageWidth));
  const covered = new Uint8Array(cells);
  const cellOf = (x: number) => Math.min(cells - 1, Math.max(0, Math.floor((x - lo) / (CELL * pageWidth))));
  let end = start;
  const tentative = new Uint8Array(cells);
  for (let r = start; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length === 1) {
      const s = row[0]!;
      const mid = (s.bbox.x0 + s.bbox.x1) / 2;
      if (Math.abs(mid - centre) < 0.04 * pageWidth) break;
    }
    tentative.set(covered);
    for (const s of row) {
      if (s.bbox.x1 < lo || s.bbox.x0 > hi) continue;
      for (let c = cellOf(s.bbox.x0); c <= cellOf(s.bbox.x1); c++) tentative[c] = 1;
    }
    if (widestFreeRun(tentative).length * CELL < MIN_CORRIDOR) break;
    covered.set(tentative);
    end = r + 1;
  }
  if (end - start < 2) return undefined;
  const run = widestFreeRun(covered);
  const split = lo + (run.start + run.length / 2) * CELL * pageWidth;
  const left: Segment[] = [];
  const right: Segment[] = [];
  for (let r = start; r < end; r++) {
    for (const s of rows[r]!) ((s.bbox.x0 + s.bbox.x1) / 2 < split ? left : right).push(s);
  }
  if (left.length === 0 || right.length === 0) return undefined;
  // One row with a segment on each side is just a line with a gap (e.g. a table row);
  // a real column zone has several rows on at least one side.
  if (left.length + right.length < 3) return undefined;
  return { left, right, top: Math.min(...[...left, ...right].map((s) => s.bbox.y0)), end };
}

function widestFreeRun(covered: Uint8Array): { start: number; length: number } {
  let best = { start: 0, length: 0 };
  let runStart = -1;
  for (let c = 0; c <= covered.length; c++) {
    const free = c < covered.length && covered[c] === 0;
    if (free && runStart < 0) runStart = c;
    if (!free && runStart >= 0) {
      if (c - runStart > best.length) best = { start: runStart, length: c - runStart };
      runStart = -1;
    }
  }
  return best;
}

function toLine(segment: Segment): OcrLine {
  return { bbox: segment.bbox, words: segment.words };
}

function columnBlock(segments: Segment[], role: BlockRole): OcrBlock {
  return { bbox: bboxOf(segments.map((s) => s.bbox)), lines: segments.map(toLine), role };
}

/** Consecutive flow segments from the same engine paragraph make one block. */
function paragraphBlocks(segments: Segment[]): OcrBlock[] {
  const blocks: OcrBlock[] = [];
  let current: Segment[] = [];
  for (const s of segments) {
    if (current.length > 0 && current[current.length - 1]!.paragraph !== s.paragraph) {
      blocks.push(columnBlock(current, 'body'));
      current = [];
    }
    current.push(s);
  }
  if (current.length > 0) blocks.push(columnBlock(current, 'body'));
  return blocks;
}

/** Plain text of blocks: words joined by spaces, lines by newlines, blocks by a blank line. */
export function blocksText(blocks: OcrBlock[]): string {
  return blocks.map((b) => b.lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n')).join('\n\n');
}

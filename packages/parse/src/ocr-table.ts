import type { OcrLine, OcrPage, OcrWord } from '@sohoa/model';
import { headerColumns, INDEX_CELL, isHeaderWord } from './table-text.js';
import { clean } from './text.js';

/*
 * Task tables on a scanned page, from the word boxes: the header row ("TT | Nhiệm vụ | Cơ quan chủ trì | …",
 * its cells wrapped over two or three lines) gives the columns as x ranges; every word below it falls in the
 * column its centre is in; a number in the first column starts a row, a Roman numeral a group row. The
 * engine's own lines mix the cells of a row (and its blocks may cut a column in two), so the table is read
 * from the words, not from the lines.
 *
 * The table comes out as text the flattened-table reader knows: the header cells, then for each row its
 * number and one line per cell (an empty cell as "-"), each marked as a whole cell.
 */

export interface OcrTableText {
  /** The table as lines, one cell per line (`cell` marks lines that are whole cells). */
  lines: { text: string; cell: boolean }[];
  /** The engine lines the table was read from: they are not read again as text. */
  used: Set<OcrLine>;
}

interface PlacedWord {
  word: OcrWord;
  line: OcrLine;
  cx: number;
  cy: number;
  h: number;
}

const RULE = /^[|[\]_!—–-]+$/u;
/** A rule read into the edge of a word ("|Tổ"). */
const RULE_EDGE = /^[|[\]]+|[|[\]]+$/gu;

/** Visual rows: words whose vertical centres lie within half a word height, left to right. */
function visualRows(words: PlacedWord[]): PlacedWord[][] {
  const sorted = [...words].sort((a, b) => a.cy - b.cy);
  const rows: PlacedWord[][] = [];
  for (const w of sorted) {
    const row = rows[rows.length - 1];
    const rowY = row ? row.reduce((s, x) => s + x.cy, 0) / row.length : 0;
    if (row && Math.abs(w.cy - rowY) <= 0.5 * w.h) row.push(w);
    else rows.push([w]);
  }
  for (const row of rows) row.sort((a, b) => a.word.bbox.x0 - b.word.bbox.x0);
  return rows;
}

const isHeaderRow = (row: PlacedWord[]) => row.every((w) => isHeaderWord(w.word.text));

/** Column x ranges from the header words: words whose spans overlap or nearly touch form one column. */
function columnsOf(header: PlacedWord[]): { x0: number; x1: number; words: PlacedWord[] }[] {
  const h = header.reduce((s, w) => s + w.h, 0) / header.length;
  const sorted = [...header].sort((a, b) => a.word.bbox.x0 - b.word.bbox.x0);
  const cols: { x0: number; x1: number; words: PlacedWord[] }[] = [];
  for (const w of sorted) {
    const col = cols[cols.length - 1];
    // Words of one cell sit a space apart; cells a wider gap (their borders and padding) apart.
    if (col && w.word.bbox.x0 - col.x1 <= 0.9 * h) {
      col.x1 = Math.max(col.x1, w.word.bbox.x1);
      col.words.push(w);
    } else {
      cols.push({ x0: w.word.bbox.x0, x1: w.word.bbox.x1, words: [w] });
    }
  }
  return cols;
}

/** The middle of the widest x band between two header cells' centres that no body word covers. */
function gutter(words: PlacedWord[], a: { x0: number; x1: number }, b: { x0: number; x1: number }): number {
  const from = Math.round((a.x0 + a.x1) / 2);
  const to = Math.round((b.x0 + b.x1) / 2);
  const fallback = (a.x1 + b.x0) / 2;
  if (to - from < 4) return fallback;
  const covered = new Uint8Array(to - from);
  for (const w of words) {
    const x0 = Math.max(from, Math.floor(w.word.bbox.x0));
    const x1 = Math.min(to, Math.ceil(w.word.bbox.x1));
    for (let x = x0; x < x1; x++) covered[x - from] = 1;
  }
  let best = { start: -1, length: 0 };
  let run = -1;
  for (let x = 0; x <= covered.length; x++) {
    if (x < covered.length && !covered[x]) {
      if (run < 0) run = x;
    } else if (run >= 0) {
      if (x - run > best.length) best = { start: run, length: x - run };
      run = -1;
    }
  }
  return best.length > 0 ? from + best.start + best.length / 2 : fallback;
}

const textOf = (words: PlacedWord[]) =>
  clean(
    [...words]
      .sort((a, b) => (Math.abs(a.cy - b.cy) <= 0.5 * a.h ? a.word.bbox.x0 - b.word.bbox.x0 : a.cy - b.cy))
      .map((w) => w.word.text.replace(RULE_EDGE, ''))
      .join(' '),
  );

/** The task table on a page, when its words show one. */
export function ocrTableText(page: OcrPage): OcrTableText | null {
  const words: PlacedWord[] = [];
  for (const block of page.blocks)
    for (const line of block.lines)
      for (const word of line.words) {
        // The table's rules come out of the engine as "|", "[", "]" or "_": no words.
        if (RULE.test(word.text)) continue;
        const { x0, y0, x1, y1 } = word.bbox;
        words.push({ word, line, cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, h: Math.max(1, y1 - y0) });
      }
  if (words.length === 0) return null;
  const rows = visualRows(words);
  // The header: a row led by the index cell, and the rows of header words right under it.
  const start = rows.findIndex(
    (r) => INDEX_CELL.test(r[0]!.word.text.trim()) && r.length >= 3 && isHeaderRow(r),
  );
  if (start < 0) return null;
  let end = start + 1;
  while (end < rows.length && end < start + 4 && isHeaderRow(rows[end]!)) end++;
  const headerWords = rows.slice(start, end).flat();
  const cols = columnsOf(headerWords);
  if (cols.length < 3) return null;
  const labels = cols.map((c) => textOf(c.words));
  const roles = headerColumns(labels.slice(1).join(' | '));
  if (!roles.includes('task') || !(roles.includes('lead') || roles.includes('time'))) return null;

  // Column boundaries: the gutter the body's words leave between neighbouring header cells (header labels
  // are often centred, the cells below run to the rule), else halfway between the labels.
  const below = rows.slice(end).flat();
  const bounds = cols.slice(1).map((c, i) => gutter(below, cols[i]!, c));
  const columnOf = (x: number) => {
    let k = 0;
    while (k < bounds.length && x >= bounds[k]!) k++;
    return k;
  };

  const used = new Set<OcrLine>(headerWords.map((w) => w.line));
  const out: OcrTableText['lines'] = [
    { text: 'STT', cell: true },
    ...labels.slice(1).map((text) => ({ text, cell: true })),
  ];
  let cells: PlacedWord[][] | null = null;
  const flush = () => {
    if (!cells) return;
    out.push({ text: textOf(cells[0]!), cell: true });
    for (const c of cells.slice(1)) out.push({ text: textOf(c) || '-', cell: true });
    cells = null;
  };
  for (const row of rows.slice(end)) {
    const first = row.filter((w) => columnOf(w.cx) === 0);
    const index = textOf(first);
    // The table ends where a line runs across the columns from the left margin (prose, the signature).
    const across = row.some((w) => w.word.bbox.x0 < bounds[0]! && w.word.bbox.x1 > (bounds[1] ?? Infinity));
    if (across) break;
    if (/^[IVX]{1,4}[.)]?$/u.test(index)) {
      flush();
      out.push({
        text: `${index.replace(/[.)]$/u, '')}. ${textOf(row.filter((w) => columnOf(w.cx) > 0))}`,
        cell: true,
      });
      for (const w of row) used.add(w.line);
      continue;
    }
    if (/^\d{1,3}[.)]?$/u.test(index)) {
      flush();
      cells = cols.map(() => []);
    }
    if (!cells) continue;
    for (const w of row) {
      (cells as PlacedWord[][])[columnOf(w.cx)]!.push(w);
      used.add(w.line);
    }
  }
  flush();
  return out.length > cols.length ? { lines: out, used } : null;
}

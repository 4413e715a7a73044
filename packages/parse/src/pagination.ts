import type { PlanMessage } from '@sohoa/model';
import type { SourceLine } from './lines.js';
import { INDEX_CELL } from './table-text.js';
import { fold } from './text.js';
import { splitsToken, startsWithMarker } from './wrap.js';

/*
 * Page furniture of printed texts (gazette prints, PDF text layers): running heads repeated on every page
 * ("CÔNG BÁO/Số 286 + 287/Ngày 30-3-2026"), page numbers alone on a line, and page numbers glued to the first
 * line of a page ("92 ở cơ sở …"). They are not content: the lines are emptied and reported as messages, so
 * nothing is lost, and a paragraph cut by a page break joins again.
 *
 * Evidence is layout only: a running head is a short, mostly upper-case line whose shape (digits aside)
 * repeats at page distance; a page number is a bare number next to a running head or in a sequence of bare
 * numbers a page apart; a glued number must fit that sequence.
 */

/** Fewest lines between two running heads (a page). */
const PAGE_LINES = 15;
/** Fewest lines between two bare page numbers with no running head (rows of a table come closer). */
const BARE_PAGE_LINES = 25;

/** A page number printed at either end of a running head ("57 CÔNG BÁO/…", "CÔNG BÁO/… 58"). */
const HEAD_PAGE = /^(\d{1,4})\s+|\s+(\d{1,4})$/u;

/** A line's shape: its page number dropped, other digits masked. */
const shape = (text: string) =>
  fold(text).replace(HEAD_PAGE, '').replace(/\d+/gu, '#').replace(/\s+/gu, ' ').trim();

function capsShare(text: string): number {
  const letters = [...text].filter((c) => /\p{L}/u.test(c));
  if (letters.length === 0) return 0;
  return letters.filter((c) => c !== c.toLowerCase()).length / letters.length;
}

function looksLikeRunningHead(text: string): boolean {
  return (
    text.length <= 100 &&
    !startsWithMarker(text) &&
    capsShare(text) >= 0.5 &&
    /(?:^|[^\p{L}])\p{Lu}{3,}(?![\p{L}])/u.test(text) &&
    !/^(?:PHỤ LỤC|PHỤ BIỂU|BIỂU|MẪU|Phụ lục)(?![\p{L}])/u.test(text) &&
    // A table's header printed again on each page starts with its index column: the table needs it.
    !INDEX_CELL.test(text) &&
    !/^(?:quý|tháng|năm|ngày)\s/iu.test(text)
  );
}

/** Indices of running heads: lines of the same shape repeated at least a page apart. */
function runningHeads(lines: readonly SourceLine[]): Set<number> {
  const byShape = new Map<string, number[]>();
  lines.forEach((line, i) => {
    if (!line.text || !looksLikeRunningHead(line.text)) return;
    const key = shape(line.text);
    byShape.set(key, [...(byShape.get(key) ?? []), i]);
  });
  const out = new Set<number>();
  for (const at of byShape.values()) {
    if (at.length < 2) continue;
    // A page apart each time; among many, a short page or two (a signature page, the end of a part) is
    // still the same running head.
    const short = at.filter((i, k) => k > 0 && i - at[k - 1]! < PAGE_LINES).length;
    const spaced = at.length >= 5 ? short <= (at.length - 1) / 4 : short === 0;
    if (spaced) for (const i of at) out.add(i);
  }
  return out;
}

/** The nearest non-empty line before (step -1) or after (step 1) index i, within two lines of text. */
function near(lines: readonly SourceLine[], i: number, set: Set<number>): boolean {
  for (const step of [-1, 1]) {
    let seen = 0;
    for (let k = i + step; k >= 0 && k < lines.length && seen < 2; k += step) {
      if (set.has(k)) return true;
      if (lines[k]!.text) seen++;
    }
  }
  return false;
}

/** A line of the stamp a digital signature leaves in a PDF's text ("Ký bởi: …", "Thời gian ký: …"). */
const STAMP_LINE =
  /^(?:Ký bởi|Người ký|Thời gian ký|Ngày ký|Cơ quan|Email|E-mail|Chức vụ|Ngày giờ ký)\s*:\s*\S/u;
const STAMP_KEY = /^(?:Ký bởi|Người ký|Thời gian ký|Ngày ký|Ngày giờ ký)\s*:/u;

/** Stamp lines: runs of two or more stamp lines with at least one line naming the signature itself. */
function signatureStamps(lines: readonly SourceLine[]): number[] {
  const out: number[] = [];
  let run: number[] = [];
  const close = () => {
    if (run.length >= 2 && run.some((i) => STAMP_KEY.test(lines[i]!.text))) out.push(...run);
    run = [];
  };
  lines.forEach((line, i) => {
    if (STAMP_LINE.test(line.text) && line.text.length <= 120) run.push(i);
    else if (line.text) close();
  });
  close();
  return out;
}

export interface PaginationResult {
  lines: SourceLine[];
  messages: PlanMessage[];
}

/** Empty the running heads and page numbers of a printed text and report them. */
export function removePageFurniture(input: readonly SourceLine[]): PaginationResult {
  const lines = input.map((l) => ({ ...l }));
  const heads = runningHeads(lines);
  const bare: { index: number; value: number }[] = [];
  lines.forEach((line, i) => {
    const m = /^(\d{1,4})$/u.exec(line.text);
    if (m) bare.push({ index: i, value: Number(m[1]) });
  });
  // Bare numbers next to a running head, or a page apart in an increasing sequence.
  const pages = new Map<number, number>();
  for (const b of bare) {
    // With running heads, page numbers are printed beside them: bare numbers elsewhere are a table's rows.
    const sequenced =
      heads.size === 0 &&
      bare.some(
        (o) =>
          o !== b &&
          Math.abs(o.index - b.index) >= BARE_PAGE_LINES &&
          Math.sign(o.value - b.value) === Math.sign(o.index - b.index) &&
          Math.abs(o.value - b.value) <=
            Math.max(2, Math.round(Math.abs(o.index - b.index) / BARE_PAGE_LINES)),
      );
    if (near(lines, b.index, heads) || sequenced) pages.set(b.index, b.value);
  }
  // One page number per running head: of two bare numbers by one head ("58" then a table row "4"), the
  // nearer one.
  for (const head of heads) {
    const by = [...pages.keys()]
      .filter((i) => Math.abs(i - head) <= 4)
      .sort((a, b) => Math.abs(a - head) - Math.abs(b - head));
    for (const i of by.slice(1)) pages.delete(i);
  }
  const messages: PlanMessage[] = [];
  const empty = (i: number, reason: string) => {
    const line = lines[i]!;
    messages.push({ ruleId: 'page-furniture', reason, line: line.line, text: line.text });
    lines[i] = { ...line, text: '', segments: [], furniture: true };
  };
  // A page number glued to the first words of a page, next to a running head, fitting the page sequence.
  const glued: { index: number; value: number; rest: string }[] = [];
  lines.forEach((line, i) => {
    const m = /^(\d{1,4})\s+(\S.*)$/u.exec(line.text);
    if (m && !heads.has(i) && near(lines, i, heads))
      glued.push({ index: i, value: Number(m[1]), rest: m[2]! });
  });
  const known = [
    ...[...pages].map(([index, value]) => ({ index, value })),
    ...[...heads].flatMap((index) => {
      const m = HEAD_PAGE.exec(lines[index]!.text);
      return m ? [{ index, value: Number(m[1] ?? m[2]) }] : [];
    }),
    ...glued.map(({ index, value }) => ({ index, value })),
  ];
  for (const g of glued) {
    // "… trước ngày 31 tháng / [page break] / 12 để tổng hợp": a date running across the break, not a page.
    const before = lines
      .slice(0, g.index)
      .reverse()
      .find((l, k) => l.text && !heads.has(g.index - 1 - k) && !pages.has(g.index - 1 - k));
    if (before && splitsToken(before.text, lines[g.index]!.text)) continue;
    const fits = known.some(
      (k) =>
        Math.abs(k.index - g.index) >= PAGE_LINES && k.value !== g.value && Math.abs(k.value - g.value) <= 3,
    );
    if (!fits) continue;
    const line = lines[g.index]!;
    messages.push({
      ruleId: 'page-furniture',
      reason: `Page number ${g.value} glued to the first line of a page`,
      line: line.line,
      text: String(g.value),
    });
    const start = (line.segments[0]?.start ?? line.indent) + line.text.indexOf(g.rest);
    lines[g.index] = { ...line, text: g.rest, segments: [{ text: g.rest, column: 'left', start }] };
  }
  for (const i of signatureStamps(lines)) empty(i, 'Digital signature stamp');
  for (const i of heads) empty(i, 'Running head of a printed page');
  for (const i of pages.keys()) empty(i, 'Page number');
  // Blank lines around removed furniture belong to the page break, not to the text.
  const removed = new Set([...heads, ...pages.keys()]);
  for (const i of removed) {
    for (const step of [-1, 1]) {
      for (let k = i + step; k >= 0 && k < lines.length && !lines[k]!.text && !removed.has(k); k += step) {
        lines[k] = { ...lines[k]!, furniture: true };
      }
    }
  }
  messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { lines, messages };
}

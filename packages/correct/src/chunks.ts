/**
 * Cuts a long text into pieces that are corrected one after the other, so memory follows the
 * piece, not the text: a 30 MB text no longer holds tokens, units and lattices for every word at
 * once. Pieces end after a blank line or a page break (form feed), where no sentence goes on, and
 * gather paragraphs up to `size` characters; a longer paragraph is cut after a line break, a
 * longer line after a space, and only a run of `size` characters with neither is cut where it
 * reaches the size (never inside a surrogate pair). A text up to `size` is one piece.
 */

/** Characters per piece: about 4 000 words, several pages — plenty for the document rate. */
export const CHUNK_CHARS = 20_000;

/** [start, end) offsets of consecutive pieces covering `text`. */
export function chunkBounds(text: string, size = CHUNK_CHARS): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  while (text.length - start > size) {
    const limit = start + size;
    const cut =
      lastBreak(text, start, limit, /\n[ \t\r]*\n|\f/g) ??
      lastBreak(text, start, limit, /\n/g) ??
      lastBreak(text, start, limit, /[ \t]/g) ??
      safeCut(text, limit);
    out.push([start, cut]);
    start = cut;
  }
  if (start < text.length || out.length === 0) out.push([start, text.length]);
  return out;
}

/** The end of the last match of `pattern` wholly inside (start, limit], if any. */
function lastBreak(text: string, start: number, limit: number, pattern: RegExp): number | undefined {
  let best: number | undefined;
  pattern.lastIndex = start;
  const window = text.slice(0, limit);
  for (let m = pattern.exec(window); m !== null; m = pattern.exec(window)) {
    const end = m.index + m[0].length;
    if (end > start && end < text.length) best = end;
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return best;
}

function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

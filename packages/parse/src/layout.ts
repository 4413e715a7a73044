import type { OcrDocument } from '@sohoa/model';
import { linesFromText, type SourceLine } from './lines.js';
import { ocrTableText } from './ocr-table.js';
import { clean } from './text.js';

/*
 * An OCR document as lines: header columns come as separate blocks (header-left, header-right), so they are
 * read one after the other instead of flattened; the closing columns (column-left: recipients,
 * column-right: signature) likewise, the right one marked as such; body blocks are engine paragraphs.
 */

/** Lines of an OCR document in reading order, with paragraph starts and column marks from its layout. */
export function linesFromOcr(doc: OcrDocument): SourceLine[] {
  const hasBlocks = doc.pages.some((p) => p.blocks.some((b) => b.lines.length > 0));
  if (!hasBlocks) return linesFromText(doc.text);
  const out: SourceLine[] = [];
  const push = (
    text: string,
    indent: number,
    blockStart: boolean,
    column: 'left' | 'right' = 'left',
    cell = false,
  ) => {
    const t = clean(text);
    out.push({
      line: out.length + 1,
      text: t,
      indent: t ? indent : 0,
      segments: t ? [{ text: t, column, start: indent }] : [],
      blockStart,
      ...(cell ? { cell: true } : {}),
    });
  };
  doc.pages.forEach((page, p) => {
    if (p > 0) push('', 0, false);
    // A task table on the page is read from its word boxes, once, where its first line was.
    const table = ocrTableText(page);
    let tableDone = false;
    for (const block of page.blocks) {
      const right = block.role === 'header-right' || block.role === 'column-right';
      const zone = block.role !== 'body';
      block.lines.forEach((line, k) => {
        if (table?.used.has(line)) {
          if (!tableDone) for (const l of table.lines) push(l.text, 0, true, 'left', l.cell);
          tableDone = true;
          return;
        }
        const text = line.words.map((w) => w.text).join(' ');
        if (zone) push(text, right && block.role === 'column-right' ? 40 : 0, true, right ? 'right' : 'left');
        else push(text, k === 0 ? 4 : 0, k === 0);
      });
      if (zone) push('', 0, false);
    }
  });
  return out;
}

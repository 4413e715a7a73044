import type { OcrDocument, OcrWord } from '@sohoa/model';
import { GeometryError } from './types.js';

/** An OCR word with its place in the document's layout and in the original text. */
export interface PlacedWord {
  word: OcrWord;
  page: number;
  block: number;
  line: number;
  /** UTF-16 offsets of the word in `ocr.text` (= `originalText`). */
  start: number;
  end: number;
}

/** Anything but whitespace and the page separator's form feed. */
const VISIBLE = /[^\s\f]/u;

/**
 * Finds every OCR word in the original text, in layout order. The OCR builds its text from these very
 * words (words joined by spaces, lines by newlines, blocks by blank lines, pages by `\n\f\n`), so each
 * word is the next occurrence after the previous one with only whitespace between; anything else
 * means the text is not this layout's and every later offset would be wrong, so it throws.
 */
export function locateWords(ocr: OcrDocument, originalText: string): PlacedWord[] {
  const placed: PlacedWord[] = [];
  let cursor = 0;
  ocr.pages.forEach((page, p) => {
    page.blocks.forEach((block, b) => {
      block.lines.forEach((line, l) => {
        for (const word of line.words) {
          const start = originalText.indexOf(word.text, cursor);
          if (start < 0 || VISIBLE.test(originalText.slice(cursor, start))) {
            throw new GeometryError(
              'text-mismatch',
              `the OCR word "${word.text}" (page ${page.number}) is not next in the original text at offset ${cursor}`,
            );
          }
          const end = start + word.text.length;
          placed.push({ word, page: p, block: b, line: l, start, end });
          cursor = end;
        }
      });
    });
  });
  if (VISIBLE.test(originalText.slice(cursor))) {
    throw new GeometryError(
      'text-mismatch',
      `the original text goes on after the last OCR word (offset ${cursor})`,
    );
  }
  return placed;
}

/*
 * Test support (not exported by the package): small hand-made documents whose geometry is easy to check
 * by eye, and the pipeline's fixtures. A page's text is built the way the OCR builds it (blocksText), so
 * the offsets are the real ones.
 */
import { readFileSync } from 'node:fs';
import type { Correction, OcrBlock, OcrDocument, OcrPage, OcrWord } from '@sohoa/model';
import type { DigitisedDocument } from '../document.js';

/** A word `text` at x0..x1 on a 20-pixel-high line whose top is `y`. */
export const w = (text: string, x0: number, x1: number, y = 100, confidence = 90): OcrWord => ({
  text,
  bbox: { x0, y0: y, x1, y1: y + 20 },
  confidence,
});

/** A page of one block whose lines are the given word lists. */
export function page(number: number, lines: OcrWord[][], source: OcrPage['source'] = 'ocr'): OcrPage {
  const box = (ws: OcrWord[]) => ({
    x0: Math.min(...ws.map((x) => x.bbox.x0)),
    y0: Math.min(...ws.map((x) => x.bbox.y0)),
    x1: Math.max(...ws.map((x) => x.bbox.x1)),
    y1: Math.max(...ws.map((x) => x.bbox.y1)),
  });
  const block: OcrBlock = {
    bbox: box(lines.flat()),
    role: 'body',
    lines: lines.map((ws) => ({ bbox: box(ws), words: ws })),
  };
  const text = lines.map((ws) => ws.map((x) => x.text).join(' ')).join('\n');
  return { number, width: 1000, height: 1400, dpi: 150, source, confidence: 90, blocks: [block], text };
}

export function ocrDocument(pages: OcrPage[]): OcrDocument {
  return {
    type: 'ocr-document',
    source: 'hand-made.png',
    language: 'vie',
    pages,
    text: pages.map((p) => p.text).join('\n\f\n'),
  };
}

/** An applied correction of the first `original` at or after `from` in `text`. */
export function fix(
  text: string,
  original: string,
  replacement: string,
  from = 0,
): Omit<Correction, 'outputStart' | 'outputEnd'> {
  const start = text.indexOf(original, from);
  if (start < 0) throw new Error(`no "${original}" in the text`);
  return {
    start,
    end: start + original.length,
    line: 1,
    column: 1,
    original,
    replacement,
    confidence: 0.8,
    reason: 'letter',
    applied: true,
    alternatives: [],
    note: '',
  };
}

/** The DigitisedDocument of an OCR document and its corrections, with the corrected text and output offsets. */
export function digitised(
  ocr: OcrDocument,
  fixes: Omit<Correction, 'outputStart' | 'outputEnd'>[],
): DigitisedDocument {
  const sorted = [...fixes].sort((a, b) => a.start - b.start);
  let text = '';
  let at = 0;
  const corrections = sorted.map((c): Correction => {
    text += ocr.text.slice(at, c.start);
    const outputStart = text.length;
    if (c.applied) text += c.replacement;
    else text += c.original;
    at = c.end;
    return { ...c, outputStart, outputEnd: text.length };
  });
  text += ocr.text.slice(at);
  return {
    source: ocr.source,
    ocr,
    originalText: ocr.text,
    text,
    corrections,
    plan: {} as DigitisedDocument['plan'],
    messages: [],
  };
}

/** The fixtures with OCR geometry, made by the real pipeline (scripts/make-fixture.mjs). */
export const GEOMETRY_FIXTURES = ['sample-plan', 'party-text-layer', 'laocai134-noisy-150'] as const;

export function loadDigitised(name: (typeof GEOMETRY_FIXTURES)[number]): DigitisedDocument {
  const url = new URL(`../__fixtures__/${name}.digitised.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as DigitisedDocument;
}

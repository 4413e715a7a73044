import { describe, expect, it } from 'vitest';
import { correctedLayout } from './corrected-layout.js';
import { locateWords } from './locate-words.js';
import { digitised, fix, GEOMETRY_FIXTURES, loadDigitised, ocrDocument, page, w } from './test-documents.js';
import type { CorrectedLayout } from './types.js';

const wordsOf = (layout: CorrectedLayout) =>
  layout.pages.flatMap((p) => p.blocks.flatMap((b) => b.lines.flatMap((l) => l.words)));

describe('locateWords', () => {
  it('finds each word at its offset in the text, across lines and pages', () => {
    const ocr = ocrDocument([
      page(1, [[w('a', 0, 10), w('a', 20, 30)], [w('b', 0, 10)]]),
      page(2, [[w('a', 0, 10)]]),
    ]);
    expect(ocr.text).toBe('a a\nb\n\f\na');
    expect(locateWords(ocr, ocr.text).map((p) => [p.start, p.end, p.page, p.line])).toEqual([
      [0, 1, 0, 0],
      [2, 3, 0, 0],
      [4, 5, 0, 1],
      [8, 9, 1, 0],
    ]);
  });

  it('refuses a text that is not the layout’s', () => {
    const ocr = ocrDocument([page(1, [[w('một', 0, 10), w('hai', 20, 30)]])]);
    expect(() => locateWords(ocr, 'một ba hai')).toThrow(/not next/);
    expect(() => locateWords(ocr, 'một hai ba')).toThrow(/goes on/);
  });
});

describe('correctedLayout', () => {
  it('keeps the words no correction touches, boxes and confidences as read', () => {
    const ocr = ocrDocument([page(1, [[w('Kế', 0, 40, 100, 96), w('hoạch', 50, 150, 100, 91)]])]);
    const layout = correctedLayout(digitised(ocr, []));
    expect(wordsOf(layout)).toEqual([
      { text: 'Kế', bbox: { x0: 0, y0: 100, x1: 40, y1: 120 }, confidence: 96 },
      { text: 'hoạch', bbox: { x0: 50, y0: 100, x1: 150, y1: 120 }, confidence: 91 },
    ]);
    expect(layout.pages[0]).toMatchObject({ number: 1, width: 1000, height: 1400, dpi: 150, source: 'ocr' });
  });

  it('gives a replaced word its new text in the old box, the original kept and the corrector’s confidence', () => {
    const ocr = ocrDocument([
      page(1, [[w('phát', 0, 60), w('triến', 70, 150, 100, 55), w('mới', 160, 200)]]),
    ]);
    const doc = digitised(ocr, [fix(ocr.text, 'triến', 'triển')]);
    expect(doc.text).toBe('phát triển mới');
    expect(wordsOf(correctedLayout(doc))).toEqual([
      { text: 'phát', bbox: { x0: 0, y0: 100, x1: 60, y1: 120 }, confidence: 90 },
      { text: 'triển', bbox: { x0: 70, y0: 100, x1: 150, y1: 120 }, confidence: 80, original: 'triến' },
      { text: 'mới', bbox: { x0: 160, y0: 100, x1: 200, y1: 120 }, confidence: 90 },
    ]);
  });

  it('changes the word whose punctuation a correction touches, even a correction inside it', () => {
    const ocr = ocrDocument([page(1, [[w('số', 0, 30), w('36-NQ/7W', 40, 200), w('ngày', 210, 260)]])]);
    const doc = digitised(ocr, [fix(ocr.text, '7W', 'TW')]);
    const words = wordsOf(correctedLayout(doc));
    expect(words.map((x) => x.text)).toEqual(['số', '36-NQ/TW', 'ngày']);
    expect(words[1]).toMatchObject({ bbox: { x0: 40, x1: 200 }, original: '36-NQ/7W' });
  });

  it('joins pieces of a syllable into one word with the union box', () => {
    const ocr = ocrDocument([
      page(1, [[w('phát', 0, 60), w('tri', 70, 110, 98), w('en', 115, 150, 102), w('và', 160, 190)]]),
    ]);
    const doc = digitised(ocr, [fix(ocr.text, 'tri en', 'triển')]);
    const words = wordsOf(correctedLayout(doc));
    expect(words.map((x) => x.text)).toEqual(['phát', 'triển', 'và']);
    expect(words[1]).toEqual({
      text: 'triển',
      bbox: { x0: 70, y0: 98, x1: 150, y1: 122 },
      confidence: 80,
      original: 'tri en',
    });
  });

  it('splits a run-together word, its box cut in proportion to the letters', () => {
    const ocr = ocrDocument([page(1, [[w('trongy', 0, 120), w('tế', 130, 160)]])]);
    const doc = digitised(ocr, [fix(ocr.text, 'trongy', 'trong y')]);
    const words = wordsOf(correctedLayout(doc));
    expect(words.map((x) => [x.text, x.bbox.x0, x.bbox.x1, x.original])).toEqual([
      ['trong', 0, 100, 'trongy'],
      ['y', 100, 120, 'trongy'],
      ['tế', 130, 160, undefined],
    ]);
  });

  it('removes a word a correction deletes, and the line it leaves empty', () => {
    const ocr = ocrDocument([
      page(1, [[w('Nơi', 0, 40), w('nhận:', 50, 110)], [w('~~', 0, 20)], [w('-', 0, 5), w('Như', 10, 50)]]),
    ]);
    const doc = digitised(ocr, [{ ...fix(ocr.text, '~~\n', ''), reason: 'junk' }]);
    expect(doc.text).toBe('Nơi nhận:\n- Như');
    const layout = correctedLayout(doc);
    expect(layout.pages[0]!.blocks[0]!.lines.map((l) => l.words.map((x) => x.text))).toEqual([
      ['Nơi', 'nhận:'],
      ['-', 'Như'],
    ]);
  });

  it('joins a word broken across lines on the line that holds most of it', () => {
    const ocr = ocrDocument([
      page(1, [
        [w('công', 0, 60), w('ngh', 300, 350)],
        [w('ệ', 0, 20), w('sinh', 30, 80, 140)],
      ]),
    ]);
    const doc = digitised(ocr, [fix(ocr.text, 'ngh\nệ', 'nghệ')]);
    const lines = correctedLayout(doc).pages[0]!.blocks[0]!.lines;
    expect(lines.map((l) => l.words.map((x) => x.text))).toEqual([['công', 'nghệ'], ['sinh']]);
    expect(lines[0]!.words[1]!.bbox).toEqual({ x0: 300, y0: 100, x1: 350, y1: 120 });
  });

  it('keeps offsets right across a page break, with corrections on both sides of it', () => {
    const ocr = ocrDocument([
      page(1, [[w('phục', 0, 50), w('vu', 60, 90)]]),
      page(2, [[w('phát', 0, 50), w('trien', 60, 120)], [w('bền', 0, 40)]]),
    ]);
    const doc = digitised(ocr, [fix(ocr.text, 'vu', 'vụ'), fix(ocr.text, 'phát trien', 'phát triển')]);
    expect(doc.text).toBe('phục vụ\n\f\nphát triển\nbền');
    const layout = correctedLayout(doc);
    expect(layout.pages.map((p) => wordsOf({ source: '', pages: [p] }).map((x) => x.text))).toEqual([
      ['phục', 'vụ'],
      ['phát', 'triển', 'bền'],
    ]);
    const page2 = wordsOf({ source: '', pages: [layout.pages[1]!] });
    // The correction spans two words but leaves two words: each keeps its own box, the unchanged one its
    // OCR confidence.
    expect(page2[0]).toEqual({ text: 'phát', bbox: { x0: 0, y0: 100, x1: 50, y1: 120 }, confidence: 90 });
    expect(page2[1]).toMatchObject({ text: 'triển', bbox: { x0: 60, x1: 120 }, original: 'trien' });
  });

  it('ignores suggestions: only applied corrections are in the corrected text', () => {
    const ocr = ocrDocument([page(1, [[w('ù', 0, 10), w('ba', 20, 40)]])]);
    const doc = digitised(ocr, [{ ...fix(ocr.text, 'ù', 'u'), applied: false }]);
    expect(wordsOf(correctedLayout(doc)).map((x) => x.text)).toEqual(['ù', 'ba']);
  });

  it('says so when the document has no geometry', () => {
    const ocr = ocrDocument([page(1, [[w('a', 0, 10)]])]);
    const { ocr: _, ...plain } = digitised(ocr, []);
    expect(() => correctedLayout(plain)).toThrow(/no OCR document/);
  });
});

describe('correctedLayout on documents made by the pipeline', () => {
  it.each(GEOMETRY_FIXTURES)('%s: the corrected words, in order, are the corrected text’s words', (name) => {
    const doc = loadDigitised(name);
    const words = wordsOf(correctedLayout(doc));
    expect(words.map((x) => x.text).join(' ')).toBe(doc.text.split(/\s+/u).filter(Boolean).join(' '));
    for (const word of words) expect(word.bbox.x1).toBeGreaterThanOrEqual(word.bbox.x0);
  });

  it('laocai134-noisy-150: every applied correction shows as a word with its original, and the split has two boxes', () => {
    const doc = loadDigitised('laocai134-noisy-150');
    const words = wordsOf(correctedLayout(doc));
    const changed = words.filter((x) => x.original !== undefined);
    expect(changed.length).toBeGreaterThanOrEqual(doc.corrections.filter((c) => c.applied).length);
    const at = words.findIndex((x) => x.text === 'Độc' && x.original === 'Độclập');
    expect(at).toBeGreaterThanOrEqual(0);
    const [doc_, lap] = [words[at]!, words[at + 1]!];
    expect(lap).toMatchObject({ text: 'lập', original: 'Độclập' });
    // Cut where the letters say (3 of 6), one box after the other.
    expect(doc_.bbox.x1).toBeCloseTo(lap.bbox.x0);
    expect(doc_.bbox.x1 - doc_.bbox.x0).toBeCloseTo(lap.bbox.x1 - lap.bbox.x0);
  });
});

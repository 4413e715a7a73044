import { beforeAll, describe, expect, it } from 'vitest';
import { CHUNK_CHARS, chunkBounds } from './chunks.js';
import { correct } from './correct.js';
import { loadBundledLm } from './lm/bundled.node.js';
import type { SyllableLm } from './lm/index.js';

let lm: SyllableLm;
beforeAll(async () => {
  lm = await loadBundledLm();
});

const pieces = (text: string, size: number) => chunkBounds(text, size).map(([a, b]) => text.slice(a, b));

describe('chunkBounds', () => {
  it('keeps a short text whole, the empty one included', () => {
    expect(chunkBounds('abc', 10)).toEqual([[0, 3]]);
    expect(chunkBounds('', 10)).toEqual([[0, 0]]);
  });

  it('cuts after blank lines and page breaks first, then line breaks, then spaces', () => {
    expect(pieces('aaa bbb\n\nccc ddd\feee', 10)).toEqual(['aaa bbb\n\n', 'ccc ddd\f', 'eee']);
    expect(pieces('aaa bbb\nccc ddd\neee', 10)).toEqual(['aaa bbb\n', 'ccc ddd\n', 'eee']);
    expect(pieces('aaa bbb ccc ddd', 10)).toEqual(['aaa bbb ', 'ccc ddd']);
  });

  it('covers the text without gaps, every piece within the size, never splitting a surrogate pair', () => {
    const text = `${'x'.repeat(9)}😀${'y'.repeat(25)}`;
    const bounds = chunkBounds(text, 10);
    expect(bounds[0]![0]).toBe(0);
    expect(bounds.at(-1)![1]).toBe(text.length);
    for (let k = 1; k < bounds.length; k++) expect(bounds[k]![0]).toBe(bounds[k - 1]![1]);
    for (const [a, b] of bounds) {
      expect(b - a).toBeLessThanOrEqual(10);
      expect(b - a).toBeGreaterThan(0);
      expect(text.codePointAt(a)! >= 0xdc00 && text.codePointAt(a)! <= 0xdfff).toBe(false);
    }
  });
});

describe('correct: a text longer than one piece', () => {
  it('corrects every piece, with places in the whole input and output', () => {
    const paragraph =
      'Công tác kiếm tra, giám sát của Ủy ban nhân dân tinh được tăng cường. Số 36-NQ/7W.\n\n';
    const copies = Math.ceil((CHUNK_CHARS * 2.5) / paragraph.length);
    const text = paragraph.repeat(copies);
    const r = correct(text, { lm });
    const fixed = 'Công tác kiểm tra, giám sát của Ủy ban nhân dân tỉnh được tăng cường. Số 36-NQ/TW.\n\n';
    expect(r.text).toBe(fixed.repeat(copies));
    expect(r.corrections.length).toBe(3 * copies);
    for (const c of r.corrections) {
      expect(text.slice(c.start, c.end)).toBe(c.original);
      expect(r.text.slice(c.outputStart, c.outputEnd)).toBe(c.replacement);
    }
    const last = r.corrections.at(-1)!;
    expect(last.line).toBe(2 * copies - 1);
    expect(last.column).toBe(paragraph.indexOf('7W') - 5);
  });
});

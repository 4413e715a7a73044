import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { type Mark, nestMarks } from './nest.js';

const plain = (value: string): ElementContent[] => [{ type: 'text', value }];
const mark = (tag: string, start: number, end: number, rank = 0): Mark => ({
  start,
  end,
  rank,
  make: (children, piece) => h(tag, { dataPiece: piece }, children),
});
const html = (text: string, marks: Mark[]) =>
  toHtml({ type: 'root', children: nestMarks(text, marks, plain) });

describe('nestMarks', () => {
  it('nests marks inside the marks around them', () => {
    expect(html('Sở Y tế chủ trì.', [mark('b', 0, 7, 1), mark('span', 0, 16), mark('i', 8, 11, 2)])).toBe(
      '<span data-piece="0"><b data-piece="0">Sở Y tế</b> <i data-piece="0">chủ</i> trì.</span>',
    );
  });

  it('cuts a mark that crosses the end of the one around it', () => {
    expect(html('abcdef', [mark('span', 0, 3), mark('ins', 2, 5, 1)])).toBe(
      '<span data-piece="0">ab<ins data-piece="0">c</ins></span><ins data-piece="1">de</ins>f',
    );
  });

  it('keeps text outside marks and empty marks with their own content', () => {
    const del: Mark = { start: 2, end: 2, rank: 4, make: (c) => h('del', c), empty: plain('xx') };
    expect(html('abcd', [del])).toBe('ab<del>xx</del>cd');
    expect(html('abcd', [])).toBe('abcd');
  });
});

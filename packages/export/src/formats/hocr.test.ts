import { spawnSync } from 'node:child_process';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { correctedLayout } from '../geometry/index.js';
import {
  digitised,
  fix,
  GEOMETRY_FIXTURES,
  loadDigitised,
  ocrDocument,
  page,
  w,
} from '../geometry/test-documents.js';
import { toHocr } from './hocr.js';

const hasXmllint = !spawnSync('xmllint', ['--version']).error;
if (process.env.CI && !hasXmllint) throw new Error('CI: xmllint (libxml2-utils) is missing');
if (!hasXmllint)
  console.warn('xmllint is not on PATH (Debian: libxml2-utils): the hOCR XML checks are skipped');

/** xmllint's verdict on an XML string: '' when well-formed, its complaints otherwise. */
function xmllint(xml: string): string {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '-'], { input: xml, encoding: 'utf8' });
  return run.status === 0 ? '' : run.stderr || `exit ${run.status}`;
}

function elements(node: Root | Element, className: string, found: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const classes = child.properties.className;
    if (Array.isArray(classes) && classes.includes(className)) found.push(child);
    elements(child, className, found);
  }
  return found;
}

const textOf = (node: Element): string =>
  node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : '')).join('');

describe('toHocr', () => {
  it.each(GEOMETRY_FIXTURES)(
    '%s: every corrected word is an ocrx_word with its box and confidence',
    (name) => {
      const doc = loadDigitised(name);
      const hocr = toHocr(doc);
      const expected = correctedLayout(doc).pages.flatMap((p) =>
        p.blocks.flatMap((b) => b.lines.flatMap((l) => l.words)),
      );
      const words = elements(fromHtml(hocr), 'ocrx_word');
      expect(words.map(textOf)).toEqual(expected.map((x) => x.text));
      words.forEach((word, k) => {
        const { bbox, confidence } = expected[k]!;
        const box = [bbox.x0, bbox.y0, bbox.x1, bbox.y1].map(Math.round).join(' ');
        expect(word.properties.title).toBe(`bbox ${box}; x_wconf ${Math.round(confidence)}`);
      });
      const pages = elements(fromHtml(hocr), 'ocr_page');
      expect(pages.map((p) => String(p.properties.title).match(/ppageno (\d+)/)?.[1])).toEqual(
        doc.ocr!.pages.map((p) => String(p.number - 1)),
      );
      if (hasXmllint) expect(xmllint(hocr)).toBe('');
    },
  );

  it('writes the corrected words, with what the OCR read on the ones it changed', () => {
    const ocr = ocrDocument([page(1, [[w('phát', 0, 60), w('tri', 70, 110), w('en', 115, 150)]])]);
    const doc = digitised(ocr, [fix(ocr.text, 'tri en', 'triển')]);
    const words = elements(fromHtml(toHocr(doc)), 'ocrx_word');
    expect(words.map((x) => [textOf(x), x.properties.title, x.properties.dataOriginal])).toEqual([
      ['phát', 'bbox 0 100 60 120; x_wconf 90', undefined],
      ['triển', 'bbox 70 100 150 120; x_wconf 80', 'tri en'],
    ]);
    const line = elements(fromHtml(toHocr(doc)), 'ocr_line')[0]!;
    expect(textOf(line)).toBe('phát triển');
  });

  it('escapes markup and drops characters XML forbids, so the file stays well-formed', () => {
    const ocr = ocrDocument([page(1, [[w('<b>&amp;', 0, 60), w('a]]>b', 70, 110), w('x\u0007', 120, 130)]])]);
    ocr.source = 'scan "<1>".png';
    const doc = digitised(ocr, [fix(ocr.text, 'a]]>b', '<i>')]);
    const hocr = toHocr(doc);
    expect(elements(fromHtml(hocr), 'ocrx_word').map(textOf)).toEqual(['<b>&amp;', '<i>', 'x\uFFFD']);
    if (hasXmllint) expect(xmllint(hocr)).toBe('');
  });
});

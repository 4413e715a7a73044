import { spawnSync } from 'node:child_process';
import { type BBox, OcrDocument } from '@sohoa/model';
import { describe, expect, it } from 'vitest';
import { toHocr as toHocrOf, uncorrected } from './hocr.js';

/** The raw OCR's hOCR, as `sohoa ocr -f hocr` writes it: the document with no correction. */
const toHocr = (doc: OcrDocument) => toHocrOf(uncorrected(doc));

/*
 * The hOCR is read back with an XML parser that shares nothing with the code that wrote it: Python's expat
 * (xml.etree), which rejects anything not well-formed (a raw `<` or `&`, an unclosed <meta>, a control
 * character). No XML or HTML parser is installed for Node here (hast-util-from-html, parse5, xmldom), and
 * xmllint is absent, so these tests need python3 and are skipped, saying so, without it.
 */

interface XmlElement {
  tag: string;
  attrib: Record<string, string>;
  /** Text before the first child, and text after the element up to its next sibling. */
  text: string;
  tail: string;
  children: XmlElement[];
}

const READ_XML = `
import json, sys, xml.etree.ElementTree as ET
def tree(e):
    return {"tag": e.tag, "attrib": e.attrib, "text": e.text or "", "tail": e.tail or "",
            "children": [tree(c) for c in e]}
try:
    root = ET.fromstring(sys.stdin.buffer.read())
except ET.ParseError as error:
    print(json.dumps({"error": str(error)})); sys.exit(0)
print(json.dumps(tree(root)))
`;

const hasPython =
  spawnSync('python3', ['-c', 'import xml.etree.ElementTree'], { stdio: 'ignore' }).status === 0;

/** The document parsed as XML, or the parser's error. */
function readXml(xml: string): XmlElement | { error: string } {
  const run = spawnSync('python3', ['-c', READ_XML], { input: Buffer.from(xml, 'utf8'), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

function parsed(xml: string): XmlElement {
  const result = readXml(xml);
  if ('error' in result) throw new Error(`not well-formed XML: ${result.error}`);
  return result;
}

const XHTML = '{http://www.w3.org/1999/xhtml}';
const all = (e: XmlElement): XmlElement[] => [e, ...e.children.flatMap(all)];
const byClass = (root: XmlElement, name: string) => all(root).filter((e) => e.attrib.class === name);
/** What a DOM's textContent gives: the element's text with its descendants' and their tails. */
const textContent = (e: XmlElement): string =>
  e.text + e.children.map((c) => textContent(c) + c.tail).join('');
/** The one item of a list, failing when there are none or several. */
const only = <T>(items: T[]): T => {
  expect(items).toHaveLength(1);
  return items[0] as T;
};

const box = (x0: number, y0: number, x1: number, y1: number): BBox => ({ x0, y0, x1, y1 });
const word = (text: string, b: BBox, confidence = 90) => ({ text, bbox: b, confidence });

const HOSTILE = ['<script>alert("x")</script>', 'Tom & "Jerry" \'n\'', 'a]]>b', 'x\u0001y', '&amp;'];

const doc = OcrDocument.parse({
  type: 'ocr-document',
  source: 'scans/<quyết định> & "bản" 1.png',
  language: 'vie',
  text: '',
  pages: [
    {
      number: 1,
      width: 2480.4,
      height: 3507.6,
      dpi: 300,
      source: 'ocr',
      confidence: 91,
      text: '',
      blocks: [
        {
          bbox: box(100, 100, 900, 200),
          role: 'header-left',
          lines: [
            {
              bbox: box(100, 100, 900, 140),
              words: [
                word('UBND', box(100, 100, 220, 140), 96.6),
                word('TỈNH', box(230, 100, 330, 140), 12.2),
              ],
            },
            { bbox: box(100, 150, 900, 200), words: [] },
          ],
        },
        {
          bbox: box(100, 400, 2300, 500),
          role: 'body',
          lines: [
            {
              bbox: box(100, 400, 2300, 500),
              words: HOSTILE.map((t, i) => word(t, box(100 + i, 400, 200 + i, 500))),
            },
          ],
        },
      ],
    },
    {
      number: 2,
      width: 595.3,
      height: 841.9,
      dpi: 72,
      source: 'text-layer',
      confidence: 100,
      text: '',
      blocks: [
        {
          bbox: box(50, 60, 300, 80),
          lines: [
            {
              bbox: box(50, 60, 300, 80),
              words: [word('Hà', box(50, 60, 70, 80), 100), word('Nội', box(75, 60, 100, 80), 100)],
            },
          ],
        },
      ],
    },
  ],
});

describe('toHocr', () => {
  const hocr = toHocr(doc);

  it('starts with the XML declaration and the XHTML doctype, and writes no element from the text', () => {
    expect(hocr.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC')).toBe(true);
    expect(hocr).not.toMatch(/<script/iu);
  });

  describe.skipIf(!hasPython)('read back with an XML parser (python3 xml.etree)', () => {
    // Parsed in each test, so a parse error fails the tests instead of the file's collection.
    let cached: XmlElement | undefined;
    const document = () => {
      cached ??= parsed(hocr);
      return cached;
    };

    it('is well-formed XHTML with the hOCR metadata', () => {
      const root = document();
      expect(root.tag).toBe(`${XHTML}html`);
      expect(root.attrib['{http://www.w3.org/XML/1998/namespace}lang']).toBe('vi');
      const head = only(root.children.filter((e) => e.tag === `${XHTML}head`));
      expect(only(head.children.filter((e) => e.tag === `${XHTML}title`)).text).toBe(doc.source);
      const meta = Object.fromEntries(
        head.children
          .filter((e) => e.tag === `${XHTML}meta` && e.attrib.name)
          .map((e) => [e.attrib.name, e.attrib.content]),
      );
      expect(meta['ocr-system']).toBe('sohoa (tesseract.js)');
      expect(meta['ocr-capabilities']?.split(' ')).toEqual(
        expect.arrayContaining(['ocr_page', 'ocr_carea', 'ocr_par', 'ocr_line', 'ocrx_word']),
      );
    });

    it('nests page > carea > par > line > word, with bbox, ppageno, image and x_wconf in titles', () => {
      const root = document();
      const body = only(root.children.filter((e) => e.tag === `${XHTML}body`));
      const pages = body.children;
      expect(pages.map((p) => [p.tag, p.attrib.class, p.attrib.id])).toEqual([
        [`${XHTML}div`, 'ocr_page', 'page_1'],
        [`${XHTML}div`, 'ocr_page', 'page_2'],
      ]);
      expect(pages[0]?.attrib.title).toBe(
        `image "${doc.source.replaceAll('"', "'")}"; bbox 0 0 2480 3508; ppageno 0; scan_res 300 300`,
      );
      expect(pages[1]?.attrib.title).toBe(
        `image "${doc.source.replaceAll('"', "'")}"; bbox 0 0 595 842; ppageno 1; scan_res 72 72`,
      );

      const carea = pages[0]?.children[0] as XmlElement;
      expect(carea.attrib).toMatchObject({
        class: 'ocr_carea',
        title: 'bbox 100 100 900 200',
        'data-role': 'header-left',
      });
      const par = only(carea.children);
      expect([par.tag, par.attrib.class, par.attrib.lang, par.attrib.title]).toEqual([
        `${XHTML}p`,
        'ocr_par',
        'vie',
        'bbox 100 100 900 200',
      ]);
      // A line without words is left out (ALTO, made from the same layout, needs a String per line).
      expect(par.children).toHaveLength(1);
      const [line] = par.children;
      expect(line?.attrib).toMatchObject({ class: 'ocr_line', title: 'bbox 100 100 900 140' });
      expect(line?.children.map((w) => [w.attrib.class, w.attrib.title, w.text])).toEqual([
        ['ocrx_word', 'bbox 100 100 220 140; x_wconf 97', 'UBND'],
        ['ocrx_word', 'bbox 230 100 330 140; x_wconf 12', 'TỈNH'],
      ]);
      // Words are separated by spaces: a line's text content is its text.
      expect(byClass(root, 'ocr_line').map(textContent)).toEqual(
        doc.pages
          .flatMap((p) => p.blocks.flatMap((b) => b.lines.map((l) => l.words.map((w) => w.text).join(' '))))
          .filter(Boolean)
          .map((t) => t.replace('\u0001', '\uFFFD')),
      );

      // Every page, block, line and word is there once, with a unique id.
      const count = (name: string) => byClass(root, name).length;
      const blocks = doc.pages.flatMap((p) => p.blocks);
      const lines = blocks.flatMap((b) => b.lines).filter((l) => l.words.length > 0);
      expect([
        count('ocr_page'),
        count('ocr_carea'),
        count('ocr_par'),
        count('ocr_line'),
        count('ocrx_word'),
      ]).toEqual([
        doc.pages.length,
        blocks.length,
        blocks.length,
        lines.length,
        lines.flatMap((l) => l.words).length,
      ]);
      const ids = all(root).flatMap((e) => (e.attrib.id ? [e.attrib.id] : []));
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('writes words with markup, ampersands and quotes as text', () => {
      const root = document();
      const words = byClass(root, 'ocrx_word').slice(2, 2 + HOSTILE.length);
      expect(words.map((w) => w.children)).toEqual(HOSTILE.map(() => []));
      // A control character is not XML: it becomes U+FFFD; everything else reads back as printed.
      expect(words.map((w) => w.text)).toEqual(HOSTILE.map((t) => t.replace('\u0001', '\uFFFD')));
      expect(all(root).some((e) => e.tag.endsWith('script'))).toBe(false);
    });

    it('stays well-formed for a document without pages', () => {
      const empty = parsed(toHocr({ ...doc, pages: [] }));
      expect(byClass(empty, 'ocr_page')).toEqual([]);
    });

    it('the XML parser does reject what is not well-formed', () => {
      // Guards the guard: the same check on a raw `<` in an attribute and an unclosed <meta> fails.
      expect(readXml('<html><p title="a<b">x</p></html>')).toHaveProperty('error');
      expect(readXml('<html><head><meta name="a"></head></html>')).toHaveProperty('error');
    });
  });
});

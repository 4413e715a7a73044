import type { BBox, OcrDocument } from '@sohoa/model';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { correctedLayout, type GeometrySource } from '../geometry/index.js';

/*
 * hOCR 1.2 (https://kba.github.io/hocr-spec/1.2/) of the corrected words, made the way @sohoa/ocr writes
 * the raw OCR's: a hast tree serialised by hast-util-to-html as XHTML, so the serialiser escapes every
 * word and XML tools (xmllint, lxml, hocr-tools) read the file. A corrected word keeps the OCR's box;
 * what the OCR read is in its `data-original` attribute.
 */

// hast has no XML declaration, and its doctype node has no public or system identifier: both are constant.
const PROLOGUE =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n';

/**
 * Characters XML 1.0 forbids even as references (C0 controls but tab and newlines, lone surrogates,
 * U+FFFE/U+FFFF). A PDF text layer can carry them and one would make the whole file unreadable to an XML
 * parser, so they become U+FFFD. ALTO uses it too.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
export const xmlText = (value: string) => value.replace(NOT_XML, '\uFFFD');

/*
 * XML forbids a raw `<` in an attribute value; HTML allows it and hast-util-to-html has no option to escape
 * it there. Attribute values made from the document (the source's name, a word's original) take it as
 * U+0001 — which `xmlText` has just removed from every string, so it cannot come from the document — and
 * it becomes `&lt;` after serialising.
 */
const LT = '\u0001';
const xmlAttribute = (value: string) => xmlText(value).replaceAll('<', LT);

type Element = ReturnType<typeof h>;
type ElementContent = Element['children'][number];

const round = Math.round;
const bbox = (b: BBox) => `bbox ${round(b.x0)} ${round(b.y0)} ${round(b.x1)} ${round(b.y1)}`;

/** Children with a newline between them, so each block, paragraph and line starts a line of the file. */
const newline = (): ElementContent => ({ type: 'text', value: '\n' });
const onLines = (nodes: ElementContent[]): ElementContent[] => [
  ...nodes.flatMap((node) => [newline(), node]),
  newline(),
];

/**
 * hOCR 1.2 of the corrected document, in reading order. Text-layer pages are included too, with
 * coordinates in PDF points (their dpi is 72), so one file covers every page. Throws a `GeometryError`
 * when the document has no OCR geometry (a plain-text input).
 */
export function toHocr(doc: GeometrySource): string {
  const layout = correctedLayout(doc);
  let blockId = 0;
  let lineId = 0;
  let wordId = 0;
  const pages = layout.pages.map((page): Element => {
    const p = page.number;
    const dpi = round(page.dpi);
    const blocks = page.blocks.map((block): Element => {
      blockId++;
      const lines = block.lines.map((line): Element => {
        lineId++;
        const words = line.words.map((word): Element => {
          wordId++;
          return h(
            'span',
            {
              className: 'ocrx_word',
              id: `word_${p}_${wordId}`,
              title: `${bbox(word.bbox)}; x_wconf ${round(word.confidence)}`,
              dataOriginal: word.original === undefined ? undefined : xmlAttribute(word.original),
            },
            xmlText(word.text),
          );
        });
        // Words are separated by a space, as in tesseract's hOCR: the line's text content is its text.
        const spaced = words.flatMap((word, i): ElementContent[] =>
          i === 0 ? [word] : [{ type: 'text', value: ' ' }, word],
        );
        return h(
          'span',
          { className: 'ocr_line', id: `line_${p}_${lineId}`, title: bbox(line.bbox) },
          spaced,
        );
      });
      return h(
        'div',
        {
          className: 'ocr_carea',
          id: `block_${p}_${blockId}`,
          title: bbox(block.bbox),
          dataRole: block.role,
        },
        onLines([
          h(
            'p',
            { className: 'ocr_par', id: `par_${p}_${blockId}`, lang: 'vie', title: bbox(block.bbox) },
            onLines(lines),
          ),
        ]),
      );
    });
    const title = [
      `image "${xmlAttribute(doc.source).replaceAll('"', "'")}"`,
      bbox({ x0: 0, y0: 0, x1: page.width, y1: page.height }),
      `ppageno ${p - 1}`,
      `scan_res ${dpi} ${dpi}`,
    ].join('; ');
    return h('div', { className: 'ocr_page', id: `page_${p}`, title }, onLines(blocks));
  });

  const html = h(
    'html',
    { xmlns: 'http://www.w3.org/1999/xhtml', xmlLang: 'vi', lang: 'vi' },
    onLines([
      h(
        'head',
        onLines([
          h('title', xmlText(doc.source)),
          h('meta', { httpEquiv: 'Content-Type', content: 'text/html;charset=utf-8' }),
          h('meta', {
            name: 'ocr-system',
            content: doc.corrections.length
              ? 'sohoa (tesseract.js, corrected by @sohoa/correct)'
              : 'sohoa (tesseract.js)',
          }),
          h('meta', {
            name: 'ocr-capabilities',
            content: 'ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf',
          }),
        ]),
      ),
      h('body', onLines(pages)),
    ]),
  );

  const xhtml = toHtml(html, {
    // XML wants every element closed: void elements as `<meta .../>`, and no optional tag left out.
    closeSelfClosing: true,
    tightSelfClosing: true,
    omitOptionalTags: false,
  });
  // XML forbids `]]>` in text (a CDATA end); HTML does not, so the serialiser leaves it. `&gt;` reads the
  // same in text and in attribute values, so replacing every occurrence changes nothing else.
  return `${PROLOGUE}${xhtml.replaceAll(LT, '&lt;').replaceAll(']]>', ']]&gt;')}\n`;
}

/** An OCR document as it was read, with no correction: the raw OCR's hOCR (`sohoa ocr -f hocr`). */
export function uncorrected(ocr: OcrDocument): GeometrySource {
  return { source: ocr.source, ocr, originalText: ocr.text, text: ocr.text, corrections: [] };
}

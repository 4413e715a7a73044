import type { BBox } from '@sohoa/model';
import type { Element, ElementContent } from 'xast';
import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import type { DigitisedDocument } from '../document.js';
import { type CorrectedLine, type CorrectedPage, correctedLayout } from '../geometry/index.js';
import { xmlText } from './hocr.js';

/*
 * ALTO 4.4 (https://www.loc.gov/standards/alto/), the layout-and-text format of library digitisation, of
 * the corrected words: Page → PrintSpace → TextBlock → TextLine → String, with SP for the gaps. Built as
 * an xast tree and serialised by xast-util-to-xml, which escapes text and attribute values.
 *
 * Units are pixels of the page image. Text-layer pages have their coordinates in PDF points, which are
 * the pixels of the page drawn at 72 dpi: the same unit for a reader that scales by the page's size.
 */

const ALTO_NS = 'http://www.loc.gov/standards/alto/ns-v4#';

/** Two decimals at most: boxes cut by a split fall between pixels, the rest stay whole numbers. */
const n = (value: number) => Math.round(value * 100) / 100;
const position = (b: BBox) => ({
  HPOS: n(b.x0),
  VPOS: n(b.y0),
  WIDTH: n(b.x1 - b.x0),
  HEIGHT: n(b.y1 - b.y0),
});

/** Newlines and indentation between elements, so the file reads line by line; ALTO ignores them. */
const indented = (depth: number, nodes: Element[]): ElementContent[] => [
  ...nodes.flatMap((node): ElementContent[] => [{ type: 'text', value: `\n${'  '.repeat(depth)}` }, node]),
  { type: 'text', value: `\n${'  '.repeat(depth - 1)}` },
];

/**
 * ALTO 4.4 XML of the corrected document (`.alto.xml`). A String's CONTENT is the corrected word and
 * WC the confidence (0–1); when the correction changed the word, what the OCR read is its ALTERNATIVE.
 * Throws a `GeometryError` when the document has no OCR geometry.
 */
export function toAlto(doc: DigitisedDocument): string {
  const layout = correctedLayout(doc);
  const description = x(
    'Description',
    indented(2, [
      x('MeasurementUnit', 'pixel'),
      x('sourceImageInformation', [x('fileName', xmlText(doc.source))]),
      x(
        'OCRProcessing',
        { ID: 'OCR_0' },
        indented(3, [
          x('ocrProcessingStep', [
            x('processingCategory', 'contentGeneration'),
            x('processingStepDescription', 'OCR (tesseract.js, Vietnamese) or the PDF text layer'),
            x('processingSoftware', [x('softwareName', 'sohoa')]),
          ]),
          x('postProcessingStep', [
            x('processingCategory', 'contentModification'),
            x('processingStepDescription', 'Vietnamese OCR correction; the OCR reading kept as ALTERNATIVE'),
            x('processingSoftware', [x('softwareName', 'sohoa')]),
          ]),
        ]),
      ),
    ]),
  );
  const pages = layout.pages.map((page) => altoPage(page));
  const alto = x(
    'alto',
    {
      xmlns: ALTO_NS,
      'xmlns:xlink': 'http://www.w3.org/1999/xlink',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${ALTO_NS} http://www.loc.gov/alto/v4/alto-4-4.xsd`,
      SCHEMAVERSION: '4.4',
    },
    indented(1, [description, x('Layout', indented(2, pages))]),
  );
  const xml = toXml(
    x(null, [
      { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' },
      { type: 'text', value: '\n' },
      alto,
    ]),
    { closeEmptyElements: true, tightClose: true },
  );
  // xast-util-to-xml leaves `]]>` in text as it is, which XML forbids in content (a file name or
  // an OCR reading can hold it); `>` may always be written as a reference.
  return `${xml.replaceAll(']]>', ']]&gt;')}\n`;
}

function altoPage(page: CorrectedPage): Element {
  const p = page.number;
  let line = 0;
  let word = 0;
  const blocks = page.blocks.map((block, b) =>
    x(
      'TextBlock',
      { ID: `p${p}_b${b + 1}`, ...position(block.bbox), LANG: 'vi' },
      indented(
        5,
        block.lines.map((l) => {
          line++;
          return x(
            'TextLine',
            { ID: `p${p}_l${line}`, ...position(l.bbox) },
            strings(l, () => `p${p}_w${++word}`),
          );
        }),
      ),
    ),
  );
  return x(
    'Page',
    { ID: `p${p}`, PHYSICAL_IMG_NR: p, WIDTH: n(page.width), HEIGHT: n(page.height) },
    indented(3, [
      x(
        'PrintSpace',
        { HPOS: 0, VPOS: 0, WIDTH: n(page.width), HEIGHT: n(page.height) },
        indented(4, blocks),
      ),
    ]),
  );
}

/** A line's Strings with an SP in each gap between two words. */
function strings(line: CorrectedLine, nextId: () => string): Element[] {
  return line.words.flatMap((word, k): Element[] => {
    const string = x(
      'String',
      {
        ID: nextId(),
        CONTENT: xmlText(word.text),
        ...position(word.bbox),
        WC: n(word.confidence / 100),
      },
      word.original === undefined ? [] : [x('ALTERNATIVE', { PURPOSE: 'ocr' }, xmlText(word.original))],
    );
    const before = line.words[k - 1];
    if (!before) return [string];
    // The gap from the previous word's right edge; words whose boxes overlap get a zero-width space.
    const gap = Math.max(0, word.bbox.x0 - before.bbox.x1);
    return [x('SP', { HPOS: n(before.bbox.x1), VPOS: n(word.bbox.y0), WIDTH: n(gap) }), string];
  });
}

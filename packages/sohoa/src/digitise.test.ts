import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { correct, type SyllableLm } from '@sohoa/correct';
import { loadBundledLm } from '@sohoa/correct/node';
import type { OcrPage } from '@sohoa/model';
import { createNodeDecoders, createOcr, inPlacePlatform, nodeAssetPaths, type Ocr } from '@sohoa/ocr/node';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DigitiseProgress, digitise } from './digitise.js';

/*
 * The facade's OCR pages and resume, fast: PDFs whose pages are text layers or known from an
 * earlier run, so nothing needs tesseract (`pool.created` stays 0); real pdf.js, corrector and
 * parser.
 */

const fixture = (p: string) => fileURLToPath(new URL(`../../../fixtures/${p}`, import.meta.url));
const dejavu = () =>
  new Uint8Array(
    readFileSync(
      createRequire(fileURLToPath(new URL('../../export/package.json', import.meta.url))).resolve(
        'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
      ),
    ),
  );

let ocr: Ocr;
let lm: SyllableLm;
beforeAll(async () => {
  ocr = createOcr(inPlacePlatform({ langPath: nodeAssetPaths().langPath }, createNodeDecoders(), 1), {
    workers: 1,
  });
  lm = await loadBundledLm();
});
afterAll(async () => {
  await ocr?.close();
});

/** Page 2 of mixed.pdf (its scan) as an earlier run read and stored it. */
const known: OcrPage = {
  number: 2,
  width: 1240,
  height: 1754,
  dpi: 150,
  source: 'ocr',
  confidence: 90,
  blocks: [
    {
      role: 'body',
      bbox: { x0: 100, y0: 100, x1: 900, y1: 140 },
      lines: [
        {
          bbox: { x0: 100, y0: 100, x1: 900, y1: 140 },
          words: ['Giao', 'Sở', 'Công', 'Thương', 'chủ', 'trì.'].map((text, i) => ({
            text,
            bbox: { x0: 100 + i * 130, y0: 100, x1: 220 + i * 130, y1: 140 },
            confidence: 90,
          })),
        },
      ],
    },
  ],
  text: 'Giao Sở Công Thương chủ trì.',
};

describe('digitise: OCR pages in the progress, resume, the PDF font', () => {
  it('hands over each OCR page with its progress', async () => {
    const progress: DigitiseProgress[] = [];
    const result = await digitise(
      { source: 'text-layer.pdf', bytes: readFileSync(fixture('pdfs/text-layer.pdf')) },
      { ocr, lm, onProgress: (p) => progress.push(p) },
    );
    const pages = progress.filter((p) => p.stage === 'ocr');
    expect(pages.map((p) => p.page).sort()).toEqual([1, 2]);
    for (const p of pages) {
      expect(p.known).toBe(false);
      expect(p.ocrPage).toEqual(result.ocr!.pages[p.page! - 1]);
    }
    expect(progress.filter((p) => p.stage !== 'ocr').map((p) => p.ocrPage)).toEqual([undefined, undefined]);
  });

  it('takes known pages through to the OCR, and the font for the searchable PDF from the caller', async () => {
    const progress: DigitiseProgress[] = [];
    let fontLoads = 0;
    const result = await digitise(
      { source: 'mixed.pdf', bytes: readFileSync(fixture('pdfs/mixed.pdf')) },
      {
        ocr,
        lm,
        knownPages: new Map([[2, known]]),
        font: async () => {
          fontLoads++;
          return dejavu();
        },
        onProgress: (p) => progress.push(p),
      },
    );
    expect(result.ocr!.pages.map((p) => p.source)).toEqual(['text-layer', 'ocr']);
    expect(result.ocr!.pages[1]).toEqual(known);
    expect(ocr.pool.created).toBe(0);
    expect(progress.find((p) => p.page === 2)).toMatchObject({ stage: 'ocr', known: true, ocrPage: known });
    expect(result.corrected).toContain('Giao Sở Công Thương chủ trì.');
    expect(fontLoads).toBe(0);
    const pdf = await PDFDocument.load((await result.render('pdf')) as Uint8Array);
    expect(pdf.getPageCount()).toBe(2);
    expect(fontLoads).toBe(1);
  });
});

describe('digitise: text from another OCR engine', () => {
  it('corrects text inputs with the channel costs of the engine that made them (textEngine)', async () => {
    const text = 'Thủ tục hành chính được giải quyêt đúng hạn, tỷ lệ hô sơ trễ hẹn giảm dần qua các năm.\n';
    const confidences = (corrections: readonly { original: string; confidence: number }[]) =>
      corrections.map((c) => `${c.original}:${c.confidence}`);
    const tesseract = await digitise({ source: 'a.txt', text }, { lm, textEngine: 'tesseract' });
    const plain = await digitise({ source: 'a.txt', text }, { lm });
    expect(confidences(tesseract.document.corrections)).toEqual(
      confidences(correct(text, { lm, engine: 'tesseract', toneStyle: 'keep' }).corrections),
    );
    expect(confidences(tesseract.document.corrections)).not.toEqual(confidences(plain.document.corrections));
  });
});

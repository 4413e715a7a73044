import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Plan } from '@sohoa/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDigitiseError } from './errors.js';
import { createDigitiser, type DigitiseProgress, type Digitiser } from './node.js';

const fixture = (p: string) => fileURLToPath(new URL(`../../../fixtures/${p}`, import.meta.url));

let digitiser: Digitiser;
beforeAll(async () => {
  digitiser = await createDigitiser({ workers: 1 });
});
afterAll(async () => {
  await digitiser?.close();
});

describe('digitise (the whole pipeline, real OCR)', () => {
  it('reads a scan through OCR, correction and parsing, reporting each stage', async () => {
    const progress: DigitiseProgress[] = [];
    const result = await digitiser.digitiseFile(fixture('scans/state-150.jpg'), {
      onProgress: (p) => progress.push(p),
    });
    expect(result.ocr?.pages).toHaveLength(1);
    expect(Plan.safeParse(result.plan).success).toBe(true);
    expect(result.plan.docType?.label).toMatch(/KẾ HOẠCH/);
    expect(result.corrected.length).toBeGreaterThan(500);
    expect(progress.map((p) => p.stage)).toEqual(['ocr', 'correct', 'parse']);
    expect(progress[0]).toMatchObject({ page: 1, pages: 1 });
    // The corrections are the difference between what was read and what is kept.
    for (const c of result.corrections.filter((x) => x.applied)) {
      expect(result.ocr!.text.slice(c.start, c.end)).toBe(c.original);
      expect(result.corrected.slice(c.outputStart, c.outputEnd)).toBe(c.replacement);
    }
  });

  it('renders every format from one result; text input has no geometry formats', async () => {
    const result = await digitiser.digitiseFile(fixture('pdfs/text-layer.pdf'));
    for (const format of ['json', 'md', 'html', 'csv', 'ics', 'txt', 'hocr', 'alto'] as const) {
      const out = await result.render(format);
      expect(typeof out, format).toBe('string');
      expect((out as string).length, format).toBeGreaterThan(0);
    }
    for (const format of ['docx', 'pdf'] as const)
      expect(await result.render(format)).toBeInstanceOf(Uint8Array);
    const text = await digitiser.digitise({
      source: 'plan.txt',
      bytes: readFileSync(fixture('texts/plan-bacgiang-36.txt')),
    });
    expect(text.ocr).toBeUndefined();
    expect(text.plan.tasks.length).toBeGreaterThan(0);
    await expect(text.render('alto')).rejects.toThrow(/geometry|OCR/i);
  });

  it('refuses what it cannot read with typed errors', async () => {
    const binary = await digitiser
      .digitise({ source: 'x.bin', bytes: new Uint8Array([0, 1, 2, 0xff, 0xfe, 0, 0, 0, 9]) })
      .catch((e: unknown) => e);
    expect(isDigitiseError(binary) && binary.code).toBe('not-text');
    const empty = await digitiser.digitise({ source: 'x.txt', text: '  \n' }).catch((e: unknown) => e);
    expect(isDigitiseError(empty) && empty.code).toBe('empty');
  });
});

describe('digitise a multi-page TIFF into a searchable PDF', () => {
  it('takes the page images from the OCR decoder: one PDF page per TIFF page', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const result = await digitiser.digitiseFile(fixture('scans/state-2p-150.tiff'));
    expect(result.ocr?.pages).toHaveLength(2);
    const pdf = await PDFDocument.load((await result.render('pdf')) as Uint8Array);
    expect(pdf.getPageCount()).toBe(2);
    // 150 dpi A4: the page size in points follows the scan's resolution.
    const { width } = pdf.getPage(0).getSize();
    expect(width).toBeCloseTo((1240 / 150) * 72, 0);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cer } from '@sohoa/vi';
import { degrees, PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { digitised, loadDigitised, ocrDocument, page, w } from '../geometry/test-documents.js';
import { toSearchablePdf } from './pdf.js';

const FIXTURES = fileURLToPath(new URL('../../../../fixtures/', import.meta.url));
const fixture = (path: string) => new Uint8Array(readFileSync(FIXTURES + path));

const hasPdftotext = !spawnSync('pdftotext', ['-v']).error;
if (process.env.CI && !hasPdftotext) throw new Error('CI: pdftotext (poppler-utils) is missing');
if (!hasPdftotext)
  console.warn('pdftotext is not on PATH (Debian: poppler-utils): the text extraction checks are skipped');

const dir = mkdtempSync(join(tmpdir(), 'sohoa-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What poppler reads from the PDF (pdftotext, in its default reading order). */
function pdftotext(bytes: Uint8Array, name: string, ...args: string[]): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  const run = spawnSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
  return run.stdout;
}

const sizes = async (bytes: Uint8Array) =>
  (await PDFDocument.load(bytes)).getPages().map((p) => {
    const { width, height } = p.getSize();
    return [Math.round(width * 10) / 10, Math.round(height * 10) / 10];
  });

const percent = (v: number) => `${(100 * v).toFixed(2)} %`;

/**
 * The PDF's text against the corrected and the uncorrected text, by CER. pdftotext -raw reads in content
 * stream order, which is our reading order; its default mode re-orders by its own layout analysis (it reads
 * the two header columns in another order), so that figure is only printed. The figures are printed so a
 * run shows them (the README quotes them).
 */
function measure(pdf: Uint8Array, name: string, doc: { text: string; originalText: string }) {
  const found = pdftotext(pdf, name, '-raw');
  const corrected = cer(doc.text, found);
  const uncorrected = cer(doc.originalText, found);
  const layoutOrder = cer(doc.text, pdftotext(pdf, `${name}-default`));
  console.log(
    `${name}: CER of pdftotext -raw against the corrected text ${percent(corrected)}, against the uncorrected ` +
      `text ${percent(uncorrected)}; default pdftotext order against the corrected text ${percent(layoutOrder)}`,
  );
  return { found, corrected, uncorrected, layoutOrder };
}

describe('toSearchablePdf', () => {
  it('sample-plan.pdf (image-only pages): the corrected text is found on its pages, sizes kept', async () => {
    const doc = loadDigitised('sample-plan');
    const original = fixture('sample/sample-plan.pdf');
    const out = await toSearchablePdf(doc, { original, format: 'pdf' });
    expect(await sizes(out)).toEqual(await sizes(original));
    // Subset font: the text layer adds little to the scan.
    expect(out.length - original.length).toBeLessThan(80_000);
    if (!hasPdftotext) return;
    expect(pdftotext(original, 'sample-original').trim()).toBe(''); // image-only before
    const { found, corrected, uncorrected, layoutOrder } = measure(out, 'sample', doc);
    expect(corrected).toBeLessThan(0.01);
    expect(layoutOrder).toBeLessThan(0.05);
    // The three applied corrections are in the PDF: it reads closer to the corrected text than to the OCR's.
    expect(corrected).toBeLessThan(uncorrected);
    for (const c of doc.corrections.filter((c) => c.applied)) expect(found).toContain(c.replacement);
  });

  it('a noisy PNG scan: one page at its physical size whose text is the corrected text, not the OCR’s', async () => {
    const doc = loadDigitised('laocai134-noisy-150');
    const out = await toSearchablePdf(doc, {
      original: fixture('scans/bench-laocai134-noisy-150.png'),
      format: 'png',
    });
    // 1240 × 1754 pixels at 150 dpi: 595.2 × 841.9 points (A4).
    expect(await sizes(out)).toEqual([[595.2, 841.9]]);
    if (!hasPdftotext) return;
    const { corrected, uncorrected, layoutOrder } = measure(out, 'noisy', doc);
    expect(corrected).toBeLessThan(0.01);
    expect(layoutOrder).toBeLessThan(0.05);
    // 61 applied corrections (tones, marks, letters, a split): the PDF's text is far nearer the corrected text.
    expect(uncorrected).toBeGreaterThan(0.02);
    expect(uncorrected - corrected).toBeGreaterThan(0.02);
  });

  it('puts each word where the OCR saw it (pdftotext -bbox, points = pixels × 72 / dpi)', async () => {
    const doc = loadDigitised('laocai134-noisy-150');
    const out = await toSearchablePdf(doc, {
      original: fixture('scans/bench-laocai134-noisy-150.png'),
      format: 'png',
    });
    if (!hasPdftotext) return;
    const html = pdftotext(out, 'noisy-bbox', '-bbox');
    const first = doc.ocr!.pages[0]!.blocks[0]!.lines[0]!.words[0]!;
    const m = html.match(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">ỦY<\/word>/);
    expect(m).not.toBeNull();
    const [x0, , x1] = m!.slice(1).map(Number) as [number, number, number, number];
    const k = 72 / 150;
    expect(x0).toBeCloseTo(first.bbox.x0 * k, 0);
    expect(x1).toBeCloseTo(first.bbox.x1 * k, 0);
  });

  it.each([0, 90, 180, 270])('places words right on a page turned %i° with a crop box', async (angle) => {
    // A blank 600 × 800 page cropped to 500 × 700 at (50, 40), shown turned: the OCR saw it as a viewer shows it.
    const input = await PDFDocument.create();
    const blank = input.addPage([600, 800]);
    blank.setCropBox(50, 40, 500, 700);
    blank.setRotation(degrees(angle));
    const [width, height] = angle % 180 === 0 ? [500, 700] : [700, 500];
    const ocr = ocrDocument([page(1, [[w('Quyết', 100, 190, 50), w('định', 200, 260, 50)]])]);
    Object.assign(ocr.pages[0]!, { width: width * 2, height: height * 2, dpi: 144 });
    const out = await toSearchablePdf(digitised(ocr, []), { original: await input.save(), format: 'pdf' });
    if (!hasPdftotext) return;
    const html = pdftotext(out, `turned-${angle}`, '-bbox', '-cropbox');
    const box = (word: string) =>
      html
        .match(
          new RegExp(
            `<word xMin="([\\d.]+)" yMin="([\\d.]+)" xMax="([\\d.]+)" yMax="([\\d.]+)">${word}</word>`,
          ),
        )
        ?.slice(1)
        .map(Number);
    // Pixels at 144 dpi are half-points; pdftotext -bbox -cropbox measures from the shown crop box's top left.
    const quyet = box('Quyết');
    expect(quyet).toBeDefined();
    expect(quyet![0]).toBeCloseTo(50, 0);
    expect(quyet![1]).toBeGreaterThan(20);
    expect(quyet![3]).toBeLessThan(40);
    expect(box('định')![0]).toBeCloseTo(100, 0);
  });

  it('a born-digital PDF (text layer) keeps its own text and gets no second copy', async () => {
    const doc = loadDigitised('party-text-layer');
    const original = fixture('pdfs/text-layer.pdf');
    const out = await toSearchablePdf(doc, { original, format: 'pdf' });
    expect(await sizes(out)).toEqual(await sizes(original));
    if (!hasPdftotext) return;
    expect(pdftotext(out, 'text-layer')).toBe(pdftotext(original, 'text-layer-original'));
  });

  it('draws over other image formats through pageImage, one page per image', async () => {
    const ocr = ocrDocument([
      page(1, [[w('Kế', 100, 160), w('hoạch', 168, 330)]]),
      page(2, [[w('số', 100, 150)]]),
    ]);
    for (const p of ocr.pages) Object.assign(p, { width: 1240, height: 1754, dpi: 150 });
    const png = fixture('scans/plan-noisy-150.png');
    const asked: number[] = [];
    const out = await toSearchablePdf(digitised(ocr, []), {
      original: new Uint8Array([0x49, 0x49, 0x2a, 0]), // a TIFF's first bytes: never read
      format: 'tiff',
      pageImage: (n) => {
        asked.push(n);
        return png;
      },
    });
    expect(asked).toEqual([1, 2]);
    expect(await sizes(out)).toEqual([
      [595.2, 841.9],
      [595.2, 841.9],
    ]);
    if (!hasPdftotext) return;
    expect(
      pdftotext(out, 'tiff')
        .split('\f')
        .map((p) => p.trim()),
    ).toEqual(['Kế hoạch', 'số', '']);
  });

  it('says what is missing instead of making a wrong PDF', async () => {
    const doc = loadDigitised('sample-plan');
    await expect(
      toSearchablePdf(doc, { original: fixture('pdfs/text-layer.pdf'), format: 'tiff' }),
    ).rejects.toThrow(/pageImage/);
    const one = await PDFDocument.create();
    one.addPage();
    await expect(toSearchablePdf(doc, { original: await one.save(), format: 'pdf' })).rejects.toThrow(
      /1 pages/,
    );
  });
});

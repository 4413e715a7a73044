import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Plan } from '@sohoa/model';
import { cer } from '@sohoa/vi';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_SERVICES,
  type ChromiumHarness,
  chromiumMissing,
  startChromium,
} from '../../ocr/src/testing/chromium.node.js';
import type { BrowserDigitiserTestApi, DigitiseRun } from './testing/browser-page.js';

/*
 * `sohoa/browser` in a real headless Chromium: the whole pipeline (tesseract.js, the corrector's
 * language model, the parser, the searchable PDF with a fetched font) from served files only,
 * under an extension-like CSP (the harness of @sohoa/ocr's Chromium test).
 */

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = path.join(repo, 'fixtures');
const fontFile = createRequire(path.join(repo, 'packages/export/package.json')).resolve(
  'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
);

const missing = chromiumMissing();
if (missing && process.env.CI === 'true') throw new Error(`Chromium tests cannot run on CI: ${missing}`);

describe.skipIf(missing !== undefined)(
  `sohoa/browser in Chromium${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let chrome: ChromiumHarness;
    /** The first run of the scan, which the resume is compared with. */
    let scan: DigitiseRun;
    const digitise = (url: string, options: { resume?: boolean; pdf?: boolean; exports?: boolean } = {}) =>
      chrome.page.evaluate(
        ([u, o]) => (globalThis as unknown as { sohoa: BrowserDigitiserTestApi }).sohoa.digitise(u, o),
        [url, options] as const,
      ) as Promise<DigitiseRun>;

    beforeAll(async () => {
      const fixture = (name: string) => [`/fixtures/${name}`, path.join(fixtures, name)] as const;
      chrome = await startChromium({
        entries: { 'page.js': fileURLToPath(new URL('./testing/browser-page.ts', import.meta.url)) },
        files: Object.fromEntries([
          fixture('scans/plan-clean-300.png'),
          fixture('texts/plan-bacgiang-36.txt'),
          ['/assets/models/syllable-lm.bin', path.join(repo, 'packages/correct/model/syllable-lm.bin')],
          ['/assets/fonts/DejaVuSans.ttf', fontFile],
        ]),
      });
    });

    afterAll(async () => {
      await chrome?.page.evaluate(() =>
        (globalThis as unknown as { sohoa: BrowserDigitiserTestApi }).sohoa.close(),
      );
      await chrome?.close();
    });

    it('digitises a scan: OCR, correction, structure, and a searchable PDF with the fetched font', async () => {
      const run = await digitise('/fixtures/scans/plan-clean-300.png', { pdf: true, exports: true });
      expect(run.error, chrome.errors.join('\n')).toBeUndefined();
      scan = run;
      const truth = await readFile(path.join(fixtures, 'scans/plan-clean-300.gt.txt'), 'utf8');
      expect(cer(truth, run.corrected!)).toBeLessThan(0.03);
      expect(run.corrected).toContain('Ban Thường vụ');
      // The progress carries the OCR page itself, then the stages after it.
      expect(run.progress.map((p) => p.stage)).toEqual(['ocr', 'correct', 'parse']);
      expect(run.progress[0]).toMatchObject({ page: 1, pages: 1, known: false, ocrPageText: run.ocrText });

      const plan = run.plan!;
      expect(Plan.safeParse(plan).success).toBe(true);
      expect(plan).toMatchObject({
        regime: 'party',
        title: 'KẾ HOẠCH',
        place: 'Bắc Giang',
        number: { raw: '125-KH/TU' },
        date: { iso: '2024-03-15' },
      });
      expect(plan.implements.map((i) => plan.references[i]!.text).join()).toMatch(/36-NQ\/TW/);

      // The searchable PDF: one page, the scan, and the corrected words as text a reader extracts.
      const pdfBytes = Buffer.from(run.pdf!, 'base64');
      expect((await PDFDocument.load(pdfBytes)).getPageCount()).toBe(1);
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const doc = await pdfjs.getDocument({ data: new Uint8Array(pdfBytes), verbosity: 0 }).promise;
      try {
        const content = await (await doc.getPage(1)).getTextContent();
        const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
        expect(text.normalize('NFC')).toContain('CỘNG');
        expect(text.normalize('NFC')).toContain('Nghị');
      } finally {
        await doc.destroy();
      }
      // Every other export renders in the browser too.
      for (const [format, size] of Object.entries(run.exports!)) expect(size, format).toBeGreaterThan(0);
      console.info(`Chromium digitise: ${Math.round(run.ms)} ms`);
    });

    it('resumes from the OCR pages kept from the last run: the same result, no page read again', async () => {
      const run = await digitise('/fixtures/scans/plan-clean-300.png', { resume: true });
      expect(run.error).toBeUndefined();
      expect(run.progress[0]).toMatchObject({ stage: 'ocr', page: 1, pages: 1, known: true });
      expect(run.ocrText).toBe(scan.ocrText);
      expect(run.corrected).toBe(scan.corrected);
      // No OCR: a fraction of the seconds the page took the first time.
      expect(run.ms).toBeLessThan(scan.ms / 3);
    });

    it('finds the tasks of a typed plan (text input, no OCR)', async () => {
      const run = await digitise('/fixtures/texts/plan-bacgiang-36.txt');
      expect(run.error).toBeUndefined();
      expect(run.ocrText).toBeUndefined();
      expect(run.plan!.tasks.length).toBeGreaterThan(0);
      expect(run.plan!.tasks.some((t) => t.lead)).toBe(true);
    });

    it('fetched nothing but from 127.0.0.1', () => {
      expect(chrome.requests.filter((url) => !url.startsWith(chrome.base))).toEqual([]);
      expect(chrome.external.filter((url) => !CHROMIUM_SERVICES.test(url))).toEqual([]);
      expect(chrome.failures).toEqual([]);
      // The model and the font once each, however many documents.
      expect(chrome.served.filter((p) => p === '/assets/models/syllable-lm.bin')).toHaveLength(1);
      expect(chrome.served.filter((p) => p === '/assets/fonts/DejaVuSans.ttf')).toHaveLength(1);
    });
  },
);

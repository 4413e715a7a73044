import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { OcrDocument } from '@sohoa/model';
import { cer } from '@sohoa/vi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TESSERACT_CORES } from './browser-assets.node.js';
import type { BrowserTestApi } from './testing/browser-page.js';
import type { PageRun } from './testing/browser-run.js';
import {
  CHROMIUM_SERVICES,
  type ChromiumHarness,
  chromiumMissing,
  startChromium,
} from './testing/chromium.node.js';

/*
 * The browser platform in a real headless Chromium: real tesseract.js (wasm, from the shipped
 * files) and real pdf.js, in a window and in a dedicated worker, offline, under an extension's CSP.
 */

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const testing = fileURLToPath(new URL('./testing/', import.meta.url));

const missing = chromiumMissing();
if (missing && process.env.CI === 'true') throw new Error(`Chromium tests cannot run on CI: ${missing}`);

/** A PNG whose structure is sound (chunks, lengths, CRCs) but whose image data is not zlib. */
async function undecodablePng(): Promise<Uint8Array> {
  const png = new Uint8Array(await readFile(path.join(fixtures, 'scans', 'plan-noisy-150.png')));
  const view = new DataView(png.buffer, png.byteOffset);
  for (let o = 8; o + 12 <= png.length; ) {
    const length = view.getUint32(o);
    const type = String.fromCharCode(...png.subarray(o + 4, o + 8));
    if (type === 'IDAT') {
      png.fill(0xff, o + 8, o + 8 + Math.min(length, 16)); // no zlib header, no deflate block
      view.setUint32(o + 8 + length, crc32(png.subarray(o + 4, o + 8 + length)));
      return png;
    }
    o += 12 + length;
  }
  throw new Error('no IDAT');
}

describe.skipIf(missing !== undefined)(
  `@sohoa/ocr/browser in Chromium${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let chrome: ChromiumHarness;
    let tmp: string;
    const call = (method: keyof BrowserTestApi, url: string) =>
      chrome.page.evaluate(
        ([m, u]) => (globalThis as unknown as { sohoa: BrowserTestApi }).sohoa[m as 'recognize'](u),
        [method, url] as const,
      ) as Promise<PageRun>;
    const truth = (name: string) =>
      readFile(path.join(fixtures, name.replace(/\.[a-z]+$/, '.gt.txt')), 'utf8');

    beforeAll(async () => {
      tmp = await mkdtemp(path.join(tmpdir(), 'sohoa-browser-test-'));
      const corrupt = path.join(tmp, 'undecodable.png');
      await writeFile(corrupt, await undecodablePng());
      const fixture = (name: string) => [`/fixtures/${name}`, path.join(fixtures, name)] as const;
      chrome = await startChromium({
        entries: {
          'page.js': path.join(testing, 'browser-page.ts'),
          'worker.js': path.join(testing, 'browser-worker.ts'),
        },
        files: Object.fromEntries([
          fixture('scans/plan-clean-300.png'),
          fixture('pdfs/image-only.pdf'),
          fixture('pdfs/text-layer.pdf'),
          fixture('pdfs/corrupt.pdf'),
          fixture('bad/not-an-image.png'),
          ['/fixtures/undecodable.png', corrupt],
        ]),
      });
    });

    afterAll(async () => {
      await chrome?.page.evaluate(() => (globalThis as unknown as { sohoa: BrowserTestApi }).sohoa.close());
      await chrome?.close();
      if (tmp) await rm(tmp, { recursive: true, force: true });
    });

    it('OCRs a PNG scan in the window and an image-only PDF in a worker, at once', async () => {
      // Two tesseract workers on two cores: the window's and the worker's.
      const [png, pdf] = await Promise.all([
        call('recognize', '/fixtures/scans/plan-clean-300.png'),
        call('recognizeInWorker', '/fixtures/pdfs/image-only.pdf'),
      ]);
      expect(png.error, chrome.errors.join('\n')).toBeUndefined();
      expect(OcrDocument.safeParse(png.doc).success).toBe(true);
      const text = png.doc!.text;
      expect(png.doc!.pages[0]!.source).toBe('ocr');
      // The PNG declares 300 dpi (pHYs), read by declaredDpi as the Node decoders do.
      expect(png.doc!.pages[0]!.dpi).toBe(300);
      expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(text).toContain('Số 125-KH/TU');
      expect(text).toMatch(/triển khai thực hiện Nghị quyết số 36-NQ\/TW/);
      expect(text).toContain('phát triển và ứng dụng công nghệ sinh học');
      // Same bound as the Node engine on this page (ocr.slow.test.ts).
      expect(cer(await truth('scans/plan-clean-300.png'), text)).toBeLessThan(0.03);
      expect(png.progress).toEqual([
        {
          source: '/fixtures/scans/plan-clean-300.png',
          page: 1,
          pages: 1,
          kind: 'ocr',
          known: false,
          resultText: text,
        },
      ]);

      expect(pdf.error, chrome.errors.join('\n')).toBeUndefined();
      expect(pdf.doc!.pages.every((p) => p.source === 'ocr')).toBe(true);
      expect(pdf.doc!.text).toMatch(/Số: 2242\/KH-SCT/);
      expect(cer(await truth('pdfs/image-only.pdf'), pdf.doc!.text)).toBeLessThan(0.05);
      console.info(
        `Chromium OCR: PNG ${Math.round(png.ms)} ms (window), PDF ${Math.round(pdf.ms)} ms (worker)`,
      );
    });

    it("reads a born-digital PDF's text layer without OCR", async () => {
      const run = await call('recognize', '/fixtures/pdfs/text-layer.pdf');
      expect(run.error).toBeUndefined();
      expect(run.doc!.pages.map((p) => p.source)).toEqual(run.doc!.pages.map(() => 'text-layer'));
      expect(cer(await truth('pdfs/text-layer.pdf'), run.doc!.text)).toBeLessThan(0.01);
    });

    it.each([
      ['/fixtures/undecodable.png', 'corrupt', /image is corrupt/],
      ['/fixtures/pdfs/corrupt.pdf', 'corrupt', /PDF is corrupt/],
      ['/fixtures/bad/not-an-image.png', 'unsupported-format', /not a supported image/],
    ])('refuses %s with an OcrInputError (%s), in the window and in a worker', async (url, code, message) => {
      for (const method of ['recognize', 'recognizeInWorker'] as const) {
        const run = await call(method, url);
        expect(run.doc, method).toBeUndefined();
        expect(run.error, method).toMatchObject({ name: 'OcrInputError', code });
        expect(run.error!.message, method).toMatch(message);
      }
    });

    it('loaded everything from 127.0.0.1: the shipped worker, one of the shipped cores, the data', () => {
      // What the page and its workers fetched, as Playwright sees it.
      expect(chrome.requests.length).toBeGreaterThan(0);
      expect(chrome.requests.filter((url) => !url.startsWith(chrome.base))).toEqual([]);
      // What reached the proxy from anywhere in the browser, nested workers included, minus the
      // browser's own update and sign-in pings (they come on about:blank too, not from the page).
      expect(chrome.external.filter((url) => !CHROMIUM_SERVICES.test(url))).toEqual([]);
      expect(chrome.failures).toEqual([]);
      // tesseract.js picked one of the shipped cores, from the shipped folder, in both workers.
      const cores = chrome.served.filter((p) => p.startsWith('/assets/tesseract/core/'));
      expect(cores).toHaveLength(2);
      for (const p of cores) expect(TESSERACT_CORES).toContain(p.split('/').at(-1));
      expect(chrome.served.filter((p) => p === '/assets/tesseract/worker.min.js')).toHaveLength(2);
      expect(chrome.served).toContain('/assets/tesseract/lang/vie.traineddata.gz');
      // pdf.js's worker once per PDF opened: image-only (in the worker), text-layer, corrupt twice.
      expect(chrome.served.filter((p) => p === '/assets/pdfjs/pdf.worker.min.mjs')).toHaveLength(4);
    });
  },
);

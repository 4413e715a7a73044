import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OcrPage } from '@sohoa/model';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageSource } from './document-reader.js';
import { createNodeDecoders, nodeAssetPaths, readInputFile } from './node.js';
import { createOcr, inPlacePlatform, type Ocr, type PageProgress } from './recognizer.js';

/*
 * Page results as they come, and resuming from pages read before. The decoders are the real
 * Node ones (pdf.js, the canvas), in place; the platform is only watched: which documents it
 * opens and which pages it prepares. No page here needs tesseract: a test that would start it
 * fails on `pool.created`.
 */

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

interface Watched {
  ocr: Ocr;
  opened: string[];
  prepared: number[];
}

let engines: Ocr[] = [];
afterEach(async () => {
  await Promise.all(engines.map((e) => e.close()));
  engines = [];
});

function watchedOcr(): Watched {
  const base = inPlacePlatform({ langPath: nodeAssetPaths().langPath }, createNodeDecoders(), 1);
  const watched: Watched = { ocr: undefined as unknown as Ocr, opened: [], prepared: [] };
  watched.ocr = createOcr(
    {
      ...base,
      async open(input, options) {
        watched.opened.push(input.source);
        const doc: PageSource = await base.open(input, options);
        return {
          pageCount: doc.pageCount,
          page: (n) => {
            watched.prepared.push(n);
            return doc.page(n);
          },
          close: () => doc.close(),
        };
      },
    },
    { workers: 1 },
  );
  engines.push(watched.ocr);
  return watched;
}

async function read(
  engine: Ocr,
  name: string,
  knownPages?: Map<number, OcrPage>,
  onPageImage?: (n: number, png: Uint8Array) => void,
) {
  const file = path.join(fixtures, name);
  const progress: PageProgress[] = [];
  const doc = await engine.recognize(
    { source: file, bytes: await readInputFile(file) },
    {
      onPage: (p) => progress.push(p),
      ...(knownPages ? { knownPages } : {}),
      ...(onPageImage ? { onPageImage } : {}),
    },
  );
  return { doc, progress };
}

/** A page as an earlier run would have stored it. */
function storedPage(number: number, text: string): OcrPage {
  return { number, width: 2480, height: 3508, dpi: 300, source: 'ocr', confidence: 91, blocks: [], text };
}

describe('onPage carries each finished page', () => {
  it('reports every page once with the page as it ends up in the document', async () => {
    const { ocr } = watchedOcr();
    const { doc, progress } = await read(ocr, 'pdfs/text-layer.pdf');
    expect(doc.pages).toHaveLength(2);
    expect(progress.map((p) => p.page).sort()).toEqual([1, 2]);
    for (const p of progress) {
      expect(p).toMatchObject({ pages: 2, kind: 'text-layer', known: false });
      expect(p.result).toEqual(doc.pages[p.page - 1]);
      expect(p.result.text.length).toBeGreaterThan(100);
    }
  });
});

describe('knownPages: resuming an interrupted run', () => {
  it('takes known pages of a PDF as they are: neither rendered nor OCRed', async () => {
    const w = watchedOcr();
    const known = new Map([[1, storedPage(1, 'KẾ HOẠCH đã đọc lần trước')]]);
    const { doc, progress } = await read(w.ocr, 'pdfs/image-only.pdf', known);
    expect(doc.pages).toEqual([known.get(1)]);
    expect(doc.text).toBe('KẾ HOẠCH đã đọc lần trước');
    expect(w.prepared).toEqual([]);
    expect(w.ocr.pool.created).toBe(0);
    expect(progress).toEqual([
      expect.objectContaining({ page: 1, pages: 1, kind: 'ocr', known: true, result: known.get(1) }),
    ]);
  });

  it('reads only the pages not known yet, in their places', async () => {
    const w = watchedOcr();
    // mixed.pdf: page 1 has a text layer, page 2 is a scan; the scan was read before the stop.
    const known = new Map([[2, storedPage(2, 'trang hai đã đọc')]]);
    const { doc, progress } = await read(w.ocr, 'pdfs/mixed.pdf', known);
    expect(doc.pages.map((p) => p.source)).toEqual(['text-layer', 'ocr']);
    expect(doc.pages[1]).toEqual(known.get(2));
    expect(doc.text.endsWith('\n\f\ntrang hai đã đọc')).toBe(true);
    expect(w.prepared).toEqual([1]);
    expect(w.ocr.pool.created).toBe(0);
    expect(progress.map((p) => [p.page, p.known]).sort()).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it('does not even open a one-page image whose page is known', async () => {
    const w = watchedOcr();
    const known = new Map([[1, storedPage(1, 'ảnh đã đọc')]]);
    const { doc } = await read(w.ocr, 'scans/plan-clean-300.png', known);
    expect(doc.text).toBe('ảnh đã đọc');
    expect(w.opened).toEqual([]);
  });

  it('still decodes a known page of an image when its image is asked for, without OCR', async () => {
    const w = watchedOcr();
    const known = new Map([[1, storedPage(1, 'ảnh đã đọc')]]);
    const images: number[] = [];
    const { doc } = await read(w.ocr, 'scans/state-150.webp', known, (n, png) => {
      expect(png.subarray(0, 4)).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
      images.push(n);
    });
    expect(images).toEqual([1]);
    expect(doc.pages).toEqual([known.get(1)]);
    expect(w.ocr.pool.created).toBe(0);
  });

  it('reads again a known page that is damaged or numbered for another place', async () => {
    const fresh = await read(watchedOcr().ocr, 'pdfs/text-layer.pdf');
    const w = watchedOcr();
    const damaged = { ...storedPage(1, 'x'), confidence: 'high' } as unknown as OcrPage;
    const known = new Map([
      [1, damaged],
      [2, storedPage(3, 'page 3 stored as 2')],
    ]);
    const { doc, progress } = await read(w.ocr, 'pdfs/text-layer.pdf', known);
    expect(doc).toEqual(fresh.doc);
    expect(w.prepared.sort()).toEqual([1, 2]);
    expect(progress.every((p) => !p.known)).toBe(true);
  });
});

describe('pages: reading only some pages of a document', () => {
  async function readPages(engine: Ocr, name: string, pages: number[], knownPages?: Map<number, OcrPage>) {
    const file = path.join(fixtures, name);
    const counts: number[] = [];
    const progress: PageProgress[] = [];
    const doc = await engine.recognize(
      { source: file, bytes: await readInputFile(file) },
      {
        pages,
        onPages: (_, n) => counts.push(n),
        onPage: (p) => progress.push(p),
        ...(knownPages ? { knownPages } : {}),
      },
    );
    return { doc, counts, progress };
  }

  it('reads the pages asked for alone, as a whole read would have them', async () => {
    const whole = await read(watchedOcr().ocr, 'pdfs/text-layer.pdf');
    const w = watchedOcr();
    const { doc, counts, progress } = await readPages(w.ocr, 'pdfs/text-layer.pdf', [2]);
    expect(doc.pages).toEqual([whole.doc.pages[1]]);
    expect(doc.text).toBe(whole.doc.pages[1]!.text);
    expect(w.prepared).toEqual([2]);
    expect(counts).toEqual([2]);
    expect(progress).toEqual([expect.objectContaining({ page: 2, pages: 2, known: false })]);
  });

  it('keeps page order and drops repeats', async () => {
    const w = watchedOcr();
    const { doc } = await readPages(w.ocr, 'pdfs/text-layer.pdf', [2, 1, 2]);
    expect(doc.pages.map((p) => p.number)).toEqual([1, 2]);
    expect(w.prepared.sort()).toEqual([1, 2]);
  });

  it('counts pages without reading any when the list is empty', async () => {
    const w = watchedOcr();
    const pdf = await readPages(w.ocr, 'pdfs/text-layer.pdf', []);
    expect(pdf.counts).toEqual([2]);
    expect(pdf.doc.pages).toEqual([]);
    const tiff = await readPages(w.ocr, 'scans/state-2p-150.tiff', []);
    expect(tiff.counts).toEqual([2]);
    // A one-page image is not even decoded to be counted.
    const png = await readPages(w.ocr, 'scans/plan-clean-300.png', []);
    expect(png.counts).toEqual([1]);
    expect(w.opened.map((f) => path.basename(f))).toEqual(['text-layer.pdf', 'state-2p-150.tiff']);
    expect(w.prepared).toEqual([]);
    expect(w.ocr.pool.created).toBe(0);
  });

  it('takes a wanted page from knownPages without preparing it', async () => {
    const w = watchedOcr();
    const known = new Map([[2, storedPage(2, 'trang hai')]]);
    const { doc } = await readPages(w.ocr, 'pdfs/text-layer.pdf', [2], known);
    expect(doc.pages).toEqual([known.get(2)]);
    expect(w.prepared).toEqual([]);
  });

  it('refuses a page past the end, or not a page number, as invalid input', async () => {
    const w = watchedOcr();
    await expect(readPages(w.ocr, 'pdfs/text-layer.pdf', [3])).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'no page 3: the document has 2 pages',
    });
    await expect(readPages(w.ocr, 'scans/plan-clean-300.png', [0])).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'no page 0: the document has 1 page',
    });
    await expect(readPages(w.ocr, 'pdfs/text-layer.pdf', [1.5])).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });
});

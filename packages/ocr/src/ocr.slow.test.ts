import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OcrDocument } from '@sohoa/model';
import { cer } from '@sohoa/vi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeOcr, type Ocr, readInputFile } from './node.js';

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const fx = (...p: string[]) => path.join(fixtures, ...p);
// Ground truth sits beside each fixture: NAME.gt.txt, or NAME.EXT.gt.txt when one page exists in several formats.
const truth = (file: string) =>
  readFile(existsSync(`${file}.gt.txt`) ? `${file}.gt.txt` : file.replace(/\.[a-z]+$/, '.gt.txt'), 'utf8');

let ocr: Ocr;
beforeAll(() => {
  ocr = createNodeOcr({ workers: 2 });
});
afterAll(async () => {
  await ocr?.close();
});

async function read(file: string, engine = ocr) {
  return engine.recognize({ source: file, bytes: await readInputFile(file) });
}

describe('OCR of rendered scans (real tesseract.js, vie)', () => {
  it('reads a clean 300 dpi Party plan page, header columns apart, with a valid document model', async () => {
    const file = fx('scans', 'plan-clean-300.png');
    const doc = await read(file);
    expect(OcrDocument.safeParse(doc).success).toBe(true);
    const [page] = doc.pages;
    expect(page!.source).toBe('ocr');
    expect(cer(await truth(file), doc.text)).toBeLessThan(0.03);
    const left = page!.blocks.find((b) => b.role === 'header-left');
    const right = page!.blocks.find((b) => b.role === 'header-right');
    expect(left && right).toBeTruthy();
    const text = (b: typeof left) => b!.lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n');
    expect(text(left)).toMatch(/TỈNH ỦY/);
    expect(text(left)).not.toMatch(/CỘNG SẢN/);
    expect(text(right)).toMatch(/CỘNG SẢN/);
    // Reading order: the whole left column, then the whole right column, then the body.
    expect(page!.blocks.indexOf(left!)).toBeLessThan(page!.blocks.indexOf(right!));
    const word = page!.blocks.at(-1)!.lines[0]!.words[0]!;
    expect(word.bbox.x1).toBeGreaterThan(word.bbox.x0);
    expect(word.confidence).toBeGreaterThan(0);
  });

  it("gives tesseract's per-character alternatives as word choices, the reading unchanged", async () => {
    const file = fx('scans', 'plan-poor-150.jpg');
    const withChoices = createNodeOcr({ workers: 1, alternatives: true });
    try {
      const doc = await read(file, withChoices);
      expect(OcrDocument.safeParse(doc).success).toBe(true);
      expect(doc.text).toBe((await read(file)).text);
      const words = doc.pages.flatMap((p) => p.blocks.flatMap((b) => b.lines.flatMap((l) => l.words)));
      const offered = words.filter((w) => w.choices !== undefined);
      expect(offered.length).toBeGreaterThan(5);
      for (const w of offered) {
        for (const c of w.choices!) {
          // One character swapped: same length, exactly one position different.
          const a = [...w.text];
          const b = [...c.text];
          expect(b).toHaveLength(a.length);
          expect(a.filter((ch, i) => ch !== b[i])).toHaveLength(1);
        }
      }
    } finally {
      await withChoices.close();
    }
  });

  it('reads a poor 150 dpi scan', async () => {
    const file = fx('scans', 'plan-poor-150.jpg');
    const doc = await read(file);
    expect(cer(await truth(file), doc.text)).toBeLessThan(0.05);
  });

  it('rescues a noisy 150 dpi scan, and the preprocessing is what does it', async () => {
    const file = fx('scans', 'plan-noisy-150.png');
    const gt = await truth(file);
    const withPre = cer(gt, (await read(file)).text);
    const raw = createNodeOcr({ workers: 1, preprocess: false });
    let without: number;
    try {
      without = cer(gt, (await read(file, raw)).text);
    } finally {
      await raw.close();
    }
    expect(withPre).toBeLessThan(0.12);
    expect(without).toBeGreaterThan(withPre * 2);
  });
});

describe('image formats', () => {
  it.each(['state-150.jpg', 'state-150.webp', 'state-150.bmp'])('reads %s', async (name) => {
    const file = fx('scans', name);
    const doc = await read(file);
    expect(doc.pages).toHaveLength(1);
    expect(cer(await truth(file), doc.text)).toBeLessThan(0.04);
  });

  it('reads every page of a multi-page TIFF', async () => {
    const file = fx('scans', 'state-2p-150.tiff');
    const doc = await read(file);
    expect(doc.pages.map((p) => p.number)).toEqual([1, 2]);
    expect(cer(await truth(file), doc.text)).toBeLessThan(0.05);
  });
});

describe('PDFs that need OCR', () => {
  const pdf = (name: string) => fx('pdfs', name);

  it('renders and reads an image-only PDF', async () => {
    const file = pdf('image-only.pdf');
    const doc = await read(file);
    expect(doc.pages.every((p) => p.source === 'ocr')).toBe(true);
    expect(cer(await truth(file), doc.text)).toBeLessThan(0.05);
  });

  it('reads the text layer of one page and OCRs the scanned page of a mixed PDF', async () => {
    const file = pdf('mixed.pdf');
    const doc = await read(file);
    expect(doc.pages.map((p) => p.source)).toEqual(['text-layer', 'ocr']);
    expect(cer(await truth(file), doc.text)).toBeLessThan(0.05);
  });
});

describe('the fast network (tessdata_fast, committed)', () => {
  it('loads from the package, offline, and reads a clean page nearly as well', async () => {
    const { nodeAssetPaths } = await import('./node.js');
    expect(nodeAssetPaths('fast').langPath).toMatch(/models[/\\]vie-fast[/\\]?$/);
    expect(nodeAssetPaths('best').langPath).toMatch(/4\.0\.0_best_int[/\\]?$/);
    const fast = createNodeOcr({ workers: 1, model: 'fast' });
    try {
      const file = fx('scans', 'plan-clean-300.png');
      const doc = await read(file, fast);
      expect(cer(await truth(file), doc.text)).toBeLessThan(0.03);
    } finally {
      await fast.close();
    }
  });
});

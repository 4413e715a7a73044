import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeOcr, isOcrInputError, type Ocr, type OcrErrorCode, readInputFile } from './node.js';

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

let ocr: Ocr;
let tmp: string;
beforeAll(async () => {
  ocr = createNodeOcr({ workers: 1 });
  tmp = await mkdtemp(path.join(tmpdir(), 'sohoa-bad-'));
});
afterAll(async () => {
  await ocr.close();
  await rm(tmp, { recursive: true, force: true });
});

async function failure(file: string): Promise<{ code: OcrErrorCode; message: string }> {
  try {
    await ocr.recognize({ source: file, bytes: await readInputFile(file) });
  } catch (error) {
    if (isOcrInputError(error)) {
      expect(error.source).toBe(file);
      return { code: error.code, message: error.message };
    }
    throw error;
  }
  throw new Error(`${file} was accepted`);
}

describe('bad inputs give one clear error each and never start OCR', () => {
  it.each<[string, OcrErrorCode, RegExp]>([
    // None of these may get as far as an OCR worker.
    ['pdfs/corrupt.pdf', 'corrupt', /corrupt/],
    ['pdfs/encrypted.pdf', 'encrypted-pdf', /encrypted/],
    ['pdfs/empty.pdf', 'empty-pdf', /no pages/],
    ['bad/zero-bytes.png', 'empty-file', /empty/],
    ['bad/not-an-image.png', 'unsupported-format', /not a supported image/],
    ['bad/truncated.jpg', 'corrupt', /truncated/],
    ['bad/truncated.png', 'corrupt', /truncated/],
    // Damaged headers that crash the native image decoder: refused before it sees them.
    ['bad/truncated-header.jpg', 'corrupt', /truncated|corrupt/],
    ['bad/truncated-header.png', 'corrupt', /truncated|corrupt/],
    ['bad/does-not-exist.png', 'not-found', /no such file/],
  ])('%s → %s', async (name, code, message) => {
    const file = path.join(fixtures, name);
    const before = await readFile(file).catch(() => undefined);
    const result = await failure(file);
    expect(result.code).toBe(code);
    expect(result.message).toMatch(message);
    expect(result.message).not.toContain('\n');
    // Inputs are never modified.
    expect(await readFile(file).catch(() => undefined)).toEqual(before);
    expect(ocr.pool.created).toBe(0);
  });

  it('refuses an image over 100 megapixels from its header, before decoding it', async () => {
    const { writeHugeImage } = await import('../../../fixtures/scripts/huge-image.mjs');
    const file = writeHugeImage(tmp);
    const created = ocr.pool.created;
    const result = await failure(file);
    expect(result.code).toBe('too-large');
    expect(result.message).toMatch(/megapixels/);
    expect(ocr.pool.created).toBe(created);
  });

  it('reports a directory given as a file', async () => {
    expect((await failure(tmp)).code).toBe('unreadable');
  });

  it('handles a PDF whose only problem is garbage after a valid header', async () => {
    const file = path.join(tmp, 'junk.pdf');
    await writeFile(file, '%PDF-1.7\n this is not a PDF body at all \n');
    expect((await failure(file)).code).toBe('corrupt');
  });
});

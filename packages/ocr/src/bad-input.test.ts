import { readdirSync, readFileSync } from 'node:fs';
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

interface Expected {
  file: string;
  code: OcrErrorCode | null;
  message: string;
  why: string;
}
const expected: Expected[] = JSON.parse(
  readFileSync(path.join(fixtures, 'bad/expected.json'), 'utf8'),
).inputs;

describe('bad inputs give one clear error each and never start OCR', () => {
  it('lists every file of fixtures/bad/', () => {
    const listed = new Set(expected.map((e) => e.file));
    const present = readdirSync(path.join(fixtures, 'bad')).filter((f) => f !== 'expected.json');
    expect(present.filter((f) => !listed.has(`bad/${f}`))).toEqual([]);
  });

  it.each(expected.filter((e) => e.code !== null).map((e) => [e.file, e.code, e.message, e.why] as const))(
    '%s → %s',
    async (name, code, message) => {
      const file = path.join(fixtures, name);
      const before = await readFile(file);
      const result = await failure(file);
      expect(result.code).toBe(code);
      expect(result.message).toContain(message);
      expect(result.message).not.toContain('\n');
      // Inputs are never modified.
      expect(await readFile(file)).toEqual(before);
      // None of these may get as far as an OCR worker.
      expect(ocr.pool.created).toBe(0);
    },
  );

  it('reports a missing file', async () => {
    const result = await failure(path.join(fixtures, 'bad/does-not-exist.png'));
    expect(result.code).toBe('not-found');
    expect(result.message).toMatch(/no such file/);
  });

  it.each(expected.filter((e) => e.code === null).map((e) => [e.file, e.why] as const))(
    '%s is damaged but readable: it is read (%s)',
    async (name) => {
      const doc = await ocr.recognize({
        source: name,
        bytes: await readInputFile(path.join(fixtures, name)),
      });
      expect(doc.pages.length).toBeGreaterThan(0);
    },
  );

  it('takes a Node Buffer as bytes (what fs.readFileSync gives), PDF and image alike', async () => {
    const pdf = await ocr.recognize({
      source: 'text-layer.pdf',
      bytes: readFileSync(path.join(fixtures, 'pdfs/text-layer.pdf')),
    });
    expect(pdf.pages.map((p) => p.source)).toEqual(['text-layer', 'text-layer']);
    const image = await ocr.recognize({
      source: 'state-150.jpg',
      bytes: readFileSync(path.join(fixtures, 'scans/state-150.jpg')),
    });
    expect(image.text).toMatch(/KẾ HOẠCH/);
  });

  it('refuses bytes that are not bytes with a typed error, not a TypeError from inside', async () => {
    for (const bytes of ['%PDF-1.7', new ArrayBuffer(8), undefined, 42]) {
      const error = await ocr
        .recognize({ source: 'x.pdf', bytes: bytes as unknown as Uint8Array })
        .catch((e: unknown) => e);
      expect(isOcrInputError(error)).toBe(true);
      expect((error as { code: string }).code).toBe('invalid-input');
      expect((error as Error).message).toMatch(/expected the file's bytes as a Uint8Array or Buffer/);
    }
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

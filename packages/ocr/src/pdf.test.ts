import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cer } from '@sohoa/vi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeOcr, type Ocr, readInputFile } from './node.js';

const fixtures = fileURLToPath(new URL('../../../fixtures/pdfs/', import.meta.url));

let ocr: Ocr;
beforeAll(() => {
  ocr = createNodeOcr({ workers: 1 });
});
afterAll(async () => {
  await ocr.close();
});

async function read(name: string) {
  const file = path.join(fixtures, name);
  const doc = await ocr.recognize({ source: file, bytes: await readInputFile(file) });
  const gt = await readFile(file.replace(/\.pdf$/, '.gt.txt'), 'utf8');
  return { doc, gt };
}

describe('PDF text layers (no OCR needed)', () => {
  it('reads a Unicode text layer directly', async () => {
    const { doc, gt } = await read('text-layer.pdf');
    expect(doc.pages.every((p) => p.source === 'text-layer')).toBe(true);
    expect(doc.pages[0]!.encoding).toBe('unicode');
    expect(cer(gt, doc.text)).toBeLessThan(0.01);
    expect(ocr.pool.created).toBe(0);
  });

  it('detects a TCVN3 (.VnTime) text layer and converts it to Unicode', async () => {
    const { doc, gt } = await read('tcvn3-text-layer.pdf');
    expect(doc.pages[0]!.encoding).toBe('tcvn3');
    expect(cer(gt, doc.text)).toBeLessThan(0.01);
  });

  it('detects a VNI text layer and converts it to Unicode', async () => {
    const { doc, gt } = await read('vni-text-layer.pdf');
    expect(doc.pages[0]!.encoding).toBe('vni');
    expect(cer(gt, doc.text)).toBeLessThan(0.01);
  });
});

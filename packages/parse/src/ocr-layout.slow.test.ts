import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeOcr, type Ocr, readInputFile } from '@sohoa/ocr/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from './parse.js';

// Real scans through real OCR, then the parser on the OCR document (with its layout).
const scans = fileURLToPath(new URL('../../../fixtures/scans/', import.meta.url));

let ocr: Ocr;
beforeAll(() => {
  ocr = createNodeOcr({ workers: 2 });
});
afterAll(async () => {
  await ocr?.close();
});

async function parseScan(name: string) {
  const file = path.join(scans, name);
  const doc = await ocr.recognize({ source: file, bytes: await readInputFile(file) });
  return parse(doc, { source: name });
}

describe('parsing OCR output of rendered scans', () => {
  it('reads the header of a Party plan scanned at 300 dpi', async () => {
    const plan = await parseScan('plan-clean-300.png');
    expect(plan.regime).toBe('party');
    expect(plan.docType.code).toBe('ke-hoach');
    expect(plan.number?.raw).toMatch(/125-KH\/TU/);
    expect(plan.date?.iso).toBe('2024-03-15');
    expect(plan.place).toBe('Bắc Giang');
    expect(plan.issuer.chain.join(' ')).toMatch(/BẮC GIANG/);
    // The right header column is not mistaken for the issuer.
    expect(plan.issuer.chain.join(' ')).not.toMatch(/CỘNG SẢN/);
    expect(plan.sections.map((s) => s.number)).toEqual(expect.arrayContaining(['I-', 'II-']));
  });

  it('reads the header of a State plan scanned at 300 dpi', async () => {
    const plan = await parseScan('state-clean-300.png');
    expect(plan.regime).toBe('state');
    expect(plan.number?.raw).toMatch(/2242\/KH-SCT/);
    expect(plan.number?.number).toBe('2242');
    expect(plan.date?.iso).toBe('2026-04-23');
    expect(plan.issuer.chain.join(' ')).toMatch(/SỞ CÔNG THƯƠNG/);
    expect(plan.summary).toMatch(/Kiểm tra, cấp Giấy chứng nhận/);
    expect(plan.references.map((r) => r.number?.raw)).toContain('181/2024/NĐ-CP');
  });
});

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { craftedBadFiles } from '../../../fixtures/scripts/crafted.mjs';
import { defaultReaderOptions } from './document-reader.js';
import { isOcrInputError, type OcrErrorCode } from './errors.js';
import { DecoderSandbox } from './sandbox.node.js';

const fixture = (p: string) => fileURLToPath(new URL(`../../../fixtures/${p}`, import.meta.url));
const crafted = (name: string) => craftedBadFiles().find((f) => f.name === name)!.bytes;

// The recognizer refuses these files from their headers; here they go straight to a decoder
// process, as a file that slips past the checks would, to prove the process takes the blow.
let sandbox: DecoderSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function failure(promise: Promise<unknown>): Promise<{ code: OcrErrorCode; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isOcrInputError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('the input was accepted');
}

async function readAll(
  box: DecoderSandbox,
  bytes: Uint8Array,
  format: 'png' | 'jpeg' | 'pdf' | 'tiff' | 'webp',
) {
  const doc = await box.open({ bytes, source: 'x', format }, defaultReaderOptions);
  try {
    const pages = [];
    for (let n = 1; n <= doc.pageCount; n++) pages.push(await doc.page(n));
    return pages;
  } finally {
    await doc.close();
  }
}

describe('decoder processes (crash isolation)', () => {
  it('a decoder that segfaults fails that file alone; the next file gets a fresh process', async () => {
    sandbox = new DecoderSandbox({ size: 1 });
    const crash = await failure(readAll(sandbox, crafted('png-width-zero.png'), 'png'));
    expect(crash.code).toBe('decoder-crashed');
    expect(crash.message).toMatch(/crashed on this file \(SIGSEGV\) while opening the file/);
    const webp = await failure(readAll(sandbox, crafted('webp-no-image.webp'), 'webp'));
    expect(webp.code).toBe('decoder-crashed');
    const pages = await readAll(
      sandbox,
      new Uint8Array(readFileSync(fixture('scans/state-150.jpg'))),
      'jpeg',
    );
    expect(pages).toHaveLength(1);
    expect(pages[0]!.kind).toBe('image');
    expect(sandbox.started).toBe(3);
  });

  it('a decoder that runs away with memory is stopped at the limit', async () => {
    sandbox = new DecoderSandbox({ size: 1, maxMemoryMb: 400 });
    const loop = await failure(readAll(sandbox, crafted('tiff-ifd-loop.tif'), 'tiff'));
    expect(loop.code).toBe('out-of-memory');
    expect(loop.message).toMatch(/needed more than 400 MB of memory; stopped/);
  });

  it('a decoder that takes too long is stopped at the time limit', async () => {
    sandbox = new DecoderSandbox({ size: 1, timeoutMs: 1 });
    const slow = await failure(
      readAll(sandbox, new Uint8Array(readFileSync(fixture('pdfs/text-layer.pdf'))), 'pdf'),
    );
    expect(slow.code).toBe('timeout');
    expect(slow.message).toMatch(/took longer than 1 ms; stopped/);
  });

  it('reuses a healthy process for the next document', async () => {
    sandbox = new DecoderSandbox({ size: 1 });
    const pdf = new Uint8Array(readFileSync(fixture('pdfs/text-layer.pdf')));
    const first = await readAll(sandbox, pdf, 'pdf');
    const second = await readAll(sandbox, pdf, 'pdf');
    expect(first.map((p) => p.kind)).toEqual(['text', 'text']);
    expect(second).toEqual(first);
    expect(sandbox.started).toBe(1);
  });

  it('a process that dies while idle is replaced, not handed the next file', async () => {
    sandbox = new DecoderSandbox({ size: 1 });
    const pdf = new Uint8Array(readFileSync(fixture('pdfs/text-layer.pdf')));
    await readAll(sandbox, pdf, 'pdf');
    const [pid] = sandbox.idlePids;
    expect(pid).toBeGreaterThan(0);
    process.kill(pid!, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const pages = await readAll(sandbox, pdf, 'pdf');
    expect(pages).toHaveLength(2);
    expect(sandbox.started).toBe(2);
  });

  it('an idle decoder process does not keep its parent alive (no close())', async () => {
    const script = `
      const { createNodeOcr } = await import(${JSON.stringify(fileURLToPath(new URL('../dist/node.js', import.meta.url)))});
      const { readFileSync } = await import('node:fs');
      const ocr = createNodeOcr({ workers: 1 });
      const doc = await ocr.recognize({ source: 'x.pdf', bytes: readFileSync(${JSON.stringify(fixture('pdfs/text-layer.pdf'))}) });
      console.log(doc.pages.length);`;
    const started = Date.now();
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(out.trim()).toBe('2');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('an error the decoder reports itself (not a crash) keeps the process', async () => {
    sandbox = new DecoderSandbox({ size: 1 });
    const huge = await failure(readAll(sandbox, crafted('pdf-huge-page.pdf'), 'pdf'));
    expect(huge.code).toBe('too-large');
    await readAll(sandbox, new Uint8Array(readFileSync(fixture('pdfs/text-layer.pdf'))), 'pdf');
    expect(sandbox.started).toBe(1);
  });
});

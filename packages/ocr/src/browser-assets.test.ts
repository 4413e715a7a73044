import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserAssetsAt } from './browser.js';
import { browserAssetFiles, TESSERACT_CORES } from './browser-assets.node.js';

const require = createRequire(import.meta.url);

describe('browserAssetFiles', () => {
  it('lists existing files, each once, for the layout of browserAssetsAt', async () => {
    const files = browserAssetFiles();
    const to = files.map((f) => f.to);
    expect(new Set(to).size).toBe(to.length);
    for (const file of files) expect(path.isAbsolute(file.from)).toBe(true);
    await Promise.all(
      files.map(async (f) => expect((await readFile(f.from)).length, f.from).toBeGreaterThan(0)),
    );
    // Every URL of the layout is a file of the list, or a folder some files of it sit in.
    const assets = browserAssetsAt('https://x.test/assets/');
    const local = (url: string) => url.replace('https://x.test/assets/', '');
    for (const url of [...Object.values(assets.tesseract), ...Object.values(assets.pdfjs)]) {
      const target = local(url);
      expect(target.endsWith('/') ? to.some((t) => t.startsWith(target)) : to.includes(target), url).toBe(
        true,
      );
    }
    expect(to).toEqual(
      expect.arrayContaining([
        'tesseract/worker.min.js',
        ...TESSERACT_CORES.map((c) => `tesseract/core/${c}`),
        'tesseract/lang/vie.traineddata.gz',
        'pdfjs/pdf.worker.min.mjs',
        'pdfjs/wasm/openjpeg.wasm',
        'pdfjs/standard_fonts/LiberationSans-Regular.ttf',
        'pdfjs/cmaps/UniGB-UCS2-H.bcmap',
      ]),
    );
  });

  it('ships every LSTM core tesseract.js can request, and no other', async () => {
    // The names tesseract.js 7 builds from corePath for an LSTM-only worker, read from its source.
    const getCore = await readFile(
      path.join(
        path.dirname(require.resolve('tesseract.js/package.json')),
        'src/worker-script/browser/getCore.js',
      ),
      'utf8',
    );
    const requested = [...getCore.matchAll(/\/(tesseract-core[a-z-]*-lstm\.wasm\.js)`/g)].map((m) => m[1]);
    expect([...new Set(requested)].sort()).toEqual([...TESSERACT_CORES].sort());
  });

  it('takes the chosen network: best by default, fast on request', () => {
    const lang = (model?: 'best' | 'fast') =>
      browserAssetFiles(model).find((f) => f.to === 'tesseract/lang/vie.traineddata.gz')!.from;
    expect(lang()).toMatch(/4\.0\.0_best_int/);
    expect(lang('fast')).toMatch(/vie-fast/);
  });
});

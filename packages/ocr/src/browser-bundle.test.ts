import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/*
 * `@sohoa/ocr/browser` bundled as an application would for a browser: no `node:` module may be
 * reached from it (esbuild refuses them for the browser platform), and pdf.js comes as the
 * modern build (the legacy one is for Node).
 */
const entry = fileURLToPath(new URL('./browser.ts', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

describe('browser bundle of @sohoa/ocr/browser', () => {
  it('builds for the browser platform with the modern pdf.js', async () => {
    const result = await build({
      stdin: {
        contents: "export { createBrowserOcr, browserAssetsAt } from '@sohoa/ocr/browser';",
        resolveDir: root,
        loader: 'ts',
      },
      alias: {
        '@sohoa/ocr/browser': entry,
        '@sohoa/model': `${root}model/src/index.ts`,
        '@sohoa/vi': `${root}vi/src/index.ts`,
      },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.includes('pdfjs-dist/build/pdf.mjs'))).toBe(true);
    expect(inputs.filter((i) => i.includes('pdfjs-dist/legacy') || i.includes('node-decoders'))).toEqual([]);
    expect(inputs.filter((i) => i.startsWith('node:'))).toEqual([]);
  });
});

/*
 * Build-time helper (Node only) for shipping the browser platform: which files of node_modules
 * make the layout `browserAssetsAt(base)` of `@sohoa/ocr/browser` expects. An extension's
 * build copies exactly these; nothing is committed twice or downloaded at run time.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { nodeAssetPaths, type OcrModel } from './node-decoders.js';

const require = createRequire(import.meta.url);

export interface AssetFile {
  /** Absolute path of the file on disk. */
  from: string;
  /** Path under the assets base URL, with `/` separators: `tesseract/worker.min.js`. */
  to: string;
}

/**
 * The cores tesseract.js 7 may request from `corePath` for an LSTM-only worker
 * (`src/worker-script/browser/getCore.js`): relaxed SIMD, SIMD or neither, by what the CPU
 * offers. Each `.wasm.js` carries its wasm inline, so the separate `.wasm` files are never
 * fetched and are not shipped (8.6 MB saved).
 */
export const TESSERACT_CORES = [
  'tesseract-core-relaxedsimd-lstm.wasm.js',
  'tesseract-core-simd-lstm.wasm.js',
  'tesseract-core-lstm.wasm.js',
] as const;

function packageRoot(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

/** Every file of a folder (not recursive: pdf.js's folders are flat), sorted for a stable list. */
function folder(from: string, to: string): AssetFile[] {
  return readdirSync(from, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ from: path.join(from, name), to: `${to}/${name}` }));
}

/**
 * The copies that make the browser asset layout from the installed packages: tesseract.js's
 * worker, its LSTM cores, the Vietnamese network (`best`, the default, or `fast`), pdf.js's
 * worker, wasm decoders, standard fonts and CMaps, with their licences.
 */
export function browserAssetFiles(model: OcrModel = 'best'): AssetFile[] {
  const tesseract = packageRoot('tesseract.js');
  // tesseract.js-core is tesseract.js's dependency: resolve it from there, as its worker does.
  const core = path.dirname(
    createRequire(path.join(tesseract, 'package.json')).resolve('tesseract.js-core/package.json'),
  );
  const pdfjs = packageRoot('pdfjs-dist');
  return [
    { from: path.join(tesseract, 'dist', 'worker.min.js'), to: 'tesseract/worker.min.js' },
    { from: path.join(tesseract, 'LICENSE.md'), to: 'tesseract/LICENSE.md' },
    ...TESSERACT_CORES.map((name) => ({ from: path.join(core, name), to: `tesseract/core/${name}` })),
    { from: path.join(core, 'LICENSE'), to: 'tesseract/core/LICENSE' },
    {
      from: path.join(nodeAssetPaths(model).langPath, 'vie.traineddata.gz'),
      to: 'tesseract/lang/vie.traineddata.gz',
    },
    { from: path.join(pdfjs, 'build', 'pdf.worker.min.mjs'), to: 'pdfjs/pdf.worker.min.mjs' },
    { from: path.join(pdfjs, 'LICENSE'), to: 'pdfjs/LICENSE' },
    ...folder(path.join(pdfjs, 'wasm'), 'pdfjs/wasm'),
    ...folder(path.join(pdfjs, 'standard_fonts'), 'pdfjs/standard_fonts'),
    ...folder(path.join(pdfjs, 'cmaps'), 'pdfjs/cmaps'),
  ];
}

export type { OcrModel } from './node-decoders.js';

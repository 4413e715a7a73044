/*
 * The searchable PDF's font, Node side. DejaVu Sans (the `dejavu-fonts-ttf` package) covers every
 * Vietnamese letter; subset-font (harfbuzz) cuts it down to the characters drawn. Both read files, so they
 * only work in Node: this module reaches Node through `process.getBuiltinModule` (Node ≥ 20.16) instead of
 * importing `node:` modules, so a browser bundle of the package never follows it, and in a browser every
 * function here answers `undefined` (the caller then passes the font's bytes itself).
 */

interface NodeRequire {
  (id: string): unknown;
  resolve(id: string): string;
}

type BuiltinModules = { getBuiltinModule?: (id: string) => unknown };

function builtin<T>(id: string): T | undefined {
  const proc = (globalThis as { process?: BuiltinModules }).process;
  return proc?.getBuiltinModule?.(id) as T | undefined;
}

/** `require` relative to this file (to the built package in dist/), in Node only. */
function nodeRequire(): NodeRequire | undefined {
  return builtin<{ createRequire(url: string): NodeRequire }>('node:module')?.createRequire(import.meta.url);
}

let bundled: Uint8Array | undefined;

/** DejaVu Sans read from the `dejavu-fonts-ttf` package, once; `undefined` outside Node. */
export function bundledFont(): Uint8Array | undefined {
  bundled ??= readBundledFont();
  return bundled;
}

function readBundledFont(): Uint8Array | undefined {
  const require = nodeRequire();
  const fs = builtin<{ readFileSync(path: string): Uint8Array }>('node:fs');
  if (!require || !fs) return undefined;
  return new Uint8Array(fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')));
}

type SubsetFont = (
  font: Uint8Array,
  text: string,
  options: { targetFormat: 'truetype' },
) => Promise<Uint8Array>;

/**
 * The font cut down to the glyphs of `text` (and those its layout features reach), as TrueType;
 * `undefined` outside Node, where subset-font cannot load its WebAssembly.
 */
export async function subsetFont(font: Uint8Array, text: string): Promise<Uint8Array | undefined> {
  const require = nodeRequire();
  const buffer = builtin<{ Buffer: { from(bytes: Uint8Array): Uint8Array } }>('node:buffer');
  if (!require || !buffer) return undefined;
  const subset = require('subset-font') as SubsetFont;
  return new Uint8Array(await subset(buffer.Buffer.from(font), text, { targetFormat: 'truetype' }));
}

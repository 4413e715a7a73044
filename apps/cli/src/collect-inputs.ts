import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { safeBaseName, uniqueNames } from './output-names.js';

/** Extensions `digitise` picks up when walking a folder (files named directly are always tried). */
export const DIGITISABLE = /\.(pdf|png|jpe?g|tiff?|webp|bmp|gif|txt)$/i;

export interface BatchInput {
  /** The path as found (relative to the working folder when given so). */
  file: string;
  /** The output sub-folder for it, relative to --out: the input's place in its folder, then its name. */
  outDir: string;
}

/**
 * Files and folders → the inputs of a batch, in a stable order (folders walked recursively,
 * sorted), each with an output sub-folder that mirrors the collection's structure. Every path
 * segment is sanitised, so no input name can place an output outside --out; names that
 * collide get -2, -3, … in that order.
 */
export async function collectInputs(args: string[]): Promise<{ inputs: BatchInput[]; missing: string[] }> {
  const inputs: BatchInput[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => undefined);
    if (info?.isDirectory()) {
      const entries = (await readdir(arg, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile() && DIGITISABLE.test(e.name))
        .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
        .sort();
      for (const file of entries) {
        const relDir = path.relative(arg, path.dirname(file));
        const segments = relDir ? relDir.split(path.sep).map(safeBaseNameOfDir) : [];
        inputs.push({ file, outDir: path.join(...segments, safeBaseName(file)) });
      }
    } else if (info?.isFile() || arg === '-') {
      inputs.push({ file: arg, outDir: arg === '-' ? 'stdin' : safeBaseName(arg) });
    } else {
      missing.push(arg);
    }
  }
  uniqueNames(inputs.map((i) => i.outDir)).forEach((dir, k) => {
    inputs[k]!.outDir = dir;
  });
  return { inputs, missing };
}

function safeBaseNameOfDir(segment: string): string {
  // A folder name keeps its dots (2024.01), only the file's extension is dropped elsewhere.
  return safeBaseName(`${segment}.dir`);
}

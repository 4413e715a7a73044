/**
 * The model committed with the package, read from disk (Node only). Browsers fetch the file
 * instead: `fetchSyllableLm(url)` with the URL of `@sohoa/correct/model/syllable-lm.bin`.
 */

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadSyllableLm, type SyllableLm } from './loader.js';

export const BUNDLED_LM_FILE = 'syllable-lm.bin';

/** Path of the committed model: `model/` beside `dist/` (built) or beside `src/` (tests). */
export function bundledLmPath(): string {
  const candidates = [
    new URL(`../model/${BUNDLED_LM_FILE}`, import.meta.url), // dist/*.js
    new URL(`../../model/${BUNDLED_LM_FILE}`, import.meta.url), // src/lm/*.ts
  ];
  for (const url of candidates) {
    const path = fileURLToPath(url);
    if (existsSync(path)) return path;
  }
  throw new Error(
    `The bundled language model is missing (looked for ${candidates.map((u) => fileURLToPath(u)).join(', ')}). Run \`npm run build:lm\`.`,
  );
}

let bundled: Promise<SyllableLm> | undefined;

/** Loads the committed model once; later calls share it. */
export function loadBundledLm(): Promise<SyllableLm> {
  bundled ??= readFile(bundledLmPath()).then((bytes) => loadSyllableLm(bytes));
  bundled.catch(() => {
    bundled = undefined;
  });
  return bundled;
}

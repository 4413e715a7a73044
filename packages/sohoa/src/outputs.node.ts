import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Digitised } from './digitise.js';

/**
 * Writing a digitised document to a folder, as `sohoa digitise` and the queue's workers both do:
 * one file per format named after the input, each through a temporary file renamed into place
 * (never half a file), then a manifest written last (never a folder that looks complete and is not).
 */

/** Output format → file extension, in the order outputs are listed. */
export const OUTPUT_EXTENSIONS = {
  json: '.json',
  md: '.md',
  html: '.html',
  csv: '.csv',
  ics: '.ics',
  docx: '.docx',
  hocr: '.hocr',
  alto: '.alto.xml',
  pdf: '.pdf',
  txt: '.txt',
} as const;

export type OutputFormat = keyof typeof OUTPUT_EXTENSIONS;

/** Every output format, in order. */
export const OUTPUT_FORMATS = Object.keys(OUTPUT_EXTENSIONS) as OutputFormat[];

/** The formats made from OCR geometry: skipped for text inputs. */
export const NEEDS_GEOMETRY: ReadonlySet<OutputFormat> = new Set<OutputFormat>(['hocr', 'alto', 'pdf']);

export function isOutputFormat(name: string): name is OutputFormat {
  return Object.hasOwn(OUTPUT_EXTENSIONS, name);
}

/** Written last into each output folder: the mark of a complete, resumable result. */
export const MANIFEST = '.sohoa.json';

export interface Manifest {
  version: 2;
  /** The input as named on the command line (or found in a folder). */
  input: string;
  /** The input's bytes: a different file, or the same file changed, is digitised again. */
  sha256: string;
  /** The formats asked for, and the files written (text inputs get no hOCR, ALTO or PDF). */
  requested: string[];
  files: string[];
}

async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    const m = JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as Partial<Manifest>;
    const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
    if (m.version !== 2 || typeof m.input !== 'string' || typeof m.sha256 !== 'string') return undefined;
    if (!strings(m.requested) || !strings(m.files)) return undefined;
    return m as Manifest;
  } catch {
    // Missing or damaged: not complete, do it again.
    return undefined;
  }
}

/**
 * True when `dir` holds a complete result of exactly this input (same name, same bytes) for
 * at least these formats, every file of it present.
 */
export async function isComplete(
  dir: string,
  input: string,
  sha256: string,
  formats: readonly string[],
): Promise<boolean> {
  const manifest = await readManifest(dir);
  if (!manifest || manifest.input !== input || manifest.sha256 !== sha256) return false;
  if (!formats.every((f) => manifest.requested.includes(f))) return false;
  const present = new Set(await readdir(dir));
  return manifest.files.every((f) => present.has(f));
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * Before a folder is written again: drop its old manifest (the result is not complete until
 * the new one is written), the files of the old result that will not be rewritten, and
 * temporary files a killed run left behind (write-file-atomic names them `<file>.<hex>`).
 */
export async function startOver(dir: string, names: readonly string[]): Promise<void> {
  const old = await readManifest(dir);
  await rm(path.join(dir, MANIFEST), { force: true });
  for (const file of old?.files ?? []) {
    if (!names.includes(file) && path.basename(file) === file)
      await rm(path.join(dir, file), { force: true });
  }
  const entries = await readdir(dir).catch(() => [] as string[]);
  for (const entry of entries) {
    const stray = [...names, MANIFEST].some(
      (n) => entry.startsWith(`${n}.`) && /^[0-9a-f]+$/.test(entry.slice(n.length + 1)),
    );
    if (stray) await rm(path.join(dir, entry), { force: true });
  }
}

export interface OutputTarget {
  /** The folder of this input's outputs (created if missing). */
  dir: string;
  /** The outputs' base name: `<base>.json`, `<base>.md`, … */
  base: string;
  /** The input as named by the user, recorded in the manifest. */
  input: string;
  /** The sha256 of the input's bytes, recorded in the manifest. */
  sha256: string;
  /** The formats asked for; the geometry formats are skipped for a text input. */
  formats: readonly OutputFormat[];
}

/**
 * Write every output of a result into its folder, then its manifest; returns the file names.
 * Running it again for the same result (a retried job, a duplicate) rewrites the same names,
 * each replaced whole: a reader sees the old file or the new one, never half of either.
 */
export async function writeOutputs(result: Digitised, target: OutputTarget): Promise<string[]> {
  const wanted = target.formats.filter((f) => result.ocr || !NEEDS_GEOMETRY.has(f));
  const names = wanted.map((f) => `${target.base}${OUTPUT_EXTENSIONS[f]}`);
  await mkdir(target.dir, { recursive: true });
  await startOver(target.dir, names);
  for (const [i, format] of wanted.entries()) {
    const data = await result.render(format);
    // Through a temporary file, fsync'd, then renamed: never half an output.
    await writeFileAtomic(
      path.join(target.dir, names[i]!),
      typeof data === 'string' ? data : Buffer.from(data),
    );
  }
  await writeManifest(target.dir, {
    version: 2,
    input: target.input,
    sha256: target.sha256,
    requested: [...target.formats],
    files: names,
  });
  return names;
}

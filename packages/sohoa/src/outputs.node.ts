import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

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
  formats: string[],
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
export async function startOver(dir: string, names: string[]): Promise<void> {
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

import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/** Written last into each output folder: the mark of a complete, resumable result. */
export const MANIFEST = '.sohoa.json';

export interface Manifest {
  version: 1;
  input: string;
  size: number;
  mtimeMs: number;
  formats: string[];
  files: string[];
}

/** What identifies an input's version: a changed file is digitised again on --resume. */
export async function inputStamp(file: string): Promise<{ size: number; mtimeMs: number }> {
  const info = await stat(file);
  return { size: info.size, mtimeMs: Math.round(info.mtimeMs) };
}

/** True when `dir` holds a complete result of this version of the input in these formats. */
export async function isComplete(dir: string, input: string, formats: string[]): Promise<boolean> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return false;
  }
  if (manifest.version !== 1) return false;
  const stamp = await inputStamp(input).catch(() => undefined);
  if (!stamp || stamp.size !== manifest.size || stamp.mtimeMs !== manifest.mtimeMs) return false;
  if (!formats.every((f) => manifest.formats.includes(f))) return false;
  const present = new Set(await readdir(dir));
  return manifest.files.every((f) => present.has(f));
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * Before a folder is written again: drop its old manifest (the result is not complete until
 * the new one is written) and temporary files a killed run left behind (write-file-atomic
 * names them `<file>.<hex>`).
 */
export async function startOver(dir: string, names: string[]): Promise<void> {
  await rm(path.join(dir, MANIFEST), { force: true });
  const entries = await readdir(dir).catch(() => [] as string[]);
  for (const entry of entries) {
    const stray = [...names, MANIFEST].some(
      (n) => entry.startsWith(`${n}.`) && /^[0-9a-f]+$/.test(entry.slice(n.length + 1)),
    );
    if (stray) await rm(path.join(dir, entry), { force: true });
  }
}

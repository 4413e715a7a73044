import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isComplete, MANIFEST, startOver, writeManifest } from './batch-manifest.js';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'sohoa-manifest-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function folder(name: string, files: string[]): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(path.join(dir, f), 'x');
  return dir;
}

describe('isComplete', () => {
  it('is true only for the same input, the same bytes, the formats asked and every file present', async () => {
    const dir = folder('a', ['a.json', 'a.txt']);
    await writeManifest(dir, {
      version: 2,
      input: 'in/a.pdf',
      sha256: 'abc',
      requested: ['json', 'txt'],
      files: ['a.json', 'a.txt'],
    });
    expect(await isComplete(dir, 'in/a.pdf', 'abc', ['json'])).toBe(true);
    expect(await isComplete(dir, 'in/a.pdf', 'abc', ['json', 'txt'])).toBe(true);
    expect(await isComplete(dir, 'in/b.pdf', 'abc', ['json'])).toBe(false); // another input
    expect(await isComplete(dir, 'in/a.pdf', 'abd', ['json'])).toBe(false); // the file changed
    expect(await isComplete(dir, 'in/a.pdf', 'abc', ['json', 'pdf'])).toBe(false); // more formats asked
    await rm(path.join(dir, 'a.txt'));
    expect(await isComplete(dir, 'in/a.pdf', 'abc', ['json'])).toBe(false); // a file is missing
  });

  it('treats a missing or damaged manifest as incomplete, not as an error', async () => {
    const dir = folder('b', ['b.json']);
    expect(await isComplete(dir, 'b', 'x', ['json'])).toBe(false);
    writeFileSync(path.join(dir, MANIFEST), '{"version":2,"input":"b","sha256":"x","requested":"json"');
    expect(await isComplete(dir, 'b', 'x', ['json'])).toBe(false);
    writeFileSync(
      path.join(dir, MANIFEST),
      '{"version":2,"input":"b","sha256":"x","requested":"json","files":[]}',
    );
    expect(await isComplete(dir, 'b', 'x', ['json'])).toBe(false);
  });
});

describe('startOver', () => {
  it('drops the manifest, the old outputs not rewritten and temporary files, and keeps the rest', async () => {
    const dir = folder('c', ['c.json', 'c.html', 'c.json.1a2b3c4d', 'notes.txt', 'c.json.bak']);
    await writeManifest(dir, {
      version: 2,
      input: 'c',
      sha256: 'x',
      requested: ['json', 'html'],
      files: ['c.json', 'c.html'],
    });
    await startOver(dir, ['c.json']);
    expect(existsSync(path.join(dir, MANIFEST))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['c.json', 'c.json.bak', 'notes.txt']);
  });
});

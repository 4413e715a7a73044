import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadBundledLm } from '@sohoa/correct/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digitise } from './digitise.js';
import { isComplete, MANIFEST, startOver, writeManifest, writeOutputs } from './outputs.node.js';

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

describe('writeOutputs', () => {
  it('writes every format of a text input but the geometry ones, then the manifest; again, the same files', async () => {
    const text = 'ỦY BAN NHÂN DÂN\nKẾ HOẠCH\nTriển khai công tác số hóa tài liệu năm 2024\n';
    const result = await digitise({ source: 'in/kh.txt', text }, { lm: await loadBundledLm() });
    const dir = path.join(tmp, 'w');
    const target = { dir, base: 'kh', input: 'in/kh.txt', sha256: 'abc' };
    const names = await writeOutputs(result, { ...target, formats: ['json', 'hocr', 'txt'] });
    expect(names).toEqual(['kh.json', 'kh.txt']);
    expect(readdirSync(dir).sort()).toEqual([MANIFEST, 'kh.json', 'kh.txt']);
    expect(JSON.parse(readFileSync(path.join(dir, 'kh.json'), 'utf8'))).toMatchObject({
      source: 'in/kh.txt',
    });
    expect(await isComplete(dir, 'in/kh.txt', 'abc', ['json', 'hocr', 'txt'])).toBe(true);
    const first = readFileSync(path.join(dir, 'kh.json'));
    // A retried job writes the same result again: the same names, the same bytes, nothing else.
    writeFileSync(path.join(dir, 'kh.txt.0123abcd'), 'half of a file a killed run left');
    await writeOutputs(result, { ...target, formats: ['json', 'hocr', 'txt'] });
    expect(readdirSync(dir).sort()).toEqual([MANIFEST, 'kh.json', 'kh.txt']);
    expect(readFileSync(path.join(dir, 'kh.json'))).toEqual(first);
    // Fewer formats asked the next time: the outputs no longer asked for go.
    await writeOutputs(result, { ...target, formats: ['md'] });
    expect(readdirSync(dir).sort()).toEqual([MANIFEST, 'kh.md']);
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectInputs } from './collect-inputs.js';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'sohoa-collect-'));
  const touch = (rel: string) => {
    mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
    writeFileSync(path.join(tmp, rel), 'x');
  };
  for (const rel of [
    'box/2024/kh-1.pdf',
    'box/2024/kh-1.png',
    'box/a.txt',
    'box/notes.docx',
    'box/..evil../x.jpg',
    'single.tif',
  ])
    touch(rel);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('collectInputs', () => {
  it('walks folders in a stable order, mirrors them, keeps only what it can read', async () => {
    const { inputs, missing } = await collectInputs([
      path.join(tmp, 'box'),
      path.join(tmp, 'single.tif'),
      path.join(tmp, 'nope.pdf'),
    ]);
    expect(missing).toEqual([path.join(tmp, 'nope.pdf')]);
    expect(inputs.map((i) => [path.relative(tmp, i.file), i.outDir])).toEqual([
      ['box/..evil../x.jpg', path.join('..evil..', 'x')],
      ['box/2024/kh-1.pdf', path.join('2024', 'kh-1')],
      // Same name, other format, same folder: a numbered sibling, never the same output folder.
      ['box/2024/kh-1.png', path.join('2024', 'kh-1-2')],
      ['box/a.txt', 'a'],
      ['single.tif', 'single'],
    ]);
  });

  it('never gives an output folder that leaves --out', async () => {
    const { inputs } = await collectInputs([path.join(tmp, 'box')]);
    for (const { outDir } of inputs) {
      expect(path.isAbsolute(outDir)).toBe(false);
      expect(path.normalize(outDir).split(path.sep)).not.toContain('..');
    }
  });
});

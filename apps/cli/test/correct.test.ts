import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'sohoa-cli-correct-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('sohoa correct (built CLI)', () => {
  it('corrects standard input with the bundled model', async () => {
    const r = await runCli(['correct', '-'], {
      input: 'Nâng cao chât lượng, hoàn th ành nhiệrn vụ được giao.\n',
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Nâng cao chất lượng, hoàn thành nhiệm vụ được giao.\n');
  });

  it('writes JSON with the corrections', async () => {
    const file = path.join(tmp, 'in.txt');
    await writeFile(file, 'Căn cứ Nghị quyết số 45-NQ/7W.\n');
    const r = await runCli(['correct', file, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.text).toBe('Căn cứ Nghị quyết số 45-NQ/TW.\n');
    expect(out.corrections[0]).toMatchObject({
      original: '45-NQ/7W',
      replacement: '45-NQ/TW',
      reason: 'docnumber',
    });
  });

  it('fails on non-UTF-8 input with one line and exit code 1', async () => {
    const file = path.join(tmp, 'cp1258.txt');
    await writeFile(file, Buffer.from([0x54, 0xea, 0x6e, 0x0a]));
    const r = await runCli(['correct', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/not UTF-8/);
  });
});

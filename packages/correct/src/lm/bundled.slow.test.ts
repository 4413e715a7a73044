import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledLmPath } from './bundled.node.js';
import { loadSyllableLm } from './loader.js';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const corpus =
  process.env.SOHOA_CORPUS ?? fileURLToPath(new URL('../../../../../shared/corpus', import.meta.url));
const haveCorpus = existsSync(corpus) && readdirSync(corpus).some((f) => f.endsWith('.jsonl.gz'));
const haveDist = existsSync(join(packageDir, 'dist/build.js'));

describe('the committed model file', () => {
  it('is at most 20 MB and loads fast (target 300 ms; the bound here is loose)', () => {
    const bytes = readFileSync(bundledLmPath());
    expect(bytes.length).toBeLessThanOrEqual(20_000_000);
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const copy = new Uint8Array(bytes);
      const start = performance.now();
      loadSyllableLm(copy);
      times.push(performance.now() - start);
    }
    console.log(`load times: ${times.map((t) => t.toFixed(1)).join(', ')} ms`);
    expect(Math.min(...times)).toBeLessThan(1500);
  });

  it.skipIf(!haveCorpus || !haveDist)(
    'rebuilds byte for byte from the corpus',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'sohoa-lm-'));
      try {
        const out = join(dir, 'syllable-lm.bin');
        const run = spawnSync(
          'node',
          [join(packageDir, 'scripts/build-lm.mjs'), '--corpus', corpus, '--out', out],
          {
            encoding: 'utf8',
          },
        );
        expect(run.status, run.stderr).toBe(0);
        const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
        expect(sha(readFileSync(out))).toBe(sha(readFileSync(bundledLmPath())));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    600_000,
  );
});

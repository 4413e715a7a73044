#!/usr/bin/env node
// Peak memory of `correct` on a long text (the bound promised in the README):
// builds a text of about 30 MB in /tmp by repeating the dev sample's OCR output
// (../shared/dev/seed-part1.noisy.txt; never committed), corrects it in a child process run under
// `/usr/bin/time -v` and prints the child's peak resident set size and run time.
//
//   node packages/correct/scripts/memory-check.mjs [--mb 30] [--source FILE]
//
// Uses the built package (dist/): run `npm run build` first.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const mb = Number(opt('mb', '30'));
const source = opt('source', join(HERE, '../../../../shared/dev/seed-part1.noisy.txt'));
const target = join(tmpdir(), `sohoa-memory-${mb}mb.txt`);

if (!existsSync(target) || statSync(target).size < mb * 1e6) {
  const part = readFileSync(source, 'utf8');
  const copies = Math.ceil((mb * 1e6) / Buffer.byteLength(part));
  // Pages of a long scan: the copies are separated by form feeds, as OCR of a PDF gives them.
  writeFileSync(target, Array.from({ length: copies }, () => part).join('\f'));
}

const dist = join(HERE, '../dist');
const child = `
  const { readFileSync } = await import('node:fs');
  const { correct } = await import(${JSON.stringify(join(dist, 'index.js'))});
  const { loadBundledLm } = await import(${JSON.stringify(join(dist, 'node.js'))});
  const lm = await loadBundledLm();
  const text = readFileSync(${JSON.stringify(target)}, 'utf8');
  const t0 = performance.now();
  const r = correct(text, { lm });
  const applied = r.corrections.filter((c) => c.applied).length;
  console.log(JSON.stringify({ chars: text.length, outChars: r.text.length, corrections: r.corrections.length, applied, seconds: (performance.now() - t0) / 1000 }));
`;
const run = spawnSync('/usr/bin/time', ['-v', process.execPath, '--input-type=module', '-e', child], {
  encoding: 'utf8',
  maxBuffer: 1 << 26,
});
const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1];
const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)/.exec(run.stderr)?.[1];
if (run.status !== 0 || peak === undefined) {
  process.stderr.write(run.stderr);
  process.exit(1);
}
console.log(`text: ${target} (${(statSync(target).size / 1e6).toFixed(1)} MB)`);
console.log(`result: ${run.stdout.trim()}`);
console.log(`peak RSS: ${(Number(peak) / 1024).toFixed(0)} MB; wall clock ${wall}`);

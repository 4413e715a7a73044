#!/usr/bin/env node
// OCR benchmark: sohoa (tesseract.js + preprocessing) against native tesseract on the same
// rendered pages, per scan profile. Prints pages per minute, CER, and their ratios, all
// measured in this one run. Native tesseract is installed from Debian when missing.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createNodeOcr, readInputFile } from '@sohoa/ocr/node';
import { cer } from '@sohoa/vi';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const scans = path.join(root, 'fixtures/scans');

function ensureNative() {
  const has = () => spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).stdout?.includes('vie');
  if (has()) return true;
  console.error('native tesseract with vie not found: installing tesseract-ocr tesseract-ocr-vie …');
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'tesseract-ocr', 'tesseract-ocr-vie'], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch (error) {
    console.error(`could not install native tesseract (${error.message}); native columns will be empty`);
  }
  return has();
}

async function native(file) {
  const start = performance.now();
  const { stdout } = await run('tesseract', [file, 'stdout', '-l', 'vie', '--psm', '3'], {
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { text: stdout, ms: performance.now() - start };
}

async function parallel(items, limit, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const pct = (n) => (Number.isFinite(n) ? `${(n * 100).toFixed(2)}%` : 'n/a');

async function main() {
  const manifest = JSON.parse(await readFile(path.join(scans, 'bench.json'), 'utf8'));
  const pages = await Promise.all(
    manifest.pages.map(async (p) => ({
      ...p,
      file: path.join(scans, p.image),
      truth: await readFile(path.join(scans, p.gt), 'utf8'),
    })),
  );
  const hasNative = ensureNative();
  const cores = (await import('node:os')).availableParallelism();
  const load = (await import('node:os')).loadavg()[0];
  console.log(
    `OCR benchmark: ${pages.length} pages, ${cores} cores, load average ${load.toFixed(2)} at start`,
  );
  if (load > 0.5) console.log('(other processes are using the CPU: wall-clock figures will be pessimistic)');

  // One worker, pages one after the other: per-page time comparable to one native process.
  const single = createNodeOcr({ workers: 1 });
  await single.recognize({ source: 'warm-up', bytes: await readInputFile(pages[0].file) });
  const results = [];
  for (const p of pages) {
    const bytes = await readInputFile(p.file);
    const start = performance.now();
    const doc = await single.recognize({ source: p.file, bytes });
    const ms = performance.now() - start;
    const row = { profile: p.profile, sohoa: { ms, cer: cer(p.truth, doc.text) } };
    if (hasNative) {
      const n = await native(p.file);
      row.native = { ms: n.ms, cer: cer(p.truth, n.text) };
    }
    results.push(row);
  }
  await single.close();

  console.log('\nPer profile (one worker vs one native process, same pages):');
  console.log('profile  pages  sohoa p/min  native p/min  time ratio  sohoa CER  native CER  CER ratio');
  for (const profile of [...new Set(results.map((r) => r.profile))]) {
    const rows = results.filter((r) => r.profile === profile);
    const mean = (f) => rows.reduce((s, r) => s + f(r), 0) / rows.length;
    const sMs = mean((r) => r.sohoa.ms);
    const sCer = mean((r) => r.sohoa.cer);
    const nMs = hasNative ? mean((r) => r.native.ms) : Number.NaN;
    const nCer = hasNative ? mean((r) => r.native.cer) : Number.NaN;
    console.log(
      [
        profile.padEnd(8),
        String(rows.length).padStart(5),
        fmt(60000 / sMs).padStart(12),
        fmt(60000 / nMs).padStart(13),
        `${fmt(sMs / nMs, 2)}×`.padStart(11),
        pct(sCer).padStart(10),
        pct(nCer).padStart(11),
        `${fmt(sCer / nCer, 2)}×`.padStart(10),
      ].join(' '),
    );
  }

  // Throughput of the pool: the same pages on one worker, then on one worker per core.
  const timeAll = async (workers) => {
    const ocr = createNodeOcr({ workers });
    // Start every worker (and load its language data) before the clock starts.
    const warm = await readInputFile(pages[0].file);
    await Promise.all(
      Array.from({ length: workers }, () => ocr.recognize({ source: 'warm-up', bytes: warm })),
    );
    const start = performance.now();
    await parallel(pages, workers, async (p) =>
      ocr.recognize({ source: p.file, bytes: await readInputFile(p.file) }),
    );
    const ms = performance.now() - start;
    await ocr.close();
    return (pages.length * 60000) / ms;
  };
  const one = await timeAll(1);
  const all = await timeAll(cores);
  let nativeAll = Number.NaN;
  if (hasNative) {
    const start = performance.now();
    await parallel(pages, cores, (p) => native(p.file));
    nativeAll = (pages.length * 60000) / (performance.now() - start);
  }
  console.log('\nThroughput over all pages:');
  console.log(`  sohoa, 1 worker:        ${fmt(one)} pages/min`);
  console.log(
    `  sohoa, ${cores} workers:       ${fmt(all)} pages/min  (pool speed-up ${fmt(all / one, 2)}×)`,
  );
  console.log(
    `  native, ${cores} processes:    ${fmt(nativeAll)} pages/min  (sohoa/native ${fmt(all / nativeAll, 2)}×)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

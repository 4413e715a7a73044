#!/usr/bin/env node
// OCR benchmark: sohoa (tesseract.js + preprocessing + layout) against native tesseract on the
// same rendered pages, per scan profile, all measured in this one run. Native tesseract runs
// twice: with sohoa's own language model (the same `vie` best_int network, so the time ratio
// compares engines), and with Debian's default `vie` model (a smaller, faster network: what a
// user of the distribution's tesseract gets). Native tesseract is installed when missing.
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeOcr, mapLimit, readInputFile } from '@sohoa/ocr/node';
import { cer } from '@sohoa/vi';
import { ensureNative, nativeRunner, sameModelDir } from './native.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const scans = path.join(root, 'fixtures/scans');

const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const pct = (n) => (Number.isFinite(n) ? `${(n * 100).toFixed(2)}%` : 'n/a');
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

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
  const modelDir = hasNative ? sameModelDir() : undefined;
  const engines = hasNative
    ? { same: nativeRunner(['--tessdata-dir', modelDir]), debian: nativeRunner([]) }
    : {};
  const cores = availableParallelism();
  const load = loadavg()[0];
  console.log(
    `OCR benchmark: ${pages.length} pages, ${cores} cores, load average ${load.toFixed(2)} at start`,
  );
  if (load > 0.5) console.log('(other processes are using the CPU: wall-clock figures will be pessimistic)');

  // One worker, pages one after the other: per-page time comparable to one native process.
  const single = createNodeOcr({ workers: 1 });
  await single.recognize({ source: 'warm-up', bytes: await readInputFile(pages[0].file) });
  const rows = [];
  for (const p of pages) {
    const bytes = await readInputFile(p.file);
    const start = performance.now();
    const doc = await single.recognize({ source: p.file, bytes });
    const row = { profile: p.profile, sohoa: { ms: performance.now() - start, cer: cer(p.truth, doc.text) } };
    for (const [name, engine] of Object.entries(engines)) {
      const n = await engine(p.file);
      row[name] = { ms: n.ms, cer: cer(p.truth, n.text) };
    }
    rows.push(row);
  }
  await single.close();

  console.log(
    '\nPer profile: pages per minute (one worker or one process) and CER against the ground truth.',
  );
  console.log(
    'native = tesseract 5 CLI, --psm 3; "same model" runs sohoa\'s vie best_int network, "Debian" its default vie.',
  );
  console.log(
    'profile  pages | sohoa p/min   CER | same model p/min   CER | Debian p/min   CER | time vs same  CER vs same  CER vs Debian',
  );
  for (const profile of [...new Set(rows.map((r) => r.profile))]) {
    const rs = rows.filter((r) => r.profile === profile);
    const m = (name, key) => (rs[0][name] ? mean(rs.map((r) => r[name][key])) : Number.NaN);
    console.log(
      [
        profile.padEnd(8),
        String(rs.length).padStart(5),
        '|',
        fmt(60000 / m('sohoa', 'ms')).padStart(11),
        pct(m('sohoa', 'cer')).padStart(6),
        '|',
        fmt(60000 / m('same', 'ms')).padStart(16),
        pct(m('same', 'cer')).padStart(6),
        '|',
        fmt(60000 / m('debian', 'ms')).padStart(12),
        pct(m('debian', 'cer')).padStart(8),
        '|',
        `${fmt(m('sohoa', 'ms') / m('same', 'ms'), 2)}×`.padStart(12),
        `${fmt(m('sohoa', 'cer') / m('same', 'cer'), 2)}×`.padStart(12),
        `${fmt(m('sohoa', 'cer') / m('debian', 'cer'), 2)}×`.padStart(14),
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
    await mapLimit(pages, workers, async (p) =>
      ocr.recognize({ source: p.file, bytes: await readInputFile(p.file) }),
    );
    const ms = performance.now() - start;
    await ocr.close();
    return (pages.length * 60000) / ms;
  };
  const one = await timeAll(1);
  const all = await timeAll(cores);
  console.log('\nThroughput over all pages:');
  console.log(`  sohoa, 1 worker:                  ${fmt(one)} pages/min`);
  console.log(
    `  sohoa, ${cores} workers:                 ${fmt(all)} pages/min  (pool speed-up ${fmt(all / one, 2)}×)`,
  );
  for (const [name, engine] of Object.entries(engines)) {
    const start = performance.now();
    await mapLimit(pages, cores, (p) => engine(p.file));
    const ppm = (pages.length * 60000) / (performance.now() - start);
    console.log(
      `  native (${name === 'same' ? 'same model' : 'Debian vie'}), ${cores} processes: ${fmt(ppm)} pages/min  (sohoa/native ${fmt(all / ppm, 2)}×)`,
    );
  }
  if (modelDir) rmSync(modelDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

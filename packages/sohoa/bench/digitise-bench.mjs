#!/usr/bin/env node
// digitise benchmark: a 20-page image-only PDF (the fixtures' benchmark scans, cycled) through
// the whole pipeline — OCR (best and fast networks), correction, parsing and every export — in this process, against
// native tesseract reading the same page images (one process per core), in the same run.
// Prints pages per minute, the share of wall time per stage, peak RSS, and the ratio to native.
//   npm run bench -w sohoa          (or npm run bench at the root: every package's bench)
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { exportFormats } from '@sohoa/export';
import { mapLimit } from '@sohoa/ocr/node';
import { createDigitiser } from 'sohoa/node';
import { ensureNative, nativeRunner } from '../../ocr/bench/native.mjs';
import { benchPdf, scans } from './bench-pdf.mjs';

const PAGES = 20;
const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');

const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-bench-'));
const { file: pdfFile, images } = await benchPdf(PAGES, tmp);
const cores = availableParallelism();
console.log(
  `${PAGES}-page image-only PDF (${images.length} scans of 3 profiles), ${cores} cores, load ${fmt(loadavg()[0], 2)}`,
);

// --- sohoa digitise, every format, with each OCR network ------------------------------------------
async function pipeline(model) {
  const stageMs = { ocr: 0, correct: 0, parse: 0, export: 0 };
  const start = performance.now();
  const digitiser = await createDigitiser({ model });
  let mark = performance.now();
  const loadMs = mark - start;
  let stage = 'ocr';
  const result = await digitiser.digitiseFile(pdfFile, {
    onProgress: (p) => {
      if (p.stage === stage) return;
      const now = performance.now();
      stageMs[stage] += now - mark;
      mark = now;
      stage = p.stage;
    },
  });
  stageMs[stage] += performance.now() - mark;
  mark = performance.now();
  const sizes = {};
  for (const format of exportFormats) {
    const out = await result.render(format);
    sizes[format] = typeof out === 'string' ? Buffer.byteLength(out) : out.length;
  }
  stageMs.export = performance.now() - mark;
  const totalMs = performance.now() - start;
  await digitiser.close();
  return { stageMs, loadMs, totalMs, result, sizes };
}
const best = await pipeline('best');
const fast = await pipeline('fast');
const peakMb = process.resourceUsage().maxRSS / 1024;
const { stageMs, loadMs, totalMs, result, sizes } = best;

// --- native tesseract on the same page images ------------------------------------------------------
const hasNative = ensureNative();
let nativeMs = Number.NaN;
if (hasNative) {
  const native = nativeRunner([]);
  const t0 = performance.now();
  await mapLimit(images, cores, (image) => native(path.join(scans, image)));
  nativeMs = performance.now() - t0;
}
rmSync(tmp, { recursive: true, force: true });

const perMinute = (ms) => (PAGES / ms) * 60_000;
const share = (ms) => `${fmt((100 * ms) / totalMs)} %`;
console.log('');
console.log('stage (best network)  wall s   share');
console.log(`load (model, pool)    ${fmt(loadMs / 1000, 2).padStart(6)}   ${share(loadMs)}`);
for (const [name, ms] of Object.entries(stageMs)) {
  console.log(`${name.padEnd(21)} ${fmt(ms / 1000, 2).padStart(6)}   ${share(ms)}`);
}
const after = stageMs.correct + stageMs.parse + stageMs.export;
console.log(`correct+parse+export  ${fmt(after / 1000, 2).padStart(6)}   ${share(after)}   (goal < 5 %)`);
console.log('');
console.log(
  `sohoa digitise (all ${exportFormats.length} formats): ${fmt(perMinute(totalMs))} pages/min, peak RSS ${fmt(peakMb, 0)} MB (goal < 1500)`,
);
console.log(
  `native tesseract (Debian vie, ${cores} processes, OCR only): ${fmt(perMinute(nativeMs))} pages/min`,
);
console.log(`ratio sohoa / native: ${fmt(perMinute(totalMs) / perMinute(nativeMs), 2)}× (goal ≥ 0.8)`);
console.log(
  `with --ocr-model fast: ${fmt(perMinute(fast.totalMs))} pages/min, ratio ${fmt(perMinute(fast.totalMs) / perMinute(nativeMs), 2)}×; ` +
    `correct+parse+export ${fmt((100 * (fast.stageMs.correct + fast.stageMs.parse + fast.stageMs.export)) / fast.totalMs)} %`,
);
console.log(
  `result: ${result.ocr.pages.length} pages, ${result.corrections.filter((c) => c.applied).length} corrections applied, ${result.plan.tasks.length} tasks; ` +
    `output sizes ${Object.entries(sizes)
      .map(([f, n]) => `${f} ${fmt(n / 1024, 0)} KB`)
      .join(', ')}`,
);

#!/usr/bin/env node
// The two OCR networks on the benchmark pages (fixtures/scans/bench.json), in one run: pages per
// minute, and CER per scan profile before and after correction (tone marks kept as printed).
//   node packages/sohoa/bench/networks.mjs      (after npm run build)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { correct } from '@sohoa/correct';
import { loadBundledLm } from '@sohoa/correct/node';
import { createNodeOcr, readInputFile } from '@sohoa/ocr/node';
import { cer } from '@sohoa/vi';

const scans = fileURLToPath(new URL('../../../fixtures/scans/', import.meta.url));
const lm = await loadBundledLm();
const bench = JSON.parse(readFileSync(path.join(scans, 'bench.json'), 'utf8'));
const pct = (xs) => `${((100 * xs.reduce((a, b) => a + b, 0)) / xs.length).toFixed(2)} %`;
for (const model of ['best', 'fast']) {
  const ocr = createNodeOcr({ model });
  const byProfile = {};
  const start = performance.now();
  await Promise.all(
    bench.pages.map(async (p) => {
      const doc = await ocr.recognize({
        source: p.image,
        bytes: await readInputFile(path.join(scans, p.image)),
      });
      const truth = readFileSync(path.join(scans, p.gt), 'utf8');
      const corrected = correct(doc, { lm, toneStyle: 'keep' }).text;
      byProfile[p.profile] ??= { raw: [], corrected: [] };
      byProfile[p.profile].raw.push(cer(truth, doc.text));
      byProfile[p.profile].corrected.push(cer(truth, corrected));
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  await ocr.close();
  const profiles = Object.entries(byProfile)
    .sort()
    .map(([name, r]) => `${name} ${pct(r.raw)} → ${pct(r.corrected)}`)
    .join(', ');
  console.log(
    `${model}: ${bench.pages.length} pages, ${((bench.pages.length / seconds) * 60).toFixed(1)} pages/min; CER raw → corrected: ${profiles}`,
  );
}

#!/usr/bin/env node
// Builds the DigitisedDocument the export tests read, by running the real pipeline (OCR →
// correct → parse) on fixture scans: src/__fixtures__/<name>.digitised.json.
//   node packages/export/scripts/make-fixture.mjs
// Re-run it when the OCR document, the correction record or the plan model changes.
// Names as arguments remake only those fixtures (the others stay byte for byte):
//   node packages/export/scripts/make-fixture.mjs laocai134-noisy-150

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { correct } from '@sohoa/correct';
import { loadBundledLm } from '@sohoa/correct/node';
import { createNodeOcr, readInputFile } from '@sohoa/ocr/node';
import { parse } from '@sohoa/parse';

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const out = fileURLToPath(new URL('../src/__fixtures__/', import.meta.url));
const inputs = [
  ['sample-plan', 'sample/sample-plan.pdf'],
  ['party-text-layer', 'pdfs/text-layer.pdf'],
  // A noisy 150 dpi PNG scan: an image input with many applied corrections (tones, marks, a split),
  // for the searchable PDF made over an image and its CER before and after correction.
  ['laocai134-noisy-150', 'scans/bench-laocai134-noisy-150.png'],
];
const only = process.argv.slice(2);
const wanted = ([name]) => only.length === 0 || only.includes(name);

const lm = await loadBundledLm();

/** Correct and parse a text (with its OCR document when there is one), and write the fixture. */
function write(name, file, originalText, doc) {
  const result = correct(doc ?? originalText, { lm });
  const plan = parse(result.text, { source: file });
  const digitised = {
    source: file,
    ...(doc ? { ocr: doc } : {}),
    originalText,
    text: result.text,
    corrections: result.corrections,
    plan,
    messages: plan.messages.map((m) => ({
      source: 'sohoa-parse',
      ruleId: m.ruleId,
      reason: m.reason,
      severity: 'warning',
      ...(m.line ? { line: m.line } : {}),
    })),
  };
  writeFileSync(`${out}${name}.digitised.json`, `${JSON.stringify(digitised, null, 1)}\n`);
  const what = doc ? `${doc.pages.length} pages` : 'text';
  console.log(`${name}: ${what}, ${result.corrections.length} corrections, ${plan.tasks.length} tasks`);
}
const ocr = createNodeOcr({ workers: 1 });
try {
  for (const [name, file] of inputs.filter(wanted)) {
    const doc = await ocr.recognize({ source: file, bytes: await readInputFile(fixtures + file) });
    write(name, file, doc.text, doc);
  }
} finally {
  await ocr.close();
}

// A plain-text plan (no geometry): the exports must work without an OCR document too.
for (const [name, file] of [
  ['laocai-ubnd-134-text', 'texts/plans/KH_17_LaoCai_UBND_134-KH-UBND_NQ34-NQ-TU.txt'],
].filter(wanted)) {
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(fixtures + file, 'utf8');
  write(name, file, text);
}

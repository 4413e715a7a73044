#!/usr/bin/env node
// Evaluates the corrector (npm run eval:correct):
//   - the dev sample: real OCR output of a scanned plan and its hand-corrected text
//     (../shared/dev/seed-part1.noisy.txt, .clean.txt);
//   - a synthetic set: held-out corpus pages (never seen by the LM, nor used to calibrate the
//     channel costs) rendered, degraded and read by sohoa's OCR (scripts/make-pairs.mjs), corrected
//     once from plain text and once from the OCR document with its word confidences;
//   - the same pages read by native tesseract (Debian's vie model; make-pairs.mjs --engine native),
//     reported apart: corrected with the default table (calibrated on sohoa's OCR) and with
//     engine 'tesseract' (the table calibrated on native tesseract's calibration half).
// For each: CER and WER before and after, wrong words fixed, right words broken, and throughput in
// syllables per second on one core after the model is loaded.
//
//   node packages/correct/scripts/eval-correct.mjs [--dev FILE.noisy.txt] [--details] [--json]
//     [--wrong misread|lost|figures|garbled|all]   (lists the synthetic words left wrong, by kind)
//     [--no-pipeline]   (skips OCR of the bundled scans)
//     [--clean-only]    (only the clean-text sets: false changes per 10k words)

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cer, tokenize, wer } from '@sohoa/vi';
import { alignWords, correct, DEFAULT_TABLE, learnTable, scoreCorrection, words } from '../dist/index.js';
import { loadBundledLm } from '../dist/node.js';
import { CORPUS_DIR, heldOutDocuments, loadPairs } from './make-pairs.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const details = args.includes('--details');
const cleanOnly = args.includes('--clean-only');
const devNoisy = opt('dev') ?? join(HERE, '../../../../shared/dev/seed-part1.noisy.txt');
const devClean = devNoisy.replace(/\.noisy\.txt$/, '.clean.txt');

const syllablesOf = (text) => tokenize(text).filter((t) => t.kind === 'syllable').length;

/** An OcrDocument made of one page's words as make-pairs stored them. */
function ocrDocument(record, choices = true) {
  const lines = record.ocr.lines.map((words) => ({
    bbox: { x0: 0, y0: 0, x1: 1, y1: 1 },
    words: words.map((w) => ({
      text: w.text,
      confidence: w.confidence,
      bbox: { x0: 0, y0: 0, x1: 1, y1: 1 },
      ...(choices && w.choices ? { choices: w.choices } : {}),
    })),
  }));
  return {
    type: 'ocr-document',
    source: record.id,
    language: 'vie',
    text: record.ocr.text,
    pages: [
      {
        number: 1,
        width: 1,
        height: 1,
        dpi: 150,
        source: 'ocr',
        confidence: record.ocr.confidence,
        blocks: [{ bbox: { x0: 0, y0: 0, x1: 1, y1: 1 }, role: 'body', lines }],
        text: record.ocr.text,
      },
    ],
  };
}

function blank() {
  return {
    pages: 0,
    refChars: 0,
    cerBefore: 0,
    cerAfter: 0,
    werBefore: 0,
    werAfter: 0,
    words: 0,
    wrongBefore: 0,
    fixed: 0,
    rightBefore: 0,
    broken: 0,
    syllables: 0,
    ms: 0,
    changes: 0,
    coreWrong: 0,
    coreFixed: 0,
    coreRight: 0,
    coreBroken: 0,
    misread: 0,
    misreadFixed: 0,
    lost: 0,
    figures: 0,
  };
}

/** Adds one page: CER/WER weighted by reference length. */
function add(acc, reference, ocr, corrected, ms) {
  const n = reference.replace(/\s+/g, ' ').trim().length;
  const w = reference.split(/\s+/).filter(Boolean).length;
  acc.pages++;
  acc.refChars += n;
  acc.cerBefore += cer(reference, ocr) * n;
  acc.cerAfter += cer(reference, corrected) * n;
  acc.werBefore += wer(reference, ocr) * w;
  acc.werAfter += wer(reference, corrected) * w;
  const s = scoreCorrection(reference, ocr, corrected);
  acc.words += s.words;
  acc.wrongBefore += s.wrongBefore;
  acc.fixed += s.fixed;
  acc.rightBefore += s.rightBefore;
  acc.broken += s.broken;
  const c = scoreCorrection(reference, ocr, corrected, true);
  acc.coreWrong += c.wrongBefore;
  acc.coreFixed += c.fixed;
  acc.coreRight += c.rightBefore;
  acc.coreBroken += c.broken;
  acc.misread += c.misread;
  acc.misreadFixed += c.misreadFixed;
  acc.lost += c.lost;
  acc.figures += c.figures;
  acc.syllables += syllablesOf(ocr);
  acc.ms += ms;
}

const pct = (x, digits = 2) => `${(100 * x).toFixed(digits)} %`;

function row(name, a) {
  return {
    set: name,
    words: a.words,
    CER: `${pct(a.cerBefore / a.refChars)} → ${pct(a.cerAfter / a.refChars)}`,
    WER: `${pct(a.werBefore / a.words)} → ${pct(a.werAfter / a.words)}`,
    'wrong words fixed': `${a.coreFixed}/${a.coreWrong} = ${pct(a.coreFixed / Math.max(1, a.coreWrong), 1)}`,
    'misread words fixed': `${a.misreadFixed}/${a.misread} = ${pct(a.misreadFixed / Math.max(1, a.misread), 1)}`,
    'right words broken': `${a.coreBroken}/${a.coreRight} = ${pct(a.coreBroken / Math.max(1, a.coreRight), 3)}`,
    'wrong: misread/lost/figures/garbled': `${a.misread}/${a.lost}/${a.figures}/${a.coreWrong - a.misread - a.lost - a.figures}`,
  };
}

/** Prints the words still wrong after correction and the words it broke, with their context. */
function showDiff(label, reference, ocr, corrected) {
  const ref = words(reference, true);
  const before = words(ocr, true);
  const after = words(corrected, true);
  const read = (hyp) => {
    const at = new Array(ref.length).fill('∅');
    for (const p of alignWords(ref, hyp)) {
      const text = hyp.slice(p.hyp[0], p.hyp[1]).join(' ') || '∅';
      for (let k = p.ref[0]; k < p.ref[1]; k++) at[k] = p.ref[1] - p.ref[0] === 1 ? text : `${text}…`;
    }
    return at;
  };
  const b = read(before);
  const a = read(after);
  for (let k = 0; k < ref.length; k++) {
    if (a[k] === ref[k]) continue;
    const kind = b[k] === ref[k] ? 'BROKEN' : a[k] === b[k] ? 'missed' : 'wrong fix';
    console.log(
      `${label} ${kind}: ${b[k]} → ${a[k]} (should be ${ref[k]})   …${ref.slice(Math.max(0, k - 3), k + 4).join(' ')}…`,
    );
  }
}

const t0 = performance.now();
const lm = await loadBundledLm();
correct('', { lm }); // builds the syllable inventory of the model: part of loading
const loadMs = performance.now() - t0;

const rows = [];
let cold = 0;
let warm = 0;
let batch = 0;
const dev = blank();
if (cleanOnly) {
  // only the clean sets below
} else if (existsSync(devNoisy) && existsSync(devClean)) {
  const noisy = readFileSync(devNoisy, 'utf8');
  const clean = readFileSync(devClean, 'utf8');
  const start = performance.now();
  const r = correct(noisy, { lm });
  add(dev, clean, noisy, r.text, performance.now() - start);
  rows.push(row('dev sample (real OCR)', dev));
  if (details) showDiff('dev', clean, noisy, r.text);
} else console.error(`no dev sample at ${devNoisy}`);

// The pipeline as users run it: the bundled bench scans (other dev plans, rendered and degraded:
// clean 300 dpi, office 150 dpi JPEG, speckled 150 dpi) read by sohoa's OCR, then corrected as OCR
// documents. The pages of the plan the dev sample comes from are left out.
if (!cleanOnly && !args.includes('--no-pipeline')) {
  const benchDir = join(HERE, '../../../fixtures/scans');
  const bench = JSON.parse(readFileSync(join(benchDir, 'bench.json'), 'utf8')).pages.filter(
    (p) => !p.source.startsWith('plan-bacgiang'),
  );
  const { createNodeOcr, readInputFile } = await import('@sohoa/ocr/node');
  const ocr = createNodeOcr({ workers: 2 });
  try {
    const docs = await Promise.all(
      bench.map(async (p) =>
        ocr.recognize({ source: p.image, bytes: await readInputFile(join(benchDir, p.image)) }),
      ),
    );
    const byProfile = new Map();
    const all = blank();
    bench.forEach((p, k) => {
      const gt = readFileSync(join(benchDir, p.gt), 'utf8');
      const start = performance.now();
      const r = correct(docs[k], { lm });
      const ms = performance.now() - start;
      add(all, gt, docs[k].text, r.text, ms);
      if (!byProfile.has(p.profile)) byProfile.set(p.profile, blank());
      add(byProfile.get(p.profile), gt, docs[k].text, r.text, ms);
      if (details) showDiff(`scan ${p.image}`, gt, docs[k].text, r.text);
    });
    rows.push(row(`scans → OCR (${bench.length} pages)`, all));
    for (const profile of ['clean', 'poor', 'noisy'])
      if (byProfile.has(profile)) rows.push(row(`  ${profile}`, byProfile.get(profile)));
  } finally {
    await ocr.close();
  }
}

const pages = loadPairs('eval');
if (cleanOnly) {
  // only the clean sets below
} else if (pages.length === 0) {
  console.error(
    'No synthetic pairs in packages/correct/.cache/pairs: run node packages/correct/scripts/make-pairs.mjs (about 15 min).',
  );
} else {
  const asText = blank();
  const asOcr = blank();
  const byProfile = new Map();
  for (const page of pages) {
    let start = performance.now();
    const r = correct(page.ocr.text, { lm });
    add(asText, page.gt, page.ocr.text, r.text, performance.now() - start);
    start = performance.now();
    const o = correct(ocrDocument(page), { lm });
    const ms = performance.now() - start;
    add(asOcr, page.gt, page.ocr.text, o.text, ms);
    if (details) showDiff(page.profile, page.gt, page.ocr.text, o.text);
    const show = opt('wrong');
    if (show)
      scoreCorrection(page.gt, page.ocr.text, o.text, true, (g) => {
        if (!g.fixed && (show === 'all' || show === g.kind))
          console.log(`${page.profile} ${g.kind}: ${g.ocr} → ${g.corrected} (should be ${g.reference})`);
      });
    if (!byProfile.has(page.profile)) byProfile.set(page.profile, blank());
    add(byProfile.get(page.profile), page.gt, page.ocr.text, o.text, ms);
  }
  rows.push(row('synthetic, text', asText));
  rows.push(row('synthetic, OCR doc', asOcr));
  rows.push(row('synthetic, text, table learnt from the batch', batchLearnt(pages)));
  for (const [profile, acc] of [...byProfile].sort()) rows.push(row(`  profile ${profile}`, acc));

  // Throughput on one core: the first pass above (caches cold), then every page again as text.
  cold = Math.round(asText.syllables / (asText.ms / 1000));
  const texts = pages.map((p) => p.ocr.text);
  let start = performance.now();
  for (let k = 0; k < 3; k++) for (const t of texts) correct(t, { lm });
  warm = Math.round((3 * asText.syllables) / ((performance.now() - start) / 1000));
  // A batch: the synthetic pages once more in a fresh process state is not possible here, so
  // documents the process has not seen yet: the calibration pages (other documents).
  const others = loadPairs('calibration').map((p) => p.ocr.text);
  let syllables = 0;
  for (const t of others) syllables += syllablesOf(t);
  start = performance.now();
  for (const t of others) correct(t, { lm });
  batch =
    others.length === 0
      ? 'n/a (no calibration pairs cached)'
      : Math.round(syllables / ((performance.now() - start) / 1000));
}

// The same held-out pages read by native tesseract (make-pairs.mjs --engine native), reported apart:
// corrected with the default table (sohoa's OCR) and with the table of engine 'tesseract'.
const nativePages = cleanOnly ? [] : loadPairs('eval', undefined, 'native');
if (cleanOnly) {
  // only the clean sets below
} else if (nativePages.length === 0) {
  console.error(
    'No native-tesseract pairs in packages/correct/.cache/pairs-native: run node packages/correct/scripts/make-pairs.mjs --engine native.',
  );
} else {
  const label = `native tesseract (${nativePages.length} pages)`;
  const variants = [
    ['default table', {}],
    ["engine 'tesseract'", { engine: 'tesseract' }],
  ];
  const byProfile = new Map();
  for (const [name, extra] of variants) {
    const asText = blank();
    const asOcr = blank();
    for (const page of nativePages) {
      let start = performance.now();
      const r = correct(page.ocr.text, { lm, ...extra });
      add(asText, page.gt, page.ocr.text, r.text, performance.now() - start);
      start = performance.now();
      const o = correct(ocrDocument(page), { lm, ...extra });
      const ms = performance.now() - start;
      add(asOcr, page.gt, page.ocr.text, o.text, ms);
      if (extra.engine) {
        if (details) showDiff(`native ${page.profile}`, page.gt, page.ocr.text, o.text);
        const show = opt('wrong');
        if (show)
          scoreCorrection(page.gt, page.ocr.text, o.text, true, (g) => {
            if (!g.fixed && (show === 'all' || show === g.kind))
              console.log(
                `native ${page.profile} ${g.kind}: ${g.ocr} → ${g.corrected} (should be ${g.reference})`,
              );
          });
        if (!byProfile.has(page.profile)) byProfile.set(page.profile, blank());
        add(byProfile.get(page.profile), page.gt, page.ocr.text, o.text, ms);
      }
    }
    rows.push(row(`${label}, text, ${name}`, asText));
    rows.push(row(`${label}, OCR doc, ${name}`, asOcr));
  }
  for (const [profile, acc] of [...byProfile].sort()) rows.push(row(`  native, profile ${profile}`, acc));
  rows.push(row(`${label}, text, table learnt from the batch`, batchLearnt(nativePages)));
}

/**
 * An engine nobody calibrated, as a user would meet it: a first run over the whole batch with the
 * default table, `learnTable` on its repairs, a second run with the learnt table (reported).
 */
function batchLearnt(batch) {
  const first = batch.map((page) => correct(page.ocr.text, { lm }));
  const table = learnTable(first, DEFAULT_TABLE) ?? DEFAULT_TABLE;
  const acc = blank();
  for (const page of batch) {
    const start = performance.now();
    const r = correct(page.ocr.text, { lm, table });
    add(acc, page.gt, page.ocr.text, r.text, performance.now() - start);
  }
  return acc;
}

// The same held-out pages read by sohoa's OCR asking for tesseract's per-character alternatives
// (make-pairs.mjs --engine alternatives): corrected as OCR documents with the words' choices, and
// with them ignored — the measure of that evidence alone.
const altPages = cleanOnly ? [] : loadPairs('eval', undefined, 'alternatives');
if (!cleanOnly && altPages.length > 0) {
  const label = `sohoa OCR with alternatives (${altPages.length} pages), OCR doc`;
  for (const [name, withChoices] of [
    ['with its choices', true],
    ['choices ignored', false],
  ]) {
    const acc = blank();
    for (const page of altPages) {
      const start = performance.now();
      const o = correct(ocrDocument(page, withChoices), { lm });
      add(acc, page.gt, page.ocr.text, o.text, performance.now() - start);
    }
    rows.push(row(`${label}, ${name}`, acc));
  }
}

// Clean text: a faithful corrector changes nothing in a correct transcription. Every applied change
// that alters what is printed (not the NFC form) is a false change; reported per 10 000 words, on the
// held-out pages' ground truth (never seen by the model nor the calibration) and on the dev plans.
const falseChanges = [];
function cleanSet(name, texts) {
  let words = 0;
  let changes = 0;
  for (const text of texts) {
    words += text.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length;
    const r = correct(text, { lm });
    for (const c of r.corrections) {
      if (!c.applied || c.original.normalize('NFC') === c.replacement.normalize('NFC')) continue;
      changes++;
      falseChanges.push(`${name}: ${c.original} → ${c.replacement} (${c.reason})`);
    }
  }
  return {
    set: name,
    words,
    'false changes': changes,
    'per 10k words': ((10_000 * changes) / Math.max(1, words)).toFixed(2),
  };
}
const cleanRows = [];
// Held-out corpus documents (never seen by the language model; their clean text never seen by the
// channel calibration), as published, in two parts reported apart: the first CLEAN_CHARS characters
// of each (looked at while the rules that keep clean text were written) and the next REST_CHARS
// (never looked at: the measure of text the corrector was not tuned on).
const CLEAN_CHARS = 20_000;
const REST_CHARS = 40_000;
if (existsSync(CORPUS_DIR)) {
  const docs = heldOutDocuments();
  cleanRows.push(
    cleanSet(
      `clean held-out corpus, first ${CLEAN_CHARS / 1000}k chars (${docs.length} docs)`,
      docs.map((d) => d.text.slice(0, CLEAN_CHARS)),
    ),
  );
  const rest = docs.filter((d) => d.text.length > CLEAN_CHARS);
  cleanRows.push(
    cleanSet(
      `clean held-out corpus, the next ${REST_CHARS / 1000}k chars, unseen (${rest.length} docs)`,
      rest.map((d) => d.text.slice(CLEAN_CHARS, CLEAN_CHARS + REST_CHARS)),
    ),
  );
}
if (pages.length > 0)
  cleanRows.push(
    cleanSet(
      "clean held-out text (synthetic pages' truth)",
      pages.map((p) => p.gt),
    ),
  );
const plansDir = join(HERE, '../../../fixtures/texts/plans');
if (existsSync(plansDir)) {
  const plans = readdirSync(plansDir).filter((f) => f.endsWith('.txt') && f.startsWith('KH_'));
  cleanRows.push(
    cleanSet(
      `clean dev plans (${plans.length})`,
      plans.map((f) => readFileSync(join(plansDir, f), 'utf8')),
    ),
  );
}

if (args.includes('--json')) console.log(JSON.stringify({ rows, clean: cleanRows }, null, 2));
else if (cleanOnly) {
  console.table(cleanRows);
  for (const line of falseChanges) console.log(`false change, ${line}`);
} else {
  console.table(rows);
  console.table(cleanRows);
  if (details) for (const line of falseChanges) console.log(`false change, ${line}`);
  console.log(`Words are compared without their punctuation (leaders of dots included). Wrong words:
reference words the OCR did not read exactly. Of those, misread: words of letters read with the same
letters but for marks and at most one letter, also split or run together — what a corrector can
fix; lost: nothing read in their place (layout); figures: numbers and footnote marks, left alone by
design; garbled: read as something else or torn apart by the layout. Broken: words the OCR read
right and the corrector changed.
Throughput, one core, model loaded and indexed in ${Math.round(loadMs)} ms: ${cold} syllables/s on the first pass
over the synthetic pages (caches and JIT cold), ${batch} syllables/s on further documents
(the calibration pages, new to the process), ${warm} syllables/s on pages already seen.`);
}

#!/usr/bin/env node
// Paired data for the corrector: held-out corpus documents (never seen by the language model) are
// rendered to A4 pages, degraded like office scans, and read back by sohoa's own OCR. Each page
// gives a pair (printed text, OCR output with word confidences).
//
// The pairs contain corpus text, so they stay out of git: they are written to .cache/pairs/ (see
// packages/correct/.gitignore). What is committed is only what `--calibrate` derives from the
// calibration half: the channel cost table src/channel/costs.json (`calibrate` in src/channel/).
//
// Held-out documents are split in two by a second hash: 'calibration' pages set the channel costs,
// 'eval' pages measure the corrector (npm run eval:correct). Neither half is seen by the LM.
//
//   node packages/correct/scripts/make-pairs.mjs [--pages 120] [--eval-pages 240] [--eval-windows 6] [--workers 2]
//   node packages/correct/scripts/make-pairs.mjs --calibrate     (after a build of the package)
//
// `--engine native` reads the same renders (same documents, windows, profiles, seeds) with the
// native `tesseract` CLI instead (Debian's `vie` model, psm 3, TSV output for word confidences; one
// single-threaded process per worker) into .cache/pairs-native/; with `--calibrate` it writes
// src/channel/costs.native.json, the table of `correct(…, { engine: 'tesseract' })`.
//
//   node packages/correct/scripts/make-pairs.mjs --engine native [--pages 120] [--eval-pages 240] [--workers 2]
//   node packages/correct/scripts/make-pairs.mjs --engine native --calibrate
//
// `--engine alternatives` reads them with sohoa's OCR asking for tesseract's per-character
// alternatives (word `choices`) into .cache/pairs-alt/, for eval:correct's measure of that evidence.
//
// Deterministic given the corpus and the OCR engine: documents, windows, profiles and seeds all come
// from hashes of document ids. Pages already in the cache are kept.

import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createNodeOcr, mapLimit } from '@sohoa/ocr/node';
import { degrade } from '../../../fixtures/scripts/degrade.mjs';
import { encodePngGray } from '../../../fixtures/scripts/image-io.mjs';
import { layoutDocument, pageText, parseDocument, renderPage } from '../../../fixtures/scripts/render.mjs';
import { holdoutHash, isHeldOut } from '../dist/index.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const CORPUS_DIR = process.env.SOHOA_CORPUS ?? join(HERE, '../../../../shared/corpus');
export const PAIRS_DIR = join(HERE, '../.cache/pairs');
/** Pairs read by the native `tesseract` CLI (Debian's `vie` model) from the same degraded pages. */
export const NATIVE_PAIRS_DIR = join(HERE, '../.cache/pairs-native');

/** Pairs read by sohoa's OCR with tesseract's per-character alternatives (`alternatives: true`). */
export const ALT_PAIRS_DIR = join(HERE, '../.cache/pairs-alt');

/**
 * 'sohoa' (sohoa's OCR, the default), 'alternatives' (the same with its per-character alternatives
 * as word choices) or 'native' (the tesseract CLI); 'tesseract' means 'native'.
 */
export function engineOf(name = 'sohoa') {
  if (name === 'sohoa') return 'sohoa';
  if (name === 'alternatives') return 'alternatives';
  if (name === 'native' || name === 'tesseract') return 'native';
  throw new Error(`unknown --engine "${name}" (sohoa, alternatives or native)`);
}

/** The cache directory of an engine's pairs. */
export function pairsDir(engine = 'sohoa') {
  const e = engineOf(engine);
  return e === 'native' ? NATIVE_PAIRS_DIR : e === 'alternatives' ? ALT_PAIRS_DIR : PAIRS_DIR;
}

/**
 * Degradation profiles. Every page is read twice: once as an office scan (fixtures' 'poor', 150 dpi,
 * or 'sample', 200 dpi, chosen per document) and once as a low-resolution copy ('low', 120 dpi),
 * where Tesseract's diacritic confusions (hỏi read as sắc, lost circumflex) become frequent.
 */
const OFFICE = ['poor', 'sample'];
export const LOW_PROFILE = {
  dpi: 120,
  stroke: 0.2,
  rotate: 0.5,
  blur: 0.6,
  paper: 236,
  ink: 30,
  gradient: 16,
  noise: 3,
  jpeg: 55,
};
/** Characters of body text per rendered document: about two A4 pages at 14 pt. */
const WINDOW = 4200;

/** FNV-1a over a string, then fmix32 — the same mixing as the hold-out split, with a salt. */
function hash(text) {
  return holdoutHash(text);
}

/** Which half of the held-out documents a document belongs to. */
export function splitOf(id) {
  return hash(`${id}#split`) % 3 === 0 ? 'eval' : 'calibration';
}

/** The held-out documents of the corpus, in a stable pseudo-random order. */
export function heldOutDocuments(corpusDir = CORPUS_DIR) {
  const docs = [];
  for (const file of readdirSync(corpusDir)
    .filter((f) => f.endsWith('.jsonl.gz'))
    .sort()) {
    const lines = gunzipSync(readFileSync(join(corpusDir, file)))
      .toString('utf8')
      .split('\n');
    for (const line of lines) {
      if (!line.trim()) continue;
      const doc = JSON.parse(line);
      if (isHeldOut(doc.id)) docs.push({ id: doc.id, source: doc.source, text: doc.text });
    }
  }
  return docs.sort((a, b) => hash(`${a.id}#order`) - hash(`${b.id}#order`) || (a.id < b.id ? -1 : 1));
}

/**
 * A window of about WINDOW characters of a document's lines, starting at a line chosen from the id,
 * as a render.mjs document (no header, one paragraph per line).
 */
export function documentWindow(doc, window = 0) {
  const lines = doc.text
    .normalize('NFC')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l.length > 0 && !/^[|+\-=_\s]+$/.test(l));
  let total = 0;
  for (const l of lines) total += l.length + 1;
  // Start anywhere in the first part, so headers, bodies and endings all appear.
  const maxStart = Math.max(0, total - WINDOW);
  const salt = window === 0 ? '#start' : `#start${window}`;
  const target = maxStart === 0 ? 0 : hash(`${doc.id}${salt}`) % maxStart;
  let at = 0;
  let first = 0;
  while (first < lines.length && at + lines[first].length < target) at += lines[first++].length + 1;
  const picked = [];
  let size = 0;
  for (let i = first; i < lines.length && size < WINDOW; i++) {
    // Very long lines (codified law) are cut at a sentence end so a page is not one paragraph.
    let line = lines[i];
    if (line.length > 1500) line = line.slice(0, line.indexOf('. ', 1200) + 1 || 1500);
    picked.push(line);
    size += line.length + 1;
  }
  // A leading space keeps render.mjs from reading "# ", "_ ", "> ", "%" or "@" as markup.
  return `@kind none\n@body\n${picked.map((l) => ` ${l}`).join('\n')}\n`;
}

function parseArgs(argv) {
  const opt = (name, fallback) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const e = argv.indexOf('--engine');
  return {
    engine: engineOf(e >= 0 ? argv[e + 1] : 'sohoa'),
    pages: opt('pages', 120),
    evalPages: opt('eval-pages', EVAL_PAGES),
    evalWindows: opt('eval-windows', EVAL_WINDOWS),
    workers: opt('workers', 2),
  };
}

/**
 * The eval half has few documents (a third of the held-out ones) but long ones: each gives up to
 * EVAL_WINDOWS windows from different places, so the measure rests on more than a dozen texts.
 */
export const EVAL_PAGES = 240;
export const EVAL_WINDOWS = 6;

/**
 * The pages of the paired data: names, splits, profiles, and the rendered page (image and text).
 * @param {{ pages: number, evalPages: number, evalWindows?: number }} want
 */
export function planPages(want = { pages: 120, evalPages: EVAL_PAGES, evalWindows: EVAL_WINDOWS }) {
  const docs = heldOutDocuments();
  const limits = { calibration: want.pages, eval: want.evalPages };
  /** @type {{ name: string, doc: any, split: string, profile: string, page: any, pageIndex: number }[]} */
  const jobs = [];
  const planned = { calibration: 0, eval: 0 };
  for (const doc of docs) {
    const split = splitOf(doc.id);
    if (planned[split] >= limits[split]) continue;
    // Windows beyond the first only where the document is long enough for them not to overlap much.
    const windows =
      split === 'eval'
        ? Math.max(1, Math.min(want.evalWindows ?? 1, Math.floor(doc.text.length / (4 * WINDOW))))
        : 1;
    for (let w = 0; w < windows && planned[split] < limits[split]; w++) {
      const tag = w === 0 ? '' : `-w${w}`;
      const profiles = [OFFICE[hash(`${doc.id}${tag}#profile`) % OFFICE.length], 'low'];
      // Layout only: pages are rasterised when they are read (renderPage in main).
      const pages = layoutDocument(parseDocument(documentWindow(doc, w))).map((layout) => ({
        layout,
        text: pageText(layout),
      }));
      // The last page of a window is often a few lines: keep full pages, at most two.
      for (let p = 0; p < Math.min(2, pages.length) && planned[split] < limits[split]; p++) {
        const page = pages[p];
        if (page.text.length < 600) continue;
        for (const profile of profiles) {
          const name = `${split}-${doc.id}${tag}-p${p + 1}-${profile}`;
          planned[split]++;
          jobs.push({ name, doc, split, profile, page, pageIndex: p });
        }
      }
    }
    if (planned.calibration >= limits.calibration && planned.eval >= limits.eval) break;
  }
  return { jobs, planned, documents: docs.length };
}

/** The cached pairs of one split, in plan order (missing pages are skipped), of one engine. */
export function loadPairs(split, want, engine = 'sohoa') {
  const dir = pairsDir(engine);
  const out = [];
  for (const job of planPages(want).jobs) {
    if (job.split !== split) continue;
    const file = join(dir, `${job.name}.json`);
    if (existsSync(file)) out.push(JSON.parse(readFileSync(file, 'utf8')));
  }
  return out;
}

/**
 * Derives the channel cost table from the calibration split and writes src/channel/costs.json
 * (sohoa's OCR) or src/channel/costs.native.json (the tesseract CLI).
 */
async function calibrateCosts(want) {
  const { calibrate } = await import('../dist/index.js');
  const native = want.engine === 'native';
  const pages = loadPairs('calibration', want, want.engine);
  if (pages.length === 0) throw new Error('no calibration pairs: run make-pairs.mjs first');
  const { table, stats } = calibrate(pages);
  if (native)
    table.source = table.source.replace("sohoa's OCR", `native ${await nativeVersion()} (Debian's vie)`);
  const file = join(HERE, `../src/channel/${native ? 'costs.native.json' : 'costs.json'}`);
  writeFileSync(file, `${JSON.stringify(table, null, 2)}\n`);
  console.error(`${file}: ${JSON.stringify(stats)}`);
}

/** Runs a command, resolving to its standard output (rejecting on a non-zero exit). */
function run(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else
        reject(
          new Error(`${command} exited with ${code}: ${Buffer.concat(err).toString('utf8').slice(0, 500)}`),
        );
    });
  });
}

/** "tesseract 5.3.0", as the CLI reports itself. */
async function nativeVersion() {
  const out = await run('tesseract', ['--version']);
  return out.split('\n')[0].trim();
}

/**
 * Reads one degraded page with the native tesseract CLI: `-l vie --psm 3` (automatic layout, as
 * sohoa's engine), the page's resolution given, one thread per process (workers run side by side).
 * TSV gives each word's confidence; paragraphs become blocks (text joined as sohoa's engine does:
 * words by a space, lines by a newline, blocks by a blank line).
 */
async function nativeRecognize(bytes, dpi, jpeg, tmp, name) {
  const file = join(tmp, `${name}.${jpeg ? 'jpg' : 'png'}`);
  writeFileSync(file, bytes);
  try {
    const tsv = await run(
      'tesseract',
      [file, 'stdout', '-l', 'vie', '--psm', '3', '--dpi', String(Math.round(dpi)), 'tsv'],
      {
        OMP_THREAD_LIMIT: '1',
      },
    );
    /** @type {Map<string, Map<string, { text: string, confidence: number }[]>>} */
    const blocks = new Map();
    let sum = 0;
    let count = 0;
    for (const row of tsv.split('\n').slice(1)) {
      const f = row.split('\t');
      if (f.length < 12 || f[0] !== '5') continue;
      const text = f.slice(11).join('\t').trim();
      const conf = Number(f[10]);
      if (!text || !(conf >= 0)) continue;
      const block = `${f[1]}/${f[2]}/${f[3]}`;
      if (!blocks.has(block)) blocks.set(block, new Map());
      const lines = blocks.get(block);
      if (!lines.has(f[4])) lines.set(f[4], []);
      const confidence = Math.min(100, Math.max(0, conf));
      lines.get(f[4]).push({ text, confidence: Math.round(confidence * 10) / 10 });
      sum += confidence;
      count++;
    }
    const lines = [];
    const parts = [];
    for (const block of blocks.values()) {
      const texts = [];
      for (const words of block.values()) {
        lines.push(words);
        texts.push(words.map((w) => w.text).join(' '));
      }
      parts.push(texts.join('\n'));
    }
    return { text: parts.join('\n\n'), confidence: count ? Math.round((sum / count) * 10) / 10 : 0, lines };
  } finally {
    rmSync(file, { force: true });
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (process.argv.includes('--calibrate')) {
    await calibrateCosts(args);
    return;
  }
  const native = args.engine === 'native';
  const dir = pairsDir(args.engine);
  mkdirSync(dir, { recursive: true });
  const plan = planPages(args);
  const { planned } = plan;
  const jobs = plan.jobs.filter((job) => !existsSync(join(dir, `${job.name}.json`)));
  console.error(`${plan.documents} held-out documents`);
  console.error(
    `${jobs.length} pages to OCR with ${native ? await nativeVersion() : "sohoa's engine"} (${planned.calibration} calibration, ${planned.eval} eval planned)`,
  );
  const ocr = native
    ? null
    : createNodeOcr({
        workers: args.workers,
        ...(args.engine === 'alternatives' ? { alternatives: true } : {}),
      });
  const tmp = native ? mkdtempSync(join(tmpdir(), 'sohoa-pairs-')) : null;
  const engine = native ? `${await nativeVersion()} -l vie --psm 3` : 'sohoa';
  let done = 0;
  try {
    await mapLimit(jobs, args.workers, async (job) => {
      const seed = hash(`${job.name}#seed`);
      const profile = job.profile === 'low' ? LOW_PROFILE : job.profile;
      const { image } = renderPage(job.page.layout, { dpi: 300 });
      const degraded = await degrade(image, { profile, seed, dpi: 300 });
      const bytes = degraded.jpeg ?? encodePngGray(degraded.image, { dpi: degraded.dpi });
      const started = Date.now();
      let read;
      if (native) read = await nativeRecognize(bytes, degraded.dpi, Boolean(degraded.jpeg), tmp, job.name);
      else {
        const result = await ocr.recognize({ source: job.name, bytes });
        const page = result.pages[0];
        const lines = [];
        for (const block of page.blocks) {
          for (const line of block.lines) {
            lines.push(
              line.words.map((w) => ({
                text: w.text,
                confidence: Math.round(w.confidence * 10) / 10,
                ...(w.choices ? { choices: w.choices } : {}),
              })),
            );
          }
        }
        read = { text: result.text, confidence: page.confidence, lines };
      }
      const record = {
        id: job.doc.id,
        corpus: job.doc.source,
        split: job.split,
        profile: job.profile,
        seed,
        page: job.pageIndex + 1,
        ...(native ? { engine } : {}),
        gt: job.page.text,
        ocr: read,
      };
      writeFileSync(join(dir, `${job.name}.json`), `${JSON.stringify(record)}\n`);
      done++;
      console.error(`${done}/${jobs.length} ${job.name} ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
  } finally {
    await ocr?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();

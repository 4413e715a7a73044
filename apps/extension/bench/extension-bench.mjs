#!/usr/bin/env node
// Extension benchmark: a 3-page scanned PDF digitised in the extension (real Chromium, the built
// extension, a fresh profile each run) and by the Node pipeline the CLI uses (a fresh process each
// run), on this machine, in one run. Prints the time to the first page's corrected text and to the
// whole document (medians of RUNS), their ratio (goal ≤ 1.5×), the packed extension's size, and
// the peak memory of the browser while it reads.
//   npm run bench -w @sohoa/extension        (needs `npm run build` and /usr/bin/chromium)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { launchWithExtension, missingPrerequisite, serve, waitForDone } from '../test/chromium.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const here = fileURLToPath(new URL('.', import.meta.url));
const root = path.join(here, '../../../');
const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-ext-bench-'));

const missing = missingPrerequisite();
if (missing) {
  console.error(`extension bench: ${missing}`);
  process.exit(1);
}

// A 3-page scan: the sample's two pages and the State plan's scanned page.
const out = await PDFDocument.create();
for (const file of ['fixtures/sample/sample-plan.pdf', 'fixtures/pdfs/image-only.pdf']) {
  const src = await PDFDocument.load(readFileSync(path.join(root, file)));
  for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
}
const pdfFile = path.join(tmp, 'scan-3p.pdf');
writeFileSync(pdfFile, await out.save());

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Sum of resident memory of the processes whose command line mentions `marker` (the profile dir)
 * and, when given, `kind` (`--extension-process`: the renderer of the extension's pages, where the
 * viewer, its pipeline worker and tesseract's workers live).
 */
function rssOf(marker, kind = '') {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes(marker) || !cmdline.includes(kind)) continue;
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {}
  }
  return total;
}

async function extensionRun() {
  const served = await serve({ '/scan-3p.pdf': { file: pdfFile, type: 'application/pdf' } });
  const browser = await launchWithExtension();
  const marker = browser.profile;
  let peak = 0;
  let page = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssOf(marker));
    page = Math.max(page, rssOf(marker, '--extension-process'));
  }, 200);
  try {
    const viewer = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(viewer);
    await cdp.send('Performance.enable');
    const start = performance.now();
    await viewer.goto(
      `chrome-extension://${browser.extensionId}/viewer.html?file=${encodeURIComponent(`${served.base}/scan-3p.pdf`)}`,
    );
    await viewer.waitForSelector('#sohoa-text[data-pages-done]', { timeout: 300_000 });
    const first = performance.now() - start;
    const status = await waitForDone(viewer, 600_000);
    const total = performance.now() - start;
    if (status.state !== 'done') throw new Error(`the viewer failed: ${status.message}`);
    const metrics = (await cdp.send('Performance.getMetrics')).metrics;
    const heap = metrics.find((m) => m.name === 'JSHeapTotalSize')?.value ?? 0;
    return { first, total, peak, page, heap };
  } finally {
    clearInterval(sampler);
    await browser.close();
    await served.close();
  }
}

function nodeRun() {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let first = 0;
    const child = spawn(process.execPath, [path.join(here, 'node-run.mjs'), pdfFile], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      if (!first && chunk.includes('first')) first = performance.now() - start;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve({ first, total: performance.now() - start })
        : reject(new Error(`node run exit ${code}`)),
    );
  });
}

const ext = [];
const cli = [];
for (let i = 0; i < RUNS; i++) {
  // Alternate, so load on the machine falls on both alike.
  cli.push(await nodeRun());
  ext.push(await extensionRun());
  console.error(`run ${i + 1}/${RUNS}: extension ${s(ext[i].total)}, node ${s(cli[i].total)}`);
}

// The packed extension, as `wxt zip` makes it for the store.
execFileSync('npx', ['wxt', 'zip'], { cwd: path.join(here, '..'), stdio: 'ignore' });
const zips = readdirSync(path.join(here, '../dist')).filter((f) => f.endsWith('-chrome.zip'));
const packed = zips.length ? statSync(path.join(here, '../dist', zips[0])).size : Number.NaN;

const row = (label, e, c) =>
  `${label.padEnd(34)}${s(e).padStart(10)}${s(c).padStart(10)}${`${(e / c).toFixed(2)}×`.padStart(9)}`;
console.log(
  `3-page scanned PDF, ${RUNS} runs each, medians; extension: fresh Chromium profile; node: fresh process`,
);
console.log(`${''.padEnd(34)}${'extension'.padStart(10)}${'node/CLI'.padStart(10)}${'ratio'.padStart(9)}`);
console.log(
  row('first page corrected text', median(ext.map((r) => r.first)), median(cli.map((r) => r.first))),
);
console.log(row('whole document', median(ext.map((r) => r.total)), median(cli.map((r) => r.total))));
console.log(`packed extension (wxt zip): ${(packed / 1e6).toFixed(1)} MB`);
console.log(
  `memory while reading (peak RSS): the extension's renderer (viewer, pipeline worker, tesseract workers) ${(median(ext.map((r) => r.page)) / 1e6).toFixed(0)} MB; all of Chromium ${(median(ext.map((r) => r.peak)) / 1e6).toFixed(0)} MB; viewer page JS heap ${(median(ext.map((r) => r.heap)) / 1e6).toFixed(0)} MB`,
);
rmSync(tmp, { recursive: true, force: true });

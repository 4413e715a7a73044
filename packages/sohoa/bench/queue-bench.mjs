#!/usr/bin/env node
// Queue benchmark: the same 12-page image-only PDF (the benchmark scans, cycled) through one
// `sohoa digitise` process, then through the queue — `sohoa queue add` and 1, 2 and 4
// `sohoa worker` processes on a Redis of its own — in one run. Prints pages per minute for
// each and the ratio to digitise: at equal concurrency (1 worker × 2 page processes, or
// 2 workers × 1, against digitise -j 2) the difference is the queue's overhead (goal < 5 %).
// Each worker set runs the batch cold (its processes start with the first jobs, as digitise
// starts its engine), then warm 3 times (as workers running all day see a batch; median);
// digitise runs before each set, and its median is the reference. Every queue run's outputs are
// checked against digitise's (same JSON and text).
//   npm run bench:queue -w sohoa      (after npm run build; needs redis-server)
//   PAGES=24 node packages/sohoa/bench/queue-bench.mjs   (a longer batch)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { benchPdf } from './bench-pdf.mjs';

const PAGES = Number(process.env.PAGES ?? 12);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = path.join(root, 'apps/cli/bin/sohoa.js');
const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');

if (spawnSync('redis-server', ['--version']).status !== 0) {
  console.error('queue-bench: redis-server is not installed (apt-get install redis-server)');
  process.exit(1);
}

const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-queue-bench-'));
const { file: pdfFile } = await benchPdf(PAGES, tmp);
const cores = availableParallelism();
console.log(
  `${PAGES}-page image-only PDF, ${cores} cores, load ${fmt(loadavg()[0], 2)}; formats json,md,html,csv,txt`,
);
const FORMATS = 'json,md,html,csv,txt';

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

function run(args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...options,
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`sohoa ${args[0]}: exit ${code}\n${out}`)),
    );
  });
}

const waitFor = async (test, timeoutMs) => {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const perMinute = (ms) => (PAGES / ms) * 60_000;

// --- one digitise process, measured before each worker set (the machine's load drifts) --------------
const digitiseRuns = [];
async function digitiseOnce() {
  const out = path.join(tmp, `digitise-${digitiseRuns.length}`);
  const t0 = performance.now();
  await run(['digitise', pdfFile, '--out', out, '--format', FORMATS, '-j', String(cores), '-q']);
  digitiseRuns.push(performance.now() - t0);
  return path.join(out, `bench-${PAGES}`, `bench-${PAGES}`);
}
const base = await digitiseOnce();

// --- the queue ---------------------------------------------------------------------------------------
const port = await freePort();
const url = `redis://127.0.0.1:${port}`;
const redisServer = spawn(
  'redis-server',
  ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
  { stdio: 'ignore' },
);
const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => 100 });
redis.on('error', () => {}); // until redis-server listens
await waitFor(async () => {
  try {
    if (redis.status === 'wait') await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  }
}, 10_000);

const configs = [
  { workers: 1, concurrency: cores, label: `1 worker × ${cores} page processes` },
  { workers: 2, concurrency: Math.max(1, cores / 2), label: `2 workers × ${Math.max(1, cores / 2)}` },
  { workers: 4, concurrency: 1, label: '4 workers × 1' },
];
const WARM_RUNS = Number(process.env.WARM_RUNS ?? 3);
const results = [];
try {
  for (const [k, config] of configs.entries()) {
    if (k > 0) await digitiseOnce();
    await redis.flushall();
    const out = path.join(tmp, `queue-${config.workers}`);
    const workers = [];
    for (let i = 0; i < config.workers; i++) {
      const args = [
        'worker',
        '--redis',
        url,
        '--concurrency',
        String(config.concurrency),
        '--name',
        `bench-${i + 1}`,
        '-q',
      ];
      const child = spawn(process.execPath, [cli, ...args], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let log = '';
      child.stderr.on('data', (d) => {
        log += d;
      });
      workers.push({ child, log: () => log });
    }
    // Workers are long-running on their machines: measured from `queue add`, once they listen.
    await waitFor(() => workers.every((w) => w.log().includes('Ctrl-C to stop')), 30_000);
    // Cold: the workers' page and document processes start with the first jobs (as digitise
    // starts its engine). Warm: the same batch again, as workers that run all day see it.
    const runs = [];
    for (let round = 0; round <= WARM_RUNS; round++) {
      const roundOut = path.join(out, String(round));
      const done = path.join(roundOut, `bench-${PAGES}`, '.sohoa.json');
      await redis.config('RESETSTAT');
      const t0 = performance.now();
      await run(['queue', 'add', pdfFile, '--redis', url, '--out', roundOut, '--format', FORMATS, '-q']);
      await waitFor(() => existsSync(done), 15 * 60_000);
      const ms = performance.now() - t0;
      // What the run cost Redis (every client: add, the workers' polling and heartbeats, the jobs).
      const info = Object.fromEntries(
        (await redis.info('stats'))
          .split('\r\n')
          .filter((l) => l.includes(':'))
          .map((l) => l.split(':')),
      );
      const load = {
        commands: Number(info.total_commands_processed),
        bytes: Number(info.total_net_input_bytes) + Number(info.total_net_output_bytes),
      };
      runs.push({ ms, load, out: path.join(roundOut, `bench-${PAGES}`, `bench-${PAGES}`) });
    }
    const status = JSON.parse(await run(['queue', 'status', '--redis', url, '--json']));
    for (const w of workers) w.child.kill('SIGTERM');
    await Promise.all(
      workers.map((w) => new Promise((r) => (w.child.exitCode !== null ? r() : w.child.on('exit', r)))),
    );
    const same = runs.every((r) =>
      ['json', 'txt'].every((ext) => readFileSync(`${base}.${ext}`).equals(readFileSync(`${r.out}.${ext}`))),
    );
    const cold = runs[0].ms;
    const warm = median(runs.slice(1).map((r) => r.ms));
    const spread = status.workers.map((w) => `${w.name} ${w.pages}`).join(', ');
    results.push({ ...config, cold, warm, same, spread });
    const show = (ms) =>
      `${fmt(ms / 1000, 1).padStart(5)} s ${fmt(perMinute(ms)).padStart(5)} p/min ${fmt(perMinute(ms) / perMinute(digitiseRuns.at(-1)), 2)}×`;
    console.log(
      `queue, ${config.label.padEnd(26)} cold ${show(cold)} | warm (median of ${WARM_RUNS}) ${show(warm)}; ` +
        `pages per worker: ${spread}; outputs ${same ? 'identical' : 'DIFFER'}`,
    );
    const last = runs.at(-1).load;
    console.log(
      `  Redis per page (last warm run, every client): ${fmt(last.commands / PAGES, 0)} commands, ${fmt(last.bytes / PAGES / 1024, 0)} KB in and out`,
    );
    console.log(
      `  digitise just before: ${fmt(digitiseRuns.at(-1) / 1000, 1)} s, ${fmt(perMinute(digitiseRuns.at(-1)))} pages/min`,
    );
  }
} finally {
  redis.disconnect();
  redisServer.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
}

const digitiseMs = median(digitiseRuns);
console.log(
  `\nsohoa digitise -j ${cores}: median ${fmt(digitiseMs / 1000, 1)} s (${digitiseRuns.map((ms) => fmt(ms / 1000, 1)).join(', ')}), ${fmt(perMinute(digitiseMs))} pages/min`,
);
const equal = results.filter((r) => r.workers * r.concurrency === cores);
const overhead = (key) => equal.map((r) => `${fmt((100 * (r[key] - digitiseMs)) / digitiseMs)} %`).join(', ');
console.log(
  `overhead against digitise at equal concurrency (${cores} pages at once), 1×${cores} and 2×${cores / 2} workers:`,
);
console.log(`  warm workers ${overhead('warm')} (goal < 5 %); cold workers ${overhead('cold')}`);
if (results.some((r) => !r.same)) process.exitCode = 1;

import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type QueueStatus, queueStatus } from 'sohoa/queue';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from './queue-redis.js';
import { bin, fixture, repoRoot, runCli } from './run-cli.js';

/*
 * The queue end to end, as an archive runs it: a real Redis (Debian's redis-server, one per
 * test), `sohoa queue add`, and real `sohoa worker` processes doing real OCR. Their outputs are
 * compared with `sohoa digitise` on the same inputs. Two cores: one or two page processes per
 * test, small scans.
 */

// CI installs redis-server (.ci/run): there a missing one is a failure, not a skipped test.
const { redisServerPath } = await import('./queue-redis.js');
if (!redisServerPath && process.env.CI) throw new Error('queue tests: redis-server is not installed');

let tmp: string;
/** `sohoa digitise` on every input of these tests: what the queue must write too. */
let reference: string;
const inputs: Record<string, string> = {};

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'sohoa-queue-'));
  // Absolute paths, the same for digitise and the queue: the outputs name their source.
  const collection = path.join(tmp, 'collection');
  mkdirSync(path.join(collection, 'scans'), { recursive: true });
  mkdirSync(path.join(collection, 'pdfs'), { recursive: true });
  const place = (from: string, to: string) => {
    copyFileSync(fixture(from), path.join(collection, to));
    inputs[path.basename(to).replace(/\.[^.]+$/, '')] = path.join(collection, to);
  };
  place('scans/plan-clean-300.png', 'scans/plan-clean-300.png');
  place('sample/sample-plan.pdf', 'pdfs/sample-plan.pdf');
  place('pdfs/image-only.pdf', 'pdfs/image-only.pdf');
  place('texts/plan-bacgiang-36.txt', 'plan-bacgiang-36.txt');
  if (!redisServerPath) return;
  reference = path.join(tmp, 'reference');
  const r = await runCli(['digitise', collection, '--out', reference, '-j', '2', '-q']);
  expect(r.code, r.stderr).toBe(0);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

let redis: TestRedis | undefined;
const workers: ChildProcess[] = [];
afterEach(async () => {
  for (const w of workers.splice(0)) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
  await redis?.stop();
  redis = undefined;
});

interface RunningWorker {
  child: ChildProcess;
  name: string;
  log(): string;
  exited: Promise<number | null>;
}

/** A real `sohoa worker` process; resolves once it listens. */
async function startWorker(url: string, name: string, args: string[] = []): Promise<RunningWorker> {
  // NODE_ENV=test (set by vitest) shortens BullMQ's sandbox replies to 500 ms: run as users do.
  const { NODE_ENV: _, ...env } = process.env;
  const child = spawn(process.execPath, [bin, 'worker', '--redis', url, '--name', name, ...args], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  workers.push(child);
  let log = '';
  child.stdout!.setEncoding('utf8').on('data', (d) => {
    log += d;
  });
  child.stderr!.setEncoding('utf8').on('data', (d) => {
    log += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const worker = { child, name, log: () => log, exited };
  await until(() => log.includes('Ctrl-C to stop') || child.exitCode !== null, 30_000, 'the worker to start');
  expect(child.exitCode, log).toBeNull();
  return worker;
}

async function until(test: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The status, polled through the library (a CLI process per poll would take a core from the OCR). */
async function status(url: string): Promise<QueueStatus> {
  return queueStatus({ connection: url, failures: 50 });
}

async function drained(url: string, documents: number, timeoutMs = 120_000): Promise<QueueStatus> {
  let last: QueueStatus | undefined;
  await until(
    async () => {
      last = await status(url).catch(() => last);
      return Boolean(
        last && last.documents.done + last.documents.failed === documents && last.documents.waiting === 0,
      );
    },
    timeoutMs,
    `${documents} documents to be done or failed`,
  );
  return last!;
}

/** Every process whose parent chain leads to `pid` (from /proc). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may hold spaces, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of parents) {
      if (parent === p) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return found;
}
const alive = (pid: number) =>
  existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');

/** The files of an output folder, write-file-atomic's temporary ones included (they must not be there). */
const filesOf = (dir: string) => readdirSync(dir).sort();

/**
 * An output folder the queue wrote is the one digitise wrote: the same files; the same bytes for
 * every format that carries no timestamp; the others whole (docx a zip, pdf ended, ics closed).
 */
function expectSameAsDigitise(queueDir: string, referenceDir: string): void {
  expect(filesOf(queueDir)).toEqual(filesOf(referenceDir));
  for (const name of filesOf(referenceDir)) {
    const ours = readFileSync(path.join(queueDir, name));
    const theirs = readFileSync(path.join(referenceDir, name));
    if (name.endsWith('.docx')) expect(ours.subarray(0, 2).toString('latin1'), name).toBe('PK');
    else if (name.endsWith('.pdf')) expect(ours.subarray(-8).toString('latin1'), name).toMatch(/%%EOF/);
    else if (name.endsWith('.ics')) {
      const strip = (b: Buffer) => b.toString('utf8').replace(/^DTSTAMP:.*$/gm, '');
      expect(strip(ours), name).toBe(strip(theirs));
    } else if (name === '.sohoa.json') {
      expect(JSON.parse(ours.toString('utf8')), name).toEqual(JSON.parse(theirs.toString('utf8')));
    } else {
      if (name.endsWith('.json')) JSON.parse(ours.toString('utf8'));
      expect(ours.equals(theirs), `${name} differs from digitise's`).toBe(true);
    }
  }
}

/** The reference folder of an input: digitise mirrored the collection's folders. */
const referenceOf = (name: string) => {
  const rel = path.relative(path.join(tmp, 'collection'), inputs[name]!);
  return path.join(reference, path.dirname(rel), name);
};

describe.skipIf(!redisServerPath)('sohoa queue + sohoa worker on a real Redis', () => {
  it('two worker processes drain a collection; every output is what digitise writes', async () => {
    redis = await startRedis();
    const a = await startWorker(redis.url, 'a', ['--concurrency', '1']);
    const b = await startWorker(redis.url, 'b', ['--concurrency', '1']);
    const out = path.join(tmp, 'drain');
    const add = await runCli([
      'queue',
      'add',
      path.join(tmp, 'collection'),
      '--redis',
      redis.url,
      '--out',
      out,
    ]);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toBe('enqueued 4 documents (4 page jobs) in collection "drain"\n');
    // The same collection again while it is queued adds nothing.
    const again = await runCli([
      'queue',
      'add',
      path.join(tmp, 'collection'),
      '--redis',
      redis.url,
      '--out',
      out,
    ]);
    expect(again.stdout).toContain(
      'enqueued 0 documents (0 page jobs) in collection "drain"; 4 documents already queued',
    );

    const s = await drained(redis.url, 4);
    expect(s.documents).toMatchObject({ total: 4, done: 4, failed: 0, active: 0 });
    expect(s.pages).toMatchObject({ total: 4, done: 4, failed: 0, waiting: 0, active: 0 });
    // Both workers read pages.
    expect(s.workers.map((w) => [w.name, w.pages > 0])).toEqual([
      ['a', true],
      ['b', true],
    ]);
    for (const name of Object.keys(inputs)) {
      const rel = path.relative(path.join(tmp, 'collection'), inputs[name]!);
      expectSameAsDigitise(path.join(out, path.dirname(rel), name), referenceOf(name));
    }
    expect(`${a.log()}${b.log()}`).toMatch(/done .*sample-plan\.pdf → .*sample-plan \(2 pages\)/);

    // The status command as a person reads it.
    const shown = await runCli(['queue', 'status', '--redis', redis.url]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/│ documents │ +4 │ +0 │ +0 │ +4 │ +0 │/);
    expect(shown.stdout).toMatch(/│ pages +│ +4 │ +0 │ +0 │ +4 │ +0 │/);
    expect(shown.stdout).toContain('nothing left to read');

    // SIGTERM: the workers finish and leave nothing running behind them.
    const children = [...descendants(a.child.pid!), ...descendants(b.child.pid!)];
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    await until(() => children.every((pid) => !alive(pid)), 10_000, "the workers' processes to end");
  });

  it('a worker killed (SIGKILL) mid-page: the other takes its page over, nothing lost or doubled', async () => {
    redis = await startRedis();
    // A short claim so the take-over happens within the test: 2 s instead of 30.
    const lock = ['--concurrency', '1', '--lock-duration', '2'];
    const a = await startWorker(redis.url, 'a', lock);
    const out = path.join(tmp, 'kill');
    const add = await runCli(
      ['queue', 'add', inputs['sample-plan']!, inputs['plan-clean-300']!, '--redis', redis.url, '--out', out],
      {},
    );
    expect(add.code, add.stderr).toBe(0);
    // Mid-page: a's page process is reading (rendering, then OCR takes seconds).
    await until(async () => (await status(redis!.url)).pages.active === 1, 30_000, 'a page to be active');
    await new Promise((r) => setTimeout(r, 1500));
    const orphans = descendants(a.child.pid!);
    expect(orphans.length).toBeGreaterThan(0);
    a.child.kill('SIGKILL');
    await a.exited;
    // Its page process and the OCR's decoder processes go with it, not on reading for nobody.
    await until(() => orphans.every((pid) => !alive(pid)), 10_000, "the killed worker's processes to end");

    const b = await startWorker(redis.url, 'b', lock);
    const s = await drained(redis.url, 2);
    expect(s.documents).toMatchObject({ done: 2, failed: 0 });
    // Three pages, each counted once: the one a was reading was done by b, once.
    expect(s.pages).toMatchObject({ total: 3, done: 3, failed: 0 });
    expect(s.workers.find((w) => w.name === 'b')?.pages).toBe(3);
    expect(s.workers.find((w) => w.name === 'a')?.pages ?? 0).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['plan-clean-300', 'sample-plan']);
    expectSameAsDigitise(path.join(out, 'sample-plan'), referenceOf('sample-plan'));
    expectSameAsDigitise(path.join(out, 'plan-clean-300'), referenceOf('plan-clean-300'));
    expect(b.log()).not.toContain('failed');
  });

  it('Redis restarted mid-run: the workers reconnect and the run completes', async () => {
    redis = await startRedis({ persistent: true });
    const a = await startWorker(redis.url, 'a', ['--concurrency', '1']);
    const b = await startWorker(redis.url, 'b', ['--concurrency', '1']);
    const out = path.join(tmp, 'restart');
    const add = await runCli(
      [
        'queue',
        'add',
        inputs['sample-plan']!,
        inputs['image-only']!,
        inputs['plan-bacgiang-36']!,
        '--redis',
        redis.url,
        '--out',
        out,
      ],
      {},
    );
    expect(add.code, add.stderr).toBe(0);
    await until(async () => (await status(redis!.url)).pages.active >= 1, 30_000, 'pages to be read');
    await redis.kill();
    // Down for a moment, as a restarted service is; the workers keep their pages meanwhile.
    await new Promise((r) => setTimeout(r, 1500));
    await redis.restart();
    const s = await drained(redis.url, 3);
    expect(s.documents).toMatchObject({ done: 3, failed: 0 });
    expect(s.pages).toMatchObject({ total: 3, done: 3, failed: 0 });
    for (const name of ['sample-plan', 'image-only', 'plan-bacgiang-36']) {
      expectSameAsDigitise(path.join(out, name), referenceOf(name));
    }
    // They noticed, said so once, and are still running.
    expect(`${a.log()}${b.log()}`).toContain('Redis unreachable');
    expect(a.child.exitCode).toBeNull();
    expect(b.child.exitCode).toBeNull();
  });

  it('poison inputs fail alone with their reasons; retry-failed puts them back', async () => {
    redis = await startRedis();
    const out = path.join(tmp, 'poison');
    const vanishing = path.join(tmp, 'vanishing.png');
    copyFileSync(fixture('scans/plan-clean-300.png'), vanishing);
    const add = await runCli([
      'queue',
      'add',
      fixture('bad/truncated.png'),
      fixture('bad/pdf-huge-page.pdf'),
      vanishing,
      inputs['plan-bacgiang-36']!,
      '--redis',
      redis.url,
      '--out',
      out,
      '--backoff',
      '0.2',
    ]);
    expect(add.code, add.stderr).toBe(0);
    // Gone from the shared folder after it was queued: storage trouble, retried with backoff.
    rmSync(vanishing);
    const w = await startWorker(redis.url, 'w', ['--concurrency', '2']);
    const s = await drained(redis.url, 4);
    expect(s.documents).toMatchObject({ done: 1, failed: 3 });
    const failure = (source: string, kind: 'page' | 'document') =>
      s.failures.find((f) => f.source === source && f.kind === kind);
    // The file's own faults fail at once (another attempt would fail the same way) …
    expect(failure(fixture('bad/truncated.png'), 'document')).toMatchObject({
      attempts: 1,
      reason: expect.stringContaining('truncated'),
    });
    expect(failure(fixture('bad/pdf-huge-page.pdf'), 'page')).toMatchObject({
      page: 1,
      attempts: 1,
      reason: expect.stringContaining('too large to render'),
    });
    expect(failure(fixture('bad/pdf-huge-page.pdf'), 'document')?.reason).toBe('page 1 failed');
    // … a missing file is retried, then kept with its reason after its 3 attempts.
    expect(failure(vanishing, 'page')).toMatchObject({ attempts: 3, reason: 'no such file' });
    expect(w.log()).toContain(`failed ${vanishing} page 1: no such file; will retry (attempt 1/3)`);
    // The good input was done; the failed ones left no output.
    expect(readdirSync(out).sort()).toEqual(['plan-bacgiang-36']);
    expectSameAsDigitise(path.join(out, 'plan-bacgiang-36'), referenceOf('plan-bacgiang-36'));

    const shown = await runCli(['queue', 'status', '--redis', redis.url]);
    expect(shown.stdout).toContain(`${vanishing} page 1: no such file (after 3 attempts)`);

    // The file is back: retry-failed reads its page and writes it; the broken ones fail again.
    copyFileSync(fixture('scans/plan-clean-300.png'), vanishing);
    const retry = await runCli(['queue', 'retry-failed', '--redis', redis.url]);
    expect(retry.stdout).toBe('retrying 3 failed documents and 2 pages\n');
    const after = await drained(redis.url, 4);
    expect(after.documents, `${JSON.stringify(after.failures)}\n${w.log()}`).toMatchObject({
      done: 2,
      failed: 2,
    });
    expect(readdirSync(out).sort()).toEqual(['plan-bacgiang-36', 'vanishing']);
    expect(filesOf(path.join(out, 'vanishing'))).toEqual(
      filesOf(referenceOf('plan-clean-300')).map((f) => f.replace('plan-clean-300', 'vanishing')),
    );
  });

  it('status --watch reports again and again until stopped, and waits out Redis going away', async () => {
    redis = await startRedis();
    const child = spawn(
      process.execPath,
      [bin, 'queue', 'status', '--redis', redis.url, '--watch', '--interval', '0.3'],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    workers.push(child);
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d) => {
      out += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const reports = () => out.split('queue "sohoa" on').length - 1;
    await until(() => reports() >= 2, 15_000, 'two reports');
    await redis.kill();
    await until(() => out.includes('trying again'), 15_000, 'the outage to be reported');
    await redis.restart();
    const before = reports();
    await until(() => reports() > before, 15_000, 'a report after the restart');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('says in one line when Redis cannot be used, without hanging', async () => {
    const started = Date.now();
    const unreachable = await runCli(['queue', 'status', '--redis', 'redis://127.0.0.1:1']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toBe(
      'sohoa queue: cannot reach Redis at redis://127.0.0.1:1 (ECONNREFUSED)\n',
    );
    const worker = await runCli(['worker', '--redis', 'redis://127.0.0.1:1']);
    expect(worker.code).toBe(1);
    expect(worker.stderr).toBe('sohoa worker: cannot reach Redis at redis://127.0.0.1:1 (ECONNREFUSED)\n');
    expect(Date.now() - started).toBeLessThan(15_000);
    const bad = await runCli([
      'queue',
      'add',
      inputs['plan-bacgiang-36']!,
      '--redis',
      'localhost:6379',
      '--out',
      tmp,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'sohoa queue: --redis: not a Redis URL: "localhost:6379" (expected redis://host:port or rediss://host:port)\n',
    );
    const none = await runCli(['queue', 'add', inputs['plan-bacgiang-36']!, '--out', tmp]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--redis URL is required');
  });
});

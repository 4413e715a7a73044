import { existsSync } from 'node:fs';
import { availableParallelism, hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type Job, Worker } from 'bullmq';
import type { Redis, RedisOptions } from 'ioredis';
import { type Connection, connectRedis, describeError, QueueError } from './connection.js';
import type { DocumentJobData, DocumentResult, PageJobData, PageResult } from './jobs.js';
import { DEFAULT_QUEUE, PREFIX, queueNames } from './jobs.js';
import { statsKeys } from './stats.js';

export interface CreateWorkerOptions {
  /** A `redis://` URL (the first connection is bounded by `connectTimeoutMs`) or an ioredis connection. */
  connection: Connection;
  /** The queue's name (default `sohoa`): several collections can run on one Redis under different names. */
  queue?: string;
  /** Pages read at once: each in a process of its own (default: the number of cores). */
  concurrency?: number;
  /** Documents merged and exported at once, in processes of their own (default 1). */
  documentConcurrency?: number;
  /** This worker's name in `queueStatus` and on the jobs it takes (default `<host>:<pid>`). */
  name?: string;
  /**
   * How long a job stays claimed by a worker that stopped answering (killed, machine gone)
   * before another worker takes it over, in ms (default 30 000). The claim is renewed while the
   * page is read, so a long page is never taken over from a live worker.
   */
  lockDurationMs?: number;
  /** Give up on the first connection after this long (default 5000 ms); later outages are waited out. */
  connectTimeoutMs?: number;
  /** What happens, for a log or a progress view. */
  onEvent?: (event: WorkerEvent) => void;
}

export type WorkerEvent =
  | { type: 'page-done'; source: string; page: number; ms: number }
  | {
      type: 'page-failed';
      source: string;
      page: number;
      reason: string;
      attempt: number;
      attempts: number;
      /** No attempt left: the page is kept in the failed list with its reason. */
      final: boolean;
    }
  | { type: 'document-done'; source: string; dir: string; result: DocumentResult }
  | {
      type: 'document-failed';
      source: string;
      reason: string;
      attempt: number;
      attempts: number;
      final: boolean;
    }
  | { type: 'connection-error'; message: string };

export interface QueueWorker {
  /** The name jobs and `queueStatus` know this worker by. */
  readonly name: string;
  /**
   * Stop taking jobs and wait for the ones in progress, then disconnect. With `force`, stop at
   * once: the jobs in progress are taken over by other workers after `lockDurationMs`.
   */
  close(force?: boolean): Promise<void>;
}

/** The processors, built beside this module: `dist/queue-page.js`, `dist/queue-document.js`. */
function processor(name: string): URL {
  const url = new URL(`./${name}.js`, import.meta.url);
  if (!existsSync(fileURLToPath(url))) {
    throw new QueueError('not-built', `${fileURLToPath(url)} is missing: build the sohoa package first`);
  }
  return url;
}

/** What a sandboxed process needs to open its own connection: the connection's options. */
function connectionEnv(redis: Redis): string {
  const o = redis.options as RedisOptions;
  return JSON.stringify({
    host: o.host,
    port: o.port,
    ...(o.path ? { path: o.path } : {}),
    ...(o.username ? { username: o.username } : {}),
    ...(o.password ? { password: o.password } : {}),
    ...(o.db ? { db: o.db } : {}),
    ...(o.tls ? { tls: o.tls } : {}),
    ...(o.family ? { family: o.family } : {}),
  });
}

const HEARTBEAT_MS = 10_000;
/** Pages per minute are counted over this window. */
export const RATE_WINDOW_MS = 5 * 60_000;

/**
 * A worker for any machine that reaches Redis and the shared storage: it reads pages and
 * digitises documents of the queue until closed. Run as many as there are machines (and as
 * `concurrency` as there are cores): BullMQ hands each job to one of them, retries failures
 * with backoff, and gives the jobs of a worker that died to another.
 */
export async function createWorker(options: CreateWorkerOptions): Promise<QueueWorker> {
  const names = queueNames(options.queue ?? DEFAULT_QUEUE);
  const keys = statsKeys(names);
  const pageProcessor = processor('queue-page');
  const documentProcessor = processor('queue-document');
  const owned = typeof options.connection === 'string';
  const redis =
    typeof options.connection === 'string'
      ? await connectRedis(options.connection, {
          role: 'worker',
          ...(options.connectTimeoutMs ? { timeoutMs: options.connectTimeoutMs } : {}),
        })
      : options.connection;
  const name = options.name ?? `${hostname()}:${process.pid}`;
  const concurrency = Math.max(1, options.concurrency ?? availableParallelism());
  const lockDuration = options.lockDurationMs ?? 30_000;
  const emit = (event: WorkerEvent) => options.onEvent?.(event);
  const common = {
    connection: redis,
    prefix: PREFIX,
    name,
    lockDuration,
    // A dead worker's jobs are looked for as often as a claim can lapse.
    stalledInterval: lockDuration,
    // A job whose worker died twice (a page that kills machines) fails instead of circling.
    maxStalledCount: 2,
    workerForkOptions: {
      env: {
        ...process.env,
        SOHOA_QUEUE: JSON.stringify({ documents: names.documents }),
        SOHOA_QUEUE_REDIS: connectionEnv(redis),
      },
    },
  };
  const pages = new Worker<PageJobData, PageResult>(names.pages, pageProcessor, { ...common, concurrency });
  const documents = new Worker<DocumentJobData, DocumentResult>(names.documents, documentProcessor, {
    ...common,
    concurrency: Math.max(1, options.documentConcurrency ?? 1),
  });

  // Counters for `queueStatus`: best effort, never in the way of the jobs (a lost increment is
  // a slightly low figure, not a lost page).
  const count = (fn: (m: ReturnType<Redis['multi']>) => void) => {
    const m = redis.multi();
    fn(m);
    m.exec().catch(() => {});
  };
  pages.on('completed', (job: Job<PageJobData, PageResult>) => {
    const now = Date.now();
    count((m) =>
      m
        .hincrby(keys.collection(job.data.collection), 'pagesDone', 1)
        .hincrby(keys.worker(name), 'pages', 1)
        .zadd(keys.recent(name), now, job.id ?? `${now}`)
        .zremrangebyscore(keys.recent(name), 0, now - 2 * RATE_WINDOW_MS)
        .pexpire(keys.recent(name), 3 * RATE_WINDOW_MS),
    );
    emit({
      type: 'page-done',
      source: job.data.source,
      page: job.data.page,
      ms: (job.finishedOn ?? now) - (job.processedOn ?? now),
    });
  });
  documents.on('completed', (job: Job<DocumentJobData, DocumentResult>, result: DocumentResult) => {
    count((m) => {
      m.hincrby(keys.collection(job.data.collection), 'documentsDone', 1);
      // A scan whose pages were not counted when enqueued was read whole here: count them now.
      if (job.data.pages === 0 && result.pages > 0) {
        m.hincrby(keys.collection(job.data.collection), 'pages', result.pages);
        m.hincrby(keys.collection(job.data.collection), 'pagesDone', result.pages);
      }
    });
    emit({ type: 'document-done', source: job.data.source, dir: job.data.dir, result });
  });
  const failure = (job: Job | undefined, error: Error) => {
    const attempts = job?.opts.attempts ?? 1;
    const attempt = job?.attemptsMade ?? 1;
    const final = error.name === 'UnrecoverableError' || attempt >= attempts;
    return { reason: describeFailure(error.message), attempt, attempts, final };
  };
  pages.on('failed', (job: Job<PageJobData> | undefined, error: Error) => {
    if (!job) return;
    emit({ type: 'page-failed', source: job.data.source, page: job.data.page, ...failure(job, error) });
  });
  documents.on('failed', (job: Job<DocumentJobData> | undefined, error: Error) => {
    if (!job) return;
    emit({ type: 'document-failed', source: job.data.source, ...failure(job, error) });
  });
  // Redis going away is reported (BullMQ reconnects and carries on); without a listener an
  // 'error' event would end the process.
  const connectionError = (error: Error) => emit({ type: 'connection-error', message: describeError(error) });
  pages.on('error', connectionError);
  documents.on('error', connectionError);

  const started = Date.now();
  const heartbeat = () =>
    count((m) =>
      m
        .zadd(keys.workers, Date.now(), name)
        .hset(keys.worker(name), { host: hostname(), pid: process.pid, concurrency, started })
        .pexpire(keys.worker(name), 7 * 24 * 3600_000),
    );
  heartbeat();
  const timer = setInterval(heartbeat, HEARTBEAT_MS);
  timer.unref();

  let closing: Promise<void> | undefined;
  return {
    name,
    close(force = false) {
      if (closing && !force) return closing;
      closing = (async () => {
        clearInterval(timer);
        await Promise.all([pages.close(force), documents.close(force)]);
        // Kept in the status as stopped: the pages it read still count in the last minutes' rate.
        await redis
          .multi()
          .zadd(keys.workers, Date.now(), name)
          .hset(keys.worker(name), 'stopped', Date.now())
          .exec()
          .catch(() => {});
        if (owned) await redis.quit().catch(() => redis.disconnect());
      })();
      return closing;
    },
  };
}

/** BullMQ's "child bull:q:<id>-p3 failed" said as a reader wants it. */
export function describeFailure(reason: string): string {
  const child = /^child \S+-p(\d+) failed$/.exec(reason);
  return child ? `page ${child[1]} failed` : reason;
}

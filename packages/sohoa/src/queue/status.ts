import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  type Connection,
  connectRedis,
  describeError,
  isConnectionError,
  parseRedisUrl,
  QueueError,
} from './connection.js';
import { DEFAULT_QUEUE, type DocumentJobData, type PageJobData, queueNames, queueOptions } from './jobs.js';
import { statsKeys } from './stats.js';
import { describeFailure, RATE_WINDOW_MS } from './worker.js';

export interface StatusOptions {
  connection: Connection;
  queue?: string;
  /** Give up on connecting after this long (default 5000 ms). */
  connectTimeoutMs?: number;
  /** How many failed jobs to list, latest first (default 20). */
  failures?: number;
}

export interface StateCounts {
  /** Waiting for a worker (retries waiting out their backoff included). */
  waiting: number;
  active: number;
  /** Done: counted by the workers, so jobs removed from Redis once done still count. */
  done: number;
  /** Failed after their attempts, kept with their reason. */
  failed: number;
}

export interface CollectionStatus {
  name: string;
  /** When its first documents were enqueued (ms since the epoch). */
  created: number;
  documents: number;
  pages: number;
  documentsDone: number;
  pagesDone: number;
  documentsFailed: number;
  pagesFailed: number;
}

export interface WorkerStatus {
  name: string;
  host: string;
  pid: number;
  concurrency: number;
  /** `stopped` when closed; `gone` when not heard from for 30 s (killed, cut off from Redis). */
  state: 'working' | 'stopped' | 'gone';
  lastSeen: number;
  /** Pages it read since it started. */
  pages: number;
  /** Over the last 5 minutes (or since it started). */
  pagesPerMinute: number;
}

export interface Failure {
  kind: 'document' | 'page';
  id: string;
  source: string;
  page?: number;
  collection: string;
  reason: string;
  attempts: number;
  failedAt: number;
}

export interface QueueStatus {
  queue: string;
  at: number;
  /** Documents: waiting counts those whose pages are still being read. */
  documents: StateCounts & { total: number };
  pages: StateCounts & { total: number };
  collections: CollectionStatus[];
  /** Workers heard from in the last 5 minutes. */
  workers: WorkerStatus[];
  /** All workers together, over the last 5 minutes. */
  pagesPerMinute: number;
  /** Pages neither done nor failed. */
  remainingPages: number;
  /** At the current rate; absent when nothing is being read. */
  etaMs?: number;
  /** The latest failed jobs, with their reasons. */
  failures: Failure[];
}

const ALIVE_MS = 30_000;

async function open<T>(
  options: { connection: Connection; queue?: string; connectTimeoutMs?: number },
  run: (
    redis: Redis,
    names: ReturnType<typeof queueNames>,
    queues: { documents: Queue; pages: Queue },
  ) => Promise<T>,
): Promise<T> {
  const names = queueNames(options.queue ?? DEFAULT_QUEUE);
  const redis =
    typeof options.connection === 'string'
      ? await connectRedis(options.connection, {
          ...(options.connectTimeoutMs ? { timeoutMs: options.connectTimeoutMs } : {}),
        })
      : options.connection;
  const documents = new Queue<DocumentJobData>(names.documents, {
    connection: redis,
    ...queueOptions('documents'),
  });
  const pages = new Queue<PageJobData>(names.pages, { connection: redis, ...queueOptions('pages') });
  documents.on('error', () => {});
  pages.on('error', () => {});
  try {
    return await run(redis, names, { documents, pages });
  } catch (error) {
    if (isConnectionError(error)) {
      const where =
        typeof options.connection === 'string' ? ` at ${parseRedisUrl(options.connection).display}` : '';
      throw new QueueError('unreachable', `lost the connection to Redis${where} (${describeError(error)})`, {
        cause: error,
      });
    }
    throw error;
  } finally {
    await Promise.all([documents.close(), pages.close()]).catch(() => {});
    if (typeof options.connection === 'string') await redis.quit().catch(() => redis.disconnect());
  }
}

/** Every failed job of a queue, in batches (there may be many after a bad night). */
async function allFailed<T>(queue: Queue<T>): Promise<Awaited<ReturnType<Queue<T>['getFailed']>>> {
  const jobs: Awaited<ReturnType<Queue<T>['getFailed']>> = [];
  for (let start = 0; ; start += 1000) {
    const batch = await queue.getFailed(start, start + 999);
    jobs.push(...batch.filter(Boolean));
    if (batch.length < 1000) return jobs;
  }
}

/**
 * Where the queue stands: documents and pages waiting, being read, done and failed, per
 * collection and overall; the workers and their pages per minute; the time left at that rate;
 * and the latest failures with their reasons.
 */
export function queueStatus(options: StatusOptions): Promise<QueueStatus> {
  return open(options, async (redis, names, queues) => {
    const keys = statsKeys(names);
    const now = Date.now();
    const states = ['waiting', 'active', 'delayed', 'waiting-children', 'failed', 'prioritized'] as const;
    const [docCounts, pageCounts] = await Promise.all([
      queues.documents.getJobCounts(...states),
      queues.pages.getJobCounts(...states),
    ]);
    const [failedDocs, failedPages] = await Promise.all([
      allFailed(queues.documents),
      allFailed(queues.pages),
    ]);

    const collectionNames = await redis.zrange(keys.collections, 0, -1);
    const collections: CollectionStatus[] = [];
    for (const name of collectionNames) {
      const h = await redis.hgetall(keys.collection(name));
      collections.push({
        name,
        created: Number(h.created ?? 0),
        documents: Number(h.documents ?? 0),
        pages: Number(h.pages ?? 0),
        documentsDone: Number(h.documentsDone ?? 0),
        pagesDone: Number(h.pagesDone ?? 0),
        documentsFailed: failedDocs.filter((j) => j.data.collection === name).length,
        pagesFailed: failedPages.filter((j) => j.data.collection === name).length,
      });
    }

    // Workers gone for longer than a day are forgotten.
    await redis.zremrangebyscore(keys.workers, 0, now - 24 * 3600_000);
    const seen = await redis.zrangebyscore(keys.workers, now - RATE_WINDOW_MS, '+inf', 'WITHSCORES');
    const workers: WorkerStatus[] = [];
    for (let i = 0; i < seen.length; i += 2) {
      const name = seen[i]!;
      const lastSeen = Number(seen[i + 1]);
      const h = await redis.hgetall(keys.worker(name));
      const started = Number(h.started ?? now);
      // Over the window, or the worker's life when shorter (but not under a minute: noise).
      const window = Math.min(RATE_WINDOW_MS, Math.max(60_000, now - started));
      const recent = await redis.zcount(keys.recent(name), now - window, '+inf');
      workers.push({
        name,
        host: h.host ?? '',
        pid: Number(h.pid ?? 0),
        concurrency: Number(h.concurrency ?? 0),
        state: h.stopped ? 'stopped' : now - lastSeen < ALIVE_MS ? 'working' : 'gone',
        lastSeen,
        pages: Number(h.pages ?? 0),
        pagesPerMinute: (recent / window) * 60_000,
      });
    }
    workers.sort((a, b) => a.name.localeCompare(b.name));

    const sum = (f: (c: CollectionStatus) => number) => collections.reduce((s, c) => s + f(c), 0);
    const waiting = (c: Record<string, number>) => (c.waiting ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0);
    const documents = {
      total: sum((c) => c.documents),
      waiting: waiting(docCounts) + (docCounts['waiting-children'] ?? 0),
      active: docCounts.active ?? 0,
      done: sum((c) => c.documentsDone),
      failed: docCounts.failed ?? 0,
    };
    const pages = {
      total: sum((c) => c.pages),
      waiting: waiting(pageCounts),
      active: pageCounts.active ?? 0,
      done: sum((c) => c.pagesDone),
      failed: pageCounts.failed ?? 0,
    };
    const pagesPerMinute = workers.reduce((s, w) => s + w.pagesPerMinute, 0);
    const remainingPages = Math.max(0, pages.waiting + pages.active);
    const failures: Failure[] = [
      ...failedDocs.map((j) => ({
        kind: 'document' as const,
        id: j.id ?? '',
        source: j.data.source,
        collection: j.data.collection,
        reason: describeFailure(j.failedReason ?? ''),
        attempts: j.attemptsMade,
        failedAt: j.finishedOn ?? 0,
      })),
      ...failedPages.map((j) => ({
        kind: 'page' as const,
        id: j.id ?? '',
        source: j.data.source,
        page: j.data.page,
        collection: j.data.collection,
        reason: j.failedReason ?? '',
        attempts: j.attemptsMade,
        failedAt: j.finishedOn ?? 0,
      })),
    ]
      .sort((a, b) => b.failedAt - a.failedAt)
      .slice(0, options.failures ?? 20);
    return {
      queue: options.queue ?? DEFAULT_QUEUE,
      at: now,
      documents,
      pages,
      collections,
      workers,
      pagesPerMinute,
      remainingPages,
      ...(pagesPerMinute > 0 && remainingPages > 0
        ? { etaMs: (remainingPages / pagesPerMinute) * 60_000 }
        : {}),
      failures,
    };
  });
}

export interface RetryOptions {
  connection: Connection;
  queue?: string;
  connectTimeoutMs?: number;
}

/**
 * Put every failed job back in the queue with fresh attempts: pages first (back under their
 * documents), then documents, which wait for those pages and keep the ones read before.
 */
export function retryFailed(options: RetryOptions): Promise<{ documents: number; pages: number }> {
  return open(options, async (_redis, _names, queues) => {
    const again = { resetAttemptsMade: true, resetAttemptsStarted: true };
    let pages = 0;
    for (const job of await allFailed(queues.pages)) {
      await job.retry('failed', again);
      pages += 1;
    }
    let documents = 0;
    for (const job of await allFailed(queues.documents)) {
      await job.retry('failed', again);
      documents += 1;
    }
    return { documents, pages };
  });
}

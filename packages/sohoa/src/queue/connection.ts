import { Redis } from 'ioredis';

/** Why the queue could not be used, as a closed set callers can branch on (like `DigitiseError`). */
export type QueueErrorCode = 'bad-url' | 'unreachable' | 'not-built';

export class QueueError extends Error {
  readonly code: QueueErrorCode;

  constructor(code: QueueErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'QueueError';
    this.code = code;
  }
}

export function isQueueError(error: unknown): error is QueueError {
  return error instanceof QueueError;
}

/** Where the queue lives: a `redis://` or `rediss://` URL, or a connection of the caller's. */
export type Connection = string | Redis;

/**
 * The URL, checked, and how to name it in messages: without its password, which must not end up
 * in logs or terminals.
 */
export function parseRedisUrl(url: string): { url: string; display: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new QueueError('bad-url', `not a Redis URL: "${url}" (expected redis://host:port)`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new QueueError(
      'bad-url',
      `not a Redis URL: "${url}" (expected redis://host:port or rediss://host:port)`,
    );
  }
  if (!parsed.hostname) throw new QueueError('bad-url', `no host in the Redis URL "${url}"`);
  if (parsed.pathname && parsed.pathname !== '/' && !/^\/\d+$/.test(parsed.pathname)) {
    throw new QueueError(
      'bad-url',
      `the Redis URL's path must be a database number, got "${parsed.pathname}"`,
    );
  }
  const display = `${parsed.protocol}//${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${
    parsed.pathname && parsed.pathname !== '/' ? parsed.pathname : ''
  }`;
  return { url, display };
}

export interface ConnectOptions {
  /** Give up on the first connection after this long, in ms (default 5000). */
  timeoutMs?: number;
  /**
   * `worker`: once connected, wait through Redis outages for ever (BullMQ's workers need
   * `maxRetriesPerRequest: null`). `client` (default): a command fails when Redis is away, so
   * `queue add` and `queue status` report it instead of hanging.
   */
  role?: 'client' | 'worker';
}

/**
 * Connect to Redis and check it answers, within a time limit: a wrong host or a stopped server
 * is said in one line instead of a command that waits for ever.
 */
export async function connectRedis(url: string, options: ConnectOptions = {}): Promise<Redis> {
  const { display } = parseRedisUrl(url);
  const timeoutMs = options.timeoutMs ?? 5000;
  const worker = options.role === 'worker';
  let connected = false;
  let lastError: unknown;
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: worker ? null : 1,
    // A client's commands fail at once while the connection is down; a worker's wait for it.
    enableOfflineQueue: worker,
    // The first connection is tried once, so a wrong address is said at once; after it, outages
    // are retried (every 0.1 s, slowing to 2 s) — a worker waits them out.
    retryStrategy: (times) => (connected ? Math.min(times * 100, 2000) : null),
    // Dropping a connection that never opened waits this long for its socket (2 s by default):
    // the time a failed `queue status` would hang before saying so.
    disconnectTimeout: 200,
  });
  // Errors before the first connection are reported below; later ones by the commands (or the
  // BullMQ workers) that meet them. Without a listener ioredis would print each retry.
  redis.on('error', (error) => {
    lastError = error;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.connect().then(() => redis.ping()),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
      }),
    ]);
    connected = true;
  } catch (error) {
    redis.disconnect();
    throw new QueueError(
      'unreachable',
      `cannot reach Redis at ${display} (${describeError(lastError ?? error)})`,
      {
        cause: error,
      },
    );
  } finally {
    clearTimeout(timer);
  }
  return redis;
}

/** A connection error in a few words: the errno code when there is one. */
export function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code && /^E[A-Z]+$/.test(e.code)) return e.code;
  return (e?.message ?? String(error)).split('\n')[0]!;
}

/** An error of the connection rather than of a command: Redis stopped, the network dropped. */
export function isConnectionError(error: unknown): boolean {
  const e = error as NodeJS.ErrnoException | undefined;
  if (e?.name === 'MaxRetriesPerRequestError' || /max retries per request/i.test(e?.message ?? ''))
    return true;
  if (e?.code && /^E(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT|HOSTUNREACH|NETUNREACH|NOTFOUND)$/.test(e.code))
    return true;
  return /Connection is closed|Stream isn't writeable|connection closed/i.test(e?.message ?? '');
}

import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { createWorker, isQueueError, parseRedisUrl, type WorkerEvent } from 'sohoa/queue';
import { type Io, UsageError } from '../io.js';

export const workerHelp = `Usage: sohoa worker --redis URL [options]

Process the queue that "sohoa queue add" fills: read pages, then correct, structure and export
each document once its pages are read, writing the outputs where "queue add --out" said. Run one
on every machine that reaches Redis and the shared folders; each page is read in a process of its
own, so a page that crashes or runs away fails alone and is retried. Runs until Ctrl-C or SIGTERM,
then finishes the pages in progress (a second Ctrl-C stops at once: other workers take them over).

Options:
      --redis URL            redis://[user:password@]host:port[/db] (rediss:// for TLS)
  -c, --concurrency N        pages read at once, one process each (default: number of cores)
      --documents N          documents merged and exported at once (default 1)
      --name NAME            this worker's name in status (default host:pid)
      --queue NAME           the queue's name (default sohoa)
      --lock-duration S      a job of a worker that stops answering is taken over after S
                             seconds (default 30)
      --connect-timeout S    give up on reaching Redis at start after S seconds (default 5);
                             once running, the worker waits Redis outages out
  -q, --quiet                print failures only, not each document done
  -h, --help                 show this help`;

function positive(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isInteger(n) && n >= 1))
    throw new UsageError(`${flag} needs a positive whole number, got "${value}"`);
  return n;
}

function secondsMs(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isFinite(n) && n > 0))
    throw new UsageError(`${flag} needs a number of seconds, got "${value}"`);
  return Math.round(n * 1000);
}

export async function runWorker(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      redis: { type: 'string' },
      concurrency: { type: 'string', short: 'c' },
      documents: { type: 'string' },
      name: { type: 'string' },
      queue: { type: 'string' },
      'lock-duration': { type: 'string' },
      'connect-timeout': { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(`${workerHelp}\n`);
    return 0;
  }
  if (!values.redis) throw new UsageError('--redis URL is required (e.g. --redis redis://localhost:6379)');
  let where: string;
  try {
    where = parseRedisUrl(values.redis).display;
  } catch (error) {
    throw new UsageError(`--redis: ${(error as Error).message}`);
  }
  if (values.queue !== undefined && !/^[A-Za-z0-9_.-]+$/.test(values.queue))
    throw new UsageError(`--queue must be letters, digits, '.', '_' or '-', got "${values.queue}"`);
  const concurrency = positive(values.concurrency, '--concurrency') ?? availableParallelism();
  const documentConcurrency = positive(values.documents, '--documents');
  const lockDurationMs = secondsMs(values['lock-duration'], '--lock-duration');
  const connectTimeoutMs = secondsMs(values['connect-timeout'], '--connect-timeout');

  const log = (line: string) => io.stderr.write(`${line}\n`);
  // Redis away: BullMQ retries every few hundred ms; one line per outage is enough.
  let lastConnectionError = 0;
  const onEvent = (e: WorkerEvent) => {
    if (e.type === 'connection-error') {
      if (Date.now() - lastConnectionError > 10_000)
        log(`sohoa worker: Redis unreachable (${e.message}); waiting for it`);
      lastConnectionError = Date.now();
    } else if (e.type === 'page-failed') {
      const next = e.final ? 'kept as failed' : `will retry (attempt ${e.attempt}/${e.attempts})`;
      log(`failed ${e.source} page ${e.page}: ${e.reason}; ${next}`);
    } else if (e.type === 'document-failed') {
      const next = e.final ? 'kept as failed' : `will retry (attempt ${e.attempt}/${e.attempts})`;
      log(`failed ${e.source}: ${e.reason}; ${next}`);
    } else if (e.type === 'document-done' && !values.quiet) {
      log(`done ${e.source} → ${e.dir} (${e.result.pages} page${e.result.pages === 1 ? '' : 's'})`);
    }
  };
  let worker: Awaited<ReturnType<typeof createWorker>>;
  try {
    worker = await createWorker({
      connection: values.redis,
      concurrency,
      ...(documentConcurrency ? { documentConcurrency } : {}),
      ...(values.name ? { name: values.name } : {}),
      ...(values.queue ? { queue: values.queue } : {}),
      ...(lockDurationMs ? { lockDurationMs } : {}),
      ...(connectTimeoutMs ? { connectTimeoutMs } : {}),
      onEvent,
    });
  } catch (error) {
    if (isQueueError(error)) throw new Error(error.message);
    throw error;
  }
  log(
    `sohoa worker ${worker.name}: ${concurrency} page process${concurrency === 1 ? '' : 'es'} on ${where}, queue "${values.queue ?? 'sohoa'}"; Ctrl-C to stop`,
  );

  await new Promise<void>((resolve) => {
    let signals = 0;
    const stop = (signal: NodeJS.Signals) => {
      signals += 1;
      if (signals === 1) {
        log(`sohoa worker: ${signal}: finishing the jobs in progress (again to stop at once)`);
        worker.close().then(resolve, resolve);
      } else {
        log('sohoa worker: stopping now; other workers will take over its jobs');
        worker.close(true).then(resolve, resolve);
      }
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  log('sohoa worker: stopped');
  return 0;
}

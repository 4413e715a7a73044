import path from 'node:path';
import { parseArgs } from 'node:util';
import Table from 'cli-table3';
import {
  type DigitiseSettings,
  enqueue,
  isQueueError,
  parseRedisUrl,
  type QueueStatus,
  queueStatus,
  retryFailed,
} from 'sohoa/queue';
import { collectInputs } from '../collect-inputs.js';
import { type Io, UsageError } from '../io.js';
import { prepareOutputDir } from '../output-dir.js';
import { formatSeconds, ProgressBar } from '../progress.js';
import { parseFormats } from './digitise.js';
import { ocrModel } from './ocr.js';

export const queueHelp = `Usage: sohoa queue <add|status|retry-failed> --redis URL [options]

Digitise a collection across many machines: documents go into a queue on Redis (BullMQ), and
"sohoa worker" processes on any number of machines read their pages and write the outputs.
Inputs and --out must be paths every worker reaches (a shared folder), the same on each machine.

  sohoa queue add <files or folders...> --redis URL --out DIR [options]
      enqueue documents, one job per page and one per document; returns once they are queued
  sohoa queue status --redis URL [--watch]
      documents and pages waiting, active, done and failed; pages per minute; time left
  sohoa queue retry-failed --redis URL
      put the failed pages and documents back in the queue, with fresh attempts

Options:
      --redis URL          redis://[user:password@]host:port[/db] (rediss:// for TLS)
      --queue NAME         the queue's name, to run several on one Redis (default sohoa)
      --connect-timeout S  give up on reaching Redis after S seconds (default 5)
  -h, --help               show this help

add:
  -o, --out DIR            where the outputs go, one sub-folder per input as digitise makes them
  -f, --format LIST        comma-separated, default all: json,md,html,csv,ics,docx,hocr,alto,pdf,txt
      --collection NAME    what status groups these documents under (default: the --out folder's name)
      --attempts N         tries per page or document before it is kept as failed (default 3)
      --backoff S          wait before the first retry, doubled after each (default 10 s)
      --ocr-model M        best (default) or fast
      --lang-model FILE    a language model file (every worker must reach it)
  -t, --threshold X        apply corrections at least this confident, 0–1 (default 0.6)
      --tone-style S       keep (default), dominant, old or new
  -q, --quiet              no progress bar

status:
  -w, --watch              redraw every few seconds until Ctrl-C
      --interval S         seconds between redraws (default 2)
      --json               the status as JSON

Documents whose pages cannot be counted when added (a damaged file) are still queued: their
document job reads them whole and fails with the reason, which status shows.`;

const TONE_STYLES = ['keep', 'dominant', 'old', 'new'] as const;

const common = {
  redis: { type: 'string' },
  queue: { type: 'string' },
  'connect-timeout': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function seconds(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!(Number.isFinite(n) && n >= 0))
    throw new UsageError(`${flag} needs a number of seconds, got "${value}"`);
  return n;
}

/** The connection flags every queue command takes, checked before anything is done. */
function connection(values: { redis?: string; queue?: string; 'connect-timeout'?: string }) {
  if (!values.redis) throw new UsageError('--redis URL is required (e.g. --redis redis://localhost:6379)');
  try {
    parseRedisUrl(values.redis);
  } catch (error) {
    throw new UsageError(`--redis: ${(error as Error).message}`);
  }
  if (values.queue !== undefined && !/^[A-Za-z0-9_.-]+$/.test(values.queue))
    throw new UsageError(`--queue must be letters, digits, '.', '_' or '-', got "${values.queue}"`);
  return {
    connection: values.redis,
    ...(values.queue ? { queue: values.queue } : {}),
    connectTimeoutMs: seconds(values['connect-timeout'], '--connect-timeout', 5) * 1000,
  };
}

export async function runQueue(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout.write(`${queueHelp}\n`);
    return sub ? 0 : 2;
  }
  try {
    if (sub === 'add') return await runAdd(rest, io);
    if (sub === 'status') return await runStatus(rest, io);
    if (sub === 'retry-failed') return await runRetry(rest, io);
  } catch (error) {
    // Redis unreachable, lost mid-way: one line, exit 1 (main prints it).
    if (isQueueError(error)) throw new Error(error.message);
    throw error;
  }
  throw new UsageError(`unknown queue command "${sub}" (add, status or retry-failed)`);
}

async function runAdd(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...common,
      out: { type: 'string', short: 'o' },
      format: { type: 'string', short: 'f' },
      collection: { type: 'string' },
      attempts: { type: 'string' },
      backoff: { type: 'string' },
      'ocr-model': { type: 'string' },
      'lang-model': { type: 'string' },
      threshold: { type: 'string', short: 't' },
      'tone-style': { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(`${queueHelp}\n`);
    return 0;
  }
  const target = connection(values);
  if (positionals.length === 0) throw new UsageError('no inputs (see sohoa queue --help)');
  if (positionals.includes('-'))
    throw new UsageError('queue add takes files and folders, not standard input');
  if (!values.out) throw new UsageError('--out DIR is required: each input gets a folder of outputs there');
  const formats = parseFormats(values.format);
  const attempts = values.attempts === undefined ? 3 : Number(values.attempts);
  if (!(Number.isInteger(attempts) && attempts >= 1))
    throw new UsageError(`--attempts needs a positive whole number, got "${values.attempts}"`);
  const backoffMs = seconds(values.backoff, '--backoff', 10) * 1000;
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 1))
    throw new UsageError(`--threshold must be between 0 and 1, got "${values.threshold}"`);
  const toneStyle = values['tone-style'] as (typeof TONE_STYLES)[number] | undefined;
  if (toneStyle !== undefined && !TONE_STYLES.includes(toneStyle))
    throw new UsageError(`--tone-style must be ${TONE_STYLES.join(', ')}, got "${toneStyle}"`);
  const model = ocrModel(values['ocr-model']);
  const settings: DigitiseSettings = {
    ...(model ? { model } : {}),
    // Workers run elsewhere, in other folders: paths are made absolute here.
    ...(values['lang-model'] ? { languageModel: path.resolve(values['lang-model']) } : {}),
    ...(threshold !== undefined ? { threshold } : {}),
    ...(toneStyle ? { toneStyle } : {}),
  };

  await prepareOutputDir(values.out);
  const { inputs, missing } = await collectInputs(positionals);
  for (const file of missing) io.stderr.write(`sohoa: ${file}: no such file or folder\n`);
  const collection = values.collection ?? path.basename(path.resolve(values.out));
  const progress = new ProgressBar(io.stderr, inputs.length, Boolean(io.stderr.isTTY) && !values.quiet);
  let result: Awaited<ReturnType<typeof enqueue>>;
  try {
    result = await enqueue(
      inputs.map((input) => ({
        file: input.file,
        dir: path.join(values.out!, input.outDir),
        base: path.basename(input.outDir),
      })),
      {
        ...target,
        collection,
        formats,
        settings,
        attempts,
        backoffMs,
        onDocument: (doc) => {
          if (doc.pages) progress.addPages(doc.pages);
          if (doc.status === 'unreadable') progress.log(`sohoa: ${doc.file}: ${doc.reason}`);
          progress.fileDone();
        },
      },
    );
  } finally {
    progress.finish();
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const already = result.alreadyQueued ? `; ${plural(result.alreadyQueued, 'document')} already queued` : '';
  io.stdout.write(
    `enqueued ${plural(result.documents, 'document')} (${plural(result.pages, 'page job')}) in collection "${collection}"${already}\n`,
  );
  return missing.length + result.unreadable.length > 0 ? 1 : 0;
}

async function runStatus(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...common,
      watch: { type: 'boolean', short: 'w', default: false },
      interval: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(`${queueHelp}\n`);
    return 0;
  }
  const target = connection(values);
  const interval = Math.max(0.2, seconds(values.interval, '--interval', 2)) * 1000;
  const show = (status: QueueStatus) =>
    values.json
      ? `${JSON.stringify(status)}\n`
      : formatStatus(status, parseRedisUrl(target.connection).display);
  if (!values.watch) {
    io.stdout.write(show(await queueStatus(target)));
    return 0;
  }
  // Redrawn in place on a terminal; one report per interval when piped. Ctrl-C ends it.
  let stopped = false;
  let wake: (() => void) | undefined;
  const stop = () => {
    stopped = true;
    wake?.();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    while (!stopped) {
      let text: string;
      try {
        text = show(await queueStatus(target));
      } catch (error) {
        // Redis away for a moment (restarted): say so and keep watching.
        text = `sohoa queue status: ${(error as Error).message.split('\n')[0]}; trying again\n`;
      }
      io.stdout.write(io.stdout.isTTY && !values.json ? `\x1b[2J\x1b[H${text}` : text);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, interval);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  return 0;
}

async function runRetry(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args: argv, options: common });
  if (values.help) {
    io.stdout.write(`${queueHelp}\n`);
    return 0;
  }
  const { documents, pages } = await retryFailed(connection(values));
  io.stdout.write(
    `retrying ${documents} failed document${documents === 1 ? '' : 's'} and ${pages} page${pages === 1 ? '' : 's'}\n`,
  );
  return 0;
}

const rate = (n: number) => (n >= 10 ? n.toFixed(0) : n.toFixed(1));

/** The status as a person reads it: counts, collections, workers, failures. */
export function formatStatus(s: QueueStatus, where: string): string {
  const out: string[] = [];
  const counts = new Table({
    head: ['', 'total', 'waiting', 'active', 'done', 'failed'],
    style: { head: [], border: [] },
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right'],
  });
  counts.push([
    'documents',
    s.documents.total,
    s.documents.waiting,
    s.documents.active,
    s.documents.done,
    s.documents.failed,
  ]);
  counts.push(['pages', s.pages.total, s.pages.waiting, s.pages.active, s.pages.done, s.pages.failed]);
  out.push(
    `queue "${s.queue}" on ${where}, ${new Date(s.at).toISOString().replace('T', ' ').slice(0, 19)} UTC`,
  );
  out.push(counts.toString());
  const eta = s.etaMs !== undefined ? `, about ${formatSeconds(s.etaMs / 1000)} left` : '';
  const left = s.remainingPages ? `${s.remainingPages} pages to read${eta}` : 'nothing left to read';
  out.push(`${rate(s.pagesPerMinute)} pages/min over the last 5 minutes; ${left}`);
  if (s.collections.length > 1) {
    const table = new Table({
      head: ['collection', 'documents done', 'pages done', 'failed'],
      style: { head: [], border: [] },
      colAligns: ['left', 'right', 'right', 'right'],
    });
    for (const c of s.collections) {
      table.push([
        c.name,
        `${c.documentsDone}/${c.documents}`,
        `${c.pagesDone}/${c.pages}`,
        `${c.documentsFailed} doc., ${c.pagesFailed} p.`,
      ]);
    }
    out.push(table.toString());
  }
  if (s.workers.length > 0) {
    const table = new Table({
      head: ['worker', 'processes', 'pages', 'pages/min', 'state'],
      style: { head: [], border: [] },
      colAligns: ['left', 'right', 'right', 'right', 'left'],
    });
    for (const w of s.workers) {
      table.push([w.name, w.concurrency, w.pages, rate(w.pagesPerMinute), w.state]);
    }
    out.push(table.toString());
  } else {
    out.push('no worker heard from in the last 5 minutes (start one: sohoa worker --redis URL)');
  }
  if (s.failures.length > 0) {
    out.push(`failed (latest ${s.failures.length}; sohoa queue retry-failed puts them back):`);
    for (const f of s.failures) {
      const what = f.kind === 'page' ? `${f.source} page ${f.page}` : f.source;
      out.push(`  ${what}: ${f.reason} (after ${f.attempts} attempt${f.attempts === 1 ? '' : 's'})`);
    }
  }
  return `${out.join('\n')}\n`;
}

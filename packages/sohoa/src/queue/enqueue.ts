import { stat } from 'node:fs/promises';
import path from 'node:path';
import { createNodeOcr, isOcrInputError, type Ocr, readInputFile } from '@sohoa/ocr/node';
import { sniffInput } from '@sohoa/ocr/sniff';
import { type FlowJob, FlowProducer, Queue } from 'bullmq';
import { OUTPUT_FORMATS, type OutputFormat } from '../outputs.node.js';
import { type Connection, connectRedis, describeError, isConnectionError, QueueError } from './connection.js';
import {
  DEFAULT_QUEUE,
  type DigitiseSettings,
  type DocumentJobData,
  documentJobId,
  type PageJobData,
  PREFIX,
  pageJobId,
  queueNames,
  queueOptions,
} from './jobs.js';
import { statsKeys } from './stats.js';

export interface EnqueueDocument {
  /** The input: a path every worker reaches (a shared folder); made absolute here. */
  file: string;
  /** The folder its outputs go to (made absolute), as `sohoa digitise --out` would make it. */
  dir: string;
  /** The outputs' base name (default: the file's name without its extension). */
  base?: string;
  /** The input's name in the outputs and the manifest (default: `file` as given). */
  source?: string;
}

export interface EnqueueOptions {
  connection: Connection;
  /** The queue's name (default `sohoa`). */
  queue?: string;
  /** What `queueStatus` groups these documents under (default `default`). */
  collection?: string;
  /** Output formats (default: every one). */
  formats?: readonly OutputFormat[];
  settings?: DigitiseSettings;
  /** Tries per job before it is kept as failed (default 3). */
  attempts?: number;
  /** Wait before the first retry, in ms, doubled at each next one (default 10 000). */
  backoffMs?: number;
  /** Give up on connecting after this long (default 5000 ms). */
  connectTimeoutMs?: number;
  /** Called for each document as it is enqueued (or found already queued, or unreadable). */
  onDocument?: (document: EnqueuedDocument) => void;
}

export interface EnqueuedDocument {
  file: string;
  source: string;
  /** The document's job id; its pages are `<id>-p<n>`. */
  id?: string;
  /** Page jobs made for it (0: a text, or a scan its document job reads whole). */
  pages: number;
  status: 'queued' | 'already-queued' | 'unreadable';
  /** Why an unreadable input was left out. */
  reason?: string;
}

export interface EnqueueResult {
  collection: string;
  /** Documents and page jobs added by this call. */
  documents: number;
  pages: number;
  /** Documents that were in the queue already (same file, same outputs, same settings). */
  alreadyQueued: number;
  /** Inputs that could not be read at all (missing, permission denied): not enqueued. */
  unreadable: { file: string; reason: string }[];
}

/** Flows added per round trip. */
const CHUNK = 25;

/**
 * Enqueue documents: one BullMQ flow each — a `document` job whose children are its `page`
 * jobs — so the pages of a long document spread over every worker, and the document's job,
 * once they are read, runs correction, structure and the exports once. Returns once they are
 * in Redis. The files are read here only to count their pages (PDFs through pdf.js in a
 * decoder process); their bytes stay where they are.
 */
export async function enqueue(
  documents: readonly EnqueueDocument[],
  options: EnqueueOptions,
): Promise<EnqueueResult> {
  const names = queueNames(options.queue ?? DEFAULT_QUEUE);
  const keys = statsKeys(names);
  const collection = options.collection ?? 'default';
  const formats = [...(options.formats ?? OUTPUT_FORMATS)];
  const settings = options.settings ?? {};
  const attempts = Math.max(1, options.attempts ?? 3);
  const backoff = { type: 'exponential', delay: Math.max(0, options.backoffMs ?? 10_000) };
  const redis =
    typeof options.connection === 'string'
      ? await connectRedis(options.connection, {
          ...(options.connectTimeoutMs ? { timeoutMs: options.connectTimeoutMs } : {}),
        })
      : options.connection;
  const flows = new FlowProducer({ connection: redis, prefix: PREFIX });
  const documentsQueue = new Queue(names.documents, { connection: redis, ...queueOptions('documents') });
  const pagesQueue = new Queue(names.pages, { connection: redis, ...queueOptions('pages') });
  // Connection errors reach the calls that meet them; these only keep them from being unhandled.
  flows.on('error', () => {});
  documentsQueue.on('error', () => {});
  pagesQueue.on('error', () => {});
  let ocr: Ocr | undefined;
  const result: EnqueueResult = { collection, documents: 0, pages: 0, alreadyQueued: 0, unreadable: [] };
  let pending: { flow: FlowJob; pages: number; report: EnqueuedDocument }[] = [];

  const flush = async () => {
    if (pending.length === 0) return;
    await flows.addBulk(pending.map((p) => p.flow));
    const pages = pending.reduce((sum, p) => sum + p.pages, 0);
    await redis
      .multi()
      .zadd(keys.collections, 'NX', Date.now(), collection)
      .hsetnx(keys.collection(collection), 'created', Date.now())
      .hincrby(keys.collection(collection), 'documents', pending.length)
      .hincrby(keys.collection(collection), 'pages', pages)
      .exec();
    result.documents += pending.length;
    result.pages += pages;
    for (const p of pending) options.onDocument?.(p.report);
    pending = [];
  };

  try {
    for (const doc of documents) {
      const file = path.resolve(doc.file);
      const source = doc.source ?? doc.file;
      let bytes: Uint8Array;
      let info: { size: number; mtimeMs: number };
      try {
        bytes = await readInputFile(file);
        info = await stat(file);
      } catch (error) {
        const reason = isOcrInputError(error) ? error.message : (error as Error).message;
        result.unreadable.push({ file: doc.file, reason });
        options.onDocument?.({ file: doc.file, source, pages: 0, status: 'unreadable', reason });
        continue;
      }
      const data: DocumentJobData = {
        file,
        source,
        dir: path.resolve(doc.dir),
        base: doc.base ?? (path.basename(file).replace(/\.[^.]*$/, '') || 'document'),
        formats,
        pages: 0,
        collection,
        settings,
      };
      const id = documentJobId(data, info);
      if ((await documentsQueue.getJobState(id)) !== 'unknown') {
        result.alreadyQueued += 1;
        options.onDocument?.({ file: doc.file, source, id, pages: 0, status: 'already-queued' });
        continue;
      }
      if (sniffInput(bytes)) {
        ocr ??= createNodeOcr({ workers: 1 });
        data.pages = await countPages(ocr, source, bytes);
      }
      const retry = { attempts, backoff };
      const page = (n: number): FlowJob => ({
        name: 'page',
        queueName: names.pages,
        data: {
          file,
          source,
          page: n,
          collection,
          ...(settings.model ? { model: settings.model } : {}),
        } satisfies PageJobData,
        opts: {
          jobId: pageJobId(id, n),
          ...retry,
          // The page's result is kept by its document's job; a few are kept here to look at.
          removeOnComplete: { count: 100 },
          removeOnFail: false,
          // A page that fails its attempts fails its document, which keeps the pages read so far.
          failParentOnFailure: true,
        },
      });
      pending.push({
        flow: {
          name: 'document',
          queueName: names.documents,
          data,
          opts: { jobId: id, ...retry, removeOnComplete: { count: 10 }, removeOnFail: false },
          children: Array.from({ length: data.pages }, (_, i) => page(i + 1)),
        },
        pages: data.pages,
        report: { file: doc.file, source, id, pages: data.pages, status: 'queued' },
      });
      if (pending.length >= CHUNK) await flush();
    }
    await flush();
  } catch (error) {
    if (isConnectionError(error)) {
      throw new QueueError(
        'unreachable',
        `lost the connection to Redis while enqueueing (${describeError(error)}); ${result.documents} documents were enqueued before`,
        { cause: error },
      );
    }
    throw error;
  } finally {
    await ocr?.close();
    await flows.close().catch(() => {});
    await documentsQueue.close().catch(() => {});
    await pagesQueue.close().catch(() => {});
    if (typeof options.connection === 'string') await redis.quit().catch(() => redis.disconnect());
  }
  return result;
}

/**
 * The pages a scan or PDF has, as the workers' reader will see them (0 when it cannot be
 * opened: its document job then reads it whole, and fails there with the reason, after its
 * attempts, where `queue status` shows it).
 */
async function countPages(ocr: Ocr, source: string, bytes: Uint8Array): Promise<number> {
  let count = 0;
  try {
    await ocr.recognize({ source, bytes }, { pages: [], onPages: (_, n) => (count = n) });
    return count;
  } catch {
    return 0;
  }
}

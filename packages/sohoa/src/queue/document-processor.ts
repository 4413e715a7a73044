import { createHash } from 'node:crypto';
import { OcrPage } from '@sohoa/model';
import { readInputFile } from '@sohoa/ocr/node';
import { Job, Queue, type SandboxedJob, UnrecoverableError, WaitingChildrenError } from 'bullmq';
import { Redis } from 'ioredis';
import { createDigitiser, type Digitiser } from '../node.js';
import { writeOutputs } from '../outputs.node.js';
import {
  checkDocumentJob,
  type DigitiseSettings,
  type DocumentJobData,
  type DocumentResult,
  isPermanentFailure,
  queueOptions,
} from './jobs.js';
import { prepareSandboxedProcess } from './sandboxed.js';

/**
 * A document's job, once its pages are read (or at once for a text): the pages merged, then
 * correction, structure and every export written — what `sohoa digitise` does, with the OCR
 * already done. In a sandboxed process, like the pages: a document that crashes the parser or
 * an exporter fails alone.
 */

prepareSandboxedProcess();

/** One digitiser (language model loaded once) per settings, for the life of the process. */
const digitisers = new Map<string, Promise<Digitiser>>();
function digitiser(settings: DigitiseSettings): Promise<Digitiser> {
  const key = JSON.stringify(settings);
  let d = digitisers.get(key);
  if (!d) {
    d = createDigitiser({
      // Pages come from the page jobs; this engine only opens documents (for the searchable
      // PDF's page images) or reads a scan whose pages were not counted when enqueued.
      workers: 1,
      ...(settings.model ? { model: settings.model } : {}),
      ...(settings.languageModel ? { languageModel: settings.languageModel } : {}),
      ...(settings.threshold !== undefined ? { threshold: settings.threshold } : {}),
      ...(settings.toneStyle ? { toneStyle: settings.toneStyle } : {}),
    });
    // A language model that fails to load is not cached: the next job tries again.
    d.catch(() => digitisers.delete(key));
    digitisers.set(key, d);
  }
  return d;
}

/**
 * The documents' queue on a connection of this process's own (`createWorker` passes its
 * options): the pages' results are read from Redis here rather than through the sandbox's IPC,
 * whose replies time out after 5 s — too short for the pages of a long register.
 */
let queue: Queue | undefined;
function documentsQueue(): Queue | undefined {
  const names = process.env.SOHOA_QUEUE;
  const connection = process.env.SOHOA_QUEUE_REDIS;
  if (!names || !connection) return undefined;
  if (!queue) {
    const { documents } = JSON.parse(names) as { documents: string };
    const redis = new Redis({ ...JSON.parse(connection), maxRetriesPerRequest: null });
    redis.on('error', () => {}); // outages are waited out; the worker reports them
    queue = new Queue(documents, { connection: redis, ...queueOptions('documents') });
    queue.on('error', () => {});
  }
  return queue;
}

/** The page jobs' results, and how many of them are still to do or failed for good. */
async function children(job: SandboxedJob) {
  const documents = documentsQueue();
  // Without the worker's connection options (a processor run by hand), through the sandbox.
  const parent = documents ? await Job.fromId(documents, job.id!) : job;
  if (!parent) throw new Error(`the job ${job.id} is gone from the queue`);
  const [values, counts] = await Promise.all([
    parent.getChildrenValues(),
    parent.getDependenciesCount({ unprocessed: true, failed: true }),
  ]);
  return {
    values: values as Record<string, unknown>,
    unprocessed: counts.unprocessed ?? 0,
    failed: counts.failed ?? 0,
  };
}

/**
 * The pages the page jobs returned, by number: each checked to be a valid page, signed by the
 * job that was asked for it (`<document>-p<n>`) and numbered n. What fails a check is left out,
 * and read again here.
 */
function pagesOf(values: Record<string, unknown>): Map<number, OcrPage> {
  const pages = new Map<number, OcrPage>();
  for (const [key, value] of Object.entries(values)) {
    const id = key.slice(key.lastIndexOf(':') + 1);
    const n = Number(/-p(\d+)$/.exec(id)?.[1]);
    const parsed = OcrPage.safeParse(value);
    if (parsed.success && parsed.data.number === n && (value as { pageJob?: unknown }).pageJob === id) {
      pages.set(n, parsed.data);
    }
  }
  return pages;
}

const missingPages = (pages: Map<number, OcrPage>, count: number) =>
  Array.from({ length: count }, (_, i) => i + 1).filter((n) => !pages.has(n));

const plural = (pages: number[]) => `page${pages.length === 1 ? '' : 's'} ${pages.join(', ')}`;

export default async function processDocument(
  job: SandboxedJob<DocumentJobData, DocumentResult>,
  token?: string,
): Promise<DocumentResult> {
  try {
    const data = checkDocumentJob(job.data);
    let known: Map<number, OcrPage> | undefined;
    if (data.pages > 0) {
      let state = await children(job);
      known = pagesOf(state.values);
      if (missingPages(known, data.pages).length > 0) {
        if (state.failed > 0) {
          throw new Error(
            `${plural(missingPages(known, data.pages))} failed: see the failed pages (sohoa queue status)`,
          );
        }
        // Pages put back after a failure (`queue retry-failed`) are not done yet: wait for them.
        if (state.unprocessed > 0 && token && (await job.moveToWaitingChildren(token))) {
          throw new WaitingChildrenError();
        }
        state = await children(job);
        known = pagesOf(state.values);
        // What is still missing came back unusable: digitise reads those pages itself below.
      }
    }
    const bytes = await readInputFile(data.file);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const result = await (await digitiser(data.settings)).digitise(
      { source: data.source, bytes },
      known ? { knownPages: known } : {},
    );
    const files = await writeOutputs(result, {
      dir: data.dir,
      base: data.base,
      input: data.source,
      sha256,
      formats: data.formats,
    });
    return {
      pages: result.ocr?.pages.length ?? 0,
      files,
      tasks: result.plan.tasks.length,
      corrections: result.corrections.filter((c) => c.applied).length,
    };
  } catch (error) {
    if (isPermanentFailure(error)) throw new UnrecoverableError((error as Error).message);
    throw error;
  }
}

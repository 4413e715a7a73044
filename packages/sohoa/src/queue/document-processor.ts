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

/**
 * A document's job, once its pages are read (or at once for a text): the pages merged, then
 * correction, structure and every export written — what `sohoa digitise` does, with the OCR
 * already done. In a sandboxed process, like the pages: a document that crashes the parser or
 * an exporter fails alone.
 */

process.on('disconnect', () => process.exit(0));

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

async function childrenValues(job: SandboxedJob): Promise<Record<string, unknown>> {
  const documents = documentsQueue();
  if (!documents) return job.getChildrenValues();
  const parent = await Job.fromId(documents, job.id!);
  if (!parent) throw new Error(`the job ${job.id} is gone from the queue`);
  return parent.getChildrenValues();
}

/** The pages the page jobs returned, by number; whatever is not a valid page is left out. */
function pagesOf(values: Record<string, unknown>): Map<number, OcrPage> {
  const pages = new Map<number, OcrPage>();
  for (const value of Object.values(values)) {
    const parsed = OcrPage.safeParse(value);
    if (parsed.success) pages.set(parsed.data.number, parsed.data);
  }
  return pages;
}

const missingPages = (pages: Map<number, OcrPage>, count: number) =>
  Array.from({ length: count }, (_, i) => i + 1).filter((n) => !pages.has(n));

export default async function processDocument(
  job: SandboxedJob<DocumentJobData, DocumentResult>,
  token?: string,
): Promise<DocumentResult> {
  try {
    const data = checkDocumentJob(job.data);
    let known: Map<number, OcrPage> | undefined;
    if (data.pages > 0) {
      known = pagesOf(await childrenValues(job));
      if (missingPages(known, data.pages).length > 0) {
        // Pages retried after a failure (`queue retry-failed`) are not done yet: wait for them.
        if (token && (await job.moveToWaitingChildren(token))) throw new WaitingChildrenError();
        known = pagesOf(await childrenValues(job));
        const missing = missingPages(known, data.pages);
        if (missing.length > 0) {
          throw new Error(
            `page${missing.length === 1 ? '' : 's'} ${missing.join(', ')} failed: see the failed pages (sohoa queue status)`,
          );
        }
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

import { stat } from 'node:fs/promises';
import { createNodeOcr, type Ocr, type OcrModel, readInputFile } from '@sohoa/ocr/node';
import { type SandboxedJob, UnrecoverableError } from 'bullmq';
import { checkPageJob, isPermanentFailure, type PageJobData, type PageResult } from './jobs.js';
import { prepareSandboxedProcess } from './sandboxed.js';

/**
 * A page job, in a process of its own that BullMQ's sandbox starts and reuses: a page that
 * crashes the engine or exhausts memory takes this process down and fails that job, while the
 * worker carries on with a fresh process.
 */

prepareSandboxedProcess();

/** One engine per network, one OCR thread each: the worker's concurrency is its processes. */
const engines = new Map<OcrModel, Ocr>();
function engine(model: OcrModel = 'best'): Ocr {
  let ocr = engines.get(model);
  if (!ocr) {
    ocr = createNodeOcr({ workers: 1, model });
    engines.set(model, ocr);
  }
  return ocr;
}

/**
 * The last file read, kept: the pages of a document are queued one after another, so this
 * process usually reads several of them from one read of shared storage.
 */
let lastFile: { file: string; size: number; mtimeMs: number; bytes: Uint8Array } | undefined;
async function readShared(file: string): Promise<Uint8Array> {
  const info = await stat(file).catch(() => undefined);
  if (info && lastFile?.file === file && lastFile.size === info.size && lastFile.mtimeMs === info.mtimeMs) {
    return lastFile.bytes;
  }
  const bytes = await readInputFile(file);
  lastFile = info ? { file, size: info.size, mtimeMs: info.mtimeMs, bytes } : undefined;
  return bytes;
}

export default async function processPage(job: SandboxedJob<PageJobData, PageResult>): Promise<PageResult> {
  try {
    const data = checkPageJob(job.data);
    const bytes = await readShared(data.file);
    const doc = await engine(data.model).recognize({ source: data.source, bytes }, { pages: [data.page] });
    const page = doc.pages[0];
    if (!page) throw new Error(`page ${data.page} was not read`);
    // Signed with this job's id: the document's job takes a page only from the job it asked.
    return { ...page, pageJob: job.id! };
  } catch (error) {
    if (isPermanentFailure(error)) throw new UnrecoverableError((error as Error).message);
    throw error;
  }
}

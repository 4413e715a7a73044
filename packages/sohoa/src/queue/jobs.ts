import { createHash } from 'node:crypto';
import type { OcrPage } from '@sohoa/model';
import type { OcrModel } from '@sohoa/ocr/node';
import type { DigitiseOptions } from '../digitise.js';
import { isOutputFormat, type OutputFormat } from '../outputs.node.js';

/**
 * What travels through Redis: small JSON describing where the bytes are, never the bytes. Inputs
 * and outputs are paths every worker reaches (a shared folder); each page comes back as its
 * `OcrPage`, which the document's job merges.
 */

/** The queues of one named queue (`sohoa` by default): documents (the flows' parents) and pages. */
export interface QueueNames {
  documents: string;
  pages: string;
  /** Where sohoa keeps its own counters: collections, workers, recent pages. */
  stats: string;
}

export const DEFAULT_QUEUE = 'sohoa';
/** BullMQ's key prefix; a queue's keys are `bull:<queue>:…`. */
export const PREFIX = 'bull';

export function queueNames(name: string = DEFAULT_QUEUE): QueueNames {
  // BullMQ refuses ':' in queue names: it separates the parts of its keys.
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) {
    throw new TypeError(`a queue name is letters, digits, '.', '_' or '-', got "${name}"`);
  }
  return { documents: `${name}-documents`, pages: `${name}-pages`, stats: `${PREFIX}:${name}:sohoa` };
}

/**
 * Options for every BullMQ `Queue` made on these queues — the same everywhere, since each one
 * writes the queue's settings to Redis when it starts. BullMQ logs each job's end in an event
 * stream of 10 000 entries by default, a page's with its result (an `OcrPage`, about 45 KB):
 * hundreds of MB of Redis for a log nobody reads here. A short one is kept.
 */
export function queueOptions(kind: 'documents' | 'pages') {
  return { prefix: PREFIX, streams: { events: { maxLen: kind === 'pages' ? 100 : 1000 } } };
}

/** How documents are digitised, fixed when they are enqueued so every worker does the same. */
export interface DigitiseSettings {
  /** The OCR network: `best` (default) or `fast`. */
  model?: OcrModel;
  /** A language model file (on storage every worker reaches) instead of the bundled one. */
  languageModel?: string;
  threshold?: number;
  toneStyle?: DigitiseOptions['toneStyle'];
}

export interface DocumentJobData {
  /** The input's absolute path, as every worker reaches it. */
  file: string;
  /** The input as the user named it: the outputs' `source` and the manifest's `input`. */
  source: string;
  /** The absolute folder of this input's outputs, and their base name. */
  dir: string;
  base: string;
  formats: OutputFormat[];
  /**
   * Pages read by child jobs. 0: none — a text input, or a scan whose pages could not be
   * counted when it was enqueued, which the document's job then reads whole (and fails with
   * the reason, when the file is damaged).
   */
  pages: number;
  collection: string;
  settings: DigitiseSettings;
}

export interface PageJobData {
  file: string;
  source: string;
  /** 1-based. */
  page: number;
  collection: string;
  model?: OcrModel;
}

/**
 * What a page's job returns: the page as read (an `OcrPage`, which ignores the extra field) and
 * the id of the job that read it, checked by the document's job.
 */
export type PageResult = OcrPage & { pageJob: string };

/** What a document's job returns: a summary, the outputs are on storage. */
export interface DocumentResult {
  pages: number;
  files: string[];
  tasks: number;
  corrections: number;
}

/**
 * A document's job id: the same input (path, size, modification time) to the same outputs
 * with the same settings gets the same id, so enqueueing it again while it is queued adds
 * nothing. Pages are `<document id>-p<n>`.
 */
export function documentJobId(
  data: Pick<DocumentJobData, 'file' | 'dir' | 'formats' | 'settings'>,
  file: { size: number; mtimeMs: number },
): string {
  const key = JSON.stringify([data.file, data.dir, file.size, file.mtimeMs, data.formats, data.settings]);
  return `d${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
}

export const pageJobId = (documentId: string, page: number) => `${documentId}-p${page}`;

/** Job data comes back from Redis: checked before a worker acts on it. */
export function checkDocumentJob(data: unknown): DocumentJobData {
  const d = data as Partial<DocumentJobData> | undefined;
  const ok =
    typeof d?.file === 'string' &&
    typeof d.source === 'string' &&
    typeof d.dir === 'string' &&
    typeof d.base === 'string' &&
    typeof d.collection === 'string' &&
    Number.isInteger(d.pages) &&
    (d.pages as number) >= 0 &&
    Array.isArray(d.formats) &&
    d.formats.every((f) => typeof f === 'string' && isOutputFormat(f)) &&
    typeof d.settings === 'object' &&
    d.settings !== null;
  if (!ok) throw new TypeError('malformed document job: not enqueued by this version of sohoa');
  return d as DocumentJobData;
}

export function checkPageJob(data: unknown): PageJobData {
  const d = data as Partial<PageJobData> | undefined;
  const ok =
    typeof d?.file === 'string' &&
    typeof d.source === 'string' &&
    typeof d.collection === 'string' &&
    Number.isInteger(d.page) &&
    (d.page as number) >= 1 &&
    (d.model === undefined || d.model === 'best' || d.model === 'fast');
  if (!ok) throw new TypeError('malformed page job: not enqueued by this version of sohoa');
  return d as PageJobData;
}

/**
 * Failures that are the file's own (damaged, encrypted, not a document): another attempt would
 * fail the same way, so the job fails at once with its reason. Everything else — a crash, a
 * timeout on a busy machine, storage that did not answer — is retried with backoff.
 */
const PERMANENT = new Set([
  // @sohoa/ocr
  'empty-file',
  'unsupported-format',
  'corrupt',
  'encrypted-pdf',
  'empty-pdf',
  'too-large',
  'invalid-input',
  // the facade
  'not-text',
  'empty',
]);

export function isPermanentFailure(error: unknown): boolean {
  const e = error as { name?: string; code?: string } | undefined;
  if (e instanceof TypeError && e.message.startsWith('malformed ')) return true;
  return (e?.name === 'OcrInputError' || e?.name === 'DigitiseError') && PERMANENT.has(e.code ?? '');
}

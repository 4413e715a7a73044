/**
 * `sohoa/queue`: digitise a collection across many machines on Redis with BullMQ. Node only.
 *
 * - `enqueue(documents, { connection })`: one flow per document (a document job, a page job per page)
 * - `createWorker({ connection })`: reads pages and digitises documents until closed, on any machine
 * - `queueStatus({ connection })`: waiting, active, done and failed; pages per minute; time left
 * - `retryFailed({ connection })`: failed jobs back in the queue
 *
 * Inputs and outputs stay on storage every worker reaches; only small JSON goes through Redis.
 */
export {
  type Connection,
  type ConnectOptions,
  connectRedis,
  isQueueError,
  parseRedisUrl,
  QueueError,
  type QueueErrorCode,
} from './connection.js';
export {
  type EnqueueDocument,
  type EnqueuedDocument,
  type EnqueueOptions,
  type EnqueueResult,
  enqueue,
} from './enqueue.js';
export {
  DEFAULT_QUEUE,
  type DigitiseSettings,
  type DocumentJobData,
  type DocumentResult,
  type PageJobData,
  type QueueNames,
  queueNames,
} from './jobs.js';
export {
  type CollectionStatus,
  type Failure,
  type QueueStatus,
  queueStatus,
  type RetryOptions,
  retryFailed,
  type StateCounts,
  type StatusOptions,
  type WorkerStatus,
} from './status.js';
export { type CreateWorkerOptions, createWorker, type QueueWorker, type WorkerEvent } from './worker.js';

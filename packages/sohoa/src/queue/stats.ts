import type { QueueNames } from './jobs.js';

/**
 * sohoa's own counters beside BullMQ's queues. BullMQ removes completed jobs (their pages
 * would fill Redis), so what was done — per collection, per worker — is counted here.
 *
 * - `<stats>:collections`: a sorted set of collection names (score: when first enqueued)
 * - `<stats>:collection:<name>`: a hash — out, created, documents, pages, documentsDone, pagesDone
 * - `<stats>:workers`: a sorted set of worker names (score: last heartbeat)
 * - `<stats>:worker:<name>`: a hash — host, pid, concurrency, started, pages
 * - `<stats>:recent:<name>`: a sorted set of the pages a worker finished lately (score: when)
 */
export function statsKeys(names: QueueNames) {
  return {
    collections: `${names.stats}:collections`,
    collection: (name: string) => `${names.stats}:collection:${name}`,
    workers: `${names.stats}:workers`,
    worker: (name: string) => `${names.stats}:worker:${name}`,
    recent: (name: string) => `${names.stats}:recent:${name}`,
  };
}

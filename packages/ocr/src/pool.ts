export interface PoolOptions<W> {
  /** Number of workers; each runs one job at a time. */
  size: number;
  create: () => Promise<W>;
  destroy: (worker: W) => Promise<void>;
  /**
   * Replace a worker after it has run this many jobs. Tesseract's wasm heap only grows,
   * so long batches would otherwise keep the high-water mark of the worst page forever.
   */
  recycleAfter?: number;
}

interface Slot<W> {
  worker: Promise<W> | undefined;
  jobs: number;
  busy: boolean;
}

interface Waiting {
  resolve: (slot: number) => void;
}

/**
 * A fixed-size pool of lazily created workers shared by every page of every file.
 * Jobs queue in FIFO order; a worker whose job failed is discarded, since a crashed or
 * wedged wasm instance is not worth trusting with the next page.
 */
export class WorkerPool<W> {
  readonly size: number;
  readonly #options: PoolOptions<W>;
  readonly #slots: Slot<W>[];
  readonly #queue: Waiting[] = [];
  #closed = false;
  /** Workers created over the pool's life, for tests and reports. */
  created = 0;

  constructor(options: PoolOptions<W>) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new RangeError('pool size must be ≥ 1');
    this.size = options.size;
    this.#options = options;
    this.#slots = Array.from({ length: options.size }, () => ({ worker: undefined, jobs: 0, busy: false }));
  }

  async run<T>(job: (worker: W) => Promise<T>): Promise<T> {
    if (this.#closed) throw new Error('worker pool is closed');
    const index = await this.#acquire();
    const slot = this.#slots[index]!;
    let failed = false;
    try {
      if (!slot.worker) {
        this.created++;
        slot.worker = this.#options.create();
      }
      const worker = await slot.worker;
      return await job(worker);
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      slot.jobs++;
      const recycle = this.#options.recycleAfter;
      if (failed || (recycle !== undefined && slot.jobs >= recycle)) await this.#retire(slot);
      this.#release(index);
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((slot) => this.#retire(slot)));
  }

  async #retire(slot: Slot<W>): Promise<void> {
    const pending = slot.worker;
    slot.worker = undefined;
    slot.jobs = 0;
    if (!pending) return;
    try {
      await this.#options.destroy(await pending);
    } catch {
      // A worker that failed to start or to stop has nothing left to free.
    }
  }

  #acquire(): Promise<number> {
    const free = this.#slots.findIndex((s) => !s.busy);
    if (free >= 0) {
      this.#slots[free]!.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve) => this.#queue.push({ resolve }));
  }

  #release(index: number): void {
    const next = this.#queue.shift();
    if (next) next.resolve(index);
    else this.#slots[index]!.busy = false;
  }
}

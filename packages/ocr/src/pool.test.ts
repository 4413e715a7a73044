import { describe, expect, it } from 'vitest';
import { WorkerPool } from './pool.js';

function fakeWorkers() {
  let next = 0;
  const destroyed: number[] = [];
  return {
    destroyed,
    create: async () => ++next,
    destroy: async (w: number) => {
      destroyed.push(w);
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('WorkerPool', () => {
  it('never runs more jobs at once than workers, and one job per worker', async () => {
    const f = fakeWorkers();
    const pool = new WorkerPool({ size: 2, ...f });
    let running = 0;
    let peak = 0;
    const busy = new Set<number>();
    await Promise.all(
      Array.from({ length: 9 }, () =>
        pool.run(async (w) => {
          expect(busy.has(w)).toBe(false);
          busy.add(w);
          running++;
          peak = Math.max(peak, running);
          await tick();
          running--;
          busy.delete(w);
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(pool.created).toBe(2);
    await pool.close();
    expect(f.destroyed.sort()).toEqual([1, 2]);
  });

  it('recycles a worker after the configured number of jobs', async () => {
    const f = fakeWorkers();
    const pool = new WorkerPool({ size: 1, recycleAfter: 3, ...f });
    const seen: number[] = [];
    for (let i = 0; i < 7; i++) await pool.run(async (w) => seen.push(w));
    expect(seen).toEqual([1, 1, 1, 2, 2, 2, 3]);
    expect(f.destroyed).toEqual([1, 2]);
    await pool.close();
  });

  it('discards a worker whose job failed and keeps serving the queue', async () => {
    const f = fakeWorkers();
    const pool = new WorkerPool({ size: 1, ...f });
    await expect(
      pool.run(async () => {
        throw new Error('wasm abort');
      }),
    ).rejects.toThrow('wasm abort');
    expect(await pool.run(async (w) => w)).toBe(2);
    expect(f.destroyed).toEqual([1]);
    await pool.close();
  });

  it('refuses work after close', async () => {
    const pool = new WorkerPool({ size: 1, ...fakeWorkers() });
    await pool.close();
    await expect(pool.run(async () => 1)).rejects.toThrow(/closed/);
  });
});

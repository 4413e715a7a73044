import { describe, expect, it } from 'vitest';
import { HOLDOUT_BUCKETS, holdoutHash, isHeldOut } from './holdout.js';

describe('isHeldOut', () => {
  it('hashes ids with FNV-1a over UTF-8 then fmix32 (reproducible in any language)', () => {
    // FNV-1a 32 of "" is the offset basis 0x811c9dc5; fmix32 of it, computed by hand below.
    let h = 0x811c9dc5;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    expect(holdoutHash('')).toBe(h >>> 0);
    // "a": FNV-1a 32 is 0xe40c292c.
    let a = 0xe40c292c;
    a ^= a >>> 16;
    a = Math.imul(a, 0x85ebca6b);
    a ^= a >>> 13;
    a = Math.imul(a, 0xc2b2ae35);
    a ^= a >>> 16;
    expect(holdoutHash('a')).toBe(a >>> 0);
  });

  it('reads the id as UTF-8', () => {
    expect(holdoutHash('bộ_luật_dân_sự_2015')).not.toBe(holdoutHash('bo_luat_dan_su_2015'));
    expect(holdoutHash('bộ_luật')).toBe(holdoutHash('bộ_luật'));
  });

  it('holds out about one document in fifty, depending on the id alone', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `doc_${String(i).padStart(6, '0')}`);
    const held = ids.filter(isHeldOut);
    expect(held.length / ids.length).toBeGreaterThan(0.8 / HOLDOUT_BUCKETS);
    expect(held.length / ids.length).toBeLessThan(1.2 / HOLDOUT_BUCKETS);
    expect(ids.filter(isHeldOut)).toEqual(held);
    for (const id of held) expect(holdoutHash(id) % HOLDOUT_BUCKETS).toBe(0);
  });
});

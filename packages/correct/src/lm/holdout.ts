/**
 * The held-out split of the corpus: documents the language model never sees, for perplexity and
 * for the corrector's evaluation. A document is held out when a stable hash of its `id` falls in
 * one bucket of `HOLDOUT_BUCKETS`: the split depends on the id alone, so it does not move when
 * documents are added or removed, and any language can reproduce it:
 *
 *   h = FNV-1a 32-bit over the UTF-8 bytes of the id (offset 0x811c9dc5, prime 0x01000193)
 *   h = murmur3 fmix32(h)
 *   held out ⇔ h mod 50 = 0
 */

/** One document in this many is held out. */
export const HOLDOUT_BUCKETS = 50;

const encoder = new TextEncoder();

/** FNV-1a 32-bit over the UTF-8 bytes of `id`, finished with murmur3's fmix32 to mix the low bits. */
export function holdoutHash(id: string): number {
  const bytes = encoder.encode(id);
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Whether the corpus document `id` is held out of the language model (about 1 in 50). */
export function isHeldOut(id: string): boolean {
  return holdoutHash(id) % HOLDOUT_BUCKETS === 0;
}

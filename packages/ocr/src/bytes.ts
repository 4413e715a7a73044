/*
 * Integers read from untrusted bytes. A byte past the end reads as 0 (no exception): callers check
 * lengths themselves and must never throw on a damaged header.
 */

export function u16(b: Uint8Array, o: number, little = false): number {
  return little ? (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) : ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);
}

export function u32(b: Uint8Array, o: number, little = false): number {
  const [a, c, d, e] = [b[o] ?? 0, b[o + 1] ?? 0, b[o + 2] ?? 0, b[o + 3] ?? 0];
  return (little ? a | (c << 8) | (d << 16) | (e << 24) : (a << 24) | (c << 16) | (d << 8) | e) >>> 0;
}

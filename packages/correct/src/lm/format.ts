/**
 * The binary layout of the syllable language model, shared by the writer (builder) and the loader.
 * Little-endian throughout; every section starts on a 4-byte boundary so typed arrays can view the
 * file without copying.
 *
 * Header, 64 bytes:
 *
 *   0  magic "SOHOA-LM" (8 bytes)        32  u32 vocabBytes: length of the vocabulary blob
 *   8  u32 version (1)                   36  u32 childBytes: length of the bigram-children varints
 *  12  u32 flags (1 quantised, 2 u32 ids) 40  u32 total file length in bytes
 *  16  u32 order (3)                     44  reserved (zero) up to 64
 *  20  u32 vocabulary size V
 *  24  u32 bigram count B
 *  28  u32 trigram count T
 *
 * Sections, in order:
 *
 *   vocab        UTF-8 tokens joined by "\n", in id order
 *   kinds        u8[V]: 0 special, 1 syllable, 2 acronym, 3 word (LM_TOKEN_KINDS)
 *   counts       u32[V]: corpus count of each token (the attested-syllable inventory)
 *   uniProb      f32[V]: log10 P(w)
 *   uniBackoff   f32[V]: log10 backoff of w as a context
 *   uniChildren  u32[V+1]: bigrams with first word w are [uniChildren[w], uniChildren[w+1])
 *   biWord       u16[B] (u32 with flag 2): second word, sorted within each first word
 *   biProb       log10 P(w2 | w1)
 *   biBackoff    log10 backoff of (w1 w2) as a context
 *   biChildren   unsigned LEB128 varints, one per bigram: its number of trigrams (childBytes bytes)
 *   triWord      u16[T] (u32 with flag 2): third word, sorted within each bigram context
 *   triProb      log10 P(w3 | w1 w2)
 *
 * Bigram and trigram values are u16 codes with flag 1 (quantised: log10 value = −code / 2048),
 * f32 without.
 */

export const MAGIC = 'SOHOA-LM';
export const FORMAT_VERSION = 1;
export const HEADER_BYTES = 64;
export const FLAG_QUANTIZED = 1;
export const FLAG_WIDE_IDS = 2;
/** log10 probability of what can never be predicted (`<s>`). */
export const NEVER = -99;

export interface LmHeader {
  version: number;
  flags: number;
  order: number;
  vocabSize: number;
  bigrams: number;
  trigrams: number;
  vocabBytes: number;
  childBytes: number;
  totalBytes: number;
}

/** Byte offsets of each section. */
export interface LmLayout {
  vocab: number;
  kinds: number;
  counts: number;
  uniProb: number;
  uniBackoff: number;
  uniChildren: number;
  biWord: number;
  biProb: number;
  biBackoff: number;
  biChildren: number;
  triWord: number;
  triProb: number;
  end: number;
}

/** A model file that cannot be read: wrong magic, unknown version, truncated or inconsistent. */
export class LmFormatError extends Error {
  override name = 'LmFormatError';
}

const align4 = (n: number): number => (n + 3) & ~3;

export function layoutOf(h: Omit<LmHeader, 'totalBytes'>): LmLayout {
  const quantized = (h.flags & FLAG_QUANTIZED) !== 0;
  const idBytes = h.flags & FLAG_WIDE_IDS ? 4 : 2;
  const valueBytes = quantized ? 2 : 4;
  const V = h.vocabSize;
  const B = h.bigrams;
  const T = h.trigrams;
  let at = HEADER_BYTES;
  const take = (bytes: number): number => {
    const start = at;
    at = align4(at + bytes);
    return start;
  };
  const vocab = take(h.vocabBytes);
  const kinds = take(V);
  const counts = take(4 * V);
  const uniProb = take(4 * V);
  const uniBackoff = take(4 * V);
  const uniChildren = take(4 * (V + 1));
  const biWord = take(idBytes * B);
  const biProb = take(valueBytes * B);
  const biBackoff = take(valueBytes * B);
  const biChildren = take(h.childBytes);
  const triWord = take(idBytes * T);
  const triProb = take(valueBytes * T);
  return {
    vocab,
    kinds,
    counts,
    uniProb,
    uniBackoff,
    uniChildren,
    biWord,
    biProb,
    biBackoff,
    biChildren,
    triWord,
    triProb,
    end: at,
  };
}

export function writeHeader(view: DataView, h: LmHeader): void {
  for (let i = 0; i < MAGIC.length; i++) view.setUint8(i, MAGIC.charCodeAt(i));
  view.setUint32(8, h.version, true);
  view.setUint32(12, h.flags, true);
  view.setUint32(16, h.order, true);
  view.setUint32(20, h.vocabSize, true);
  view.setUint32(24, h.bigrams, true);
  view.setUint32(28, h.trigrams, true);
  view.setUint32(32, h.vocabBytes, true);
  view.setUint32(36, h.childBytes, true);
  view.setUint32(40, h.totalBytes, true);
}

export function readHeader(bytes: Uint8Array): LmHeader {
  if (bytes.length < HEADER_BYTES) {
    throw new LmFormatError(`Not a sohoa language model: ${bytes.length} bytes, shorter than the header.`);
  }
  for (let i = 0; i < MAGIC.length; i++) {
    if (bytes[i] !== MAGIC.charCodeAt(i)) {
      throw new LmFormatError(`Not a sohoa language model: the file does not start with "${MAGIC}".`);
    }
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h: LmHeader = {
    version: view.getUint32(8, true),
    flags: view.getUint32(12, true),
    order: view.getUint32(16, true),
    vocabSize: view.getUint32(20, true),
    bigrams: view.getUint32(24, true),
    trigrams: view.getUint32(28, true),
    vocabBytes: view.getUint32(32, true),
    childBytes: view.getUint32(36, true),
    totalBytes: view.getUint32(40, true),
  };
  if (h.version !== FORMAT_VERSION) {
    throw new LmFormatError(
      `Unsupported language model version ${h.version}: this loader reads version ${FORMAT_VERSION}. Rebuild the model with \`npm run build:lm\`.`,
    );
  }
  if (h.order !== 3) throw new LmFormatError(`Unsupported language model order ${h.order}: expected 3.`);
  if ((h.flags & ~(FLAG_QUANTIZED | FLAG_WIDE_IDS)) !== 0) {
    throw new LmFormatError(`Unknown language model flags 0x${h.flags.toString(16)}.`);
  }
  if (h.totalBytes !== bytes.length) {
    throw new LmFormatError(
      `Truncated or padded language model: the header says ${h.totalBytes} bytes, got ${bytes.length}.`,
    );
  }
  if (layoutOf(h).end !== h.totalBytes) {
    throw new LmFormatError(
      'Inconsistent language model: the section sizes do not add up to the file length.',
    );
  }
  return h;
}

/**
 * Loads the binary syllable language model (see `format.ts`) from bytes, in browsers and Node:
 * the tables are typed-array views over the file, so loading costs a vocabulary decode and one
 * pass over the bigram-children varints.
 */

import {
  FLAG_QUANTIZED,
  FLAG_WIDE_IDS,
  LmFormatError,
  type LmHeader,
  layoutOf,
  readHeader,
} from './format.js';
import { FIXED_POINT_SCALE } from './quantize.js';
import { formKind, LM_TOKEN_KINDS, type LmTokenKind, rawForm, SPECIAL_TOKENS } from './tokens.js';

/** A syllable trigram language model with its vocabulary and the corpus count of each token. */
export interface SyllableLm {
  /** Vocabulary size; ids run from 0 to size − 1. */
  readonly size: number;
  readonly bos: number;
  readonly eos: number;
  readonly unk: number;
  /** Stored n-grams of each order. */
  readonly bigrams: number;
  readonly trigrams: number;
  /** Whether bigram and trigram values are 16-bit fixed point (else float32). */
  readonly quantized: boolean;
  /**
   * The id of a model form (as `lmSentences` gives them: `hòa`, `UBND`, `<num>`): an absent
   * acronym gets `<acr>`'s id, anything else absent gets `unk`, as in the builder.
   */
  id(form: string): number;
  /** Whether the form is in the vocabulary. */
  has(form: string): boolean;
  /** The form of an id. */
  token(id: number): string;
  /** Corpus count of an id (training documents only): the attested-syllable inventory. */
  count(id: number): number;
  /** What the token is: a syllable of the inventory, an acronym, another word, or special. */
  kind(id: number): LmTokenKind;
  /**
   * log10 P(w3 | w1 w2), backing off as needed. w1 = -1 asks P(w3 | w2), w1 = w2 = -1 P(w3).
   * Ids outside the vocabulary count as `unk` (w3) or as no context (w1, w2).
   */
  logProb(w1: number, w2: number, w3: number): number;
  /** Whether the bigram w1 w2 is stored (was seen in the corpus and survived pruning). */
  hasBigram(w1: number, w2: number): boolean;
  /** The id of a raw token ("Hoà", "UBND", "2023", "36-NQ/TW") under the builder's rules. */
  classOf(raw: string): number;
  /** log10 probability of a sentence of model forms, with <s> before and </s> after. */
  sentenceLogProb(forms: readonly string[]): number;
}

function search(words: Uint16Array | Uint32Array, lo: number, hi: number, w: number): number {
  hi--;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = words[mid]!;
    if (v < w) lo = mid + 1;
    else if (v > w) hi = mid - 1;
    else return mid;
  }
  return -1;
}

class BinarySyllableLm implements SyllableLm {
  readonly size: number;
  readonly bos = 1;
  readonly eos = 2;
  readonly unk = 0;
  readonly bigrams: number;
  readonly trigrams: number;
  readonly quantized: boolean;
  private readonly acr = SPECIAL_TOKENS.indexOf('<acr>');
  private readonly tokens: string[];
  private readonly ids: Map<string, number>;
  private readonly kinds: Uint8Array;
  private readonly counts: Uint32Array;
  private readonly uniProb: Float32Array;
  private readonly uniBackoff: Float32Array;
  private readonly uniChildren: Uint32Array;
  private readonly biWord: Uint16Array | Uint32Array;
  private readonly biChildren: Uint32Array;
  private readonly triWord: Uint16Array | Uint32Array;
  // Quantised: codes, log10 value = −code / 2048; unquantised: float32 values.
  private readonly biProb: Uint16Array | Float32Array;
  private readonly biBackoff: Uint16Array | Float32Array;
  private readonly triProb: Uint16Array | Float32Array;
  /** −1/2048 when quantised, 1 otherwise: value = stored × scale. */
  private readonly scale: number;

  constructor(bytes: Uint8Array, h: LmHeader) {
    const buffer = bytes.buffer as ArrayBuffer;
    const base = bytes.byteOffset;
    const L = layoutOf(h);
    const V = h.vocabSize;
    const B = h.bigrams;
    const T = h.trigrams;
    this.size = V;
    this.bigrams = B;
    this.trigrams = T;
    this.quantized = (h.flags & FLAG_QUANTIZED) !== 0;
    const wide = (h.flags & FLAG_WIDE_IDS) !== 0;

    this.tokens = new TextDecoder('utf-8', { fatal: true })
      .decode(bytes.subarray(L.vocab, L.vocab + h.vocabBytes))
      .split('\n');
    if (this.tokens.length !== V) {
      throw new LmFormatError(
        `Inconsistent language model: ${this.tokens.length} vocabulary entries, expected ${V}.`,
      );
    }
    for (let i = 0; i < SPECIAL_TOKENS.length; i++) {
      if (this.tokens[i] !== SPECIAL_TOKENS[i]) {
        throw new LmFormatError(
          `Inconsistent language model: id ${i} is "${this.tokens[i]}", not "${SPECIAL_TOKENS[i]}".`,
        );
      }
    }
    this.ids = new Map();
    for (let i = 0; i < V; i++) this.ids.set(this.tokens[i]!, i);
    if (this.ids.size !== V)
      throw new LmFormatError('Inconsistent language model: duplicate vocabulary entries.');

    this.kinds = new Uint8Array(buffer, base + L.kinds, V);
    for (let i = 0; i < V; i++) {
      if (this.kinds[i]! >= LM_TOKEN_KINDS.length) throw new LmFormatError(`Unknown token kind at id ${i}.`);
    }
    this.counts = new Uint32Array(buffer, base + L.counts, V);
    this.uniProb = new Float32Array(buffer, base + L.uniProb, V);
    this.uniBackoff = new Float32Array(buffer, base + L.uniBackoff, V);
    this.uniChildren = new Uint32Array(buffer, base + L.uniChildren, V + 1);
    for (let w = 0; w < V; w++) {
      if (this.uniChildren[w]! > this.uniChildren[w + 1]!) {
        throw new LmFormatError('Inconsistent language model: unigram child ranges are not ascending.');
      }
    }
    if (this.uniChildren[0] !== 0 || this.uniChildren[V] !== B) {
      throw new LmFormatError('Inconsistent language model: unigram child ranges do not cover the bigrams.');
    }
    this.biWord = wide
      ? new Uint32Array(buffer, base + L.biWord, B)
      : new Uint16Array(buffer, base + L.biWord, B);
    this.triWord = wide
      ? new Uint32Array(buffer, base + L.triWord, T)
      : new Uint16Array(buffer, base + L.triWord, T);

    this.biChildren = new Uint32Array(B + 1);
    {
      let at = L.biChildren;
      const end = L.biChildren + h.childBytes;
      let total = 0;
      for (let j = 0; j < B; j++) {
        let n = 0;
        let shift = 0;
        let byte: number;
        do {
          if (at >= end)
            throw new LmFormatError('Inconsistent language model: bigram children are truncated.');
          byte = bytes[at++]!;
          n += (byte & 0x7f) * 2 ** shift;
          shift += 7;
        } while (byte & 0x80);
        total += n;
        this.biChildren[j + 1] = total;
      }
      if (at !== end || total !== T) {
        throw new LmFormatError('Inconsistent language model: bigram children do not cover the trigrams.');
      }
    }

    const Values = this.quantized ? Uint16Array : Float32Array;
    this.biProb = new Values(buffer, base + L.biProb, B);
    this.biBackoff = new Values(buffer, base + L.biBackoff, B);
    this.triProb = new Values(buffer, base + L.triProb, T);
    this.scale = this.quantized ? -1 / FIXED_POINT_SCALE : 1;
  }

  id(form: string): number {
    const id = this.ids.get(form);
    if (id !== undefined) return id;
    return formKind(form) === 'acronym' ? this.acr : this.unk;
  }

  has(form: string): boolean {
    return this.ids.has(form);
  }

  token(id: number): string {
    const t = this.tokens[id];
    if (t === undefined) throw new RangeError(`No token with id ${id}: the vocabulary has ${this.size}.`);
    return t;
  }

  count(id: number): number {
    return this.counts[id] ?? 0;
  }

  kind(id: number): LmTokenKind {
    return LM_TOKEN_KINDS[this.kinds[id] ?? 0]!;
  }

  logProb(w1: number, w2: number, w3: number): number {
    const size = this.size;
    if (!(w3 >= 0 && w3 < size)) w3 = 0;
    if (!(w2 >= 0 && w2 < size)) return this.uniProb[w3]!;
    let backoff = 0;
    if (w1 >= 0 && w1 < size) {
      const j = search(this.biWord, this.uniChildren[w1]!, this.uniChildren[w1 + 1]!, w2);
      if (j >= 0) {
        const k = search(this.triWord, this.biChildren[j]!, this.biChildren[j + 1]!, w3);
        if (k >= 0) return this.triProb[k]! * this.scale;
        backoff = this.biBackoff[j]! * this.scale;
      }
    }
    const j2 = search(this.biWord, this.uniChildren[w2]!, this.uniChildren[w2 + 1]!, w3);
    if (j2 >= 0) return backoff + this.biProb[j2]! * this.scale;
    return backoff + this.uniBackoff[w2]! + this.uniProb[w3]!;
  }

  hasBigram(w1: number, w2: number): boolean {
    if (!(w1 >= 0 && w1 < this.size && w2 >= 0 && w2 < this.size)) return false;
    return search(this.biWord, this.uniChildren[w1]!, this.uniChildren[w1 + 1]!, w2) >= 0;
  }

  classOf(raw: string): number {
    const direct = this.ids.get(raw);
    if (direct !== undefined) return direct;
    const form = rawForm(raw);
    return form === null ? this.unk : this.id(form);
  }

  sentenceLogProb(forms: readonly string[]): number {
    let w1 = -1;
    let w2 = this.bos;
    let total = 0;
    for (let i = 0; i <= forms.length; i++) {
      const w3 = i < forms.length ? this.id(forms[i]!) : this.eos;
      total += this.logProb(w1, w2, w3);
      w1 = w2;
      w2 = w3;
    }
    return total;
  }
}

/**
 * Reads a model from its bytes. The bytes are viewed, not copied, when they sit on a 4-byte
 * boundary; do not modify them afterwards. Throws `LmFormatError` on a bad file.
 */
export function loadSyllableLm(bytes: ArrayBuffer | Uint8Array): SyllableLm {
  let view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const h = readHeader(view);
  if (view.byteOffset % 4 !== 0) view = view.slice();
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
    throw new LmFormatError('The language model format needs a little-endian platform.');
  }
  return new BinarySyllableLm(view, h);
}

/** Fetches and loads a model (browsers, workers, Node 18+): pass the URL of the model file. */
export async function fetchSyllableLm(url: string | URL, init?: RequestInit): Promise<SyllableLm> {
  const response = await fetch(url, init);
  if (!response.ok)
    throw new Error(`Cannot fetch the language model from ${String(url)}: HTTP ${response.status}.`);
  return loadSyllableLm(await response.arrayBuffer());
}

/**
 * Builds the syllable trigram model: interpolated modified Kneser–Ney smoothing (Chen & Goodman
 * 1998, with KenLM's conventions), count pruning, 8-bit quantisation and the binary layout of
 * `format.ts`. Pure and deterministic: no I/O, no clocks, integer counting by sorting packed keys,
 * sums in a fixed order. `scripts/build-lm.mjs` feeds it the corpus.
 *
 * Counting: each n-gram is packed into one float64 key ((w1·V + w2)·V + w3, exact below 2^53),
 * keys are sorted and run-length counted. Lower orders take continuation counts: a bigram's
 * adjusted count is the number of distinct words seen before it (raw counts for bigrams starting
 * with <s>), a unigram's the number of distinct words seen before it.
 *
 * Storage: log10 values, bigram and trigram ones as 16-bit fixed point (see `quantize.ts`).
 *
 * Smoothing, for an n-gram hw with adjusted count a(hw) and context total T(h) = Σ_x a(hx):
 *
 *   p(w | h) = (a(hw) − D(a(hw))) / T(h) + γ(h) · p(w | h′)
 *   γ(h)     = (Σ_kept D(a(hx)) + Σ_pruned a(hx)) / T(h)
 *
 * with D = D1, D2, D3+ for counts 1, 2, ≥3, estimated per order from the counts of counts:
 * Y = n1/(n1 + 2n2), Dk = k − (k+1)·Y·n(k+1)/nk. Unigrams interpolate with the uniform
 * distribution over the vocabulary (without <s>, which is never predicted). Pruned n-grams give
 * their whole count to γ, so every context's distribution still sums to one.
 */

import { FLAG_QUANTIZED, FLAG_WIDE_IDS, FORMAT_VERSION, layoutOf, NEVER, writeHeader } from './format.js';
import { quantize } from './quantize.js';
import { formKind, LM_TOKEN_KINDS, lmSentences, SPECIAL_TOKENS } from './tokens.js';

export interface LmBuildOptions {
  /** A syllable enters the vocabulary with at least this many occurrences (else `<unk>`). Default 2. */
  minSyllableCount?: number;
  /** Acronyms and other words enter with at least this many (else `<acr>` / `<unk>`). Default 10. */
  minWordCount?: number;
  /** Bigrams are kept with an adjusted (continuation) count of at least this. Default 1: all. */
  minBigramCount?: number;
  /** Trigrams are kept with a count of at least this. Default 2. */
  minTrigramCount?: number;
  /** 16-bit fixed point for bigram and trigram values (default true); false stores float32. */
  quantize?: boolean;
  /** Fixed discounts [D1, D2, D3+] for orders 1, 2, 3 instead of the estimated ones (tests). */
  discounts?: readonly (readonly [number, number, number])[];
  /** Training sentences equal to a held-out sentence of at least this many tokens are skipped. Default 5. */
  excludeMinLength?: number;
  /**
   * …unless more than this many training documents have the sentence: then it is boilerplate
   * ("Căn cứ Luật Tổ chức Chính phủ …") that any model would know, not a copy of a held-out
   * document, and it is kept. Default 5.
   */
  excludeMaxDocuments?: number;
}

export interface LmBuildStats {
  documents: number;
  sentences: number;
  /** Training sentences skipped because a held-out document has them too. */
  excludedSentences: number;
  /** Training sentences that a held-out document has too, kept as boilerplate. */
  boilerplateSentences: number;
  /** Tokens counted, without <s> and </s>. */
  tokens: number;
  vocabSize: number;
  /** Vocabulary entries by kind. */
  kinds: Record<string, number>;
  bigrams: { distinct: number; kept: number };
  trigrams: { distinct: number; kept: number };
  /** [D1, D2, D3+] of orders 1, 2, 3. */
  discounts: [number, number, number][];
  bytes: number;
}

export interface LmBuildResult {
  bytes: Uint8Array;
  stats: LmBuildStats;
}

const SEPARATOR = 0xffffffff;
const BOS_ID = 1;
const EOS_ID = 2;
const UNK_ID = 0;
const ACR_ID = SPECIAL_TOKENS.indexOf('<acr>');
const FALLBACK_DISCOUNTS: [number, number, number] = [0.5, 1, 1.5];

function assertLittleEndian(): void {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
    throw new Error('The language model format needs a little-endian platform.');
  }
}

/** Modified Kneser–Ney discounts from counts of counts; null when the data cannot give them. */
export function estimateDiscounts(counts: ArrayLike<number>): [number, number, number] | null {
  let n1 = 0;
  let n2 = 0;
  let n3 = 0;
  let n4 = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    if (c === 1) n1++;
    else if (c === 2) n2++;
    else if (c === 3) n3++;
    else if (c === 4) n4++;
  }
  if (n1 === 0 || n2 === 0 || n3 === 0 || n4 === 0) return null;
  const y = n1 / (n1 + 2 * n2);
  const d: [number, number, number] = [1 - (2 * y * n2) / n1, 2 - (3 * y * n3) / n2, 3 - (4 * y * n4) / n3];
  for (let k = 0; k < 3; k++) if (!(d[k]! > 0 && d[k]! < k + 1)) return null;
  return d;
}

const discountOf = (d: readonly [number, number, number], c: number): number =>
  c === 0 ? 0 : c === 1 ? d[0] : c === 2 ? d[1] : d[2];

const log10 = (p: number): number => (p > 0 ? Math.log10(p) : NEVER);

/** Sorts packed keys and run-length counts them. */
function countKeys(keys: Float64Array): { keys: Float64Array; counts: Uint32Array } {
  keys.sort();
  let distinct = 0;
  for (let i = 0; i < keys.length; i++) if (i === 0 || keys[i] !== keys[i - 1]) distinct++;
  const outKeys = new Float64Array(distinct);
  const counts = new Uint32Array(distinct);
  let j = -1;
  for (let i = 0; i < keys.length; i++) {
    if (i === 0 || keys[i] !== keys[i - 1]) outKeys[++j] = keys[i]!;
    counts[j]!++;
  }
  return { keys: outKeys, counts };
}

/** Index of `key` in the ascending `keys`, or -1. */
function findKey(keys: Float64Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}

function varintLength(n: number): number {
  let len = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 0x80);
    len++;
  }
  return len;
}

/**
 * Collects sentences and builds the model. Call `exclude` with every held-out text first, then
 * `add` with every training text, then `build`.
 */
export class LmBuilder {
  private readonly minSyllableCount: number;
  private readonly minWordCount: number;
  private readonly minBigramCount: number;
  private readonly minTrigramCount: number;
  private readonly quantized: boolean;
  private readonly fixedDiscounts: readonly (readonly [number, number, number])[] | undefined;
  private readonly excludeMinLength: number;
  private readonly excludeMaxDocuments: number;

  private readonly interned = new Map<string, number>();
  private readonly forms: string[] = [];
  private formCounts = new Float64Array(1024);
  private stream = new Uint32Array(1 << 20);
  private length = 0;
  /** Held-out sentence → number of training documents that have it. */
  private readonly heldOut = new Map<string, number>();
  /** Training sentences found in held-out documents, decided in `build`. */
  private readonly pending: (readonly string[])[] = [];
  private documents = 0;
  private sentences = 0;
  private excludedSentences = 0;
  private built = false;

  constructor(options: LmBuildOptions = {}) {
    this.minSyllableCount = options.minSyllableCount ?? 2;
    this.minWordCount = options.minWordCount ?? 10;
    this.minBigramCount = options.minBigramCount ?? 1;
    this.minTrigramCount = options.minTrigramCount ?? 2;
    this.quantized = options.quantize ?? true;
    this.fixedDiscounts = options.discounts;
    this.excludeMinLength = options.excludeMinLength ?? 5;
    this.excludeMaxDocuments = options.excludeMaxDocuments ?? 5;
    for (const form of SPECIAL_TOKENS) this.internForm(form);
  }

  private internForm(form: string): number {
    let id = this.interned.get(form);
    if (id === undefined) {
      id = this.forms.length;
      this.interned.set(form, id);
      this.forms.push(form);
      if (id >= this.formCounts.length) {
        const grown = new Float64Array(this.formCounts.length * 2);
        grown.set(this.formCounts);
        this.formCounts = grown;
      }
    }
    return id;
  }

  /** Registers a held-out text: training sentences identical to its sentences are skipped. */
  exclude(text: string): void {
    this.excludeSentences(lmSentences(text));
  }

  /** Registers a held-out document already split into model tokens. */
  excludeSentences(sentences: readonly (readonly string[])[]): void {
    for (const sentence of sentences) {
      if (sentence.length >= this.excludeMinLength) this.heldOut.set(sentence.join(' '), 0);
    }
  }

  /** Adds a training text. */
  add(text: string): void {
    this.addSentences(lmSentences(text));
  }

  /** Adds a training document already split into model tokens (see `lmSentences`). */
  addSentences(sentences: readonly (readonly string[])[]): void {
    this.documents++;
    let seen: Set<string> | undefined;
    for (const sentence of sentences) {
      if (sentence.length === 0) continue;
      if (sentence.length >= this.excludeMinLength && this.heldOut.size > 0) {
        const key = sentence.join(' ');
        const documents = this.heldOut.get(key);
        if (documents !== undefined) {
          seen ??= new Set();
          if (!seen.has(key)) {
            seen.add(key);
            this.heldOut.set(key, documents + 1);
          }
          this.pending.push(sentence);
          continue;
        }
      }
      this.push(sentence);
    }
  }

  private push(sentence: readonly string[]): void {
    if (this.length + sentence.length + 1 > this.stream.length) {
      const grown = new Uint32Array(Math.max(this.stream.length * 2, this.length + sentence.length + 1));
      grown.set(this.stream.subarray(0, this.length));
      this.stream = grown;
    }
    for (const form of sentence) {
      const id = this.internForm(form);
      this.formCounts[id]!++;
      this.stream[this.length++] = id;
    }
    this.stream[this.length++] = SEPARATOR;
    this.sentences++;
  }

  build(): LmBuildResult {
    assertLittleEndian();
    if (this.built) throw new Error('LmBuilder.build() was already called: use a new builder.');
    this.built = true;
    let boilerplate = 0;
    for (const sentence of this.pending) {
      if (this.heldOut.get(sentence.join(' '))! > this.excludeMaxDocuments) {
        this.push(sentence);
        boilerplate++;
      } else this.excludedSentences++;
    }
    this.pending.length = 0;
    if (this.sentences === 0) throw new Error('Cannot build a language model from no sentences.');

    // Vocabulary: specials, then kept words by count (descending) and spelling.
    const forms = this.forms;
    const formCounts = this.formCounts;
    const special = SPECIAL_TOKENS.length;
    const keptForms: number[] = [];
    const tempKinds: number[] = [];
    for (let t = 0; t < forms.length; t++) {
      const kind = t < special ? 0 : LM_TOKEN_KINDS.indexOf(formKind(forms[t]!));
      tempKinds.push(kind);
      if (t < special) continue;
      const min = kind === 1 ? this.minSyllableCount : this.minWordCount;
      if (formCounts[t]! >= min) keptForms.push(t);
    }
    keptForms.sort((a, b) => {
      const d = formCounts[b]! - formCounts[a]!;
      if (d !== 0) return d;
      return forms[a]! < forms[b]! ? -1 : forms[a]! > forms[b]! ? 1 : 0;
    });
    const V = special + keptForms.length;
    // Trigram keys (w1·V + w2)·V + w3 must stay exact in a float64.
    if (V * V * V >= 2 ** 53) throw new Error(`Vocabulary too large for packed keys: ${V}.`);
    const vocab: string[] = SPECIAL_TOKENS.slice();
    const kinds = new Uint8Array(V);
    const tempToFinal = new Uint32Array(forms.length);
    for (let t = 0; t < special; t++) tempToFinal[t] = t;
    for (let t = special; t < forms.length; t++) tempToFinal[t] = tempKinds[t] === 2 ? ACR_ID : UNK_ID;
    keptForms.forEach((t, i) => {
      tempToFinal[t] = special + i;
      vocab.push(forms[t]!);
      kinds[special + i] = tempKinds[t]!;
    });
    const counts = new Float64Array(V);
    for (let t = 0; t < forms.length; t++) counts[tempToFinal[t]!]! += formCounts[t]!;
    counts[BOS_ID] = this.sentences;
    counts[EOS_ID] = this.sentences;

    // Trigram keys of every sentence <s> w1 … wn </s>, and the keys of the bigrams <s> w1.
    const stream = this.stream;
    const tokens = this.length - this.sentences;
    const triKeysAll = new Float64Array(tokens);
    const startKeysAll = new Float64Array(this.sentences);
    {
      let t = 0;
      let s = 0;
      let a = -1;
      let b = -1;
      for (let i = 0; i < this.length; i++) {
        const raw = stream[i]!;
        if (raw === SEPARATOR) {
          triKeysAll[t++] = (a * V + b) * V + EOS_ID;
          a = -1;
          b = -1;
          continue;
        }
        const c = tempToFinal[raw]!;
        if (b === -1) {
          startKeysAll[s++] = BOS_ID * V + c;
          a = BOS_ID;
          b = c;
          continue;
        }
        triKeysAll[t++] = (a * V + b) * V + c;
        a = b;
        b = c;
      }
    }
    const tri = countKeys(triKeysAll);
    const nT = tri.keys.length;
    const tri1 = new Uint32Array(nT);
    const tri2 = new Uint32Array(nT);
    const tri3 = new Uint32Array(nT);
    const V2 = V * V;
    for (let i = 0; i < nT; i++) {
      const key = tri.keys[i]!;
      const w1 = Math.floor(key / V2);
      const rest = key - w1 * V2;
      const w2 = Math.floor(rest / V);
      tri1[i] = w1;
      tri2[i] = w2;
      tri3[i] = rest - w2 * V;
    }

    // Bigrams: continuation counts from the distinct trigrams, raw counts after <s>.
    const suffixKeys = new Float64Array(nT);
    for (let i = 0; i < nT; i++) suffixKeys[i] = tri2[i]! * V + tri3[i]!;
    const cont = countKeys(suffixKeys);
    const starts = countKeys(startKeysAll);
    const nB = cont.keys.length + starts.keys.length;
    const biKey = new Float64Array(nB);
    const biAdj = new Uint32Array(nB);
    {
      let i = 0;
      let j = 0;
      for (let k = 0; k < nB; k++) {
        if (j >= starts.keys.length || (i < cont.keys.length && cont.keys[i]! < starts.keys[j]!)) {
          biKey[k] = cont.keys[i]!;
          biAdj[k] = cont.counts[i++]!;
        } else {
          biKey[k] = starts.keys[j]!;
          biAdj[k] = starts.counts[j++]!;
        }
      }
    }
    const bi1 = new Uint32Array(nB);
    const bi2 = new Uint32Array(nB);
    for (let j = 0; j < nB; j++) {
      const w1 = Math.floor(biKey[j]! / V);
      bi1[j] = w1;
      bi2[j] = biKey[j]! - w1 * V;
    }

    // Unigram continuation counts.
    const adj1 = new Float64Array(V);
    for (let j = 0; j < nB; j++) adj1[bi2[j]!]!++;

    const d1 = this.fixedDiscounts?.[0] ?? estimateDiscounts(adj1) ?? FALLBACK_DISCOUNTS;
    const d2 = this.fixedDiscounts?.[1] ?? estimateDiscounts(biAdj) ?? FALLBACK_DISCOUNTS;
    const d3 = this.fixedDiscounts?.[2] ?? estimateDiscounts(tri.counts) ?? FALLBACK_DISCOUNTS;

    // Unigrams, interpolated with the uniform distribution over V − 1 words (all but <s>).
    const uniP = new Float64Array(V);
    {
      let total = 0;
      let discounted = 0;
      for (let w = 0; w < V; w++) {
        if (w === BOS_ID) continue;
        total += adj1[w]!;
        discounted += discountOf(d1, adj1[w]!);
      }
      const floor = discounted / total / (V - 1);
      for (let w = 0; w < V; w++) {
        uniP[w] = w === BOS_ID ? 0 : (adj1[w]! - discountOf(d1, adj1[w]!)) / total + floor;
      }
    }

    // Pruning: trigrams by count; bigrams by adjusted count, or as the context of a kept trigram.
    const keepTri = new Uint8Array(nT);
    const triContext = new Uint32Array(nT);
    const keepBi = new Uint8Array(nB);
    for (let j = 0; j < nB; j++) keepBi[j] = biAdj[j]! >= this.minBigramCount ? 1 : 0;
    {
      let j = 0;
      for (let i = 0; i < nT; i++) {
        const key = tri1[i]! * V + tri2[i]!;
        while (biKey[j]! < key) j++;
        if (biKey[j] !== key)
          throw new Error('Internal error: a trigram context is missing from the bigrams.');
        triContext[i] = j;
        if (tri.counts[i]! >= this.minTrigramCount) {
          keepTri[i] = 1;
          keepBi[j] = 1;
        }
      }
    }

    // Bigram probabilities (as the stored model will give them, pruned or not) and unigram backoffs.
    const biP = new Float64Array(nB);
    const uniGamma = new Float64Array(V).fill(1);
    for (let start = 0; start < nB; ) {
      const w1 = bi1[start]!;
      let end = start;
      let total = 0;
      let mass = 0;
      while (end < nB && bi1[end] === w1) {
        const c = biAdj[end]!;
        total += c;
        mass += keepBi[end] ? discountOf(d2, c) : c;
        end++;
      }
      const gamma = mass / total;
      uniGamma[w1] = gamma;
      for (let j = start; j < end; j++) {
        const lower = gamma * uniP[bi2[j]!]!;
        biP[j] = keepBi[j] ? (biAdj[j]! - discountOf(d2, biAdj[j]!)) / total + lower : lower;
      }
      start = end;
    }

    // Trigram probabilities and bigram backoffs.
    const triP = new Float64Array(nT);
    const biGamma = new Float64Array(nB).fill(1);
    for (let start = 0; start < nT; ) {
      const context = triContext[start]!;
      let end = start;
      let total = 0;
      let mass = 0;
      while (end < nT && triContext[end] === context) {
        const c = tri.counts[end]!;
        total += c;
        mass += keepTri[end] ? discountOf(d3, c) : c;
        end++;
      }
      const gamma = mass / total;
      biGamma[context] = gamma;
      for (let i = start; i < end; i++) {
        if (!keepTri[i]) continue;
        const suffix = findKey(biKey, tri2[i]! * V + tri3[i]!);
        if (suffix < 0) throw new Error('Internal error: a trigram suffix is missing from the bigrams.');
        triP[i] = (tri.counts[i]! - discountOf(d3, tri.counts[i]!)) / total + gamma * biP[suffix]!;
      }
      start = end;
    }

    // Kept entries, in trie order.
    let keptB = 0;
    for (let j = 0; j < nB; j++) keptB += keepBi[j]!;
    let keptT = 0;
    for (let i = 0; i < nT; i++) keptT += keepTri[i]!;
    const uniChildren = new Uint32Array(V + 1);
    const biWord = new Uint32Array(keptB);
    const biLogP = new Float64Array(keptB);
    const biLogBackoff = new Float64Array(keptB);
    const biChildCount = new Uint32Array(keptB);
    const newIndex = new Int32Array(nB).fill(-1);
    {
      let k = 0;
      for (let j = 0; j < nB; j++) {
        if (!keepBi[j]) continue;
        newIndex[j] = k;
        uniChildren[bi1[j]! + 1]!++;
        biWord[k] = bi2[j]!;
        biLogP[k] = log10(biP[j]!);
        biLogBackoff[k] = log10(biGamma[j]!);
        k++;
      }
      for (let w = 0; w < V; w++) uniChildren[w + 1]! += uniChildren[w]!;
    }
    const triWord = new Uint32Array(keptT);
    const triLogP = new Float64Array(keptT);
    {
      let k = 0;
      for (let i = 0; i < nT; i++) {
        if (!keepTri[i]) continue;
        biChildCount[newIndex[triContext[i]!]!]!++;
        triWord[k] = tri3[i]!;
        triLogP[k] = log10(triP[i]!);
        k++;
      }
    }

    // Serialise.
    const wide = V > 0xffff;
    const flags = (this.quantized ? FLAG_QUANTIZED : 0) | (wide ? FLAG_WIDE_IDS : 0);
    const vocabBlob = new TextEncoder().encode(vocab.join('\n'));
    let childBytes = 0;
    for (let k = 0; k < keptB; k++) childBytes += varintLength(biChildCount[k]!);
    const header = {
      version: FORMAT_VERSION,
      flags,
      order: 3,
      vocabSize: V,
      bigrams: keptB,
      trigrams: keptT,
      vocabBytes: vocabBlob.length,
      childBytes,
    };
    const layout = layoutOf(header);
    const buffer = new ArrayBuffer(layout.end);
    const bytes = new Uint8Array(buffer);
    writeHeader(new DataView(buffer), { ...header, totalBytes: layout.end });
    bytes.set(vocabBlob, layout.vocab);
    bytes.set(kinds, layout.kinds);
    new Uint32Array(buffer, layout.counts, V).set(counts);
    const uniLogP = new Float32Array(buffer, layout.uniProb, V);
    const uniLogBackoff = new Float32Array(buffer, layout.uniBackoff, V);
    for (let w = 0; w < V; w++) {
      uniLogP[w] = log10(uniP[w]!);
      uniLogBackoff[w] = log10(uniGamma[w]!);
    }
    new Uint32Array(buffer, layout.uniChildren, V + 1).set(uniChildren);
    (wide
      ? new Uint32Array(buffer, layout.biWord, keptB)
      : new Uint16Array(buffer, layout.biWord, keptB)
    ).set(biWord);
    (wide
      ? new Uint32Array(buffer, layout.triWord, keptT)
      : new Uint16Array(buffer, layout.triWord, keptT)
    ).set(triWord);
    {
      let at = layout.biChildren;
      for (let k = 0; k < keptB; k++) {
        let n = biChildCount[k]!;
        while (n >= 0x80) {
          bytes[at++] = (n & 0x7f) | 0x80;
          n >>>= 7;
        }
        bytes[at++] = n;
      }
    }
    if (this.quantized) {
      new Uint16Array(buffer, layout.biProb, keptB).set(quantize(biLogP));
      new Uint16Array(buffer, layout.biBackoff, keptB).set(quantize(biLogBackoff));
      new Uint16Array(buffer, layout.triProb, keptT).set(quantize(triLogP));
    } else {
      new Float32Array(buffer, layout.biProb, keptB).set(biLogP);
      new Float32Array(buffer, layout.biBackoff, keptB).set(biLogBackoff);
      new Float32Array(buffer, layout.triProb, keptT).set(triLogP);
    }

    const kindCounts: Record<string, number> = {};
    for (let w = 0; w < V; w++) {
      const name = LM_TOKEN_KINDS[kinds[w]!]!;
      kindCounts[name] = (kindCounts[name] ?? 0) + 1;
    }
    return {
      bytes,
      stats: {
        documents: this.documents,
        sentences: this.sentences,
        excludedSentences: this.excludedSentences,
        boilerplateSentences: boilerplate,
        tokens,
        vocabSize: V,
        kinds: kindCounts,
        bigrams: { distinct: nB, kept: keptB },
        trigrams: { distinct: nT, kept: keptT },
        discounts: [[...d1], [...d2], [...d3]],
        bytes: bytes.length,
      },
    };
  }
}

/** Builds a model from training texts in one call (see `LmBuilder` for held-out exclusion). */
export function buildSyllableLm(texts: Iterable<string>, options?: LmBuildOptions): LmBuildResult {
  const builder = new LmBuilder(options);
  for (const text of texts) builder.add(text);
  return builder.build();
}

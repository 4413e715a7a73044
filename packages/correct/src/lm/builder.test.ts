import { describe, expect, it } from 'vitest';
import { buildSyllableLm, estimateDiscounts, LmBuilder, type LmBuildOptions } from './builder.js';
import { loadSyllableLm, type SyllableLm } from './loader.js';
import { SPECIAL_TOKENS } from './tokens.js';

const SPECIALS = SPECIAL_TOKENS.length;

function build(sentences: string[][], options: LmBuildOptions = {}) {
  const builder = new LmBuilder(options);
  builder.addSentences(sentences);
  return builder.build();
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['tổ', 'chức', 'cá', 'nhân', 'cơ', 'quan', 'nhà', 'nước', 'UBND', 'tỉnh', 'xã', 'hội'];

/** Sentences from a small Markov chain: skewed, with repeats, so counts of counts are all non-zero. */
function syntheticCorpus(seed: number, count: number): string[][] {
  const next = random(seed);
  const sentences: string[][] = [];
  for (let s = 0; s < count; s++) {
    const length = 1 + Math.floor(next() * 7);
    const sentence: string[] = [];
    let w = Math.floor(next() * WORDS.length);
    for (let i = 0; i < length; i++) {
      sentence.push(WORDS[w]!);
      // Mostly the next word in the list, sometimes a jump: a skewed distribution.
      w = next() < 0.6 ? (w + 1) % WORDS.length : Math.floor(next() ** 2 * WORDS.length);
    }
    sentences.push(sentence);
  }
  // A rare acronym (→ <acr>) and a rare foreign word (→ <unk>).
  sentences.push(['tổ', 'XYZ', 'chức'], ['internet', 'xã', 'hội']);
  return sentences;
}

type Triple = [number, number, number];

/**
 * Interpolated modified Kneser–Ney written the slow, obvious way, with string keys, to check the
 * packed-key, sorted-array implementation.
 */
function referenceModel(
  sentences: string[][],
  vocab: readonly string[],
  discounts: readonly Triple[],
  minBigram: number,
  minTrigram: number,
): (a: string | null, b: string | null, c: string) => number {
  const inc = (m: Map<string, number>, k: string, by = 1) => m.set(k, (m.get(k) ?? 0) + by);
  const tri = new Map<string, number>();
  const bi = new Map<string, number>();
  const uni = new Map<string, number>();
  for (const s of sentences) {
    const p = ['<s>', ...s, '</s>'];
    inc(bi, `${p[0]} ${p[1]}`);
    for (let i = 2; i < p.length; i++) inc(tri, `${p[i - 2]} ${p[i - 1]} ${p[i]}`);
  }
  for (const k of tri.keys()) {
    const [, b, c] = k.split(' ');
    inc(bi, `${b} ${c}`);
  }
  for (const k of bi.keys()) inc(uni, k.split(' ')[1]!);
  const D = (d: Triple, c: number) => (c === 0 ? 0 : c === 1 ? d[0] : c === 2 ? d[1] : d[2]);
  const [d1, d2, d3] = discounts as [Triple, Triple, Triple];
  const keptTri = new Set([...tri].filter(([, c]) => c >= minTrigram).map(([k]) => k));
  const keptBi = new Set([...bi].filter(([, c]) => c >= minBigram).map(([k]) => k));
  for (const k of keptTri) keptBi.add(k.split(' ').slice(0, 2).join(' '));

  let total1 = 0;
  let mass1 = 0;
  for (const w of vocab) {
    if (w === '<s>') continue;
    total1 += uni.get(w) ?? 0;
    mass1 += D(d1, uni.get(w) ?? 0);
  }
  const p1 = (w: string) =>
    w === '<s>'
      ? 0
      : ((uni.get(w) ?? 0) - D(d1, uni.get(w) ?? 0)) / total1 + mass1 / total1 / (vocab.length - 1);
  const p2 = (a: string, b: string) => {
    const children = [...bi].filter(([k]) => k.split(' ')[0] === a);
    if (children.length === 0) return p1(b);
    let total = 0;
    let mass = 0;
    for (const [k, c] of children) {
      total += c;
      mass += keptBi.has(k) ? D(d2, c) : c;
    }
    const own = keptBi.has(`${a} ${b}`) ? (bi.get(`${a} ${b}`)! - D(d2, bi.get(`${a} ${b}`)!)) / total : 0;
    return own + (mass / total) * p1(b);
  };
  const p3 = (a: string, b: string, c: string) => {
    const children = [...tri].filter(([k]) => k.startsWith(`${a} ${b} `));
    if (children.length === 0) return p2(b, c);
    let total = 0;
    let mass = 0;
    for (const [k, n] of children) {
      total += n;
      mass += keptTri.has(k) ? D(d3, n) : n;
    }
    const key = `${a} ${b} ${c}`;
    const own = keptTri.has(key) ? (tri.get(key)! - D(d3, tri.get(key)!)) / total : 0;
    return own + (mass / total) * p2(b, c);
  };
  return (a, b, c) => (b === null ? p1(c) : a === null ? p2(b, c) : p3(a, b, c));
}

function contextSum(lm: SyllableLm, w1: number, w2: number): number {
  let sum = 0;
  for (let w = 0; w < lm.size; w++) if (w !== lm.bos) sum += 10 ** lm.logProb(w1, w2, w);
  return sum;
}

describe('estimateDiscounts', () => {
  it('follows Chen & Goodman from counts of counts', () => {
    // n1 = 4, n2 = 3, n3 = 2, n4 = 1: Y = 4/10
    const counts = [1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 9];
    const [a, b, c] = estimateDiscounts(counts)!;
    expect(a).toBeCloseTo(1 - (2 * 0.4 * 3) / 4, 12);
    expect(b).toBeCloseTo(2 - (3 * 0.4 * 2) / 3, 12);
    expect(c).toBeCloseTo(3 - (4 * 0.4 * 1) / 2, 12);
  });

  it('gives up when a count of counts is zero', () => {
    expect(estimateDiscounts([1, 1, 2, 3])).toBeNull();
  });
});

describe('modified Kneser–Ney by hand', () => {
  // <s> ba mẹ </s> · <s> ba con </s> · <s> mẹ con </s>, every discount 0.5, nothing pruned.
  const { bytes } = build(
    [
      ['ba', 'mẹ'],
      ['ba', 'con'],
      ['mẹ', 'con'],
    ],
    {
      minSyllableCount: 1,
      minTrigramCount: 1,
      quantize: false,
      discounts: [
        [0.5, 0.5, 0.5],
        [0.5, 0.5, 0.5],
        [0.5, 0.5, 0.5],
      ],
    },
  );
  const lm = loadSyllableLm(bytes);
  const [ba, me, con] = ['ba', 'mẹ', 'con'].map((w) => lm.id(w)) as [number, number, number];
  const p = (a: number, b: number, c: number) => 10 ** lm.logProb(a, b, c);

  it('orders the vocabulary: specials, then by count and spelling', () => {
    expect(lm.size).toBe(SPECIALS + 3);
    // ba 2, con 2, mẹ 2: ties by spelling.
    expect([ba, con, me]).toEqual([SPECIALS, SPECIALS + 1, SPECIALS + 2]);
    expect(lm.count(ba)).toBe(2);
    expect(lm.count(lm.bos)).toBe(3);
  });

  it('gives unigrams from continuation counts, interpolated with the uniform distribution', () => {
    // Continuation counts: ba 1 (<s>), mẹ 2 (<s>, ba), con 2 (ba, mẹ), </s> 2 (mẹ, con); total 7.
    // γ = 4 × 0.5 / 7, spread over the tokens that can be predicted (all but <s>).
    const uniform = 2 / 7 / (SPECIALS + 3 - 1);
    expect(p(-1, -1, ba)).toBeCloseTo(0.5 / 7 + uniform, 6);
    expect(p(-1, -1, me)).toBeCloseTo(1.5 / 7 + uniform, 6);
    expect(p(-1, -1, lm.eos)).toBeCloseTo(1.5 / 7 + uniform, 6);
    expect(p(-1, -1, lm.unk)).toBeCloseTo(uniform, 6);
    expect(lm.logProb(-1, -1, lm.bos)).toBe(-99);
  });

  it('gives bigrams and trigrams with their backoff', () => {
    const u = (w: number) => p(-1, -1, w);
    // ba → mẹ 1, ba → con 1: T = 2, γ(ba) = 0.5.
    expect(p(-1, ba, me)).toBeCloseTo(0.25 + 0.5 * u(me), 6);
    // <s> ba → mẹ 1, → con 1: γ = 0.5.
    expect(p(lm.bos, ba, me)).toBeCloseTo(0.25 + 0.5 * (0.25 + 0.5 * u(me)), 6);
    // Unseen trigram <s> mẹ </s>: γ(<s> mẹ) = 0.5 times p(</s> | mẹ) = 0.25 + 0.5 u(</s>).
    expect(p(lm.bos, me, lm.eos)).toBeCloseTo(0.5 * (0.25 + 0.5 * u(lm.eos)), 6);
    // Unseen bigram con → ba: con → </s> has adjusted count 2 (after ba and mẹ): γ(con) = 0.25.
    expect(p(-1, con, ba)).toBeCloseTo(0.25 * u(ba), 6);
    // An unseen context backs off entirely.
    expect(p(con, ba, me)).toBeCloseTo(p(-1, ba, me), 6);
  });

  it('tells which bigrams are stored', () => {
    expect(lm.hasBigram(ba, me)).toBe(true);
    expect(lm.hasBigram(lm.bos, ba)).toBe(true);
    expect(lm.hasBigram(con, ba)).toBe(false);
    expect(lm.hasBigram(-1, ba)).toBe(false);
    expect(lm.hasBigram(ba, lm.size + 3)).toBe(false);
  });
});

describe('the builder against a reference implementation', () => {
  const corpus = syntheticCorpus(7, 400);
  const options = {
    minSyllableCount: 1,
    minWordCount: 2,
    minBigramCount: 2,
    minTrigramCount: 2,
    quantize: false,
  };
  const { bytes, stats } = build(corpus, options);
  const lm = loadSyllableLm(bytes);

  it('prunes and maps rare words to classes', () => {
    expect(stats.trigrams.kept).toBeLessThan(stats.trigrams.distinct);
    expect(stats.bigrams.kept).toBeLessThan(stats.bigrams.distinct);
    expect(lm.has('XYZ')).toBe(false);
    expect(lm.id('XYZ')).toBe(lm.id('<acr>'));
    expect(lm.has('internet')).toBe(false);
    expect(lm.id('internet')).toBe(lm.unk);
    expect(lm.count(lm.unk)).toBe(1);
    expect(lm.count(lm.id('<acr>'))).toBe(1);
    expect(lm.kind(lm.id('UBND'))).toBe('acronym');
    expect(lm.kind(lm.id('tổ'))).toBe('syllable');
    expect(stats.discounts.every((d) => d.every((x, k) => x > 0 && x < k + 1))).toBe(true);
  });

  it('matches the reference for every trigram, bigram and unigram', () => {
    const vocab = Array.from({ length: lm.size }, (_, i) => lm.token(i));
    const mapped = corpus.map((s) => s.map((w) => lm.token(lm.id(w))));
    const reference = referenceModel(mapped, vocab, stats.discounts, 2, 2);
    let checked = 0;
    for (let a = -1; a < lm.size; a++) {
      for (let b = -1; b < lm.size; b++) {
        if (b === -1 && a !== -1) continue;
        for (let c = 0; c < lm.size; c++) {
          if (c === lm.bos) continue;
          const expected = Math.log10(
            reference(a < 0 ? null : vocab[a]!, b < 0 ? null : vocab[b]!, vocab[c]!),
          );
          const actual = lm.logProb(a, b, c);
          if (Math.abs(actual - expected) > 1e-5) {
            throw new Error(`log P(${vocab[c]} | ${vocab[a]} ${vocab[b]}) = ${actual}, expected ${expected}`);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it('gives distributions that sum to one in every context', () => {
    for (let a = -1; a < lm.size; a++) {
      for (let b = -1; b < lm.size; b++) {
        if (b === -1 && a !== -1) continue;
        expect(contextSum(lm, a, b)).toBeCloseTo(1, 5);
      }
    }
  });

  it('stays within half a code step and sums to one once quantised', () => {
    const big = syntheticCorpus(11, 6000);
    const quantized = loadSyllableLm(build(big, { minSyllableCount: 1, minTrigramCount: 1 }).bytes);
    const exact = loadSyllableLm(
      build(big, { minSyllableCount: 1, minTrigramCount: 1, quantize: false }).bytes,
    );
    expect(quantized.quantized).toBe(true);
    let worst = 0;
    let worstPoint = 0;
    for (let a = -1; a < quantized.size; a++) {
      for (let b = 0; b < quantized.size; b++) {
        worst = Math.max(worst, Math.abs(contextSum(quantized, a, b) - 1));
        for (let c = 0; c < quantized.size; c++) {
          if (c === quantized.bos) continue;
          worstPoint = Math.max(worstPoint, Math.abs(quantized.logProb(a, b, c) - exact.logProb(a, b, c)));
        }
      }
    }
    // Codes are 1/2048 apart: a stored value is off by 1/4096 at most, a backed-off one (two
    // stored values added) by 1/2048.
    expect(worst).toBeLessThan(0.002);
    expect(worstPoint).toBeLessThan(1 / 2048 + 1e-5);
  });
});

describe('determinism', () => {
  it('builds the same bytes twice, and whatever the document order', () => {
    const corpus = syntheticCorpus(3, 800);
    const a = build(corpus).bytes;
    const b = build(corpus).bytes;
    const builder = new LmBuilder();
    for (let i = corpus.length - 1; i >= 0; i--) builder.addSentences([corpus[i]!]);
    const c = builder.build().bytes;
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(c).equals(Buffer.from(a))).toBe(true);
  });

  it('builds from texts with buildSyllableLm', () => {
    const texts = ['Tổ chức, cá nhân có trách nhiệm bảo vệ môi trường.', 'Cơ quan nhà nước bảo vệ tổ chức.'];
    const lm = loadSyllableLm(buildSyllableLm(texts, { minSyllableCount: 1 }).bytes);
    expect(lm.count(lm.id('bảo'))).toBe(2);
    expect(lm.count(lm.bos)).toBe(2);
  });
});

describe('held-out sentences', () => {
  const heldOut = 'Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện năm nay.';
  const copy = 'Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện năm nay. Tổ chức thực hiện.';

  it('skips training copies of held-out sentences', () => {
    const builder = new LmBuilder({ minSyllableCount: 1 });
    builder.exclude(heldOut);
    builder.add(copy);
    const { bytes, stats } = builder.build();
    expect(stats.excludedSentences).toBe(1);
    const lm = loadSyllableLm(bytes);
    expect(lm.has('kế')).toBe(false);
    expect(lm.has('tổ')).toBe(true);
  });

  it('keeps them when many training documents have them (boilerplate)', () => {
    const builder = new LmBuilder({ minSyllableCount: 1, excludeMaxDocuments: 2 });
    builder.exclude(heldOut);
    for (let i = 0; i < 3; i++) builder.add(copy);
    const { stats } = builder.build();
    expect(stats.excludedSentences).toBe(0);
    expect(stats.boilerplateSentences).toBe(3);
    expect(stats.sentences).toBe(6);
  });

  it('refuses to build twice or from nothing', () => {
    const builder = new LmBuilder();
    expect(() => builder.build()).toThrow(/no sentences/);
    const once = new LmBuilder();
    once.add('Tổ chức thực hiện.');
    once.build();
    expect(() => once.build()).toThrow(/already/);
  });
});

import type { SyllableLm } from './loader.js';

export interface PerplexityReport {
  sentences: number;
  /** Predicted tokens, </s> included, <s> not. */
  tokens: number;
  /** Predicted tokens that are `<unk>`. */
  oov: number;
  /** Total log10 probability. */
  log10Prob: number;
  /** 10^(−log10Prob / tokens). */
  perplexity: number;
  /** The same without the `<unk>` predictions (KenLM's "excluding OOVs"). */
  perplexityNoOov: number;
  /** Predictions of syllables of the inventory: what the corrector chooses between. */
  syllableTokens: number;
  syllablePerplexity: number;
}

/** Perplexity of sentences of model forms (from `lmSentences`). */
export function perplexity(lm: SyllableLm, sentences: Iterable<readonly string[]>): PerplexityReport {
  let count = 0;
  let tokens = 0;
  let oov = 0;
  let total = 0;
  let oovTotal = 0;
  let syllableTokens = 0;
  let syllableTotal = 0;
  for (const sentence of sentences) {
    count++;
    let w1 = -1;
    let w2 = lm.bos;
    for (let i = 0; i <= sentence.length; i++) {
      const w3 = i < sentence.length ? lm.id(sentence[i]!) : lm.eos;
      const p = lm.logProb(w1, w2, w3);
      tokens++;
      total += p;
      if (w3 === lm.unk) {
        oov++;
        oovTotal += p;
      } else if (lm.kind(w3) === 'syllable') {
        syllableTokens++;
        syllableTotal += p;
      }
      w1 = w2;
      w2 = w3;
    }
  }
  return {
    sentences: count,
    tokens,
    oov,
    log10Prob: total,
    perplexity: 10 ** (-total / tokens),
    perplexityNoOov: 10 ** (-(total - oovTotal) / (tokens - oov)),
    syllableTokens,
    syllablePerplexity: 10 ** (-syllableTotal / syllableTokens),
  };
}

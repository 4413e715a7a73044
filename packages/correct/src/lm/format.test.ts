import { describe, expect, it } from 'vitest';
import { LmBuilder } from './builder.js';
import { FORMAT_VERSION, HEADER_BYTES, LmFormatError, layoutOf, MAGIC, readHeader } from './format.js';
import { loadSyllableLm } from './loader.js';
import { lmSentences } from './tokens.js';

const TEXT = `Ủy ban nhân dân tỉnh Lào Cai ban hành Kế hoạch số 15/KH-UBND ngày 30/01/2023.
Tổ chức, cá nhân có trách nhiệm bảo vệ môi trường. UBND tỉnh giao Sở Tài chính chủ trì.
Sở Tài chính phối hợp với Sở Công Thương kiểm tra việc thực hiện. Tỷ lệ đạt 95%.
HĐND tỉnh giám sát việc thực hiện kế hoạch. Tổ chức thực hiện kế hoạch bảo vệ môi trường.`;

function buildBytes(quantize = true): Uint8Array {
  const builder = new LmBuilder({ minSyllableCount: 1, minWordCount: 1, minTrigramCount: 1, quantize });
  builder.add(TEXT);
  return builder.build().bytes;
}

describe('the binary format', () => {
  it('starts with the magic and the version, and its sections fill the file', () => {
    const bytes = buildBytes();
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe(MAGIC);
    const h = readHeader(bytes);
    expect(h.version).toBe(FORMAT_VERSION);
    expect(h.totalBytes).toBe(bytes.length);
    expect(layoutOf(h).end).toBe(bytes.length);
    expect(layoutOf(h).vocab).toBe(HEADER_BYTES);
  });

  it('round-trips vocabulary, counts and kinds', () => {
    for (const quantize of [true, false]) {
      const lm = loadSyllableLm(buildBytes(quantize));
      expect(lm.quantized).toBe(quantize);
      const words = lmSentences(TEXT).flat();
      for (const w of new Set(words)) {
        expect(lm.has(w)).toBe(true);
        expect(lm.token(lm.id(w))).toBe(w);
        expect(lm.count(lm.id(w))).toBe(words.filter((x) => x === w).length);
      }
      expect(lm.kind(lm.id('UBND'))).toBe('acronym');
      expect(lm.kind(lm.id('HĐND'))).toBe('acronym');
      expect(lm.kind(lm.id('môi'))).toBe('syllable');
      expect(lm.kind(lm.id('<docnum>'))).toBe('special');
      expect(lm.count(lm.bos)).toBe(lmSentences(TEXT).length);
      expect(() => lm.token(lm.size)).toThrow(RangeError);
    }
  });

  it('loads from an ArrayBuffer and from an unaligned Uint8Array alike', () => {
    const bytes = buildBytes();
    const a = loadSyllableLm(bytes.slice().buffer);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const b = loadSyllableLm(shifted.subarray(1));
    const ids = ['<s>', 'bảo', 'vệ', 'môi', 'trường', '</s>'].map((w) => a.id(w));
    for (let i = 2; i < ids.length; i++) {
      expect(b.logProb(ids[i - 2]!, ids[i - 1]!, ids[i]!)).toBe(a.logProb(ids[i - 2]!, ids[i - 1]!, ids[i]!));
    }
  });

  it('treats out-of-range ids as unknown words and missing contexts', () => {
    const lm = loadSyllableLm(buildBytes());
    expect(lm.logProb(-1, -1, lm.size + 5)).toBe(lm.logProb(-1, -1, lm.unk));
    const bao = lm.id('bảo');
    expect(lm.logProb(lm.size, bao, lm.id('vệ'))).toBe(lm.logProb(-1, bao, lm.id('vệ')));
  });
});

describe('the loader rejects bad files', () => {
  it('without the magic', () => {
    const bytes = buildBytes();
    bytes[0] = 0x58;
    expect(() => loadSyllableLm(bytes)).toThrow(LmFormatError);
    expect(() => loadSyllableLm(bytes)).toThrow(/does not start with "SOHOA-LM"/);
    expect(() => loadSyllableLm(new Uint8Array(10))).toThrow(/shorter than the header/);
  });

  it('of another version', () => {
    const bytes = buildBytes();
    new DataView(bytes.buffer).setUint32(8, FORMAT_VERSION + 1, true);
    expect(() => loadSyllableLm(bytes)).toThrow(/Unsupported language model version 2.*npm run build:lm/);
  });

  it('truncated or inconsistent', () => {
    const bytes = buildBytes();
    expect(() => loadSyllableLm(bytes.subarray(0, bytes.length - 4))).toThrow(/Truncated/);
    const wrongVocab = bytes.slice();
    new DataView(wrongVocab.buffer).setUint32(20, readHeader(bytes).vocabSize + 1, true);
    expect(() => loadSyllableLm(wrongVocab)).toThrow(LmFormatError);
    const wrongFlags = bytes.slice();
    new DataView(wrongFlags.buffer).setUint32(12, 0x80, true);
    expect(() => loadSyllableLm(wrongFlags)).toThrow(/Unknown language model flags/);
  });
});

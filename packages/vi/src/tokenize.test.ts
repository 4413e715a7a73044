import { describe, expect, it } from 'vitest';
import { type TokenKind, tokenize } from './tokenize.js';

/** "kind:value" of every token that is not space, for compact expectations. */
function kinds(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.kind !== 'space')
    .map((t) => `${t.kind}:${t.value}`);
}

function only(text: string): string {
  const tokens = tokenize(text);
  expect(tokens).toHaveLength(1);
  return tokens[0]!.kind;
}

describe('tokenize: kinds', () => {
  it.each([
    '36-NQ/TW',
    '189/NQ-CP',
    '1671/QĐ-TTg',
    '30/2020/NĐ-CP',
    '15/QĐ-UBND',
    '16-KH/MTTQ-BTT',
    '/KH-SCT',
    '08-QĐi/TW',
    '05/CTr-UBND',
    '12/2019/QH14',
    '01/2023/TT-BTC',
    '123/UBND-KT',
    '05/2019/L-CTN',
    '1234/QĐ-BNNPTNT-TCCB',
  ])('keeps the document number %s whole', (value) => {
    expect(only(value)).toBe('docnumber');
  });

  it.each([
    '30/01/2023',
    '1/2/2024',
    '29/02/2024',
    '02/2024',
    '12/1945',
    '30-01-2023',
    '30.01.2023',
    '2023-01-30',
  ])('reads %s as a date', (value) => {
    expect(only(value)).toBe('date');
  });

  it.each([
    ['15/3', ['number:15', 'punct:/', 'number:3']],
    ['32/01/2023', ['number:32', 'punct:/', 'number:01', 'punct:/', 'number:2023']],
    ['29/02/2023', ['number:29', 'punct:/', 'number:02', 'punct:/', 'number:2023']],
    ['13/2024', ['number:13', 'punct:/', 'number:2024']],
    ['2020-2025', ['number:2020', 'punct:-', 'number:2025']],
    ['3/4', ['number:3', 'punct:/', 'number:4']],
    ['km/h', ['syllable:km', 'punct:/', 'syllable:h']],
    ['10/Hà Nội', ['number:10', 'punct:/', 'syllable:Hà', 'syllable:Nội']],
    ['1/2/3', ['number:1', 'punct:/', 'number:2', 'punct:/', 'number:3']],
    ['1/A', ['number:1', 'punct:/', 'syllable:A']],
  ])('does not over-read %s', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it.each([
    ['2023', 'number'],
    ['1.000.000', 'number'],
    ['10,5', 'number'],
    ['1.234,56', 'number'],
    ['15%', 'percent'],
    ['10,5%', 'percent'],
    ['UBND', 'acronym'],
    ['HĐND', 'acronym'],
    ['MTTQ', 'acronym'],
    ['GRDP', 'acronym'],
    ['TW', 'acronym'],
    ['ĐẢNG', 'syllable'],
    ['BAN', 'syllable'],
    ['Tỉnh', 'syllable'],
    ['Internet', 'syllable'],
    ['TTg', 'syllable'],
    ['QH15', 'alnum'],
    ['H5N1', 'alnum'],
    ['https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=139264', 'url'],
    ['www.chinhphu.vn', 'url'],
    ['vanthu@hanoi.gov.vn', 'email'],
    ['nguyen.van-a_1@so-ct.gov.vn', 'email'],
    ['\r\n', 'newline'],
    ['\n', 'newline'],
    [' \t\u00a0', 'space'],
    ['😀', 'punct'],
    ['…', 'punct'],
  ])('%j is a %s', (value, kind) => {
    expect(only(value)).toBe(kind);
  });

  it('splits a document line the way the parser needs it', () => {
    expect(kinds('Số: 15/QĐ-UBND, ngày 30/01/2023; tăng 10,5% GRDP (xem https://a.vn/b).')).toEqual([
      'syllable:Số',
      'punct::',
      'docnumber:15/QĐ-UBND',
      'punct:,',
      'syllable:ngày',
      'date:30/01/2023',
      'punct:;',
      'syllable:tăng',
      'percent:10,5%',
      'acronym:GRDP',
      'punct:(',
      'syllable:xem',
      'url:https://a.vn/b',
      'punct:)',
      'punct:.',
    ]);
    expect(kinds('Số 36-NQ/TW. Đến 2025: 1.000.000 đồng')).toEqual([
      'syllable:Số',
      'docnumber:36-NQ/TW',
      'punct:.',
      'syllable:Đến',
      'number:2025',
      'punct::',
      'number:1.000.000',
      'syllable:đồng',
    ]);
  });

  it('keeps the blank-number form only at a token boundary', () => {
    expect(kinds('Số: /KH-SCT')).toEqual(['syllable:Số', 'punct::', 'docnumber:/KH-SCT']);
    expect(kinds('a/KH-SCT')).toEqual(['syllable:a', 'punct:/', 'acronym:KH', 'punct:-', 'acronym:SCT']);
  });

  it('gives one token per line break', () => {
    expect(tokenize('a\r\n\nb\rc').map((t) => t.kind)).toEqual([
      'syllable',
      'newline',
      'newline',
      'syllable',
      'newline',
      'syllable',
    ]);
  });

  it('keeps NFD words in one token', () => {
    const word = 'Nghị'.normalize('NFD');
    expect(tokenize(word)).toEqual([{ kind: 'syllable', value: word, start: 0, end: word.length }]);
  });
});

// A small deterministic generator, so a failure can be replayed.
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  'Cộng',
  'hòa',
  'ĐẢNG',
  'Việt'.normalize('NFD'),
  'UBND',
  'TTg',
  'QH15',
  '36',
  '2020',
  '1.000',
  '10,5',
  '01',
  '/',
  '-',
  '.',
  ',',
  '%',
  '@',
  ':',
  '(',
  ')',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\u00a0',
  'http://',
  'www.',
  'a.b',
  'gov.vn',
  'NQ',
  'QĐ',
  '😀',
  '\ud800',
  '…',
  '"',
  'é',
  '\u0301',
];

describe('tokenize: lossless', () => {
  const allowed = new Set<TokenKind>([
    'syllable',
    'acronym',
    'alnum',
    'number',
    'percent',
    'date',
    'docnumber',
    'url',
    'email',
    'punct',
    'space',
    'newline',
  ]);

  it('covers every input exactly, with contiguous offsets (3000 random strings)', () => {
    const random = prng(20_240_130);
    for (let round = 0; round < 3000; round++) {
      const parts = 1 + Math.floor(random() * 25);
      let text = '';
      for (let k = 0; k < parts; k++) text += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
      const tokens = tokenize(text);
      let offset = 0;
      for (const token of tokens) {
        expect(token.start).toBe(offset);
        expect(token.end).toBeGreaterThan(token.start);
        expect(token.value).toBe(text.slice(token.start, token.end));
        expect(allowed.has(token.kind)).toBe(true);
        offset = token.end;
      }
      expect(offset).toBe(text.length);
      expect(tokens.map((t) => t.value).join('')).toBe(text);
    }
  });

  it('stays linear on inputs that defeat backtracking', () => {
    const text = `${'a.'.repeat(50_000)}${'1/'.repeat(50_000)}${'1-A/'.repeat(20_000)}x@${'b.'.repeat(20_000)}`;
    const started = performance.now();
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.value).join('')).toBe(text);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

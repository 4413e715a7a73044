import { describe, expect, it } from 'vitest';
import { formKind, lmSegment, lmSentences, lmTokens, rawForm, SPECIAL_TOKENS, wordForm } from './tokens.js';

describe('wordForm', () => {
  it('lower-cases syllables and moves tones to the old placement', () => {
    expect(wordForm('Hoà')).toBe('hòa');
    expect(wordForm('THUỶ')).toBe('thủy');
    expect(wordForm('khoẻ')).toBe('khỏe');
    expect(wordForm('hòa')).toBe('hòa');
    expect(wordForm('BAN')).toBe('ban');
    expect(wordForm('Quốc')).toBe('quốc');
  });

  it('reads NFD input', () => {
    expect(wordForm('Việt'.normalize('NFD'))).toBe('việt');
  });

  it('keeps words with inner capitals that are no syllable, lower-cases other words', () => {
    expect(wordForm('UBND')).toBe('UBND');
    expect(wordForm('TTg')).toBe('TTg');
    expect(wordForm('HĐND')).toBe('HĐND');
    expect(wordForm('Internet')).toBe('internet');
    expect(wordForm('nge')).toBe('nge');
  });
});

describe('formKind', () => {
  it('tells specials, syllables, acronyms and other words apart', () => {
    expect(formKind('<num>')).toBe('special');
    expect(formKind('<s>')).toBe('special');
    expect(formKind('hòa')).toBe('syllable');
    expect(formKind('UBND')).toBe('acronym');
    expect(formKind('internet')).toBe('word');
  });
});

describe('lmSentences', () => {
  it('splits at sentence punctuation, drops commas and other punctuation', () => {
    expect(lmSentences('Hoà bình, thuỷ lợi. UBND tỉnh (Lào Cai); “Độc lập - Tự do”')).toEqual([
      ['hòa', 'bình', 'thủy', 'lợi'],
      ['UBND', 'tỉnh', 'lào', 'cai'],
      ['độc', 'lập', 'tự', 'do'],
    ]);
  });

  it('maps numbers, dates, percentages and document numbers to classes', () => {
    expect(lmSentences('Số: 15/QĐ-UBND ngày 30/01/2023 tăng 15% so với 2022 theo QH15')).toEqual([
      ['số'],
      ['<docnum>', 'ngày', '<date>', 'tăng', '<pct>', 'so', 'với', '<num>', 'theo', '<alnum>'],
    ]);
    expect(lmSentences('xem https://vbpl.vn hoặc gửi về vp@laocai.gov.vn')).toEqual([
      ['xem', '<url>', 'hoặc', 'gửi', 'về', '<email>'],
    ]);
  });

  it('joins hard-wrapped lines that continue in lower case and splits the others', () => {
    expect(lmSentences('đã được sửa đổi\nbổ sung theo Luật số 32/2013/QH13\nĐiều 1 Phạm vi')).toEqual([
      ['đã', 'được', 'sửa', 'đổi', 'bổ', 'sung', 'theo', 'luật', 'số', '<docnum>'],
      ['điều', '<num>', 'phạm', 'vi'],
    ]);
    expect(lmSentences('Kính gửi\n\nbổ sung')).toEqual([
      ['kính', 'gửi'],
      ['bổ', 'sung'],
    ]);
    expect(lmSentences('Kính gửi\r\n  bổ sung')).toEqual([['kính', 'gửi', 'bổ', 'sung']]);
  });

  it('drops sentences without a word', () => {
    expect(lmSentences('1. 2.3 ... 30/01/2023; ---')).toEqual([]);
    expect(lmSentences('')).toEqual([]);
  });
});

describe('lmTokens and lmSegment', () => {
  it('wraps sentences in <s> and </s>', () => {
    expect(lmTokens('Tổ chức. Cá nhân')).toEqual(['<s>', 'tổ', 'chức', '</s>', '<s>', 'cá', 'nhân', '</s>']);
  });

  it('keeps the spans of the input', () => {
    const text = 'Căn cứ Nghị định 30/2020/NĐ-CP; UBND tỉnh';
    const spans = lmSegment(text).flat();
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'Căn',
      'cứ',
      'Nghị',
      'định',
      '30/2020/NĐ-CP',
      'UBND',
      'tỉnh',
    ]);
    expect(spans[4]).toMatchObject({ form: '<docnum>', kind: 'docnumber' });
  });
});

describe('rawForm', () => {
  it('gives the model form of one raw token', () => {
    expect(rawForm('Hoà')).toBe('hòa');
    expect(rawForm(' UBND ')).toBe('UBND');
    expect(rawForm('2023')).toBe('<num>');
    expect(rawForm('36-NQ/TW')).toBe('<docnum>');
    expect(rawForm('hai từ')).toBeNull();
    expect(rawForm(',')).toBeNull();
    expect(rawForm('.')).toBeNull();
    expect(rawForm('')).toBeNull();
  });
});

it('has a fixed list of special tokens starting with <unk>, <s>, </s>', () => {
  expect(SPECIAL_TOKENS.slice(0, 3)).toEqual(['<unk>', '<s>', '</s>']);
  expect(new Set(SPECIAL_TOKENS).size).toBe(SPECIAL_TOKENS.length);
});

import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_TYPE_ABBREVIATIONS,
  DOCUMENT_TYPES,
  documentTypesOf,
  ISSUER_ABBREVIATIONS,
  ISSUERS,
  isKnownAbbreviation,
  issuersOf,
} from './abbreviations.js';
import { tokenize } from './tokenize.js';

describe('document type abbreviations', () => {
  it('hold the closed set of the Nghị định 30/2020 and Hướng dẫn 36 lists', () => {
    for (const abbr of [
      'NQ',
      'QĐ',
      'CT',
      'KH',
      'CTr',
      'TB',
      'HD',
      'BC',
      'TTr',
      'CV',
      'KL',
      'QyĐ',
      'QĐi',
      'NĐ',
      'TT',
      'TTLT',
    ]) {
      expect(DOCUMENT_TYPE_ABBREVIATIONS.has(abbr)).toBe(true);
    }
  });

  it('give every meaning of an ambiguous abbreviation', () => {
    expect(documentTypesOf('TT').map((e) => e.meaning)).toEqual(['Thông tri', 'Thông tư']);
    expect(documentTypesOf('QĐ')[0]).toMatchObject({
      meaning: 'Quyết định',
      systems: ['state', 'party', 'legal'],
    });
    expect(documentTypesOf('XX')).toEqual([]);
  });

  it('are case-sensitive and NFC-insensitive', () => {
    expect(documentTypesOf('Ctr')).toEqual([]);
    expect(documentTypesOf('QĐ'.normalize('NFD'))).toHaveLength(1);
  });
});

describe('issuer abbreviations', () => {
  it('hold the central, local, Party and Front issuers', () => {
    for (const abbr of [
      'TW',
      'CP',
      'TTg',
      'UBND',
      'HĐND',
      'TU',
      'HU',
      'ĐU',
      'MTTQ',
      'BTT',
      'VPTW',
      'BCH',
      'BTC',
      'BCĐ',
      'SCT',
    ]) {
      expect(ISSUER_ABBREVIATIONS.has(abbr)).toBe(true);
    }
    expect(issuersOf('BTC').map((e) => e.meaning)).toEqual(['Ban Tổ chức', 'Bộ Tài chính']);
    expect(issuersOf('TTg')[0]?.meaning).toBe('Thủ tướng Chính phủ');
    expect(isKnownAbbreviation('UBND')).toBe(true);
    expect(isKnownAbbreviation('NQ')).toBe(true);
    expect(isKnownAbbreviation('ABC')).toBe(false);
  });
});

describe('the data', () => {
  it('is frozen', () => {
    expect(Object.isFrozen(DOCUMENT_TYPES)).toBe(true);
    expect(Object.isFrozen(ISSUERS)).toBe(true);
    expect(Object.isFrozen(DOCUMENT_TYPES[0])).toBe(true);
  });

  it('has no duplicate entry and every entry in NFC', () => {
    for (const list of [DOCUMENT_TYPES, ISSUERS]) {
      const keys = list.map((e) => `${e.abbr}|${e.meaning}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const e of list) {
        expect(e.abbr).toBe(e.abbr.normalize('NFC'));
        expect(e.meaning).toBe(e.meaning.normalize('NFC'));
        expect(e.systems.length).toBeGreaterThan(0);
      }
    }
  });

  it('makes every type/issuer pair a single document-number token', () => {
    for (const type of DOCUMENT_TYPE_ABBREVIATIONS) {
      for (const issuer of ISSUER_ABBREVIATIONS) {
        for (const text of [`15/${type}-${issuer}`, `36-${type}/${issuer}`]) {
          const tokens = tokenize(text);
          expect(
            tokens.map((t) => t.kind),
            text,
          ).toEqual(['docnumber']);
        }
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import {
  allowedTones,
  composeSyllable,
  isValidSyllable,
  parseSyllable,
  RHYMES,
  type Syllable,
  type SyllableParts,
  setTone,
  toneOf,
} from './syllable.js';
import { allSyllables } from './variants.js';

const VALID: Record<string, string[]> = {
  'k/gh/ngh before front vowels': [
    'nghe',
    'nghĩ',
    'nghiêng',
    'ghi',
    'ghế',
    'ghé',
    'kiểm',
    'kìa',
    'kỹ',
    'ký',
    'kem',
  ],
  'c/g/ng before the others': ['cá', 'cơ', 'gà', 'gù', 'ngã', 'ngoài', 'nguy', 'goá'],
  'gi sharing its i': ['gi', 'gì', 'gìn', 'giếng', 'giêng'],
  'gi before a vowel': ['già', 'giữ', 'giữa', 'gió', 'giỏi', 'giường', 'giúp', 'giấy'],
  'qu onset': [
    'quốc',
    'quý',
    'quả',
    'qua',
    'quà',
    'quyết',
    'quỳnh',
    'quân',
    'quê',
    'quen',
    'quét',
    'quệt',
    'qui',
    'quơ',
    'quắp',
    'quạu',
    'quạt',
    'quặc',
  ],
  'medial glide': [
    'hòa',
    'hoà',
    'thủy',
    'thuỷ',
    'khỏe',
    'khoẻ',
    'hoàn',
    'toán',
    'ngoằn',
    'ngoẹo',
    'oải',
    'huỳnh',
  ],
  'medial u + â ê ơ y': [
    'xuân',
    'tuần',
    'khuấy',
    'thuế',
    'Huế',
    'khuếch',
    'thuở',
    'huơ',
    'khuya',
    'khuỷu',
    'uyên',
    'chuyện',
  ],
  diphthongs: [
    'người',
    'ươi',
    'mía',
    'ỉa',
    'của',
    'mưa',
    'tiếng',
    'yêu',
    'yến',
    'muốn',
    'rượu',
    'hươu',
    'tuổi',
  ],
  'stop codas with sắc or nặng': [
    'tập',
    'tấp',
    'ếch',
    'thích',
    'khách',
    'học',
    'đức',
    'hợp',
    'Việt',
    'ít',
    'ụp',
  ],
  'bare vowels and codas': [
    'a',
    'ý',
    'anh',
    'ông',
    'ăn',
    'ân',
    'ấy',
    'âu',
    'êm',
    'ốm',
    'ơn',
    'ứng',
    'uống',
    'ướt',
    'ưu',
    'bệnh',
    'ểnh',
  ],
  'upper and mixed case': ['ĐẢNG', 'Tỉnh', 'VIỆT', 'NGHĨA', 'ĐảNG', 'QUỐC', 'Gìn', 'THUỶ', 'HÒA'],
  loans: ['pin', 'xoong', 'boong', 'moóc'],
};

const INVALID: Record<string, string[]> = {
  'ng/g/c before front vowels': ['nge', 'ngi', 'ngĩ', 'ge', 'gé', 'ci', 'ce', 'cí', 'cy'],
  'k/gh/ngh before back vowels': ['ka', 'ká', 'ko', 'kăm', 'ghu', 'gha', 'ngha', 'nghã'],
  'qu misuse': ['quoa', 'quu', 'q', 'qa', 'qúy', 'quo'],
  'gi misuse': ['gii', 'giy', 'gìa', 'giê', 'gioan'],
  'no vowel': ['kh', 'đ', 'ng', 'ngh', 'tr'],
  'stop coda without sắc/nặng': ['tầp', 'kêt', 'tap', 'ich', 'ach', 'Viêt', 'hoc', 'tẩp', 'mãt'],
  'ch/nh/ng in the wrong rhyme': ['ech', 'enh', 'onh', 'ing', 'ăch', 'unh', 'ơng'],
  'ă â need a coda': ['ă', 'â', 'tă', 'tâ', 'ắ'],
  'diphthong spelling': ['tien', 'tyên', 'iên', 'iêu', 'yen', 'ươ', 'uô', 'thưở', 'ya'],
  'misplaced tone mark': ['hóan', 'hòan', 'cuả', 'miá', 'tìên', 'ngứơi'],
  'two tone marks': ['hoàà', 'tiếé'],
  'not letters or not Vietnamese': [
    '',
    'a1',
    'viet nam',
    'fan',
    'win',
    'zoo',
    'jazz',
    'Ðx',
    'nghiêngggg',
    'x-y',
  ],
};

describe('isValidSyllable', () => {
  for (const [family, words] of Object.entries(VALID)) {
    it.each(words)(`accepts %s (${family})`, (word) => {
      expect(isValidSyllable(word)).toBe(true);
    });
  }
  for (const [family, words] of Object.entries(INVALID)) {
    it.each(words)(`rejects %s (${family})`, (word) => {
      expect(isValidSyllable(word)).toBe(false);
    });
  }

  it('reads NFD input like NFC', () => {
    for (const word of ['Việt', 'người', 'ặc', 'quốc', 'ĐẢNG']) {
      expect(isValidSyllable(word.normalize('NFD'))).toBe(true);
    }
    expect(isValidSyllable('tầp'.normalize('NFD'))).toBe(false);
  });
});

describe('parseSyllable', () => {
  const cases: [string, Partial<Syllable>][] = [
    ['quốc', { onset: 'qu', medial: '', nucleus: 'ô', coda: 'c', tone: 'sac', rhyme: 'ôc' }],
    ['người', { onset: 'ng', medial: '', nucleus: 'ươ', coda: 'i', tone: 'huyen' }],
    ['khuya', { onset: 'kh', medial: 'u', nucleus: 'ya', coda: '', tone: 'ngang' }],
    ['hoàng', { onset: 'h', medial: 'o', nucleus: 'a', coda: 'ng', tone: 'huyen', placement: 'any' }],
    ['gìn', { onset: 'gi', medial: '', nucleus: 'i', coda: 'n', tone: 'huyen', rhyme: 'in' }],
    ['giếng', { onset: 'gi', nucleus: 'iê', coda: 'ng', tone: 'sac', rhyme: 'iêng' }],
    ['giữa', { onset: 'gi', nucleus: 'ưa', coda: '', tone: 'nga' }],
    ['Tỉnh', { onset: 't', nucleus: 'i', coda: 'nh', tone: 'hoi', case: 'title', toneIndex: 1 }],
    ['ĐẢNG', { onset: 'đ', nucleus: 'a', coda: 'ng', tone: 'hoi', case: 'upper' }],
    ['ĐảNG', { case: 'mixed', tone: 'hoi' }],
    ['thuở', { onset: 'th', medial: 'u', nucleus: 'ơ', coda: '', tone: 'hoi' }],
    ['yêu', { onset: '', medial: '', nucleus: 'yê', coda: 'u' }],
    ['uyên', { onset: '', medial: 'u', nucleus: 'yê', coda: 'n' }],
    ['nghiêng', { onset: 'ngh', nucleus: 'iê', coda: 'ng', tone: 'ngang', toneIndex: -1 }],
    ['hòa', { medial: 'o', nucleus: 'a', placement: 'old', toneIndex: 1 }],
    ['hoà', { medial: 'o', nucleus: 'a', placement: 'new', toneIndex: 2 }],
    ['thủy', { medial: 'u', nucleus: 'y', placement: 'old' }],
    ['thuỷ', { medial: 'u', nucleus: 'y', placement: 'new' }],
    ['quý', { onset: 'qu', nucleus: 'y', placement: 'any' }],
  ];
  it.each(cases)('%s', (word, expected) => {
    expect(parseSyllable(word)).toMatchObject(expected);
  });

  it('gives the tone index in the NFC form of NFD input', () => {
    const parsed = parseSyllable('Việt'.normalize('NFD'));
    expect(parsed).toMatchObject({ tone: 'nang', toneIndex: 2, case: 'title' });
  });

  it('accepts a misplaced mark only when asked, and says so', () => {
    expect(parseSyllable('hóan')).toBeNull();
    expect(parseSyllable('hóan', { strictTonePlacement: false })).toMatchObject({
      tone: 'sac',
      placement: 'misplaced',
      rhyme: 'oan',
    });
    expect(parseSyllable('cuả', { strictTonePlacement: false })?.placement).toBe('misplaced');
  });

  it('parses every syllable of the inventory back to parts that compose to it (both styles)', () => {
    const all = allSyllables({ style: 'both' });
    expect(all.length).toBeGreaterThan(10_000);
    for (const word of all) {
      const parsed = parseSyllable(word);
      if (parsed === null) throw new Error(`inventory syllable rejected: ${word}`);
      const style = parsed.placement === 'new' ? 'new' : 'old';
      expect(composeSyllable(parsed, style)).toBe(word);
      expect(isValidSyllable(word.toUpperCase())).toBe(true);
    }
  });
});

describe('spelling invariants of the inventory', () => {
  const bare = allSyllables({ style: 'both' }).map((s) =>
    s
      .normalize('NFD')
      .replace(/[\u0300\u0301\u0303\u0309\u0323]/gu, '')
      .normalize('NFC'),
  );

  it('never writes c, ng before i e ê y, nor g before e ê y', () => {
    expect(bare.filter((s) => /^(c|ng)[ieêy]/u.test(s) || /^g[eêy]/u.test(s))).toEqual([]);
  });

  it('writes k, gh, ngh only before i e ê (k also before y)', () => {
    expect(bare.filter((s) => /^k[^ieêyh]/u.test(s) || /^(gh|ngh)[^ieê]/u.test(s))).toEqual([]);
  });

  it('gives stop codas only sắc or nặng', () => {
    const stops = allSyllables().filter((s) => /(p|t|c|ch)$/u.test(s));
    expect(stops.length).toBeGreaterThan(1000);
    for (const s of stops) expect(['sac', 'nang']).toContain(toneOf(s));
  });

  it('uses ch and nh only after a ê i y', () => {
    expect(bare.filter((s) => /[^aêiy](ch|nh)$/u.test(s) && !/^(ch|nh)[^aêiy]*$/u.test(s))).toEqual([]);
  });

  it('lists each rhyme once', () => {
    expect(new Set(RHYMES).size).toBe(RHYMES.length);
  });
});

describe('composeSyllable', () => {
  const hoa: SyllableParts = { onset: 'h', medial: 'o', nucleus: 'a', coda: '', tone: 'huyen' };

  it('places the mark by style only where the styles differ', () => {
    expect(composeSyllable(hoa)).toBe('hòa');
    expect(composeSyllable(hoa, 'old')).toBe('hòa');
    expect(composeSyllable(hoa, 'new')).toBe('hoà');
    expect(composeSyllable({ ...hoa, coda: 'n' }, 'old')).toBe('hoàn');
    expect(composeSyllable({ ...hoa, coda: 'n' }, 'new')).toBe('hoàn');
    const thuy: SyllableParts = { onset: 'th', medial: 'u', nucleus: 'y', coda: '', tone: 'hoi' };
    expect(composeSyllable(thuy, 'old')).toBe('thủy');
    expect(composeSyllable(thuy, 'new')).toBe('thuỷ');
    const khoe: SyllableParts = { onset: 'kh', medial: 'o', nucleus: 'e', coda: '', tone: 'hoi' };
    expect([composeSyllable(khoe, 'old'), composeSyllable(khoe, 'new')]).toEqual(['khỏe', 'khoẻ']);
  });

  it('handles gi, qu, diphthongs and case', () => {
    expect(composeSyllable({ onset: 'gi', medial: '', nucleus: 'i', coda: 'n', tone: 'huyen' })).toBe('gìn');
    expect(composeSyllable({ onset: 'gi', medial: '', nucleus: 'iê', coda: 'ng', tone: 'sac' })).toBe(
      'giếng',
    );
    expect(composeSyllable({ onset: 'qu', medial: '', nucleus: 'y', coda: '', tone: 'sac' }, 'old')).toBe(
      'quý',
    );
    expect(composeSyllable({ onset: 'ng', medial: '', nucleus: 'ươ', coda: 'i', tone: 'huyen' })).toBe(
      'người',
    );
    expect(composeSyllable({ onset: 'c', medial: '', nucleus: 'ua', coda: '', tone: 'hoi' })).toBe('của');
    expect(
      composeSyllable({ onset: 'đ', medial: '', nucleus: 'a', coda: 'ng', tone: 'hoi', case: 'upper' }),
    ).toBe('ĐẢNG');
    expect(
      composeSyllable({ onset: 't', medial: '', nucleus: 'i', coda: 'nh', tone: 'hoi', case: 'title' }),
    ).toBe('Tỉnh');
  });
});

describe('setTone', () => {
  it('changes only the tone, keeping letters and case', () => {
    expect(setTone('Hoa', 'huyen')).toBe('Hòa');
    expect(setTone('Hoa', 'huyen', { style: 'new' })).toBe('Hoà');
    expect(setTone('ĐẢNG', 'sac')).toBe('ĐÁNG');
    expect(setTone('người', 'ngang')).toBe('ngươi');
    expect(setTone('ViỆt', 'sac')).toBe('ViẾt');
    expect(setTone('tiên', 'nga')).toBe('tiễn');
  });

  it('keeps the style the input shows unless told otherwise', () => {
    expect(setTone('thuỷ', 'sac')).toBe('thuý');
    expect(setTone('thủy', 'sac')).toBe('thúy');
    expect(setTone('thuỷ', 'sac', { style: 'old' })).toBe('thúy');
  });

  it('moves a misplaced mark to its place', () => {
    expect(setTone('hóan', 'sac')).toBe('hoán');
    expect(setTone('cuả', 'hoi')).toBe('của');
  });

  it('returns null for impossible tones and non-syllables', () => {
    expect(setTone('tập', 'huyen')).toBeNull();
    expect(setTone('Việt', 'ngang')).toBeNull();
    expect(setTone('xyz', 'sac')).toBeNull();
    expect(setTone('tien', 'sac')).toBeNull();
  });
});

describe('toneOf and allowedTones', () => {
  it('reads the tone, misplaced or not', () => {
    expect(toneOf('Việt')).toBe('nang');
    expect(toneOf('hóan')).toBe('sac');
    expect(toneOf('anh')).toBe('ngang');
    expect(toneOf('café')).toBeNull();
  });

  it('limits stop codas to sắc and nặng', () => {
    expect(allowedTones('t')).toEqual(['sac', 'nang']);
    expect(allowedTones('ch')).toEqual(['sac', 'nang']);
    expect(allowedTones('ng')).toHaveLength(6);
    expect(allowedTones('')).toHaveLength(6);
  });
});

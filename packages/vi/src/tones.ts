/**
 * The six tones of Vietnamese, in the order the language tradition lists them
 * (ngang, huyền, sắc, hỏi, ngã, nặng). Every table in this package is indexed in this order.
 */
export const TONES = ['ngang', 'huyen', 'sac', 'hoi', 'nga', 'nang'] as const;

export type Tone = (typeof TONES)[number];

/** Vietnamese names with diacritics, for messages shown to people. */
export const TONE_NAMES: Readonly<Record<Tone, string>> = {
  ngang: 'ngang',
  huyen: 'huyền',
  sac: 'sắc',
  hoi: 'hỏi',
  nga: 'ngã',
  nang: 'nặng',
};

/** The combining mark of each tone (NFD form); ngang has none. */
export const TONE_MARKS: Readonly<Record<Tone, string>> = {
  ngang: '',
  huyen: '\u0300',
  sac: '\u0301',
  hoi: '\u0309',
  nga: '\u0303',
  nang: '\u0323',
};

/**
 * Where the tone mark goes in a syllable whose rhyme is oa, oe or uy without a final consonant,
 * the only place the two conventions differ.
 * - `'old'` (kiểu cũ, traditional, what most keyboards produce): hòa, khỏe, thủy.
 * - `'new'` (kiểu mới, the 1980s rule "mark on the main vowel"): hoà, khoẻ, thuỷ.
 */
export type ToneStyle = 'old' | 'new';

export function isTone(value: string): value is Tone {
  return (TONES as readonly string[]).includes(value);
}

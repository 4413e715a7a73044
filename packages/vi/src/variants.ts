/**
 * Candidate generators for the corrector: the other tones of a syllable, and every syllable that
 * shares its bare letters (what OCR confuses most: marks lost, added or swapped).
 */

import { baseLetters } from './normalize.js';
import { enumerateSyllables, type LetterCase, parseSyllable, setTone } from './syllable.js';
import { TONES, type ToneStyle } from './tones.js';

export interface VariantOptions {
  /**
   * Tone placement of generated oa/oe/uy syllables: `'old'` (hòa, default), `'new'` (hoà), or
   * `'both'` to get both spellings.
   */
  style?: ToneStyle | 'both';
}

/**
 * The same letters under each tone the syllable admits, the input included:
 * toneVariants("tiên") → tiên tiền tiến tiển tiễn tiện; toneVariants("tập") → tấp tập.
 * Keeps the case of every letter and, unless `style` says otherwise, the input's placement style.
 * Empty when the input is not a syllable.
 */
export function toneVariants(syllable: string, options?: VariantOptions): string[] {
  const parsed = parseSyllable(syllable, { strictTonePlacement: false });
  if (parsed === null) return [];
  const styles: (ToneStyle | undefined)[] =
    options?.style === 'both' ? ['old', 'new'] : [options?.style as ToneStyle | undefined];
  const out: string[] = [];
  for (const tone of TONES) {
    for (const style of styles) {
      const variant = setTone(syllable, tone, style ? { style } : undefined);
      if (variant !== null && !out.includes(variant)) out.push(variant);
    }
  }
  return out;
}

const indexes = new Map<string, ReadonlyMap<string, readonly string[]>>();

/** bare letters → all syllables with them, built once per style on first use (~20k syllables). */
function variantIndex(style: ToneStyle | 'both'): ReadonlyMap<string, readonly string[]> {
  let index = indexes.get(style);
  if (index === undefined) {
    const byBase = new Map<string, string[]>();
    for (const syllable of enumerateSyllables(style)) {
      const key = baseLetters(syllable);
      const list = byBase.get(key);
      if (list) list.push(syllable);
      else byBase.set(key, [syllable]);
    }
    for (const list of byBase.values()) Object.freeze(list);
    index = byBase;
    indexes.set(style, index);
  }
  return index;
}

function letterCase(word: string): LetterCase {
  const lower = word.toLowerCase();
  if (word === lower) return 'lower';
  if (word === word.toUpperCase()) return word.length > 1 ? 'upper' : 'title';
  return word.charAt(0) !== lower.charAt(0) && word.slice(1) === lower.slice(1) ? 'title' : 'mixed';
}

/**
 * Every valid syllable written with the same bare letters as `word` (its diacritics, if any, are
 * ignored): "co" → co cò có cỏ cõ cọ cô cồ … cơ cờ …; "tien" → tiên tiền tiến tiển tiễn tiện.
 * Upper and title case inputs give upper and title case results; lower case otherwise.
 * The lists are precomputed, so a call is one map lookup (plus a case mapping).
 */
export function diacriticVariants(word: string, options?: VariantOptions): readonly string[] {
  const list = variantIndex(options?.style ?? 'old').get(baseLetters(word));
  if (list === undefined) return [];
  const wordCase = letterCase(word);
  if (wordCase === 'upper') return list.map((s) => s.toUpperCase());
  if (wordCase === 'title') return list.map((s) => s.charAt(0).toUpperCase() + s.slice(1));
  return list;
}

/**
 * The syllable inventory the grammar allows, lower case, sorted by code point. A superset of real
 * usage (the grammar knows spelling, not the lexicon): intersect with a corpus for a vocabulary.
 */
export function allSyllables(options?: VariantOptions): string[] {
  return [...new Set(enumerateSyllables(options?.style ?? 'old'))].sort();
}

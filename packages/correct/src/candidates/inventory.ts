/**
 * The inventory of attested syllables and acronyms, read from the language model's vocabulary and
 * counts: the grammar (`@sohoa/vi`) says what can be written, the corpus says what is. Candidates
 * are drawn only from here, indexed by their bare letters so that every spelling OCR could have
 * damaged into the same letters is one lookup away.
 */

import { stripMarks } from '@sohoa/vi';
import { type Letters, lettersOf } from '../channel/letters.js';
import type { SyllableLm } from '../lm/index.js';

export interface Attested {
  /** Lower-case syllable in 'old' tone placement, or an acronym as written (UBND). */
  form: string;
  id: number;
  count: number;
  letters: Letters;
  /**
   * Seen, but so much less often than another spelling of the same letters that it is more likely
   * an OCR error in the corpus itself (câp beside cấp): not offered, and not trusted as a reading.
   */
  rare: boolean;
}

export interface Inventory {
  lm: SyllableLm;
  /** Bare letters ("tien") → attested syllables (tiên, tiền, tiến, tiển, tiễn, tiện). */
  byBase: Map<string, Attested[]>;
  /** Acronyms by their bare capitals (UBND, HDND → HĐND). */
  acronyms: Map<string, Attested[]>;
  /** Syllables by form. */
  syllables: Map<string, Attested>;
}

/** Syllables seen fewer times than this in the corpus are not offered as candidates. */
export const MIN_SYLLABLE_COUNT = 3;
/** Acronyms seen fewer times than this are not offered. */
export const MIN_ACRONYM_COUNT = 20;
/** A spelling seen less than this share of its most frequent same-letter spelling is `rare`. */
export const RARE_SHARE = 5e-4;

const inventories = new WeakMap<SyllableLm, Inventory>();

/** Bare letters of a lower-case word: marks and tones off, đ → d. */
export function baseKey(word: string): string {
  return lettersOf(word).bases.join('');
}

export function inventoryOf(lm: SyllableLm): Inventory {
  let inv = inventories.get(lm);
  if (inv !== undefined) return inv;
  const byBase = new Map<string, Attested[]>();
  const acronyms = new Map<string, Attested[]>();
  const syllables = new Map<string, Attested>();
  for (let id = 0; id < lm.size; id++) {
    const kind = lm.kind(id);
    const count = lm.count(id);
    if (kind === 'syllable' && count >= MIN_SYLLABLE_COUNT) {
      const form = lm.token(id);
      const letters = lettersOf(form);
      const entry = { form, id, count, letters, rare: false };
      syllables.set(form, entry);
      const key = letters.bases.join('');
      const list = byBase.get(key);
      if (list) list.push(entry);
      else byBase.set(key, [entry]);
    } else if (kind === 'acronym' && count >= MIN_ACRONYM_COUNT) {
      const form = lm.token(id);
      const key = stripMarks(form).toUpperCase();
      const entry = { form, id, count, letters: lettersOf(form), rare: false };
      const list = acronyms.get(key);
      if (list) list.push(entry);
      else acronyms.set(key, [entry]);
    }
  }
  for (const [key, list] of byBase) {
    let max = 0;
    for (const e of list) if (e.count > max) max = e.count;
    for (const e of list) e.rare = e.count < RARE_SHARE * max;
    const kept = list.filter((e) => !e.rare);
    if (kept.length > 0) byBase.set(key, kept);
    else byBase.delete(key);
  }
  inv = { lm, byBase, acronyms, syllables };
  inventories.set(lm, inv);
  return inv;
}

/**
 * The corrector's per-model state: the inventory, the compiled channel table and caches of
 * candidates by reading, so a word met a thousand times is worked out once.
 */

import { isKnownAbbreviation, stripMarks } from '@sohoa/vi';
import {
  type Candidate,
  type GenerateOptions,
  splitCandidates,
  wordCandidates,
} from './candidates/generate.js';
import { type Inventory, inventoryOf } from './candidates/inventory.js';
import { type CompiledTable, compileTable, editCost } from './channel/cost.js';
import { letterInfo, lettersOf, VOWELS, wordTone } from './channel/letters.js';
import type { ChannelTable } from './channel/table.js';
import type { Option } from './decode.js';
import { type SyllableLm, wordForm } from './lm/index.js';

export interface WordInfo {
  /** The LM form of the reading (lower case, 'old' placement). */
  form: string;
  /** LM id of the reading itself. */
  id: number;
  /** The reading is an attested syllable. */
  attested: boolean;
  /** Tone of the reading (0–5). */
  tone: number;
  /** Other readings, cheapest first; splits have two ids. */
  candidates: Candidate[];
}

export interface Engine {
  lm: SyllableLm;
  inv: Inventory;
  ct: CompiledTable;
  word(reading: string): WordInfo;
  acronym(reading: string): WordInfo;
  /** Slot options by unit kind, misreading rate and reading (filled by the caller). */
  memo: Map<number, Map<string, readonly Option[]>>;
  /** Candidates for two readings written apart that may be one syllable ("tri" "en"). */
  joined(a: string, b: string, spaced: boolean): Candidate[];
}

const EMPTY: Candidate[] = [];

/** The number of code points of `s`, without building an array of them. */
function codePoints(s: string): number {
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

export function createEngine(lm: SyllableLm, table: ChannelTable, generate: GenerateOptions): Engine {
  const inv = inventoryOf(lm);
  const ct = compileTable(table);
  const words = new Map<string, WordInfo>();
  const acronyms = new Map<string, WordInfo>();
  const joins = new Map<string, Candidate[]>();
  return {
    lm,
    inv,
    ct,
    memo: new Map(),
    word(reading) {
      let info = words.get(reading);
      if (info !== undefined) return info;
      const form = wordForm(reading);
      const entry = inv.syllables.get(form);
      const id = entry !== undefined ? entry.id : lm.classOf(reading);
      const attested = entry !== undefined && !entry.rare;
      let candidates = wordCandidates(inv, ct, form, generate, !attested);
      if (!attested) {
        const splits = splitCandidates(inv, ct, form, generate);
        if (splits.length > 0) candidates = [...candidates, ...splits].sort((a, b) => a.edit - b.edit);
      }
      info = { form, id, attested, candidates, tone: wordTone(lettersOf(form).tones).tone };
      if (words.size > 200_000) words.clear();
      words.set(reading, info);
      return info;
    },
    acronym(reading) {
      let info = acronyms.get(reading);
      if (info !== undefined) return info;
      const id = lm.classOf(reading);
      const known = lm.has(reading) || isKnownAbbreviation(reading);
      // Other acronyms with the same capitals (HDND → HĐND, ƯBND → UBND): for a known reading only
      // much more frequent ones, and the LM decides.
      const own = known ? lm.count(id) : 0;
      const candidates: Candidate[] = [];
      for (const entry of inv.acronyms.get(stripMarks(reading).toUpperCase()) ?? []) {
        if (entry.form === reading || entry.count < 20 * own) continue;
        const { cost } = editCost(ct, reading.toLowerCase(), entry.form.toLowerCase());
        if (cost <= generate.maxEdit)
          candidates.push({ text: entry.form, ids: [entry.id], edit: cost, tone: 0 });
      }
      candidates.sort((a, b) => a.edit - b.edit);
      info = { form: reading, id, attested: known, candidates, tone: 0 };
      acronyms.set(reading, info);
      return info;
    },
    joined(a, b, spaced) {
      // Where OCR cuts a syllable: before its vowel ("th ành", "tri ển"), or after one or two
      // letters ("n ghiệp"); a digit read for a letter is glued to the word ("1ực").
      const al = codePoints(a);
      const letters = al + codePoints(b);
      if (letters > 8 || !(al <= 2 || VOWELS.has(letterInfo(b[0] ?? '').base))) return EMPTY;
      const key = `${a}\u0000${b}\u0000${spaced}`;
      let list = joins.get(key);
      if (list !== undefined) return list;
      list = EMPTY;
      const found = wordCandidates(inv, ct, a + b, generate, false, true);
      const extra = spaced ? table.split : 0;
      if (found.length > 0) list = found.map((c) => ({ ...c, edit: c.edit + extra }));
      if (joins.size > 200_000) joins.clear();
      joins.set(key, list);
      return list;
    },
  };
}

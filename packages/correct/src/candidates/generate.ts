/**
 * Candidate generation: the attested syllables OCR could have turned into a reading, each with its
 * edit cost. Readings are keyed by their bare letters; the keys tried are the reading's own, those
 * one letter confusion away (h→b, rn→m, 7→t, from the channel table) and, for readings that are no
 * attested syllable, one letter dropped or added. Splits of a reading into two syllables are
 * generated apart (`splitCandidates`), merges of two readings by calling `wordCandidates` on the
 * joined letters.
 */

import { alignedCost, type CompiledTable, editLetters } from '../channel/cost.js';
import { type Letters, lettersOf, wordTone } from '../channel/letters.js';
import type { Attested, Inventory } from './inventory.js';

export interface Candidate {
  /** Lower-case output ('old' tone placement); two syllables joined by a space for a split. */
  text: string;
  /** Language model ids of the output, one per syllable. */
  ids: number[];
  /** Edit cost (log10), not counting the cost of the word being misread at all. */
  edit: number;
  /** Tone of the (first) syllable, 0–5: how often such words are misread depends on it. */
  tone: number;
}

export interface GenerateOptions {
  /** Candidates kept per reading, cheapest first. */
  limit: number;
  /** Candidates costing more than this are dropped. */
  maxEdit: number;
}

const INSERTABLE = 'abcdeghiklmnopqrstuvxy';
/** Weight of a syllable's corpus frequency (log10 count) when choosing which candidates to keep. */
const RANK_FREQUENCY = 0.3;

/** A bare-letter key a reading could come from, and the edit that leads there. */
interface KeyEdit {
  key: string;
  /** raw[rs, rs + rl) is read for candidate[rs, rs + cl); the rest is aligned one to one. */
  rs: number;
  rl: number;
  cl: number;
  cost: number;
  /** Two edits apart: the candidate's cost is worked out in full (`editLetters`). */
  full?: boolean;
  /** A table confusion's true letters, read as raw[rs, rs + rl). */
  to?: string;
}

/** The keys of the reading's own letters, one confusion away and, when `wide`, one letter off. */
function keysOf(ct: CompiledTable, bases: readonly string[], wide: boolean): KeyEdit[] {
  const n = bases.length;
  const own = bases.join('');
  const keys: KeyEdit[] = [{ key: own, rs: 0, rl: 0, cl: 0, cost: 0 }];
  // Prefix of `own` before letter i (letters may be longer than one UTF-16 unit).
  const at = new Array<number>(n + 1);
  at[0] = 0;
  for (let i = 0; i < n; i++) at[i + 1] = at[i]! + bases[i]!.length;
  for (let i = 0; i < n; i++) {
    const rules = ct.subsByRead.get(bases[i]!);
    if (rules === undefined) continue;
    for (const rule of rules) {
      let end = i;
      let read = '';
      while (end < n && read.length < rule.read.length) read += bases[end++];
      if (read !== rule.read) continue;
      keys.push({
        key: own.slice(0, at[i]) + rule.true + own.slice(at[end]),
        rs: i,
        rl: end - i,
        cl: [...rule.true].length,
        cost: rule.cost,
        to: rule.true,
      });
    }
  }
  if (wide) {
    const table = ct.table;
    const ruleKeys = keys.length;
    for (let i = 0; i < n; i++) {
      keys.push({ key: own.slice(0, at[i]) + own.slice(at[i + 1]), rs: i, rl: 1, cl: 0, cost: table.insert });
      // Any letter for any other, at the cost of a confusion the table never saw: a garbled letter
      // is found wherever the inventory has a syllable one letter off.
      for (const letter of INSERTABLE) {
        if (letter === bases[i]) continue;
        keys.push({
          key: own.slice(0, at[i]) + letter + own.slice(at[i + 1]),
          rs: i,
          rl: 1,
          cl: 1,
          cost: table.defaultSub,
        });
      }
    }
    // Two of the table's confusions in one syllable (`rn` and `cl` in `rnột clấu`).
    for (let a = 1; a < ruleKeys; a++) {
      for (let b = a + 1; b < ruleKeys; b++) {
        const [first, second] = keys[a]!.rs < keys[b]!.rs ? [keys[a]!, keys[b]!] : [keys[b]!, keys[a]!];
        if (first.rs + first.rl > second.rs) continue;
        const key =
          own.slice(0, at[first.rs]) +
          first.to +
          own.slice(at[first.rs + first.rl], at[second.rs]) +
          second.to +
          own.slice(at[second.rs + second.rl]);
        keys.push({ key, rs: first.rs, rl: 0, cl: 0, cost: first.cost + second.cost, full: true });
      }
    }
    for (let i = 0; i <= n; i++) {
      const head = own.slice(0, at[i]);
      const tail = own.slice(at[i]);
      for (const letter of INSERTABLE)
        keys.push({ key: head + letter + tail, rs: i, rl: 0, cl: 1, cost: table.delete });
    }
  }
  return keys;
}

/**
 * Attested syllables for the reading `raw` (lower case, NFC, one word), cheapest first, the reading
 * itself excluded unless `includeSelf`. `wide` adds the keys one letter dropped or added (for readings that are no
 * attested syllable: the cost of trying is paid only where it can help).
 */
export function wordCandidates(
  inv: Inventory,
  ct: CompiledTable,
  raw: string,
  options: GenerateOptions,
  wide = false,
  includeSelf = false,
): Candidate[] {
  const letters = lettersOf(raw);
  if (letters.bases.length === 0 || letters.bases.length > 12) return [];
  const out: Candidate[] = [];
  const rank: number[] = [];
  const index = new Map<number, number>();
  for (const k of keysOf(ct, letters.bases, wide)) {
    const list = inv.byBase.get(k.key);
    if (list === undefined) continue;
    for (const entry of list) {
      if (entry.form === raw && !includeSelf) continue;
      const cost = k.full
        ? editLetters(ct, letters, entry.letters).cost
        : alignedCost(ct, letters, entry.letters, k.rs, k.rl, k.cl, k.cost);
      if (cost > options.maxEdit) continue;
      const seen = index.get(entry.id);
      if (seen !== undefined) {
        // Reached by two edits: keep the cheaper.
        if (cost < out[seen]!.edit) {
          rank[seen] = rank[seen]! - out[seen]!.edit + cost;
          out[seen]!.edit = cost;
        }
        continue;
      }
      index.set(entry.id, out.length);
      out.push({ text: entry.form, ids: [entry.id], edit: cost, tone: wordTone(entry.letters.tones).tone });
      rank.push(cost - RANK_FREQUENCY * Math.log10(entry.count));
    }
  }
  // Kept: the cheapest, frequent syllables first (a rare one needs a cheap edit to make the list).
  const order = out
    .map((_, k) => k)
    .sort((a, b) => rank[a]! - rank[b]! || (out[a]!.text < out[b]!.text ? -1 : 1));
  const kept = order.slice(0, options.limit).map((k) => out[k]!);
  kept.sort((a, b) => a.edit - b.edit || (a.text < b.text ? -1 : 1));
  return kept;
}

function sliceLetters(l: Letters, from: number, to: number): Letters {
  return { bases: l.bases.slice(from, to), marks: l.marks.slice(from, to), tones: l.tones.slice(from, to) };
}

/** The attested readings of a part of a split: the part itself, or a variant with the same letters. */
function partOptions(
  inv: Inventory,
  ct: CompiledTable,
  part: Letters,
  text: string,
): { entry: Attested; edit: number }[] {
  const own = inv.syllables.get(text);
  const list = inv.byBase.get(part.bases.join(''));
  const out: { entry: Attested; edit: number }[] = [];
  if (own !== undefined) out.push({ entry: own, edit: 0 });
  if (list !== undefined) {
    for (const entry of list) {
      if (entry === own) continue;
      out.push({ entry, edit: editLetters(ct, part, entry.letters).cost });
    }
  }
  out.sort((a, b) => a.edit - b.edit);
  return out.slice(0, 3);
}

/**
 * Two attested syllables OCR could have joined into `raw` ("trongy" → "trong y"): every cut, each
 * side read as itself or with other marks, plus the table's merge cost.
 */
export function splitCandidates(
  inv: Inventory,
  ct: CompiledTable,
  raw: string,
  options: GenerateOptions,
): Candidate[] {
  const chars = [...raw];
  if (chars.length < 2 || chars.length > 14) return [];
  const letters = lettersOf(raw);
  const out: Candidate[] = [];
  for (let cut = 1; cut < chars.length; cut++) {
    const left = partOptions(inv, ct, sliceLetters(letters, 0, cut), chars.slice(0, cut).join(''));
    if (left.length === 0) continue;
    const right = partOptions(inv, ct, sliceLetters(letters, cut, chars.length), chars.slice(cut).join(''));
    for (const l of left) {
      for (const r of right) {
        const edit = ct.table.merge + l.edit + r.edit;
        if (edit <= options.maxEdit) {
          const tone = wordTone(l.entry.letters.tones).tone;
          out.push({ text: `${l.entry.form} ${r.entry.form}`, ids: [l.entry.id, r.entry.id], edit, tone });
        }
      }
    }
  }
  out.sort((a, b) => a.edit - b.edit);
  return out.slice(0, 2);
}

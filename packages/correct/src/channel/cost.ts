/**
 * The channel cost of a reading: how unlikely it is that OCR wrote `raw` where the page said
 * `candidate`, in log10 units. A weighted edit distance over letters taken apart into base, vowel
 * mark and tone: marks and tones are compared letter by letter, letters of similar shape substitute
 * cheaply (single or several: rn ↔ m), the others dearly.
 */

import { type Letters, lettersOf, marksOf, VOWELS } from './letters.js';
import type { ChannelTable } from './table.js';

/** One elementary difference between a reading and a candidate, for explanations and calibration. */
export type EditOp =
  | { kind: 'tone'; read: number; true: number }
  | { kind: 'extra-tone'; count: number }
  | { kind: 'mark'; base: string; read: number; true: number }
  | { kind: 'sub'; read: string; true: string }
  | { kind: 'insert'; read: string }
  | { kind: 'delete'; true: string };

export interface EditResult {
  cost: number;
  ops: EditOp[];
}

export interface SubRule {
  read: string;
  true: string;
  cost: number;
  /** One letter for one letter (the alignment handles those without the rule list). */
  single: boolean;
}

/** A channel table compiled for fast lookups. */
export interface CompiledTable {
  table: ChannelTable;
  /** Substitutions (single and several letters) by the first letter they read. */
  subsByRead: Map<string, SubRule[]>;
  single: Map<string, number>;
}

const compiled = new WeakMap<ChannelTable, CompiledTable>();

export function compileTable(table: ChannelTable): CompiledTable {
  let c = compiled.get(table);
  if (c !== undefined) return c;
  const subsByRead = new Map<string, SubRule[]>();
  const single = new Map<string, number>();
  for (const [key, cost] of Object.entries(table.sub)) {
    const at = key.indexOf('>');
    const rule = { read: key.slice(0, at), true: key.slice(at + 1), cost };
    if (rule.read.length === 0) continue;
    const isSingle = [...rule.read].length === 1 && [...rule.true].length === 1;
    if (isSingle) single.set(key, cost);
    const first = [...rule.read][0]!;
    const list = subsByRead.get(first) ?? [];
    list.push({ ...rule, single: isSingle });
    subsByRead.set(first, list);
  }
  c = { table, subsByRead, single };
  compiled.set(table, c);
  return c;
}

/** Cost of reading mark `read` on a letter whose true mark is `truth`. */
export function markCost(table: ChannelTable, base: string, read: number, truth: number): number {
  if (read === truth) return 0;
  const matrix = table.mark[base];
  if (matrix === undefined) return table.defaultSub;
  // A mark this base cannot carry (an ơ read on an e) is read as no mark at all.
  const r = marksOf(base).includes(read as 0) ? read : 0;
  if (r === truth) return 0;
  return matrix[r]?.[truth] ?? table.defaultSub;
}

/**
 * Cost of the tone read given the true tone, with extra marks charged. Tone marks on letters read
 * for a consonant (`absorbed`: the accent of "í" read for "l") are part of the misread glyph.
 */
function toneCost(
  table: ChannelTable,
  raw: Letters,
  truth: number,
  ops: EditOp[] | null,
  absorbed: Uint8Array | null,
): number {
  let best = Number.POSITIVE_INFINITY;
  let bestRead = 0;
  let marked = 0;
  for (let k = 0; k < raw.tones.length; k++) {
    const t = raw.tones[k]!;
    if (t === 0 || (absorbed !== null && absorbed[k] === 1)) continue;
    marked++;
    const c = table.tone[t]![truth]!;
    if (c < best) {
      best = c;
      bestRead = t;
    }
  }
  if (marked === 0) {
    best = table.tone[0]![truth]!;
    bestRead = 0;
  }
  if (ops !== null) {
    if (bestRead !== truth) ops.push({ kind: 'tone', read: bestRead, true: truth });
    if (marked > 1) ops.push({ kind: 'extra-tone', count: marked - 1 });
  }
  return best + (marked > 1 ? (marked - 1) * table.extraTone : 0);
}

function candidateTone(cand: Letters): number {
  for (const t of cand.tones) if (t !== 0) return t;
  return 0;
}

function joined(bases: readonly string[], from: number, length: number): string {
  let s = '';
  for (let k = from; k < from + length; k++) s += bases[k];
  return s;
}

/**
 * The cost of one given alignment, the one a generator used: letters aligned one to one except
 * raw[rs, rs + rl) read for candidate[rs, rs + cl) at `opCost` (a substitution, a letter added or
 * dropped). The same costs as `editLetters` charges for that path, without searching for it.
 */
export function alignedCost(
  ct: CompiledTable,
  r: Letters,
  c: Letters,
  rs: number,
  rl: number,
  cl: number,
  opCost: number,
): number {
  const table = ct.table;
  let total = opCost;
  const n = r.bases.length;
  for (let k = 0; k < rs; k++) {
    if (r.marks[k] !== c.marks[k]) total += markCost(table, c.bases[k]!, r.marks[k]!, c.marks[k]!);
  }
  const shift = cl - rl;
  for (let k = rs + rl; k < n; k++) {
    const j = k + shift;
    if (r.marks[k] !== c.marks[j]) total += markCost(table, c.bases[j]!, r.marks[k]!, c.marks[j]!);
  }
  let vowel = false;
  for (let j = rs; j < rs + cl; j++) {
    if (VOWELS.has(c.bases[j]!)) vowel = true;
    if (c.marks[j] !== 0)
      total += markCost(table, c.bases[j]!, rl === 1 && cl === 1 ? r.marks[rs]! : 0, c.marks[j]!);
  }
  let absorbed: Uint8Array | null = null;
  if (cl > 0 && rl > 0 && !vowel) {
    absorbed = new Uint8Array(n);
    for (let k = rs; k < rs + rl; k++) absorbed[k] = 1;
  }
  return total + toneCost(table, r, candidateTone(c), null, absorbed);
}

/**
 * The cheapest way OCR could have turned `candidate` into `raw` (both lower case, NFC), without the
 * cost of the word being misread at all (added by the caller). With `explain`, the edit operations.
 */
export function editCost(ct: CompiledTable, raw: string, candidate: string, explain = false): EditResult {
  return editLetters(ct, lettersOf(raw), lettersOf(candidate), explain);
}

export function editLetters(ct: CompiledTable, r: Letters, c: Letters, explain = false): EditResult {
  const table = ct.table;
  const n = r.bases.length;
  const m = c.bases.length;
  const truth = candidateTone(c);
  // Fast path: same letters, only marks and tone differ.
  if (n === m) {
    let same = true;
    for (let i = 0; i < n; i++) {
      if (r.bases[i] !== c.bases[i]) {
        same = false;
        break;
      }
    }
    if (same) {
      const ops: EditOp[] | null = explain ? [] : null;
      let total = toneCost(table, r, truth, ops, null);
      for (let i = 0; i < n; i++) {
        if (r.marks[i] !== c.marks[i]) {
          total += markCost(table, c.bases[i]!, r.marks[i]!, c.marks[i]!);
          ops?.push({ kind: 'mark', base: c.bases[i]!, read: r.marks[i]!, true: c.marks[i]! });
        }
      }
      return { cost: total, ops: ops ?? [] };
    }
  }
  // Weighted alignment: dp[i][j] = cheapest way to read raw[0, i) for candidate[0, j).
  const W = m + 1;
  const dp = new Float64Array((n + 1) * W).fill(Number.POSITIVE_INFINITY);
  const from = new Int8Array((n + 1) * W * 2);
  dp[0] = 0;
  const relax = (i: number, j: number, di: number, dj: number, cost: number) => {
    const at = (i + di) * W + (j + dj);
    const v = dp[i * W + j]! + cost;
    if (v < dp[at]!) {
      dp[at] = v;
      from[at * 2] = di;
      from[at * 2 + 1] = dj;
    }
  };
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (dp[i * W + j] === Number.POSITIVE_INFINITY) continue;
      if (i < n && j < m) {
        const rb = r.bases[i]!;
        const cb = c.bases[j]!;
        if (rb === cb) relax(i, j, 1, 1, markCost(table, cb, r.marks[i]!, c.marks[j]!));
        else {
          const sub = ct.single.get(`${rb}>${cb}`) ?? table.defaultSub;
          relax(i, j, 1, 1, sub + (c.marks[j] !== 0 ? markCost(table, cb, r.marks[i]!, c.marks[j]!) : 0));
        }
      }
      if (i < n) relax(i, j, 1, 0, table.insert);
      if (j < m) relax(i, j, 0, 1, table.delete);
      if (i < n) {
        const rules = ct.subsByRead.get(r.bases[i]!);
        if (rules !== undefined) {
          for (const rule of rules) {
            if (rule.single) continue;
            const rl = rule.read.length;
            const tl = rule.true.length;
            if (i + rl > n || j + tl > m) continue;
            if (joined(r.bases, i, rl) !== rule.read || joined(c.bases, j, tl) !== rule.true) continue;
            let marks = 0;
            for (let k = j; k < j + tl; k++)
              if (c.marks[k] !== 0) marks += markCost(table, c.bases[k]!, 0, c.marks[k]!);
            relax(i, j, rl, tl, rule.cost + marks);
          }
        }
      }
    }
  }
  // Back through the alignment: letters read for consonants absorb their tone marks; the edits.
  const absorbed = new Uint8Array(n);
  const path: EditOp[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const at = (i * W + j) * 2;
    const di = from[at]!;
    const dj = from[at + 1]!;
    const pi = i - di;
    const pj = j - dj;
    const readText = joined(r.bases, pi, di);
    const trueText = joined(c.bases, pj, dj);
    if (di > 0 && dj > 0 && readText !== trueText) {
      let vowel = false;
      for (let k = pj; k < j; k++) if (VOWELS.has(c.bases[k]!)) vowel = true;
      if (!vowel) for (let k = pi; k < i; k++) absorbed[k] = 1;
    }
    if (explain) {
      if (di === 1 && dj === 1 && readText === trueText) {
        if (r.marks[pi] !== c.marks[pj])
          path.push({ kind: 'mark', base: trueText, read: r.marks[pi]!, true: c.marks[pj]! });
      } else if (di === 0) path.push({ kind: 'delete', true: trueText });
      else if (dj === 0) path.push({ kind: 'insert', read: readText });
      else {
        path.push({ kind: 'sub', read: readText, true: trueText });
        for (let k = pj; k < j; k++) {
          if (c.marks[k] !== 0 && (di > 1 || dj > 1 || r.marks[pi] !== c.marks[k])) {
            path.push({
              kind: 'mark',
              base: c.bases[k]!,
              read: di === 1 ? r.marks[pi]! : 0,
              true: c.marks[k]!,
            });
          }
        }
      }
    }
    i = pi;
    j = pj;
  }
  const ops: EditOp[] | null = explain ? [] : null;
  const total = toneCost(table, r, truth, ops, absorbed) + dp[n * W + m]!;
  if (ops !== null) ops.push(...path.reverse());
  return { cost: total, ops: ops ?? [] };
}

/**
 * Roman numerals, as administrative documents number their parts (I-, II., III-), and the OCR damage they
 * suffer: I read as l, 1, | or !; a stray L beside an I; two touching characters merged into one ("II-"
 * read as "IU" or "IH"). The parser reads a heading's number with `repairRoman`; the corrector checks a line
 * against the numeral its sequence expects with `readsAsRoman`.
 */

const VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
const WELL_FORMED = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/u;

/** The value of a well-formed Roman numeral in capitals (I … MMMCMXCIX), else 0. */
export function romanValue(token: string): number {
  if (!token || !WELL_FORMED.test(token)) return 0;
  let total = 0;
  for (let i = 0; i < token.length; i++) {
    const v = VALUES[token[i]!]!;
    const next = VALUES[token[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

const DIGITS: readonly [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** `n` (1 … 3999) as a Roman numeral in capitals; '' outside that range or for a non-integer. */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) return '';
  let out = '';
  let rest = n;
  for (const [value, digits] of DIGITS) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

/**
 * The numeral a printed heading token stands for, repairing OCR leftovers: l, 1, | and ! for I ("1I" → II,
 * "Il" → II), a stray L next to I ("IL" → II), and an I or two touching ones read as H or U ("IH" → II,
 * "IU" → II) — the last only when `expected` (the value the sequence expects) confirms it. The printed
 * token wins when it is a numeral; `expected` chooses among repairs. Null when no reading is a numeral
 * below 40 (no administrative document has more parts).
 */
export function repairRoman(printed: string, expected?: number): { token: string; value: number } | null {
  const candidates: string[] = [];
  const add = (token: string) => {
    if (!candidates.includes(token)) candidates.push(token);
  };
  add(printed);
  const base = printed.replace(/[l1|!]/gu, 'I');
  add(base);
  add(base.replace(/L/gu, 'I'));
  if (/[HU]/u.test(base) && expected !== undefined) {
    for (const reading of [base.replace(/[HU]/gu, 'I'), base.replace(/[HU]/gu, 'II')]) {
      if (romanValue(reading) === expected) return { token: reading, value: expected };
    }
  }
  const valid = candidates
    .map((token) => ({ token, value: romanValue(token) }))
    .filter((c) => c.value > 0 && c.value < 40);
  if (valid.length === 0) return null;
  if (expected !== undefined) {
    const hit = valid.find((c) => c.value === expected);
    if (hit) return hit;
  }
  return valid[0]!;
}

/** Characters OCR writes for the letters of Roman numerals. */
export const ROMAN_LOOKALIKES: Readonly<Record<string, readonly string[]>> = {
  I: ['I', 'l', '1', '|', 'i', '!', 'L', 'í', 'ì', 'Í', 'Ì', 'j', 'J', ']', '['],
  V: ['V', 'v', 'Y', 'y', 'U', 'u'],
  X: ['X', 'x', 'K'],
};

/**
 * Two characters read as one: the second I and the separator of "II-" (or "II.") merge into U or H; any
 * separator stands for the document's own.
 */
export const MERGED_ROMAN: Readonly<Record<string, readonly string[]>> = {
  U: ['II', 'I-'],
  H: ['I-', 'II'],
  N: ['II'],
  W: ['VI', 'IV'],
};

/** Separators after a heading numeral; OCR turns any of them into any other. */
export const HEADING_SEPARATORS = '-.,:;–';

/** Whether `c` stands for `t`: the same character, or any separator for any other ("-" for "."). */
function sameOrSeparators(t: string, c: string): boolean {
  return c === t || (HEADING_SEPARATORS.includes(t) && HEADING_SEPARATORS.includes(c));
}

/** Whether `target` reads `pair` at `j`, any separator standing for any other ("I-" for "I."). */
function pairMatches(target: string, j: number, pair: string): boolean {
  if (j + pair.length > target.length) return false;
  for (let k = 0; k < pair.length; k++) if (!sameOrSeparators(target[j + k]!, pair[k]!)) return false;
  return true;
}

/**
 * Whether `raw` can be read as `target` (a numeral, then maybe a separator: "II-") through look-alikes,
 * merged pairs and separators: "IU" reads as "II-", "H" as "II", "L" as "I".
 */
export function readsAsRoman(raw: string, target: string): boolean {
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    const m = memo.get(key);
    if (m !== undefined) return m;
    let ok = false;
    if (i === raw.length)
      ok = j === target.length || (j === target.length - 1 && HEADING_SEPARATORS.includes(target[j]!));
    else {
      const c = raw[i]!;
      if (j < target.length) {
        const t = target[j]!;
        if (sameOrSeparators(t, c) || (ROMAN_LOOKALIKES[t]?.includes(c) ?? false)) ok = go(i + 1, j + 1);
        if (!ok)
          for (const pair of MERGED_ROMAN[c] ?? [])
            if (pairMatches(target, j, pair) && go(i + 1, j + 2)) ok = true;
      }
      // A separator read where none is: "IU." for "II."
      if (!ok && HEADING_SEPARATORS.includes(c) && j === target.length) ok = go(i + 1, j);
    }
    memo.set(key, ok);
    return ok;
  };
  return go(0, 0);
}

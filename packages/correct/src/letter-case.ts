/**
 * Letter case. Candidates are lower case; the output takes the case the word was written in. Some
 * letters look the same in both cases (c o s u v w x z, with any marks: ơ Ơ, ứ Ứ), so OCR often
 * gets their case wrong: `CO'` mid-sentence is `cơ`, and `ứng` after a full stop is `Ứng`. These
 * two repairs are made only for words whose first letter is such a look-alike (or that were misread
 * anyway), in a clear context.
 */

import { stripMarks } from '@sohoa/vi';

export type CasePattern = 'lower' | 'upper' | 'title' | 'mixed' | 'none';

/** 1 upper, -1 lower, 0 caseless; ASCII without string allocations. */
function caseOf(c: string): number {
  const code = c.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? 1 : code >= 0x61 && code <= 0x7a ? -1 : 0;
  if (c !== c.toLowerCase()) return 1;
  return c !== c.toUpperCase() ? -1 : 0;
}

export function casePattern(word: string): CasePattern {
  let upper = 0;
  let lower = 0;
  let firstUpper: boolean | null = null;
  let restUpper = 0;
  for (const c of word) {
    const k = caseOf(c);
    const isUpper = k > 0;
    const isLower = k < 0;
    if (!isUpper && !isLower) continue;
    if (firstUpper === null) firstUpper = isUpper;
    else if (isUpper) restUpper++;
    if (isUpper) upper++;
    else lower++;
  }
  if (upper + lower === 0) return 'none';
  if (upper === 0) return 'lower';
  if (lower === 0) return upper === 1 ? 'title' : 'upper';
  if (firstUpper && restUpper === 0) return 'title';
  return 'mixed';
}

/** `text` (lower case) in the case `pattern`; a mixed pattern gives title or lower case by its first letter. */
export function applyCase(pattern: CasePattern, text: string, rawFirstUpper = false): string {
  switch (pattern) {
    case 'upper':
      return text.toUpperCase();
    case 'title':
      return text.charAt(0).toUpperCase() + text.slice(1);
    case 'mixed':
      return rawFirstUpper ? text.charAt(0).toUpperCase() + text.slice(1) : text;
    default:
      return text;
  }
}

const AMBIGUOUS = new Set(['c', 'o', 's', 'u', 'v', 'w', 'x', 'z']);

/** Whether a letter looks the same in both cases (any marks: ơ, ứ). */
export function caseAmbiguous(char: string): boolean {
  return AMBIGUOUS.has(stripMarks(char).toLowerCase());
}

/** Whether every letter of `word` looks the same in both cases. */
export function allCaseAmbiguous(word: string): boolean {
  let letters = 0;
  for (const c of word) {
    if (c.toLowerCase() === c.toUpperCase()) continue;
    letters++;
    if (!caseAmbiguous(c)) return false;
  }
  return letters > 0;
}

/**
 * Whether a document capitalises the starts of its sentences and of its list items. Capitals are the
 * convention; a document denies it with lower case starts whose letters show their case (t, đ, n…:
 * OCR cannot mistake them), and then a lower case start with a look-alike letter (`ứng`, `chỉ`… after
 * `. ` or `- `) is the author's too and stays. Elsewhere it becomes a capital: OCR lost it.
 */

import { caseAmbiguous } from './letter-case.js';

export interface CapitalStyle {
  /** Sentences start with a capital (after a word and `.`, `!` or `?`, on the same line). */
  sentences: boolean;
  /** List items (`- `, `+ `, `• ` at a line start) start with a capital. */
  listItems: boolean;
}

const SENTENCE_START = /\p{L}{2}[.!?][ \t]+(\p{L})/gu;
/** What opens a list item at a line start. */
export const LIST_MARKS: ReadonlySet<string> = new Set(['-', '+', '•', '–']);
const ITEM_START = new RegExp(`^[ \\t]*[${[...LIST_MARKS].join('')}][ \\t]*(\\p{L})`, 'gmu');
/**
 * Capitals are the convention; a document denies it with more than one lower case start in this
 * many (a lower case start whose letter shows its case).
 */
const EXCEPTIONS = 20;

function capitalised(text: string, pattern: RegExp): boolean {
  let upper = 0;
  let lower = 0;
  for (const m of text.matchAll(pattern)) {
    const letter = m[1]!;
    // Every capital shows the style (OCR seldom raises a letter's case); a lower case letter only
    // when its shape shows its case.
    if (letter !== letter.toLowerCase()) upper++;
    else if (letter !== letter.toUpperCase() && !caseAmbiguous(letter)) lower++;
  }
  return lower * EXCEPTIONS <= upper;
}

export function capitalStyle(text: string): CapitalStyle {
  return { sentences: capitalised(text, SENTENCE_START), listItems: capitalised(text, ITEM_START) };
}

/**
 * Punctuation OCR misreads in a way its position gives away:
 * - a quotation mark standing alone between two words ("chính trị “ xã hội") quotes nothing — an
 *   opening quote sticks to the word after it, a closing one to the word before — and is the dash
 *   of "chính trị - xã hội";
 * - a full stop inside a run of letters, between two Vietnamese syllables and before a lower-case
 *   one ("các.cấp"), is a speck of dirt where a space was: no sentence starts in lower case, and
 *   domain names (gov.vn) carry no Vietnamese marks; a comma there ("sở,ngành") is a comma that
 *   lost its space.
 */

import { isValidSyllable } from '@sohoa/vi';

export interface PunctuationRepair {
  start: number;
  end: number;
  raw: string;
  replacement: string;
  confidence: number;
  note: string;
}

/** The word before may end in a combining mark (text not in NFC): the rule must not hang on the form. */
const LONE_QUOTE = /(?<=[\p{L}\p{M}\p{N}][ \t]+)[“”„"«»](?=[ \t]+[\p{L}\p{N}])/gu;
/** word . word, each a run of letters (NFC or not) standing apart from any other non-space character. */
const GLUED = /(?<![^\s(“"‘'])([\p{L}\p{M}]+)([.,])(\p{Ll}[\p{L}\p{M}]*)(?=[\s.,;:!?)”"’'…]|$)/gu;
/** A letter only Vietnamese writes (marks, đ, horns, breves). */
const VIETNAMESE = /[^\p{ASCII}]/u;

/** A line opened by what OCR makes of a list dash: `~`, `_`, `—`, `–`, `¬`, `=`. */
const ODD_DASH = /^([ \t]*)([~_—–¬=])(?=[ \t]+\p{L})/gmu;

export function repairPunctuation(text: string): PunctuationRepair[] {
  const out: PunctuationRepair[] = [];
  // List dashes: where the document's lists are set with "- " (three lines or more, and more of them than
  // of the odd marks), a line opened by `~`, `_`, `—` is such a dash misread. An author who sets lists with
  // "—" throughout keeps them.
  const dashes = (text.match(/^[ \t]*-[ \t]+\p{L}/gmu) ?? []).length;
  const odd = [...text.matchAll(ODD_DASH)];
  if (dashes >= 3 && odd.length < dashes) {
    for (const m of odd) {
      const at = m.index + m[1]!.length;
      out.push({
        start: at,
        end: at + 1,
        raw: m[2]!,
        replacement: '-',
        confidence: 0.9,
        note: `a list dash read as ${m[2]}: the document's lists are set with "-"`,
      });
    }
  }
  for (const m of text.matchAll(LONE_QUOTE)) {
    // A quotation mark that pairs with another on its line quotes something, spaces or not.
    const from = text.lastIndexOf('\n', m.index) + 1;
    const end = text.indexOf('\n', m.index);
    const before = text.slice(from, m.index);
    const after = text.slice(m.index + 1, end < 0 ? text.length : end);
    const opens = (before.match(/“/gu) ?? []).length - (before.match(/”/gu) ?? []).length;
    if ((m[0] === '”' && opens > 0) || (m[0] === '“' && after.includes('”'))) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      raw: m[0],
      replacement: '-',
      confidence: 0.8,
      note: 'a quotation mark between spaces quotes nothing: a dash',
    });
  }
  for (const m of text.matchAll(GLUED)) {
    const [, rawLeft, mark, rawRight] = m as unknown as [string, string, string, string];
    const left = rawLeft.normalize('NFC');
    const right = rawRight.normalize('NFC');
    // A letter before the mark is a list item (a.các), not a word.
    if ([...left].length < 2 || !VIETNAMESE.test(left + right)) continue;
    if (!isValidSyllable(left.toLowerCase()) || !isValidSyllable(right)) continue;
    const at = m.index + rawLeft.length;
    out.push(
      mark === ','
        ? {
            start: at,
            end: at + 1,
            raw: mark,
            replacement: ', ',
            confidence: 0.9,
            note: 'a comma that lost its space',
          }
        : {
            start: at,
            end: at + 1,
            raw: mark,
            replacement: ' ',
            confidence: 0.9,
            note: 'a speck read as a full stop between two words: a space',
          },
    );
  }
  return out;
}

import { matchesOf } from './matches.js';

/*
 * Sentences of a paragraph: cut after ".", "!" or "?" before an upper-case word, not after an abbreviation
 * ("TP.", "TT.", "ThS.") and not inside parentheses.
 */

const ABBREVIATION =
  /(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))(?:TP|TT|Tp|ThS|TS|PGS|GS|Q|TM|KT|TL|St)\.$/u;

/** The sentences of a paragraph, in order. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const re = /(?<=[.!?])\s+(?=\p{Lu})/gu;
  let last = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    if (text[i] === ')') depth = Math.max(0, depth - 1);
  }
  if (depth > 0) return [text];
  // Parentheses open before each cut, counted as the scan moves on: recounting the whole prefix at every cut
  // made a long paragraph of short sentences quadratic.
  let open = 0;
  let counted = 0;
  for (const m of matchesOf(re, text)) {
    for (; counted < m.index; counted++) {
      if (text[counted] === '(') open++;
      else if (text[counted] === ')') open--;
    }
    // An abbreviation is a few letters: its test needs only the end of the text before the cut.
    if (open > 0 || ABBREVIATION.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    out.push(text.slice(last, m.index).trim());
    last = m.index + m[0].length;
  }
  out.push(text.slice(last).trim());
  return out.filter(Boolean);
}

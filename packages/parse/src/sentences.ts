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
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(0, m.index);
    const open = (before.match(/\(/gu) ?? []).length - (before.match(/\)/gu) ?? []).length;
    if (open > 0 || ABBREVIATION.test(before)) continue;
    out.push(text.slice(last, m.index).trim());
    last = m.index + m[0].length;
  }
  out.push(text.slice(last).trim());
  return out.filter(Boolean);
}

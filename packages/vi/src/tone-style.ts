/**
 * Tone placement style of a text (hòa vs hoà) and conversion between styles. Only oa, oe, uy
 * without a final consonant differ, so only those syllables are counted or rewritten; every other
 * byte of the text is left as it was.
 */

import { CHAR_INFO, isCombiningMark, TABLE_SIZE } from './letters.js';
import { parseSyllable, setTone } from './syllable.js';
import type { ToneStyle } from './tones.js';

function isWordCode(code: number): boolean {
  return (code < TABLE_SIZE && CHAR_INFO[code] !== 0) || isCombiningMark(code);
}

/** Calls `visit` with each run of Vietnamese letters (and combining marks) in `text`. */
function forEachWord(text: string, visit: (start: number, end: number) => void): void {
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isWordCode(text.charCodeAt(i))) i++;
    // A run glued to other letters (café, naïve) is not a Vietnamese word: skip it whole.
    const before = start > 0 ? text.charCodeAt(start - 1) : 0;
    const after = i < n ? text.charCodeAt(i) : 0;
    if (!isForeignLetter(before) && !isForeignLetter(after)) visit(start, i);
  }
}

function isForeignLetter(code: number): boolean {
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return /\p{L}/u.test(String.fromCharCode(code));
}

export interface ToneStyleCounts {
  /** Syllables written the traditional way: hòa, khỏe, thủy. */
  old: number;
  /** Syllables written with the mark on the main vowel: hoà, khoẻ, thuỷ. */
  new: number;
}

/** How many syllables of `text` show each placement style (syllables where styles agree are not counted). */
export function countToneStyles(text: string): ToneStyleCounts {
  const counts: ToneStyleCounts = { old: 0, new: 0 };
  forEachWord(text, (start, end) => {
    if (end - start < 2) return;
    const placement = parseSyllable(text.slice(start, end))?.placement;
    if (placement === 'old') counts.old++;
    else if (placement === 'new') counts.new++;
  });
  return counts;
}

/** The dominant tone placement style, or `'unknown'` when no syllable tells them apart or it is a tie. */
export function detectToneStyle(text: string): ToneStyle | 'unknown' {
  const { old, new: modern } = countToneStyles(text);
  if (old === modern) return 'unknown';
  return old > modern ? 'old' : 'new';
}

/**
 * Rewrite every syllable placed in the other style: convertToneStyle("Hoà bình, thuỷ lợi", "old")
 * → "Hòa bình, thủy lợi". Case is kept per letter; everything else stays byte-identical (a
 * rewritten syllable comes out NFC).
 */
export function convertToneStyle(text: string, style: ToneStyle): string {
  const other: ToneStyle = style === 'old' ? 'new' : 'old';
  let out = '';
  let last = 0;
  forEachWord(text, (start, end) => {
    const word = text.slice(start, end);
    const parsed = parseSyllable(word);
    if (parsed?.placement !== other) return;
    const converted = setTone(word, parsed.tone, { style });
    if (converted === null) return;
    out += text.slice(last, start) + converted;
    last = end;
  });
  return last === 0 ? text : out + text.slice(last);
}

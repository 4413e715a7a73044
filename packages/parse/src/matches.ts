/**
 * Every match of `re` in `text`, left to right, from `from` on.
 *
 * Why not a `for (let m = re.exec(text); m; m = re.exec(text))` loop: after an empty match `exec` leaves
 * `lastIndex` where it was, so a pattern that can match the empty string (a lookahead, an all-optional
 * pattern) makes such a loop spin for ever. Here an empty match moves the search on by one code point, as
 * `String#matchAll` does, so every loop over matches ends.
 *
 * The pattern is copied (with the `g` flag added when missing): a caller that nests scans, or a scan that
 * breaks early, cannot leave a shared `lastIndex` behind for the next one. V8 caches compiled patterns by
 * source and flags, so the copy costs an object, not a compilation.
 */
export function* matchesOf(re: RegExp, text: string, from = 0): Generator<RegExpExecArray, void, undefined> {
  const copy = new RegExp(re, re.flags.includes('g') || re.flags.includes('y') ? re.flags : `${re.flags}g`);
  const unicode = copy.flags.includes('u') || copy.flags.includes('v');
  copy.lastIndex = from;
  for (let m = copy.exec(text); m; m = copy.exec(text)) {
    const start = m.index;
    const empty = m[0].length === 0;
    yield m;
    if (empty) {
      if (start >= text.length) return;
      copy.lastIndex = start + (unicode ? codePointLength(text, start) : 1);
    }
  }
}

/** The last match of `re` in `text`, or null. */
export function lastMatchOf(re: RegExp, text: string): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  for (const m of matchesOf(re, text)) last = m;
  return last;
}

function codePointLength(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c < 0xd800 || c > 0xdbff) return 1;
  const d = text.charCodeAt(at + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

/**
 * Anchoring: describe a passage so it can be found again after the text changes (`anchor`), find
 * it (`resolve`), and carry it through a known edit without searching (`moveThroughEdit`).
 *
 * The passage is described three ways, as Hypothesis does on PDFs, each covering what the others
 * cannot: the quote with 32 characters of context either side (survives text inserted or removed
 * elsewhere), the position (tells identical quotes with identical context apart, and makes the
 * unchanged case one comparison), and the page (a hint when the position is missing). Resolving
 * tries, in order:
 *
 * 1. the position, when the quote and its context are still there (one comparison);
 * 2. the places where the quote occurs exactly, nearest the old position first, and — unless one
 *    with its context intact settles it — places where it occurs approximately (a reviewer
 *    reverted or accepted a correction inside it), found by the quote's rarest words near the old
 *    position (in the whole text when nothing credible is there) with their ends placed by edit
 *    distance; each scored by quote, prefix and suffix agreement with Hypothesis's weights (50,
 *    20, 20) and by nearness to the old position (`W_POSITION`);
 * 3. nothing, when no place is credible: the quote is not there closely enough, or its context
 *    or its numbers are not (`#credible`).
 *
 * Words are looked up in the text's word index (`text.ts`) by their rarest words, with keys
 * without tones and case so a corrected word still finds its place; nothing scans the whole text
 * per note except a quote with no whole word (a fragment of one word, punctuation), which is
 * searched with `indexOf`.
 */

import { distance } from 'fastest-levenshtein';
import { AnnotationError } from './errors.js';
import {
  Box,
  type Note,
  type PageSelector,
  type Selector,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './schema.js';
import { indexText, isWordChar, nfc, snap, TextIndex, type Word, wordsOf } from './text.js';

/** A passage: UTF-16 offsets in the text it was given with (as `Correction` offsets are). */
export interface Span {
  start: number;
  end: number;
}

/** Where `resolve` found a passage. `exact`: the text there is the quote (NFC); false for an approximate match. */
export interface Resolved extends Span {
  exact: boolean;
}

/** One replacement in a text (`reviseCorrection`'s `edit` in `@sohoa/correct`): `text` replaces `start`–`end`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface AnchorOptions {
  /** The passage's rectangle on its page's scan, when the application knows it. */
  box?: Box;
}

/** The selectors of a note by kind. */
export interface SelectorsByKind {
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
  page?: PageSelector;
}

/** Characters of context kept either side (Hypothesis keeps 32). */
export const CONTEXT_LENGTH = 32;
const W_QUOTE = 50;
const W_PREFIX = 20;
const W_SUFFIX = 20;
/**
 * Hypothesis gives the position 2, scored by distance relative to the whole text: web pages
 * re-render and move. Here the text changes by corrections, a few characters at a time, and the
 * position counts NFC code points, so recomposing NFD moves nothing: a place near the old position
 * is strong evidence. It decays over about two-thirds of a page, so it outweighs a changed letter
 * (a 1-edit variant where the note was beats an exact copy of quote and context pages away) but
 * not a changed context.
 */
const W_POSITION = 10;
const POSITION_SCALE = 2000;
/**
 * Mean prefix/suffix similarity a place needs unless its quote is exact and found nowhere else.
 * Random text of the same language agrees far less; a correction or two in 32 characters leaves
 * it above 0.9.
 */
const MIN_CONTEXT = 0.5;
/**
 * Edit distance allowed, relative to the quote (at least one edit). A correction changes one to
 * three characters of a word; 0.3 of a passage is several corrections, not a different passage.
 */
const MAX_RELATIVE_DISTANCE = 0.3;
/**
 * A quote found exactly once but out of its context is taken when at least as long as the
 * context kept either side: a plan's stock phrases ("phối hợp với các sở, ngành liên quan") are
 * shorter and recur.
 */
const MIN_UNIQUE_LENGTH = 32;
/** Rarest words of the quote used to find approximate places. */
const MAX_WORDS = 8;
/** How far (characters) an approximate place's ends are searched around the words' estimate. */
const MAX_SHIFT = 12;
/** Exact occurrences looked at for a quote without whole words (`indexOf`). */
const MAX_SCAN = 10_000;
/** Approximate places are looked for this far either side of the old position first (about two pages). */
const LOCAL_WINDOW = 6000;
/** Places (by most words agreeing) refined when the whole text must be searched. */
const MAX_PLACES = 64;

/**
 * The selectors for `span` of `text`: quote with context, position, page (and box when given).
 * `span` is in UTF-16 offsets of `text` as given; a span cutting a letter from its marks or a
 * surrogate pair is widened to whole characters. Throws an `AnnotationError` (`invalid-span`) for
 * a span outside the text or empty, (`invalid-selectors`) for a malformed box.
 */
export function anchor(text: string | TextIndex, span: Span, options: AnchorOptions = {}): Selector[] {
  const ix = indexText(text);
  checkSpan(span, ix.text.length, 'span');
  const { norm } = ix;
  const start = snap(norm, ix.toNorm(span.start, 'start'), 'start');
  const end = snap(norm, ix.toNorm(span.end, 'end'), 'end');
  // Context is cut at whole characters too, inward so it stays within 32.
  const prefixStart = snap(norm, Math.max(0, start - CONTEXT_LENGTH), 'end');
  const suffixEnd = snap(norm, Math.min(norm.length, end + CONTEXT_LENGTH), 'start');
  const page: PageSelector = { type: 'PageSelector', page: ix.pageAt(start) };
  if (options.box !== undefined) {
    const box = Box.safeParse(options.box);
    if (!box.success) {
      throw new AnnotationError(
        'invalid-selectors',
        'box must be whole pixels: x, y ≥ 0, w, h > 0',
        ['box'],
        box.error.issues,
      );
    }
    page.box = box.data;
  }
  return [
    {
      type: 'TextQuoteSelector',
      exact: norm.slice(start, end),
      prefix: norm.slice(prefixStart, start),
      suffix: norm.slice(end, suffixEnd),
    },
    { type: 'TextPositionSelector', start: ix.codePoint(start), end: ix.codePoint(end) },
    page,
  ];
}

/** The selectors of a note by kind; throws an `AnnotationError` (`invalid-selectors`) without a quote. */
export function selectorsByKind(selectors: readonly Selector[]): SelectorsByKind {
  if (!Array.isArray(selectors)) {
    throw new AnnotationError('invalid-selectors', 'selectors must be an array', ['selector']);
  }
  let quote: TextQuoteSelector | undefined;
  let position: TextPositionSelector | undefined;
  let page: PageSelector | undefined;
  for (const s of selectors) {
    if (s.type === 'TextQuoteSelector') quote ??= s;
    else if (s.type === 'TextPositionSelector') position ??= s;
    else if (s.type === 'PageSelector') page ??= s;
  }
  if (quote === undefined || typeof quote.exact !== 'string' || quote.exact === '') {
    throw new AnnotationError('invalid-selectors', 'a TextQuoteSelector with a non-empty exact is needed', [
      'selector',
    ]);
  }
  return { quote, ...(position && { position }), ...(page && { page }) };
}

/**
 * Find the passage the selectors describe in `text` (the same text, or one changed since): UTF-16
 * offsets in `text` as given, whatever its Unicode form; null when nothing credible is there.
 * Give an `indexText(text)` when resolving notes on several texts in turn.
 */
export function resolve(text: string | TextIndex, selectors: readonly Selector[]): Resolved | null {
  const ix = indexText(text);
  const { quote, position, page } = selectorsByKind(selectors);
  const search = new Search(ix, nfc(quote.exact), nfc(quote.prefix ?? ''), nfc(quote.suffix ?? ''));
  if (position !== undefined) search.hint = ix.fromCodePoint(position.start);
  else if (page !== undefined) search.hint = ix.pageStart(page.page);
  const best = search.run();
  if (best === null) return null;
  return {
    start: ix.fromNorm(best.start, 'start'),
    end: ix.fromNorm(best.end, 'end'),
    exact: best.distance === 0,
  };
}

interface Candidate {
  start: number;
  end: number;
  distance: number;
  prefix: number;
  suffix: number;
}

/** One quote's search in one text; offsets are NFC offsets. */
class Search {
  readonly #norm: string;
  readonly #ix: TextIndex;
  readonly #exact: string;
  readonly #prefix: string;
  readonly #suffix: string;
  readonly #maxErrors: number;
  hint: number | undefined;
  #exactCount = 0;
  #seen = new Set<string>();
  #best: Candidate | null = null;
  #bestScore = Number.NEGATIVE_INFINITY;

  constructor(ix: TextIndex, exact: string, prefix: string, suffix: string) {
    this.#ix = ix;
    this.#norm = ix.norm;
    this.#exact = exact;
    this.#prefix = prefix;
    this.#suffix = suffix;
    this.#maxErrors = Math.max(1, Math.floor(MAX_RELATIVE_DISTANCE * exact.length));
  }

  run(): Candidate | null {
    const norm = this.#norm;
    const exact = this.#exact;
    const hint = this.hint;
    // 1. Unchanged where it was: one comparison, the common case.
    if (
      hint !== undefined &&
      norm.startsWith(exact, hint) &&
      hint >= this.#prefix.length &&
      norm.startsWith(this.#prefix, hint - this.#prefix.length) &&
      norm.startsWith(this.#suffix, hint + exact.length)
    ) {
      return { start: hint, end: hint + exact.length, distance: 0, prefix: 1, suffix: 1 };
    }

    // 2. Exact occurrences, nearest the old position first. One with its context intact beats
    // every farther exact one (they tie on quote and context); it is taken at once when no
    // approximate place — an edit or more from the quote, at best with intact context where the
    // note was — could score higher either.
    const starts = this.#exactStarts();
    this.#exactCount = starts.length;
    const bestApproximate =
      W_QUOTE * (1 - 1 / (exact.length + this.#maxErrors)) +
      W_PREFIX +
      W_SUFFIX +
      (hint === undefined ? 0 : W_POSITION);
    const near =
      hint === undefined ? starts : [...starts].sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint));
    for (const s of near) {
      const c = this.#candidate(s, s + exact.length, 0);
      this.#consider(c);
      if (c.prefix === 1 && c.suffix === 1) {
        if (this.#score(c) >= bestApproximate) return c;
        break;
      }
    }
    // 3. Approximate places: near the old position, or anywhere when nothing credible is there.
    if (hint !== undefined) this.#approximate(hint);
    if (this.#best === null) this.#approximate(undefined);
    return this.#best;
  }

  /** Keep `c` if it is credible and the best so far. */
  #consider(c: Candidate): void {
    const key = `${c.start}:${c.end}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    if (!this.#credible(c)) return;
    const score = this.#score(c);
    if (score > this.#bestScore) {
      this.#best = c;
      this.#bestScore = score;
    }
  }

  /**
   * A place is credible when the quote is there within the distance allowed, the context agrees
   * and the numbers around it are the same (`sameNumbers`); an exact quote found nowhere else is
   * taken without its context when it is long enough not to be there by chance (the passage
   * moved, its surroundings were rewritten).
   */
  #credible(c: Candidate): boolean {
    if (c.distance === 0 && this.#exactCount === 1 && this.#exact.length >= MIN_UNIQUE_LENGTH) return true;
    if (c.distance > this.#maxErrors || (c.prefix + c.suffix) / 2 < MIN_CONTEXT) return false;
    const norm = this.#norm;
    const window =
      norm.slice(Math.max(0, c.start - this.#prefix.length), c.start) +
      norm.slice(c.start, c.end) +
      norm.slice(c.end, c.end + this.#suffix.length);
    return sameNumbers(this.#prefix + this.#exact + this.#suffix, window);
  }

  #score(c: Candidate): number {
    const length = Math.max(this.#exact.length, c.end - c.start);
    const quote = 1 - c.distance / length;
    const position = this.hint === undefined ? 0 : Math.exp(-Math.abs(c.start - this.hint) / POSITION_SCALE);
    return W_QUOTE * quote + W_PREFIX * c.prefix + W_SUFFIX * c.suffix + W_POSITION * position;
  }

  #candidate(start: number, end: number, d: number): Candidate {
    const norm = this.#norm;
    const prefix = this.#prefix;
    const suffix = this.#suffix;
    return {
      start,
      end,
      distance: d,
      prefix: similarity(prefix, norm.slice(Math.max(0, start - prefix.length), start)),
      suffix: similarity(suffix, norm.slice(end, end + suffix.length)),
    };
  }

  /** Words of the quote that are whole words in the text wherever the quote is. */
  #wholeWords(): Word[] {
    const exact = this.#exact;
    // A word at the quote's edge is whole when the stored context ends (or starts) with no letter.
    const openStart = isWordChar(this.#prefix.at(-1));
    const openEnd = isWordChar(this.#suffix[0]);
    return wordsOf(exact).filter((w) => (w.start > 0 || !openStart) && (w.end < exact.length || !openEnd));
  }

  /** NFC offsets where the quote is, exactly. */
  #exactStarts(): number[] {
    const norm = this.#norm;
    const exact = this.#exact;
    // A word strictly inside the quote is a whole word of the text at every occurrence: the
    // occurrences are among its postings. The rarest such word gives the fewest to check.
    let rarest: { word: Word; list: readonly number[] } | undefined;
    for (const word of wordsOf(exact)) {
      if (word.start === 0 || word.end === exact.length) continue;
      const list = this.#ix.postings(word.key);
      if (rarest === undefined || list.length < rarest.list.length) rarest = { word, list };
    }
    const starts: number[] = [];
    if (rarest !== undefined) {
      for (const p of rarest.list) {
        const s = p - rarest.word.start;
        if (s >= 0 && norm.startsWith(exact, s)) starts.push(s);
      }
      return starts;
    }
    for (let i = norm.indexOf(exact); i >= 0 && starts.length < MAX_SCAN; i = norm.indexOf(exact, i + 1)) {
      starts.push(i);
    }
    return starts;
  }

  /**
   * Places where the quote is within the distance allowed: where most of its rarest words are
   * at the right distances from each other (and where it was), each place's ends then searched
   * for the fewest edits. Within `LOCAL_WINDOW` of `around` when given, else in the whole text,
   * the places most words agree on first.
   */
  #approximate(around: number | undefined): void {
    const exact = this.#exact;
    const maxErrors = this.#maxErrors;
    const lo = around === undefined ? Number.NEGATIVE_INFINITY : around - LOCAL_WINDOW;
    const hi = around === undefined ? Number.POSITIVE_INFINITY : around + LOCAL_WINDOW;
    const chosen = this.#wholeWords()
      .map((word) => ({ word, list: within(this.#ix.postings(word.key), lo + word.start, hi + word.start) }))
      .filter((x) => x.list.length > 0)
      .sort((a, b) => a.list.length - b.list.length)
      .slice(0, MAX_WORDS);

    // Each occurrence of a chosen word votes for the quote starting `word.start` before it.
    const votes: [start: number, word: number][] = [];
    chosen.forEach(({ word, list }, k) => {
      for (const p of list) votes.push([p - word.start, k]);
    });
    votes.sort((a, b) => a[0] - b[0]);

    const places: { start: number; end: number; words: number }[] = [];
    // Votes for one place differ by the length changes between its words: at most maxErrors.
    const needed = Math.ceil(chosen.length / 2);
    for (let i = 0; i < votes.length; ) {
      let j = i;
      let words = 0;
      let first = -1;
      let last = -1;
      while (j < votes.length && votes[j]![0] - votes[i]![0] <= maxErrors) {
        const k = votes[j]![1];
        words |= 1 << k;
        // The vote of the word nearest the quote's start estimates the start; the nearest the end, the end.
        if (first < 0 || chosen[k]!.word.start < chosen[votes[first]![1]]!.word.start) first = j;
        if (last < 0 || chosen[k]!.word.start > chosen[votes[last]![1]]!.word.start) last = j;
        j++;
      }
      const agreeing = popcount(words);
      if (agreeing >= needed)
        places.push({ start: votes[first]![0], end: votes[last]![0] + exact.length, words: agreeing });
      i = j;
    }
    // Where it was, even when its words changed.
    if (around !== undefined)
      places.push({ start: around, end: around + exact.length, words: chosen.length });

    const n = this.#norm.length;
    // Cheap test first: most word matches elsewhere have nothing of the context.
    const plausible = places.filter((p) => {
      const rough = this.#candidate(clamp(p.start, n), clamp(p.end, n), 0);
      return (rough.prefix + rough.suffix) / 2 >= MIN_CONTEXT - 0.2;
    });
    // Likeliest first, so the best found early rules out the rest (see #refine).
    if (around === undefined) plausible.sort((a, b) => b.words - a.words).splice(MAX_PLACES);
    else plausible.sort((a, b) => Math.abs(a.start - around) - Math.abs(b.start - around));
    for (const p of plausible) {
      const found = this.#refine(p.start, p.end);
      if (found !== null) this.#consider(found);
    }
  }

  /**
   * The ends near (s0, e0) where prefix, quote and suffix together are the fewest edits from the
   * text: start, end, start again. The quote alone would rather lose a changed letter at its edge
   * ("cơ sở" matches "O' sở" with 2 edits, "CO' sở" with 3); its context puts the edge where the
   * passage begins.
   */
  #refine(s0: number, e0: number): Candidate | null {
    const norm = this.#norm;
    const n = norm.length;
    const r = Math.min(this.#maxErrors, MAX_SHIFT);
    const before = (s: number) => distance(this.#prefix, norm.slice(Math.max(0, s - this.#prefix.length), s));
    const after = (e: number) => distance(this.#suffix, norm.slice(e, e + this.#suffix.length));
    let s = clamp(s0, n);
    let e = clamp(e0, n);
    if (e <= s) return null;
    let d = this.#distance(s, e);
    // Moving each end by at most r changes the distance by at most r each: a place that cannot
    // come within the distance allowed, or score above the best place so far even with its
    // context intact, is not searched.
    const fewest = Math.max(1, d - 2 * r);
    if (fewest > this.#maxErrors) return null;
    const hint = this.hint;
    const highest =
      W_QUOTE * (1 - fewest / (Math.max(this.#exact.length, e - s) + 2 * r)) +
      W_PREFIX +
      W_SUFFIX +
      (hint === undefined ? 0 : W_POSITION * Math.exp(-Math.max(0, Math.abs(s - hint) - r) / POSITION_SCALE));
    if (highest <= this.#bestScore) return null;
    let cost = before(s) + d + after(e);
    const bestStart = () => {
      const ds = after(e);
      for (let k = 1; k <= r; k++) {
        for (const t of [s0 - k, s0 + k]) {
          if (t < 0 || t >= e) continue;
          const dt = this.#distance(t, e);
          const ct = before(t) + dt + ds;
          if (ct < cost || (ct === cost && dt < d)) {
            [s, d, cost] = [t, dt, ct];
          }
        }
      }
    };
    const bestEnd = () => {
      const dp = before(s);
      for (let k = 1; k <= r; k++) {
        for (const t of [e0 - k, e0 + k]) {
          if (t <= s || t > n) continue;
          const dt = this.#distance(s, t);
          const ct = dp + dt + after(t);
          if (ct < cost || (ct === cost && dt < d)) {
            [e, d, cost] = [t, dt, ct];
          }
        }
      }
    };
    bestStart();
    bestEnd();
    bestStart();
    const start = snap(norm, s, 'start');
    const end = snap(norm, e, 'end');
    return this.#candidate(start, end, start === s && end === e ? d : this.#distance(start, end));
  }

  #distance(s: number, e: number): number {
    return distance(this.#exact, this.#norm.slice(s, e));
  }
}

const NUMBER = /\p{Nd}+/gu;

/** The numbers of a window of text, without those its ends cut. */
function numbersIn(window: string): string[] {
  const out: string[] = [];
  for (const m of window.matchAll(NUMBER)) {
    if (m.index > 0 && m.index + m[0].length < window.length) out.push(m[0]);
  }
  return out;
}

/**
 * Whether a place has the numbers of the stored quote and context. Near-identical sentences of a
 * plan differ in their numbers — item, date, document number, amount — and the corrector leaves
 * numbers alone, so a place where a number differs is another passage ("trước ngày 15/12/2025"
 * is not "trước ngày 15/6/2025" changed). A correction may make or unmake one number (a heading
 * `L` read for `1.`, a document number's `7W` for `TW`): one number more or fewer is allowed,
 * none different.
 */
function sameNumbers(stored: string, place: string): boolean {
  const a = numbersIn(stored);
  const b = numbersIn(place);
  if (Math.abs(a.length - b.length) > 1) return false;
  // Numbers added or removed to turn one list into the other (a different one counts two).
  let lcs = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const next = [0];
    for (let j = 0; j < b.length; j++) next.push(x === b[j] ? lcs[j]! + 1 : Math.max(lcs[j + 1]!, next[j]!));
    lcs = next;
  }
  return a.length + b.length - 2 * lcs[b.length]! <= 1;
}

function similarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  return n === 0 ? 1 : 1 - distance(a, b) / n;
}

/** The part of an ascending list within [lo, hi]. */
function within(list: readonly number[], lo: number, hi: number): readonly number[] {
  if (lo === Number.NEGATIVE_INFINITY && hi === Number.POSITIVE_INFINITY) return list;
  const from = lowerBound(list, lo);
  const to = lowerBound(list, hi + 1);
  return list.slice(from, to);
}

function lowerBound(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function clamp(i: number, n: number): number {
  return Math.max(0, Math.min(n, i));
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

function checkSpan(span: Span, length: number, what: 'span' | 'edit'): void {
  const ok =
    span !== null &&
    typeof span === 'object' &&
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.end <= length &&
    (what === 'edit' ? span.start <= span.end : span.start < span.end);
  if (!ok) {
    throw new AnnotationError(
      'invalid-span',
      `${what} ${span?.start}–${span?.end} is not a ${what === 'span' ? 'non-empty ' : ''}range of the text (${length} characters)`,
      [what],
    );
  }
}

/**
 * Carry a span of a text through one edit of that text, without searching: a span after the
 * edit moves by the change in length, one before it stays, one that contains the edit grows or
 * shrinks with it (a note on a word follows the word's correction). Returns null when the edit
 * cuts across the span's start or end, or removes all of it: then `resolve` the note in the new
 * text. An insertion exactly at the span's start goes before it, at its end after it.
 */
export function moveThroughEdit(span: Span, edit: TextEdit): Span | null {
  checkSpan(span, Number.MAX_SAFE_INTEGER, 'span');
  checkSpan(edit, Number.MAX_SAFE_INTEGER, 'edit');
  if (typeof edit.text !== 'string')
    throw new AnnotationError('invalid-span', 'edit.text must be a string', ['edit']);
  const delta = edit.text.length - (edit.end - edit.start);
  if (edit.end <= span.start) return { start: span.start + delta, end: span.end + delta };
  if (edit.start >= span.end) return { start: span.start, end: span.end };
  if (edit.start >= span.start && edit.end <= span.end) {
    const end = span.end + delta;
    return end > span.start ? { start: span.start, end } : null;
  }
  return null;
}

/** A note after `reanchorNotes`: re-anchored where found (`span` in the new text), as it was where not. */
export interface ReanchoredNote {
  note: Note;
  span: Resolved | null;
}

/**
 * Bring notes up to date with a changed text. With the text before and the edit (what
 * `reviseCorrection` returns), each note's passage is found in the old text (its position, one
 * comparison) and moved through the edit; otherwise, or when the edit cuts across it, it is
 * resolved in the new text. A note found gets fresh selectors on the new text (its quote now the
 * text there; page recounted, box kept); a note not found — an orphan — keeps its selectors, so
 * undoing the edit finds it again. `modified` is left alone: the note itself did not change.
 */
export function reanchorNotes(
  notes: readonly Note[],
  text: string | TextIndex,
  change: { before?: string | TextIndex; edit?: TextEdit } = {},
): ReanchoredNote[] {
  // Two texts used in turn: each prepared once here rather than through the one-text cache.
  const after = prepare(text);
  const before =
    change.before !== undefined && change.edit !== undefined ? prepare(change.before) : undefined;
  return notes.map((note) => {
    const selectors = note.target.selector;
    const { quote, page } = selectorsByKind(selectors);
    let span: Resolved | null = null;
    const old = before && resolve(before, selectors);
    const moved = old && moveThroughEdit(old, change.edit!);
    if (moved) {
      const now = after.norm.slice(after.toNorm(moved.start, 'start'), after.toNorm(moved.end, 'end'));
      span = { ...moved, exact: now === nfc(quote.exact) };
    }
    span ??= resolve(after, selectors);
    if (span === null) return { note, span: null };
    const selector = anchor(after, span, page?.box ? { box: page.box } : {});
    return { note: { ...note, target: { ...note.target, selector } }, span };
  });
}

function prepare(text: string | TextIndex): TextIndex {
  return text instanceof TextIndex ? text : new TextIndex(text);
}

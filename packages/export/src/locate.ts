import type { PlanTask } from '@sohoa/model';

/*
 * Where the plan's strings are in the corrected text. The plan keeps each paragraph's lines joined
 * with single spaces and bullet markers dropped from tasks, and its `line` is the line the parser was
 * on (not always the first line of the item), so a string is looked for with any whitespace between
 * its words, and the match nearest that line wins.
 */

export interface Span {
  start: number;
  end: number;
}

/** Offsets of the first character of every line (1-based line n starts at `starts[n - 1]`). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line holding an offset. */
export function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The 1-based page of an offset: pages are separated by form feeds (`\f`) in the text. */
export function pageAt(text: string, offset: number): number {
  let page = 1;
  for (let i = text.indexOf('\f'); i >= 0 && i < offset; i = text.indexOf('\f', i + 1)) page++;
  return page;
}

const escapeRegex = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The span of `needle` in `text` (any run of whitespace, line breaks and form feeds included, between
 * its words), inside `within` when given; of several matches, the one whose line is nearest `nearLine`.
 */
export function locate(
  text: string,
  needle: string,
  options: { nearLine?: number | undefined; within?: Span | undefined; starts?: readonly number[] } = {},
): Span | null {
  const words = needle.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return null;
  const pattern = new RegExp(words.map(escapeRegex).join('\\s+'), 'gu');
  const from = options.within?.start ?? 0;
  const to = options.within?.end ?? text.length;
  pattern.lastIndex = from;
  const starts = options.starts ?? (options.nearLine === undefined ? [] : lineStarts(text));
  let best: Span | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const span = { start: match.index, end: match.index + match[0].length };
    if (span.end > to) break;
    if (options.nearLine === undefined) return span;
    const distance = Math.abs(lineAt(starts, span.start) - options.nearLine);
    if (distance < bestDistance) {
      best = span;
      bestDistance = distance;
    }
  }
  return best;
}

/** Where each task is in the text (null when its text is not found there), in `plan.tasks` order. */
export function locateTasks(text: string, tasks: readonly PlanTask[]): (Span | null)[] {
  const starts = lineStarts(text);
  return tasks.map((task) => locate(text, task.text, { nearLine: task.line, starts }));
}

/**
 * The page a task is on: the page of its text when found, else of its line; null when neither is
 * known. Without form feeds every task is on page 1.
 */
export function taskPage(text: string, task: PlanTask, span: Span | null): number | null {
  if (span) return pageAt(text, span.start);
  if (task.line === undefined) return null;
  const starts = lineStarts(text);
  return pageAt(text, starts[Math.min(task.line, starts.length) - 1] ?? 0);
}

/**
 * The input cut into units the decoder works on, with the spans they come from: words (syllables,
 * acronyms, letter–digit mixes), class tokens the LM knows only by kind (numbers, dates, document
 * numbers), commas, sentence breaks and what the LM skips (spaces, other punctuation). The cut
 * follows `@sohoa/vi`'s tokenizer and the LM builder's sentence rules (`lm/tokens.ts`), with two
 * additions: look-alike mark runs (`nưó’c`) are one word, and spans already repaired by a rule
 * (document numbers, heading numerals) are fixed.
 */

import { nfc, type Token, type TokenKind, tokenize } from '@sohoa/vi';
import { isWrappedLine, SENTENCE_END } from './lm/tokens.js';
import { findLookalikes } from './lookalike.js';
import type { NameSpan } from './names.js';

export type UnitKind =
  /** A word the decoder may change. */
  | 'word'
  /** Capitals that are no syllable (UBND): only mark repairs to a known acronym. */
  | 'acronym'
  /** A number, date, document number, URL, e-mail: an LM class, never changed by the decoder. */
  | 'class'
  | 'comma'
  /** Ends a sentence: . ; : ! ? … | and line breaks that are not hard wraps. */
  | 'break'
  /** Spaces and punctuation the LM does not see. */
  | 'skip'
  /** A span a rule already repaired. */
  | 'fixed';

export interface Unit {
  kind: UnitKind;
  tokenKind: TokenKind;
  start: number;
  end: number;
  /** As written. */
  raw: string;
  /** NFC, with look-alike marks put back: what candidates are generated from. */
  reading: string;
  /** The reading came from look-alike marks. */
  lookalike: boolean;
  /** Replacement of a fixed unit. */
  fixed?: string;
  /** Part of a personal name (names.ts): kept as printed. */
  name?: boolean;
}

export interface FixedSpan {
  start: number;
  end: number;
  /** The LM sees a fixed span as this token kind ('docnumber' → <docnum>), or not at all. */
  as: TokenKind | 'skip';
}

/**
 * Cuts `text` into units. `commas`: whether the LM has a comma token (a model built without one
 * skips commas as it skips other punctuation).
 */
export function segment(
  text: string,
  fixed: readonly FixedSpan[] = [],
  commas = false,
  names: readonly NameSpan[] = [],
): Unit[] {
  const tokens = tokenize(text);
  const looks = findLookalikes(text);
  const spans = [
    ...fixed.map((f) => ({ start: f.start, end: f.end, as: f.as, reading: null as string | null })),
    ...looks.map((l) => ({
      start: l.start,
      end: l.end,
      as: 'syllable' as TokenKind | 'skip',
      reading: l.reading,
    })),
  ].sort((a, b) => a.start - b.start);
  const units: Unit[] = [];
  let s = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    while (s < spans.length && spans[s]!.end <= token.start) s++;
    const span = spans[s];
    if (span !== undefined && token.start >= span.start && token.start < span.end) {
      // Tokens inside a span become one unit (the first token of the span opens it).
      if (token.start === span.start || units.length === 0 || units[units.length - 1]!.end <= span.start) {
        const raw = text.slice(span.start, span.end);
        if (span.reading !== null) {
          units.push({
            kind: 'word',
            tokenKind: 'syllable',
            start: span.start,
            end: span.end,
            raw,
            reading: span.reading,
            lookalike: true,
          });
        } else {
          units.push({
            kind: 'fixed',
            tokenKind: span.as === 'skip' ? 'punct' : span.as,
            start: span.start,
            end: span.end,
            raw,
            reading: raw,
            lookalike: false,
          });
        }
      }
      continue;
    }
    const raw = token.value;
    let kind: UnitKind;
    switch (token.kind) {
      case 'syllable':
      case 'alnum':
        kind = 'word';
        break;
      case 'acronym':
        kind = 'acronym';
        break;
      case 'number':
      case 'percent':
      case 'date':
      case 'docnumber':
      case 'url':
      case 'email':
        kind = 'class';
        break;
      case 'punct':
        kind =
          raw === ','
            ? commas
              ? 'comma'
              : 'skip'
            : SENTENCE_END.has(raw) && !inFormBlank(tokens, t)
              ? 'break'
              : 'skip';
        break;
      case 'newline':
        kind = isWrappedLine(tokens, t) ? 'skip' : 'break';
        break;
      default:
        kind = 'skip';
    }
    units.push({
      kind,
      tokenKind: token.kind,
      start: token.start,
      end: token.end,
      raw,
      reading: nfc(raw),
      lookalike: false,
    });
  }
  markNames(units, names);
  return units;
}

const LEADER = new Set(['.', '…']);

/**
 * Whether punctuation token `t` is part of a form's blank between two words on one line (`ngày……
 * tháng…… năm`, `Số:......./QĐ`): four dots or more, or two ellipses, with words on both sides. A
 * blank ends no sentence: the words around it are read together.
 */
function inFormBlank(tokens: readonly Token[], t: number): boolean {
  if (!LEADER.has(tokens[t]!.value)) return false;
  let a = t;
  while (a > 0 && LEADER.has(tokens[a - 1]!.value)) a--;
  let b = t;
  while (b + 1 < tokens.length && LEADER.has(tokens[b + 1]!.value)) b++;
  let dots = 0;
  for (let k = a; k <= b; k++) dots += tokens[k]!.value === '…' ? 3 : 1;
  if (dots < 4) return false;
  const word = (k: number, step: number): boolean => {
    while (k >= 0 && k < tokens.length && tokens[k]!.kind === 'space') k += step;
    const kind = tokens[k]?.kind;
    return kind === 'syllable' || kind === 'alnum' || kind === 'acronym';
  };
  return word(a - 1, -1) && word(b + 1, 1);
}

/** Marks the words and acronyms inside name spans (both lists in text order). */
function markNames(units: Unit[], names: readonly NameSpan[]): void {
  let n = 0;
  for (const unit of units) {
    while (n < names.length && names[n]!.end <= unit.start) n++;
    const span = names[n];
    if (span === undefined) return;
    if (
      (unit.kind === 'word' || unit.kind === 'acronym') &&
      unit.start >= span.start &&
      unit.end <= span.end
    ) {
      unit.name = true;
    }
  }
}

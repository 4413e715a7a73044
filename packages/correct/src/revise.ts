/**
 * A reviewer's decision on one correction: put the original back, or apply the replacement (or one
 * of the alternatives). The corrected text and every record after the changed one are updated, so
 * the result can be revised again, and the edit is described as `{ start, end, text }` so that
 * whatever else points into the text (notes, highlights) can be carried through it.
 */

import type { Correction } from '@sohoa/model';
import { CorrectError } from './errors.js';

/** One replacement in a text: `text` takes the place of `start`–`end` (UTF-16 offsets). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export type RevisionChoice =
  /** Show the original: the correction becomes a suggestion (`applied: false`). */
  | { kind: 'revert' }
  /**
   * Apply the replacement, or `text` when given: the replacement or one of the alternatives'
   * texts. An alternative chosen becomes the replacement (with its confidence) and the former
   * replacement takes its place among the alternatives, so choosing it again restores the record.
   * Choosing the original is a revert.
   */
  | { kind: 'accept'; text?: string };

/**
 * The result after the decision: the argument's other fields (a `CorrectResult`'s `toneStyle`)
 * as they were, so a revision of a `CorrectResult` is one.
 */
export type Revision<R extends object = object> = Omit<R, 'text' | 'corrections' | 'edit'> & {
  /** The corrected text after the decision. */
  text: string;
  /** The records after the decision: the revised one replaced, later ones shifted in the output. */
  corrections: Correction[];
  /** What changed in the text, in the offsets of the text before the decision. */
  edit: TextEdit;
};

/**
 * Revert or accept `result.corrections[index]` in `result.text` (what `correct()` returned, or a
 * previous revision). Pure: the arguments are not modified; records before `index` are shared
 * with the result, the others are copies; the result's other fields are carried over.
 *
 * Output offsets (`outputStart`/`outputEnd`) of later records move by the change in length; input
 * offsets (`start`, `end`, `line`, `column`) describe the input and never change. `reason` and
 * `note` still describe the corrector's own reading after an alternative is chosen.
 *
 * Throws a `CorrectError` (`invalid-input`) when `index` names no record, when the text at the
 * record's output span is not what the record says is shown there (the result was edited by other
 * means, or belongs to another text), or when the records around it are out of order; and
 * (`invalid-options`) for a choice that is neither kind, or an accepted text that is not one of
 * the record's readings. A wrong edit is never made silently.
 */
export function reviseCorrection<
  R extends { readonly text: string; readonly corrections: readonly Correction[] },
>(result: R, index: number, choice: RevisionChoice): Revision<R> {
  const { text, corrections } = result;
  if (!Number.isInteger(index) || index < 0 || index >= corrections.length) {
    throw new CorrectError('invalid-input', `no correction ${index}: there are ${corrections.length}`, [
      'corrections',
      index,
    ]);
  }
  const record = corrections[index]!;
  checkShown(text, corrections, index);

  const next = nextRecord(record, choice, index);
  const shown = next.applied ? next.replacement : next.original;
  const edit: TextEdit = { start: record.outputStart, end: record.outputEnd, text: shown };
  const delta = shown.length - (record.outputEnd - record.outputStart);
  next.outputEnd = record.outputStart + shown.length;

  const revised = corrections.slice(0, index);
  revised.push(next);
  for (let i = index + 1; i < corrections.length; i++) {
    const c = corrections[i]!;
    revised.push(
      delta === 0 ? { ...c } : { ...c, outputStart: c.outputStart + delta, outputEnd: c.outputEnd + delta },
    );
  }
  return {
    ...result,
    text: text.slice(0, edit.start) + shown + text.slice(edit.end),
    corrections: revised,
    edit,
  };
}

/** The record after the choice (a copy; alternatives copied when they change). */
function nextRecord(record: Correction, choice: RevisionChoice, index: number): Correction {
  if (
    choice === null ||
    typeof choice !== 'object' ||
    (choice.kind !== 'revert' && choice.kind !== 'accept')
  ) {
    throw new CorrectError('invalid-options', "choice must be { kind: 'revert' } or { kind: 'accept' }", [
      'choice',
    ]);
  }
  if (choice.kind === 'revert') return { ...record, applied: false };
  const wanted = choice.text ?? record.replacement;
  if (typeof wanted !== 'string') {
    throw new CorrectError('invalid-options', 'the accepted text must be a string', ['choice', 'text']);
  }
  if (wanted === record.replacement) return { ...record, applied: true };
  // The alternatives may list the original ("the original included when it was one"): showing it
  // is what a revert does, and the replacement must not become the original.
  if (wanted === record.original) return { ...record, applied: false };
  const k = record.alternatives.findIndex((a) => a.text === wanted);
  if (k < 0) {
    throw new CorrectError(
      'invalid-options',
      `"${wanted}" is not a reading of correction ${index} (replacement "${record.replacement}", ` +
        `${record.alternatives.length} alternatives)`,
      ['choice', 'text'],
    );
  }
  // Swap in place: the chosen alternative's slot takes the former replacement, so choosing that
  // one next gives back exactly this record.
  const alternatives = record.alternatives.map((a) => ({ ...a }));
  alternatives[k] = { text: record.replacement, confidence: record.confidence };
  return {
    ...record,
    replacement: wanted,
    confidence: record.alternatives[k]!.confidence,
    alternatives,
    applied: true,
  };
}

/** The record's output span must hold what the record says is shown, between its neighbours. */
function checkShown(text: string, corrections: readonly Correction[], index: number): void {
  const c = corrections[index]!;
  const shown = c.applied ? c.replacement : c.original;
  const path = ['corrections', index];
  if (
    !(Number.isInteger(c.outputStart) && Number.isInteger(c.outputEnd)) ||
    c.outputStart < 0 ||
    c.outputEnd < c.outputStart ||
    c.outputEnd > text.length
  ) {
    throw new CorrectError(
      'invalid-input',
      `correction ${index}: output span ${c.outputStart}–${c.outputEnd} is not in the text (${text.length} characters)`,
      path,
    );
  }
  const actual = text.slice(c.outputStart, c.outputEnd);
  if (actual !== shown) {
    throw new CorrectError(
      'invalid-input',
      `correction ${index}: the text at ${c.outputStart}–${c.outputEnd} is "${actual}", not the ` +
        `${c.applied ? 'replacement' : 'original'} "${shown}"`,
      path,
    );
  }
  // Later records are shifted by their place in the list: the list must be in text order here.
  const before = corrections[index - 1];
  const after = corrections[index + 1];
  if ((before && before.outputEnd > c.outputStart) || (after && after.outputStart < c.outputEnd)) {
    throw new CorrectError(
      'invalid-input',
      `correction ${index} overlaps or is out of order with its neighbours (corrections must be in text order)`,
      path,
    );
  }
}

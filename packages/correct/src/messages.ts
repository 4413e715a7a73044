/**
 * Corrections as vfile messages (as remark and retext report), so any unified reporter can print
 * them and the HTML export and the extension can show and undo each one. A message carries the
 * place of the original span, `ruleId` = the reason, `actual` = the original, `expected` = the
 * replacement then the alternatives, `note`, and the correction itself (`confidence`, `applied`).
 * Applied corrections are infos (`fatal: undefined`), suggestions warnings (`fatal: false`).
 */

import type { Correction } from '@sohoa/model';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { lineStartsOf, type Point, pointAt } from './positions.js';

export const MESSAGE_SOURCE = 'sohoa-correct';

export interface CorrectionMessage extends VFileMessage {
  correction: Correction;
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** The message title, in markdown. */
export function messageReason(c: Correction): string {
  const what = c.replacement === '' ? 'Remove' : c.applied ? 'Corrected' : 'Did you mean';
  if (c.replacement === '') return `${what} \`${c.original}\`? (${c.reason}, ${percent(c.confidence)})`;
  return c.applied
    ? `${what} \`${c.original}\` to \`${c.replacement}\` (${c.reason}, ${percent(c.confidence)})`
    : `${what} \`${c.replacement}\` for \`${c.original}\`? (${c.reason}, ${percent(c.confidence)})`;
}

/**
 * Messages for corrections of `text` (the input they were made on). `base` shifts places when the
 * text is a part of a larger file (a text node): its start point in that file.
 */
export function correctionMessages(
  text: string,
  corrections: readonly Correction[],
  base?: Point,
): CorrectionMessage[] {
  const lineStarts = lineStartsOf(text);
  const shift = (p: Point): Point => {
    if (base === undefined) return p;
    return {
      line: base.line + p.line - 1,
      column: p.line === 1 ? base.column + p.column - 1 : p.column,
      offset: base.offset + p.offset,
    };
  };
  return corrections.map((c) => {
    const start = shift(pointAt(lineStarts, c.start));
    const end = shift(pointAt(lineStarts, c.end));
    const message = new VFileMessage(messageReason(c), {
      place: { start, end },
      ruleId: c.reason,
      source: MESSAGE_SOURCE,
    }) as CorrectionMessage;
    message.actual = c.original;
    message.expected = [c.replacement, ...c.alternatives.map((a) => a.text)];
    message.note = c.note;
    message.fatal = c.applied ? undefined : false;
    message.correction = c;
    return message;
  });
}

/** Adds the messages to a file (what a unified plugin does). */
export function reportCorrections(
  file: VFile,
  text: string,
  corrections: readonly Correction[],
  base?: Point,
): void {
  for (const m of correctionMessages(text, corrections, base)) {
    m.file = file.path ?? '';
    file.messages.push(m);
  }
}

/** Plain-words explanations of channel edits, for correction notes and messages. */

import type { CorrectionReason } from '@sohoa/model';
import { TONE_NAMES, TONES } from '@sohoa/vi';
import type { EditOp } from './channel/cost.js';
import { withMark } from './channel/letters.js';

function toneName(index: number): string {
  const tone = TONES[index];
  return tone === undefined ? '?' : TONE_NAMES[tone];
}

function letter(base: string, mark: number): string {
  return withMark(base, mark as 0);
}

export function describeOp(op: EditOp): string {
  switch (op.kind) {
    case 'tone':
      return `${toneName(op.true)} read as ${toneName(op.read)}`;
    case 'extra-tone':
      return `${op.count} stray tone mark${op.count > 1 ? 's' : ''}`;
    case 'mark':
      return `${letter(op.base, op.true)} read as ${letter(op.base, op.read)}`;
    case 'sub':
      return `${op.true} read as ${op.read}`;
    case 'insert':
      return `stray ${op.read}`;
    case 'delete':
      return `${op.true} lost`;
  }
}

/** The reason a set of edits falls under, and a note listing them. */
export function describeEdit(ops: readonly EditOp[]): { reason: CorrectionReason; note: string } {
  let reason: CorrectionReason = 'tone';
  for (const op of ops) {
    if (op.kind === 'sub' || op.kind === 'insert' || op.kind === 'delete' || op.kind === 'extra-tone') {
      reason = 'letter';
      break;
    }
    if (op.kind === 'mark') reason = 'mark';
  }
  return { reason, note: ops.map(describeOp).join(', ') || 'reading changed' };
}

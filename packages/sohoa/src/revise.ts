import { reviseCorrection } from '@sohoa/correct';
import type { DigitisedDocument } from '@sohoa/export';
import { PlanTask } from '@sohoa/model';
import { findDeadline, parse } from '@sohoa/parse';
import { DigitiseError } from './errors.js';
import { collectMessages } from './messages.js';

/*
 * A reviewer's changes to a digitised document, each giving a new document (the old one untouched):
 * revert a correction or accept a suggestion (the text changes, so the plan is parsed again and the
 * messages recollected), or edit a task's cells (the text stays as printed; only the plan's record of
 * the task changes, so exports carry the reviewer's reading).
 */

export type CorrectionChoice = { kind: 'revert' } | { kind: 'accept'; text?: string };

/** Revert correction `index`, or accept it (or one of its alternatives), and re-read the structure. */
export function reviseDocument(
  doc: DigitisedDocument,
  index: number,
  choice: CorrectionChoice,
): DigitisedDocument {
  const revised = reviseCorrection({ text: doc.text, corrections: doc.corrections }, index, choice);
  const plan = parse(revised.text, { source: doc.source });
  return {
    ...doc,
    text: revised.text,
    corrections: revised.corrections,
    plan,
    messages: collectMessages(doc.ocr, revised.corrections, plan),
  };
}

/** New values for a task's cells; a deadline is given as text and read as the parser reads one. */
export interface TaskEdit {
  text?: string;
  lead?: string | null;
  coordinators?: string[];
  deadline?: string | null;
}

export function editTask(doc: DigitisedDocument, index: number, edit: TaskEdit): DigitisedDocument {
  const task = doc.plan.tasks[index];
  if (!task) {
    throw new DigitiseError(
      'invalid-input',
      doc.source,
      `no task ${index + 1} (the plan has ${doc.plan.tasks.length})`,
    );
  }
  const next = { ...task };
  if (edit.text !== undefined) next.text = edit.text.trim() || task.text;
  if (edit.lead !== undefined) next.lead = edit.lead?.trim() || null;
  if (edit.coordinators !== undefined)
    next.coordinators = edit.coordinators.map((c) => c.trim()).filter(Boolean);
  if (edit.deadline !== undefined) {
    const raw = edit.deadline?.trim();
    // A deadline the parser cannot date is kept as typed, undated, rather than dropped.
    next.deadline = raw ? (findDeadline(raw) ?? { raw, kind: 'relative', iso: null, end: null }) : null;
  }
  const checked = PlanTask.safeParse(next);
  if (!checked.success) {
    throw new DigitiseError(
      'invalid-input',
      doc.source,
      `task ${index + 1}: ${checked.error.issues[0]?.message}`,
    );
  }
  const tasks = doc.plan.tasks.map((t, i) => (i === index ? checked.data : t));
  return { ...doc, plan: { ...doc.plan, tasks } };
}

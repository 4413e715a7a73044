import { type Note as AnnotationNote, anchor, resolve, toWebAnnotations } from '@sohoa/annotation';
import { type DigitisedDocument, locateTasks } from '@sohoa/export';

/*
 * The user's notes: @sohoa/annotation anchors each with several selectors (quote with context,
 * position, page and box) and finds it again after the text changed; here they get an id and times,
 * and where each currently sits in the text (`placed`, null when its passage is gone).
 */

export type Note = AnnotationNote & { placed?: { start: number; end: number } | null };

export interface NoteSpan {
  start: number;
  end: number;
  page?: number;
  box?: { x: number; y: number; w: number; h: number };
}

export function newNote(doc: DigitisedDocument, span: NoteSpan, body: string): Note {
  const now = new Date().toISOString();
  // The page comes from the text's form feeds; the box, when the passage was selected on the scan.
  const selector = anchor(doc.text, { start: span.start, end: span.end }, span.box ? { box: span.box } : {});
  // A note on a task: the passage lies within the task's place in the text.
  const taskIndex = locateTasks(doc.text, doc.plan.tasks).findIndex(
    (at) => at !== null && at.start <= span.start && span.end <= at.end,
  );
  return {
    id: `urn:uuid:${crypto.randomUUID()}`,
    body,
    created: now,
    modified: now,
    target: { source: doc.source, selector },
    ...(taskIndex >= 0 ? { taskId: `sohoa-task-${taskIndex + 1}` } : {}),
    placed: { start: span.start, end: span.end },
  };
}

/** Find every note again in the current text. */
export function placeNotes(notes: readonly Note[], text: string): Note[] {
  return notes.map((note) => {
    const found = resolve(text, note.target.selector);
    return { ...note, placed: found ? { start: found.start, end: found.end } : null };
  });
}

/** The notes as a W3C Web Annotation collection (JSON-LD), as Hypothesis exchanges them. */
export function notesToJsonLd(notes: readonly Note[], source: string): string {
  const plain = notes.map(({ placed: _placed, ...note }) => note);
  return JSON.stringify(toWebAnnotations(plain, { source, generator: { name: 'sohoa' } }), null, 2);
}

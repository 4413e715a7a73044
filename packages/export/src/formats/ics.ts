import type { PlanTask } from '@sohoa/model';
import { generateIcsCalendar, type IcsTodo } from 'ts-ics';
import type { DigitisedDocument } from '../document.js';
import { locateTasks, taskPage } from '../locate.js';
import { type Day, deadlineVi, dueDay } from '../when.js';

/*
 * The plan's deadlines for a calendar or to-do app: one VTODO per task whose deadline gives a due day
 * (see `dueDay`: "trong quý II/2024" is due 30/6/2024; tasks "từ ngày …" or without a date have none and
 * are left out). DUE is a DATE (no time zone: a deadline is a day where the document was issued). The
 * UID is made from the source and the task's index, so exporting the same document again updates the
 * same to-dos instead of adding copies. Written by ts-ics, which escapes and folds the text.
 */

export interface IcsOptions {
  /** DTSTAMP of every to-do (default: now). Pass a fixed date for reproducible files. */
  stamp?: Date;
  /** Longest SUMMARY before it is cut at a word with "…" (default 80 characters). */
  summaryLength?: number;
}

/** A 64-bit FNV-1a hash as 16 hex digits: stable ids from a source name, no crypto needed. */
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/** The UID of a task's to-do: the same document and task give the same UID. */
export function taskUid(source: string, index: number): string {
  return `${fnv1a64(source)}-task-${index + 1}@sohoa`;
}

/** A task's text cut for a SUMMARY: at the last space before `max`, with an ellipsis. */
export function shorten(text: string, max = 80): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/u, '')}…`;
}

const utcDay = (d: Day) => new Date(Date.UTC(d.year, d.month - 1, d.day));

function description(doc: DigitisedDocument, task: PlanTask, page: number | null): string {
  const { plan } = doc;
  const lines = [
    `Nhiệm vụ: ${task.text}`,
    `Mục: ${task.section}`,
    `Chủ trì: ${task.lead ?? '(không nêu)'}`,
    ...(task.coordinators.length > 0 ? [`Phối hợp: ${task.coordinators.join('; ')}`] : []),
    ...(task.deadline ? [`Thời hạn: ${deadlineVi(task.deadline)} (nguyên văn: “${task.deadline.raw}”)`] : []),
    ...(task.recurrence ? [`Định kỳ: ${task.recurrence.raw}`] : []),
    `Văn bản: ${[plan.title ?? plan.docType.label, plan.number?.raw].filter(Boolean).join(' số ')}${page ? `, trang ${page}` : ''}`,
    `Nguồn: ${doc.source}`,
  ];
  return lines.join('\n');
}

/** The to-dos of `toIcs`, as ts-ics objects. */
export function taskTodos(doc: DigitisedDocument, options: IcsOptions = {}): IcsTodo[] {
  const stamp = { date: options.stamp ?? new Date() };
  const spans = locateTasks(doc.text, doc.plan.tasks);
  const todos: IcsTodo[] = [];
  doc.plan.tasks.forEach((task, i) => {
    const due = dueDay(task.deadline);
    if (!due) return;
    todos.push({
      uid: taskUid(doc.source, i),
      stamp,
      summary: shorten(task.text, options.summaryLength),
      description: description(doc, task, taskPage(doc.text, task, spans[i] ?? null)),
      due: { date: utcDay(due), type: 'DATE' },
      status: 'NEEDS-ACTION',
      categories: [task.section],
    });
  });
  return todos;
}

/** An iCalendar file (RFC 5545) with one VTODO per task that has a due day. */
export function toIcs(doc: DigitisedDocument, options: IcsOptions = {}): string {
  const { plan } = doc;
  return generateIcsCalendar({
    version: '2.0',
    prodId: '-//sohoa//sohoa export//VI',
    method: 'PUBLISH',
    name: [plan.title ?? plan.docType.label, plan.number?.raw].filter(Boolean).join(' ') || doc.source,
    todos: taskTodos(doc, options),
  });
}

// The browser build works in Node too; the Node build calls Buffer at load, which browsers lack.
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { DigitisedDocument } from '../document.js';
import { locateTasks, taskPage } from '../locate.js';
import { dayIso, deadlineVi, dueDay, recurrenceVi } from '../when.js';

/*
 * The tasks as a spreadsheet: one row per task, UTF-8 with a BOM (without it Excel reads Vietnamese as
 * mojibake), CRLF rows (RFC 4180). Cells are written by csv-stringify with `escape_formulas`: a cell
 * starting with = + - @, a tab or a carriage return (or their full-width forms) gets a leading `'`, so
 * a spreadsheet never runs a document's text as a formula ("=HYPERLINK(…)" from a scan stays text).
 * Columns a person reads come first, in Vietnamese; the machine columns (ISO dates, kinds) follow.
 */

export interface CsvOptions {
  /** Header row: Vietnamese labels (default) or the column keys, for programs. */
  header?: 'vi' | 'keys';
}

export const CSV_COLUMNS = [
  ['id', 'STT'],
  ['section', 'Mục'],
  ['task', 'Nhiệm vụ'],
  ['lead', 'Chủ trì'],
  ['coordinators', 'Phối hợp'],
  ['deadline', 'Thời hạn'],
  ['recurrence', 'Định kỳ'],
  ['page', 'Trang'],
  ['line', 'Dòng'],
  ['deadline_raw', 'Thời hạn (nguyên văn)'],
  ['deadline_kind', 'Loại thời hạn'],
  ['deadline_iso', 'Thời hạn (ISO)'],
  ['deadline_end', 'Kết thúc (ISO)'],
  ['due', 'Hạn hoàn thành (ISO)'],
  ['recurrence_kind', 'Loại định kỳ'],
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number][0];

/** The rows as objects (what `toCsv` writes), for callers building their own sheets. */
export function taskRows(doc: DigitisedDocument): Record<CsvColumn, string>[] {
  const spans = locateTasks(doc.text, doc.plan.tasks);
  return doc.plan.tasks.map((task, i) => {
    const due = dueDay(task.deadline);
    const page = taskPage(doc.text, task, spans[i] ?? null);
    return {
      id: String(i + 1),
      section: task.section,
      task: task.text,
      lead: task.lead ?? '',
      coordinators: task.coordinators.join('; '),
      deadline: deadlineVi(task.deadline),
      recurrence: task.recurrence?.raw ?? '',
      page: page === null ? '' : String(page),
      line: task.line === undefined ? '' : String(task.line),
      deadline_raw: task.deadline?.raw ?? '',
      deadline_kind: task.deadline?.kind ?? '',
      deadline_iso: task.deadline?.iso ?? '',
      deadline_end: task.deadline?.end ?? '',
      due: due ? dayIso(due) : '',
      recurrence_kind: task.recurrence ? `${task.recurrence.kind} (${recurrenceVi(task.recurrence)})` : '',
    };
  });
}

/** The tasks as CSV: UTF-8 with BOM, one row per task, formulas neutralised. */
export function toCsv(doc: DigitisedDocument, options: CsvOptions = {}): string {
  const keys = options.header === 'keys';
  return stringify(taskRows(doc), {
    bom: true,
    header: true,
    columns: CSV_COLUMNS.map(([key, label]) => ({ key, header: keys ? key : label })),
    escape_formulas: true,
    record_delimiter: 'windows',
  });
}

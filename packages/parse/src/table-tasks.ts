import type { PlanMessage, PlanTask } from '@sohoa/model';
import { splitBodies } from './bodies.js';
import { findDeadline, findRecurrence, timeValueDeadline } from './dates.js';
import type { Paragraph, SourceLine } from './lines.js';
import { readTextTables, type TextTable } from './table-text.js';
import { clean, stripFinalPunctuation } from './text.js';

/*
 * Task tables among a run of lines (the body, or an appendix): one task per row, the row's columns mapped to
 * text, lead, coordinators, time and product. The lines a table consumed are no paragraphs of the text; its
 * group rows stay, as headings.
 */

export interface LineTables {
  /** The non-empty lines, one per entry, with the page breaks between them marked. */
  cells: Paragraph[];
  tables: TextTable[];
  /** Source lines the tables consumed (header, rows). */
  consumed: Set<number>;
  /** A group row's first source line → all its source lines. */
  groups: Map<number, number[]>;
}

/** Find the task tables in lines (page furniture already emptied and marked). */
export function findLineTables(lines: readonly SourceLine[]): LineTables {
  const cells: Paragraph[] = [];
  let furniture = false;
  for (const l of lines) {
    if (l.furniture) furniture = true;
    if (!l.text) continue;
    cells.push({
      text: l.text,
      line: l.line,
      lines: [l.line],
      ...(furniture ? { pageBreak: true } : {}),
      ...(l.cell ? { cell: true } : {}),
    });
    furniture = false;
  }
  const tables = readTextTables(cells);
  const consumed = new Set<number>();
  const groups = new Map<number, number[]>();
  for (const table of tables) {
    for (const i of table.consumed) consumed.add(cells[i]!.line);
    for (const g of table.groups)
      groups.set(
        g.line,
        g.indices.map((i) => cells[i]!.line),
      );
  }
  return { cells, tables, consumed, groups };
}

/**
 * What a table's rows do not keep — its header cells and its row numbers — reported, so no printed word is
 * lost: one message per table.
 */
export function tableMessages(found: LineTables): PlanMessage[] {
  return found.tables.map((table) => {
    const header = table.headerLines.map((i) => found.cells[i]!.text).join(' | ');
    const numbers = table.rows.map((r) => r.number).join(' ');
    return {
      ruleId: 'task-table',
      reason: `Task table read row by row (${table.rows.length} rows): its header and row numbers`,
      line: found.cells[table.start]!.line,
      text: `${header} || ${numbers}`,
    };
  });
}

/** The tasks of the tables' rows; `sectionAt` names the section a row's line is in. */
export function tableRowTasks(tables: readonly TextTable[], sectionAt: (line: number) => string): PlanTask[] {
  const tasks: PlanTask[] = [];
  for (const table of tables) {
    for (const row of table.rows) {
      // "-": a cell printed empty.
      for (const role of Object.keys(row.cells) as (keyof typeof row.cells)[])
        if (/^[-–—]$/u.test(row.cells[role]!.trim())) delete row.cells[role];
      const text = clean(row.cells.task ?? '');
      if (!text) continue;
      const lead = row.cells.lead ? stripFinalPunctuation(clean(row.cells.lead)) : null;
      const time = clean(row.cells.time ?? '');
      const recurrence = time ? findRecurrence(time) : null;
      let deadline = time ? (findDeadline(time) ?? timeValueDeadline([time])) : null;
      // "Thường xuyên", "Hằng năm": a time with no date.
      if (!deadline && time)
        deadline = { raw: stripFinalPunctuation(time), kind: 'relative', iso: null, end: null };
      const product = row.cells.product ? stripFinalPunctuation(clean(row.cells.product)) : null;
      tasks.push({
        text,
        lead: lead || null,
        leadSource: lead ? 'stated' : 'none',
        coordinators: row.cells.coordinators ? splitBodies(row.cells.coordinators) : [],
        deadline,
        recurrence,
        ...(product ? { product } : {}),
        section: sectionAt(row.line),
        line: row.line,
      });
    }
  }
  return tasks;
}

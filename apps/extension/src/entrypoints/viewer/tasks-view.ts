import type { DigitisedDocument } from '@sohoa/export';
import type { PlanTask } from '@sohoa/model';
import type { TaskEdit } from 'sohoa';

/*
 * The task table: section, task, lead, coordinators, deadline. Each row carries the contract the
 * tests and other tools read (`data-task-id`, `data-task-lead`, `data-task-deadline` as ISO), and its
 * text cells can be edited in place; an edit is handed back as a patch of the task.
 */

type Field = keyof TaskEdit;

/** A section's heading cut to its first words: the cell names the section, the task says the rest. */
function shorten(heading: string): string {
  const words = heading.split(/\s+/);
  return words.length > 6 ? `${words.slice(0, 6).join(' ')}…` : heading;
}

function sectionLabel(doc: DigitisedDocument, id: string): string {
  const walk = (sections: DigitisedDocument['plan']['sections']): string | null => {
    for (const s of sections) {
      if (s.id === id) return `${s.number} ${shorten(s.heading)}`.trim();
      const inner = walk(s.children);
      if (inner) return inner;
    }
    return null;
  };
  return walk(doc.plan.sections) ?? id;
}

function cellValue(task: PlanTask, field: Field): string {
  switch (field) {
    case 'text':
      return task.text;
    case 'lead':
      return task.lead ?? '';
    case 'coordinators':
      return task.coordinators.join('; ');
    case 'deadline':
      return task.deadline?.raw ?? '';
  }
}

function patchOf(field: Field, value: string): TaskEdit {
  const v = value.replace(/\s+/g, ' ').trim();
  switch (field) {
    case 'text':
      return { text: v };
    case 'lead':
      return { lead: v || null };
    case 'coordinators':
      return {
        coordinators: v
          .split(/\s*;\s*/)
          .map((s) => s.trim())
          .filter(Boolean),
      };
    case 'deadline':
      return { deadline: v || null };
  }
}

export function renderTasks(
  body: HTMLTableSectionElement,
  doc: DigitisedDocument,
  options: {
    empty: string;
    /** The accessible name of a cell: its column and its row. */
    cellLabel: (field: keyof TaskEdit, row: number) => string;
    edited: ReadonlySet<number>;
    onEdit: (index: number, patch: TaskEdit) => void;
  },
): void {
  const rows = doc.plan.tasks.map((task, i) => {
    const tr = document.createElement('tr');
    tr.dataset.taskId = `sohoa-task-${i + 1}`;
    tr.dataset.taskLead = task.lead ?? '';
    tr.dataset.taskDeadline = task.deadline?.iso ?? '';
    if (options.edited.has(i)) tr.classList.add('edited');
    const section = document.createElement('td');
    section.textContent = sectionLabel(doc, task.section);
    tr.append(section);
    for (const field of ['text', 'lead', 'coordinators', 'deadline'] as const) {
      const td = document.createElement('td');
      td.dataset.field = field;
      td.contentEditable = 'true';
      td.setAttribute('role', 'textbox');
      td.setAttribute('aria-label', options.cellLabel(field, i + 1));
      td.spellcheck = false;
      td.textContent = cellValue(task, field);
      if (field === 'deadline' && task.deadline?.iso) td.title = task.deadline.iso;
      td.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && !event.shiftKey) {
          event.preventDefault();
          td.blur();
        }
        if (event.key === 'Escape') {
          td.textContent = cellValue(task, field);
          td.blur();
        }
      });
      td.addEventListener('blur', () => {
        const value = td.textContent ?? '';
        if (value.trim() !== cellValue(task, field).trim()) options.onEdit(i, patchOf(field, value));
      });
      tr.append(td);
    }
    return tr;
  });
  if (rows.length === 0) {
    const tr = document.createElement('tr');
    const td = document.createElement('td');
    td.colSpan = 5;
    td.textContent = options.empty;
    tr.append(td);
    rows.push(tr);
  }
  body.replaceChildren(...rows);
}

/** Refresh one row after an edit: its data attributes and the cells not being edited. */
export function updateTaskRow(body: HTMLTableSectionElement, doc: DigitisedDocument, index: number): void {
  const task = doc.plan.tasks[index];
  const tr = body.querySelector<HTMLTableRowElement>(`tr[data-task-id="sohoa-task-${index + 1}"]`);
  if (!task || !tr) return;
  tr.dataset.taskLead = task.lead ?? '';
  tr.dataset.taskDeadline = task.deadline?.iso ?? '';
  tr.classList.add('edited');
  for (const td of tr.querySelectorAll<HTMLTableCellElement>('td[data-field]')) {
    if (td === document.activeElement) continue;
    td.textContent = cellValue(task, td.dataset.field as Field);
  }
}

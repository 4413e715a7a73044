import type { PlanAppendix, PlanFootnote, PlanMessage, PlanTask } from '@sohoa/model';
import { splitBodies } from './bodies.js';
import { isPersonName } from './closing.js';
import { findDeadline, findRecurrence, timeValueDeadline } from './dates.js';
import { ATTACHMENT_NOTE } from './header.js';
import type { Paragraph, SourceLine } from './lines.js';
import { buildSections, type SectionNode, walkNodes } from './sections.js';
import { clean, isAllCaps } from './text.js';

/*
 * What follows the signature: footnotes ("[1] …") and appendices ("Phụ lục", an upper-case title, the
 * "(Kèm theo Kế hoạch số …)" note), whose tables arrive flattened to one cell per line. Assignment tables
 * ("Nhiệm vụ | Người thực hiện", "Tên nhiệm vụ | Sở, ngành chủ trì | Đơn vị phối hợp | Thời gian") give one
 * task per row.
 */

export interface AppendixPart {
  appendix: PlanAppendix;
  /** Lines of the appendix as paragraphs (one per line), for references. */
  paras: Paragraph[];
  nodes: SectionNode[];
  /** Heading numbers repaired inside the appendix. */
  messages: PlanMessage[];
}

export interface PostResult {
  appendices: AppendixPart[];
  footnotes: { footnote: PlanFootnote; line: number }[];
  tasks: PlanTask[];
  messages: PlanMessage[];
}

const APPENDIX_START =
  /^(?:PHỤ LỤC|Phụ lục|PHỤ BIỂU|Phụ biểu)(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))/u;
const NOTE = ATTACHMENT_NOTE;

/** Read footnotes and appendices from the lines after the closing block. */
export function parsePostClosing(lines: readonly SourceLine[], start: number): PostResult {
  const footnotes: { footnote: PlanFootnote; line: number }[] = [];
  const groups: SourceLine[][] = [];
  let footnote: { footnote: PlanFootnote; line: number } | null = null;
  let group: SourceLine[] | null = null;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.text) {
      footnote = null;
      if (group) group.push(line);
      continue;
    }
    const fn = /^\[(\d+)\]\s*(.*)$/u.exec(line.text);
    if (fn) {
      footnote = { footnote: { mark: fn[1]!, text: clean(fn[2] ?? '') || fn[1]! }, line: line.line };
      footnotes.push(footnote);
      continue;
    }
    if (footnote) {
      footnote.footnote.text = clean(`${footnote.footnote.text} ${line.text}`);
      continue;
    }
    if (!group || APPENDIX_START.test(line.text)) {
      group = [];
      groups.push(group);
    }
    group.push(line);
  }

  const appendices: AppendixPart[] = [];
  const tasks: PlanTask[] = [];
  const messages: PlanMessage[] = [];
  groups.forEach((g, index) => {
    const part = buildAppendix(g, `PL${index + 1}`);
    appendices.push(part);
    // Repaired heading numbers are reported in appendices as in the body.
    messages.push(...part.messages);
    tasks.push(...tableTasks(part));
  });
  return { appendices, footnotes, tasks, messages };
}

function buildAppendix(group: readonly SourceLine[], id: string): AppendixPart {
  const content = group.filter((l) => l.text);
  let k = 0;
  let title = content[0]!.text;
  k = 1;
  const next = content[1]?.text;
  if (
    /^(?:PHỤ LỤC|Phụ lục|PHỤ BIỂU|Phụ biểu)(?:\s+(?:số\s+)?[\dIVX]+)?\s*[.:]?$/u.test(title) &&
    next &&
    isAllCaps(next) &&
    !NOTE.test(next)
  ) {
    title = `${title} ${next}`;
    k = 2;
  }
  let note: string | null = null;
  for (let j = k; j < Math.min(content.length, k + 2); j++) {
    if (NOTE.test(content[j]!.text)) {
      note = content[j]!.text;
      // Lines between the title and the note are title lines.
      for (let t = k; t < j; t++) title = `${title} ${content[t]!.text}`;
      k = j + 1;
      break;
    }
  }
  const paras: Paragraph[] = content.slice(k).map((l) => ({ text: l.text, line: l.line, lines: [l.line] }));
  const tree = buildSections(paras, id);
  return {
    appendix: {
      id,
      title: clean(title),
      note,
      paragraphs: tree.before.map((p) => p.text),
      sections: tree.roots.map((n) => n.section),
    },
    paras,
    nodes: tree.roots,
    messages: tree.messages,
  };
}

const HEADER_CELL =
  /nhiệm vụ|nội dung|công việc|thực hiện|chủ trì|phối hợp|thời gian|thời hạn|tiến độ|ghi chú|kết quả|sản phẩm|người|đơn vị|cơ quan|họ và tên|chức vụ|tín nhiệm|số lượng|kinh phí|địa điểm|sở, ngành/iu;

type Role = 'index' | 'task' | 'lead' | 'coordinators' | 'time' | 'other';

function roleOf(cell: string): Role {
  const c = cell.toLowerCase();
  if (/^s?tt$/u.test(c)) return 'index';
  if (/phối hợp/u.test(c)) return 'coordinators';
  if (/nhiệm vụ|nội dung|công việc/u.test(c) && !/người|đơn vị|cơ quan|chủ trì/u.test(c)) return 'task';
  if (
    /chủ trì|người thực hiện|đơn vị thực hiện|cơ quan thực hiện|phụ trách|thực hiện/u.test(c) &&
    !/thời gian/u.test(c)
  )
    return 'lead';
  if (/thời gian|thời hạn|tiến độ/u.test(c)) return 'time';
  return 'other';
}

/** One task per row of an assignment table flattened to lines. */
function tableTasks(part: AppendixPart): PlanTask[] {
  const lines = part.paras;
  const tasks: PlanTask[] = [];
  const sectionOf = (line: number): string => {
    let id = part.appendix.id;
    walkNodes(part.nodes, (n) => {
      if ((n.section.line ?? 0) <= line) id = n.section.id;
    });
    return id;
  };
  for (let h = 0; h < lines.length; h++) {
    if (!/^(?:S?TT|Stt|stt)$/u.test(lines[h]!.text)) continue;
    const columns: string[] = ['TT'];
    let i = h + 1;
    while (
      i < lines.length &&
      lines[i]!.text.length <= 60 &&
      HEADER_CELL.test(lines[i]!.text) &&
      !/[.;]$/u.test(lines[i]!.text)
    ) {
      columns.push(lines[i]!.text);
      i++;
    }
    const roles = columns.map(roleOf);
    if (!roles.includes('task') || !roles.includes('lead')) continue;
    while (i < lines.length && /^\(\d+\)$/u.test(lines[i]!.text)) i++;
    const dataColumns = roles.slice(1);
    const rows: Paragraph[][] = [];
    if (/^1\.?$/u.test(lines[i]?.text ?? '')) {
      let expected = 1;
      let row: Paragraph[] | null = null;
      for (; i < lines.length; i++) {
        const t = lines[i]!.text;
        if (t === String(expected) || t === `${expected}.`) {
          row = [];
          rows.push(row);
          expected++;
          continue;
        }
        if (/^(?:S?TT|Stt)$/u.test(t)) break;
        row?.push(lines[i]!);
      }
    } else {
      // Unnumbered rows: a task cell followed by the people listed for it.
      let row: Paragraph[] | null = null;
      for (; i < lines.length; i++) {
        const t = lines[i]!.text;
        if (/^(?:S?TT|Stt)$/u.test(t)) break;
        if (!isPersonName(t) || !row) {
          row = [lines[i]!];
          rows.push(row);
        } else {
          row.push(lines[i]!);
        }
      }
    }
    for (const row of rows) {
      if (row.length === 0) continue;
      const cells: Partial<Record<Role, string[]>> = {};
      const names = row.slice(1).every((p) => isPersonName(p.text));
      if (names) {
        cells.task = [row[0]!.text];
        cells.lead = row.slice(1).map((p) => p.text);
      } else {
        row.forEach((p, k) => {
          const role = dataColumns[Math.min(k, dataColumns.length - 1)] ?? 'other';
          if (!cells[role]) cells[role] = [];
          cells[role]!.push(p.text);
        });
      }
      const text = clean((cells.task ?? []).join(' '));
      if (!text) continue;
      const lead = cells.lead && cells.lead.length > 0 ? cells.lead.join(', ') : null;
      const timeCell = clean((cells.time ?? []).join(' '));
      const recurrence = timeCell ? findRecurrence(timeCell) : null;
      const deadline = timeCell ? (findDeadline(timeCell) ?? timeValueDeadline([timeCell])) : null;
      tasks.push({
        text,
        lead,
        coordinators: cells.coordinators ? splitBodies(cells.coordinators.join(', ')) : [],
        deadline,
        recurrence,
        section: sectionOf(row[0]!.line),
        line: row[0]!.line,
      });
    }
  }
  return tasks;
}

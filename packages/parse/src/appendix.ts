import type { PlanAppendix, PlanFootnote, PlanMessage, PlanTask } from '@sohoa/model';
import { ATTACHED_TITLE } from './attached-title.js';
import { splitBodies } from './bodies.js';
import { isPersonName } from './closing.js';
import { findDeadline, findRecurrence, timeValueDeadline } from './dates.js';
import { ATTACHMENT_NOTE } from './header.js';
import { assembleParagraphs, type Paragraph, type SourceLine } from './lines.js';
import { parseHeadingMarker } from './numbering.js';
import { buildSections, type SectionNode, sectionAtLine } from './sections.js';
import { findLineTables, tableMessages, tableRowTasks } from './table-tasks.js';
import type { TextTable } from './table-text.js';
import { clean, isAllCaps } from './text.js';
import type { WrapModel } from './wrap.js';

/*
 * What follows the signature: footnotes ("[1] …") and appendices ("Phụ lục", an upper-case title, the
 * "(Kèm theo Kế hoạch số …)" note), whose tables arrive flattened to one cell per line. Assignment tables
 * ("Nhiệm vụ | Người thực hiện", "Tên nhiệm vụ | Sở, ngành chủ trì | Đơn vị phối hợp | Thời gian") give one
 * task per row.
 */

export interface AppendixPart {
  appendix: PlanAppendix;
  /** An attached plan, programme or scheme ("KẾ HOẠCH … (Kèm theo Quyết định số …)"): read as a plan, its
   *  paragraphs assembled and its tasks and targets extracted like the body's. */
  plan: boolean;
  /** Paragraphs of the appendix (one per line, or assembled for an attached plan), for references. */
  paras: Paragraph[];
  /** The appendix's lines one per entry: the cells of a flattened table. */
  cells: Paragraph[];
  /** Task tables read from the cells. */
  tables: TextTable[];
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

/** Lines of the header printed above an attached plan's title (issuer, quốc hiệu, motto, rules). */
function headerLike(text: string): boolean {
  return (
    (isAllCaps(text) && text.length <= 90) ||
    /^Độc lập\s*[-–]\s*Tự do/u.test(text) ||
    /^[-_=–—.*\s]{3,}$/u.test(text) ||
    /^Số\s*:/u.test(text) ||
    /,\s*ngày\s.{0,20}tháng\s.{0,12}năm/u.test(text)
  );
}

/** Read footnotes and appendices from the lines after the closing block. */
export function parsePostClosing(
  lines: readonly SourceLine[],
  start: number,
  layout = false,
  wrap?: WrapModel,
  /** A plan title glued to the signature's last line: the first group after the closing is that plan. */
  attachedTitle: { text: string; note: string | null } | null = null,
): PostResult {
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
    } else if (ATTACHED_TITLE.test(line.text.trim())) {
      // The plan's own header lines above its title come with it.
      const current: SourceLine[] = group;
      let k = current.length;
      while (k > 0 && (!current[k - 1]!.text || headerLike(current[k - 1]!.text))) k--;
      const moved = current.splice(k);
      if (current.some((l) => l.text)) {
        group = moved;
        groups.push(moved);
      } else {
        current.push(...moved);
      }
    }
    group.push(line);
  }

  const appendices: AppendixPart[] = [];
  const tasks: PlanTask[] = [];
  const messages: PlanMessage[] = [];
  groups.forEach((g, index) => {
    const part = buildAppendix(g, `PL${index + 1}`, layout, wrap, index === 0 ? attachedTitle : null);
    appendices.push(part);
    // Repaired heading numbers are reported in appendices as in the body.
    messages.push(...part.messages);
    tasks.push(...tableTasks(part));
  });
  return { appendices, footnotes, tasks, messages };
}

function buildAppendix(
  group: readonly SourceLine[],
  id: string,
  layout: boolean,
  wrap: WrapModel | undefined,
  glued: { text: string; note: string | null } | null,
): AppendixPart {
  const gluedTitle = glued?.text ?? null;
  const content = group.filter((l) => l.text);
  // An attached plan: its title line within its first lines, the header above it.
  const titleAt = gluedTitle ? -1 : content.slice(0, 12).findIndex((l) => ATTACHED_TITLE.test(l.text.trim()));
  const plan = gluedTitle !== null || (titleAt >= 0 && !APPENDIX_START.test(content[0]!.text));
  const lead = titleAt > 0 ? content.slice(0, titleAt) : [];
  let k = Math.max(0, titleAt);
  let title = gluedTitle ?? content[k]!.text;
  if (!gluedTitle) k++;
  if (plan && !gluedTitle) {
    // The subject lines under the type line, up to the "(Kèm theo …)" note or the first heading.
    const end = Math.min(content.length, k + 6);
    let j = k;
    while (j < end && !NOTE.test(content[j]!.text) && !parseHeadingMarker(content[j]!.text)) j++;
    if (j < content.length && NOTE.test(content[j]!.text)) {
      for (let t = k; t < j; t++) title = `${title} ${content[t]!.text}`;
      k = j;
    }
  } else {
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
  }
  let note: string | null = glued?.note ?? null;
  for (let j = k; j < Math.min(content.length, k + 2); j++) {
    if (NOTE.test(content[j]!.text)) {
      note = content[j]!.text;
      // Lines between the title and the note are title lines.
      for (let t = k; t < j; t++) title = `${title} ${content[t]!.text}`;
      k = j + 1;
      // A note wrapped over lines runs to its closing parenthesis.
      while (/^\(/u.test(note) && !/\)/u.test(note) && k < content.length && k < j + 4) {
        note = `${note} ${content[k]!.text}`;
        k++;
      }
      note = clean(note);
      break;
    }
  }
  const perLine = (l: SourceLine): Paragraph => ({ text: l.text, line: l.line, lines: [l.line] });
  const rest = content.slice(k);
  // Task tables: their rows are tasks, not headings or paragraphs; their group rows are headings.
  const found = findLineTables(group.slice(group.indexOf(rest[0] ?? group[0]!)));
  const { cells, tables, consumed } = found;
  const tableNotes = tableMessages(found);
  const groupOf = found.groups;
  const first = rest[0];
  const body = (first ? group.slice(group.indexOf(first)) : []).filter((l) => !consumed.has(l.line));
  let paras: Paragraph[];
  if (plan) {
    paras = assembleParagraphs(body, layout, wrap);
  } else {
    paras = [];
    const inGroup = new Set([...groupOf.values()].flatMap((ls) => ls.slice(1)));
    for (const l of rest) {
      if (consumed.has(l.line) || inGroup.has(l.line)) continue;
      const groupLines = groupOf.get(l.line);
      if (groupLines) {
        const texts = rest.filter((x) => groupLines.includes(x.line)).map((x) => x.text);
        paras.push({ text: clean(texts.join(' ')), line: l.line, lines: groupLines });
      } else {
        paras.push(perLine(l));
      }
    }
  }
  const tree = buildSections(paras, id);
  return {
    appendix: {
      id,
      title: clean(title),
      note,
      paragraphs: [...lead.map((l) => l.text), ...tree.before.map((p) => p.text)],
      sections: tree.roots.map((n) => n.section),
    },
    plan,
    paras,
    cells,
    tables,
    nodes: tree.roots,
    messages: [...tree.messages, ...tableNotes],
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

/** The innermost section of an appendix at a line. */
const sectionAt = (part: AppendixPart, line: number) => sectionAtLine(part.nodes, line, part.appendix.id);

/** One task per row of an assignment table flattened to lines. */
function tableTasks(part: AppendixPart): PlanTask[] {
  if (part.tables.length > 0) return tableRowTasks(part.tables, (line) => sectionAt(part, line));
  const lines = part.cells;
  const tasks: PlanTask[] = [];
  const sectionOf = (line: number) => sectionAt(part, line);
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
    const numbered = /^1\.?$/u.test(lines[i]?.text ?? '');
    if (numbered) {
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
    // Unnumbered rows are rows only where people are listed for them: any other line is no row of its own.
    for (const row of rows) {
      if (row.length === 0) continue;
      if (!numbered && !row.slice(1).some((p) => isPersonName(p.text))) continue;
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
        leadSource: lead ? 'stated' : 'none',
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

import { type Deadline, normalizeForMatch, type PlanTask } from '@sohoa/model';
import {
  COORDINATOR_ATTRIBUTE,
  findCoordinators,
  findSubject,
  headingNamesBody,
  LEAD_ATTRIBUTE,
  splitBodies,
  TIME_ATTRIBUTE,
} from './bodies.js';
import {
  findDeadline,
  findEventDeadline,
  findRecurrence,
  leadingEventClause,
  parseTimeValue,
} from './dates.js';
import type { Paragraph } from './lines.js';
import type { SectionNode } from './sections.js';
import { clean, fold, isAllCaps, stripBullet, stripFinalPunctuation } from './text.js';

/*
 * Tasks: who does what by when (rules in fixtures/gold/README.md).
 * 1. In implementation sections (TỔ CHỨC THỰC HIỆN, trách nhiệm, phân công, chế độ báo cáo) every bullet,
 *    paragraph or numbered item that prescribes an action; a heading naming a body gives its lead to the items
 *    under it; "Giao X …:" introduces items and gives them its lead.
 * 2. Elsewhere, a paragraph whose subject is a named body doing something.
 * 3. A numbered item with a "Thời gian thực hiện:" line is one timed task; its bullets are details.
 * One task is one paragraph, split only where a new sentence has another body as its subject.
 */

const IMPLEMENTATION =
  /TỔ CHỨC THỰC HIỆN|TRÁCH NHIỆM|PHÂN CÔNG|CHẾ ĐỘ BÁO CÁO|CHẾ ĐỘ THÔNG TIN|GIAO NHIỆM VỤ/u;

/** Whether a heading opens an implementation section. */
export function isImplementationHeading(heading: string): boolean {
  const h = clean(heading);
  if (
    /^Tổ chức thực hiện(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))/iu.test(h) &&
    h.length < 40
  )
    return true;
  return isAllCaps(h) && IMPLEMENTATION.test(h);
}

const LABEL =
  /^(?:Thời gian|Thời hạn|Địa điểm|Đối tượng|Thành phần|Kết quả|Sản phẩm|Nguyên tắc|Tài liệu|Hình thức|Nội dung|Mục đích|Yêu cầu|Lưu ý|Ghi chú|Phương châm|Khẩu hiệu|Quy mô|Số lượng|Phạm vi|Chủ đề|Đối với|Trường hợp|Trưởng đoàn|Phó trưởng đoàn|Thành viên)(?:\s+[^\s:]+){0,6}\s*:/iu;
/** Headings whose paragraphs state norms rather than assign work ("Quy định về thành phần …"). */
const NORMATIVE_HEADING = /^(?:Quy định|Nguyên tắc|Tiêu chuẩn|Điều kiện|Yêu cầu)(?![\p{L}\p{N}])/u;
const NO_ACTION =
  /^(?:Kinh phí|Nguồn kinh phí|Dự toán kinh phí|Trên đây)(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))/iu;

/** Paragraphs that assign nothing: labels ("Thời gian: …"), funding provisions, parenthetical notes. */
function assignsNothing(text: string): boolean {
  const t = stripBullet(text);
  return LABEL.test(t) || NO_ACTION.test(t) || /^\(.*\)$/u.test(t) || !/\p{L}/u.test(t);
}

interface Attributes {
  time: string[];
  lead: string | null;
  coordinators: string[] | null;
  found: boolean;
}

/** The attribute lines of a timed activity ("Thời gian thực hiện:", "Đơn vị chủ trì:", "Đơn vị phối hợp:"). */
function attributesOf(paras: readonly Paragraph[]): Attributes {
  const out: Attributes = { time: [], lead: null, coordinators: null, found: false };
  for (let i = 0; i < paras.length; i++) {
    const text = paras[i]!.text;
    const time = TIME_ATTRIBUTE.exec(text.replace(/^\*\s*/u, ''));
    if (time) {
      out.found = true;
      const value = clean(time[1] ?? '');
      if (value) {
        out.time.push(value);
      } else {
        // The windows follow as bullets.
        for (let k = i + 1; k < paras.length; k++) {
          const next = paras[k]!.text;
          if (LEAD_ATTRIBUTE.test(next) || COORDINATOR_ATTRIBUTE.test(next) || TIME_ATTRIBUTE.test(next))
            break;
          if (!/^[-+*•]/u.test(next)) break;
          out.time.push(next);
        }
      }
      continue;
    }
    const lead = LEAD_ATTRIBUTE.exec(text);
    if (lead) {
      out.found = true;
      const value = stripFinalPunctuation(clean(lead[1] ?? ''));
      if (value) out.lead = value;
      continue;
    }
    const coordinators = COORDINATOR_ATTRIBUTE.exec(text);
    if (coordinators) {
      out.found = true;
      out.coordinators = splitBodies(stripFinalPunctuation(clean(coordinators[1] ?? '')));
    }
  }
  return out;
}

function lastDescendant(node: SectionNode): SectionNode {
  let n = node;
  while (n.children.length > 0) n = n.children[n.children.length - 1]!;
  return n;
}

interface Context {
  impl: boolean;
  lead: string | null;
}

/** Extract the tasks of a heading tree. */
export function extractTasks(roots: readonly SectionNode[]): PlanTask[] {
  const out: PlanTask[] = [];
  visitSiblings(roots, { impl: false, lead: null }, out);
  // A task is identified by its section and normalised text: a repeated item is one task.
  const seen = new Set<string>();
  return out.filter((t) => {
    const key = `${t.section}\u0000${normalizeForMatch(t.text)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function visitSiblings(nodes: readonly SectionNode[], ctx: Context, out: PlanTask[]): void {
  const own = nodes.map((n) => attributesOf(n.paras).found);
  const anyTimed = own.some(Boolean);
  let lead = ctx.lead;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    let attrs: Attributes | null = own[i] ? attributesOf(node.paras) : null;
    if (!attrs && anyTimed && node.children.length > 0) {
      // A timing line printed after the last sub-item belongs to the item (siblings are timed activities).
      const last = lastDescendant(node);
      const a = attributesOf(last.paras);
      const others = node.children.slice(0, -1).some((c) => attributesOf(c.paras).found);
      if (a.found && !others) attrs = a;
    }
    const result = attrs
      ? timedTask(node, attrs, { ...ctx, lead }, out, own[i] === true)
      : visitNode(node, { ...ctx, lead }, out);
    if (result.introLead && node.paras.length === 0 && node.children.length === 0) lead = result.introLead;
  }
}

function task(
  text: string,
  lead: string | null,
  section: string,
  line: number | undefined,
  extra: { coordinators?: string[]; deadline?: Deadline | null } = {},
): PlanTask {
  const body = clean(text);
  return {
    text: body,
    lead: lead?.trim() ? lead.trim() : null,
    coordinators: extra.coordinators ?? findCoordinators(body),
    deadline:
      extra.deadline !== undefined
        ? extra.deadline
        : (findDeadline(body) ?? leadingEventClause(body) ?? findEventDeadline(body)),
    recurrence: findRecurrence(body),
    section,
    ...(line !== undefined ? { line } : {}),
  };
}

function timedTask(
  node: SectionNode,
  attrs: Attributes,
  ctx: Context,
  out: PlanTask[],
  ownAttributes: boolean,
): { introLead?: string } {
  const impl = ctx.impl || isImplementationHeading(node.section.heading);
  const heading = node.section.heading || stripBullet(node.paras[0]?.text ?? '');
  if (!heading) return {};
  // "Tham gia thực hiện các nhiệm vụ:" introduces its bullets: they are the tasks, with the attributes.
  const details = node.paras.filter(
    (p) =>
      /^[-+*•]/u.test(p.text) &&
      !TIME_ATTRIBUTE.test(p.text.replace(/^\*\s*/u, '')) &&
      !LEAD_ATTRIBUTE.test(p.text) &&
      !COORDINATOR_ATTRIBUTE.test(p.text) &&
      !assignsNothing(p.text),
  );
  const texts =
    /:\s*$/u.test(heading) && details.length > 0
      ? details.map((p) => ({ text: stripBullet(p.text), line: p.line }))
      : [{ text: heading, line: node.section.line }];
  let lead = findSubject(heading)?.text ?? attrs.lead;
  if (!lead) {
    for (const p of node.paras) {
      if (assignsNothing(p.text)) continue;
      const s = findSubject(p.text);
      if (s) {
        lead = s.text;
        break;
      }
    }
  }
  if (!lead && ctx.impl) lead = ctx.lead;
  for (const { text, line } of texts) {
    const deadline = attrs.time.length > 0 ? parseTimeValue(attrs.time) : findDeadline(text);
    const coordinators = findCoordinators(text);
    for (const c of attrs.coordinators ?? []) if (!coordinators.includes(c)) coordinators.push(c);
    const t = task(text, lead, node.section.id, line, { coordinators, deadline });
    t.recurrence = findRecurrence([text, ...attrs.time].join(' '));
    out.push(t);
  }
  // Sub-items of an item that carries its own timing are visited as usual; a timing printed under the last
  // sub-item makes the sub-items details.
  if (ownAttributes) visitSiblings(node.children, { impl, lead: ctx.lead }, out);
  return {};
}

function visitNode(node: SectionNode, ctx: Context, out: PlanTask[]): { introLead?: string } {
  const heading = node.section.heading;
  const impl = ctx.impl || isImplementationHeading(heading);
  const hasContent = node.paras.length > 0 || node.children.length > 0;
  let lead = ctx.lead;
  let introLead: string | undefined;
  const endsColon = /:\s*$/u.test(heading);

  const bodyName = headingNamesBody(heading);
  if (bodyName) {
    lead = bodyName;
  } else if (heading && !assignsNothing(heading) && !isImplementationHeading(heading)) {
    const subject = findSubject(heading);
    if (subject?.form === 'assign' && endsColon) {
      lead = subject.text;
      introLead = subject.text;
    } else if (subject) {
      if (!(impl && endsColon && hasContent))
        pushSplit(heading, subject.text, node.section.id, node.section.line, out);
      lead = subject.text;
      if (endsColon) introLead = subject.text;
    } else if (impl && !hasContent) {
      out.push(task(heading, ctx.lead, node.section.id, node.section.line));
    }
  }

  let current = lead;
  for (let i = 0; i < node.paras.length; i++) {
    const para = node.paras[i]!;
    const body = stripBullet(para.text);
    if (!body || assignsNothing(para.text)) continue;
    let subject = findSubject(body);
    // Under a body heading, "Yêu cầu X …" / "Đề nghị X …" is that body's own action.
    if (subject?.form === 'assign' && current && !/^Giao(?![\p{L}])/u.test(body)) subject = null;
    const colon = /:\s*$/u.test(body);
    const more = i < node.paras.length - 1 || node.children.length > 0;
    if (subject?.form === 'assign' && colon) {
      current = subject.text;
      continue;
    }
    if (subject) {
      if (!(impl && colon && more)) pushSplit(body, subject.text, node.section.id, para.line, out);
      if (colon) current = subject.text;
      continue;
    }
    // "Các nội dung dưới đây được …", "Việc phân công …": descriptions, not assignments.
    if (impl && !NORMATIVE_HEADING.test(heading) && !/^(?:Các|Những|Việc|Mọi)\s+\p{Ll}/u.test(body)) {
      if (colon && more) continue;
      pushSplit(body, current, node.section.id, para.line, out);
    }
  }

  visitSiblings(node.children, { impl, lead: current }, out);
  return introLead ? { introLead } : {};
}

/** One task per paragraph, split where a new sentence has another body as its subject. */
function pushSplit(
  text: string,
  lead: string | null,
  section: string,
  line: number | undefined,
  out: PlanTask[],
): void {
  const sentences = splitSentences(text);
  let currentText = sentences[0] ?? text;
  let currentLead = lead;
  for (let i = 1; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    const subject = findSubject(sentence, { allowIntro: false });
    if (subject && subject.form === 'subject' && fold(subject.text) !== fold(currentLead ?? '')) {
      out.push(task(currentText, currentLead, section, line));
      currentText = sentence;
      currentLead = subject.text;
    } else {
      currentText = `${currentText} ${sentence}`;
    }
  }
  out.push(task(currentText, currentLead, section, line));
}

function splitSentences(text: string): string[] {
  const out: string[] = [];
  const re = /(?<=[.!?])\s+(?=\p{Lu})/gu;
  let last = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    if (text[i] === ')') depth = Math.max(0, depth - 1);
  }
  if (depth > 0) return [text];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(0, m.index);
    // Not after an abbreviation ("TP.", "TT.", "đ/c.") or inside parentheses.
    const open = (before.match(/\(/gu) ?? []).length - (before.match(/\)/gu) ?? []).length;
    if (
      open > 0 ||
      /(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))(?:TP|TT|Tp|ThS|TS|PGS|GS|Q|TM|KT|TL|St)\.$/u.test(
        before,
      )
    )
      continue;
    out.push(text.slice(last, m.index).trim());
    last = m.index + m[0].length;
  }
  out.push(text.slice(last).trim());
  return out.filter(Boolean);
}

import { type Deadline, normalizeForMatch, type PlanTask } from '@sohoa/model';
import { type Attributes, attributesOf, isAttributeLine, timeDeadline, timeValueAt } from './attributes.js';
import { findCoordinators, findSubject, headingNamesBody, type Subject } from './bodies.js';
import { findDeadline, findEventDeadline, findRecurrence, leadingEventClause } from './dates.js';
import type { Paragraph } from './lines.js';
import { matchesOf } from './matches.js';
import {
  assignsNothing,
  ENUMERATES,
  type IntroKind,
  introKind,
  NORMATIVE_HEADING,
  namesBody,
} from './roles.js';
import type { SectionNode } from './sections.js';
import { splitSentences } from './sentences.js';
import { bulletOf, clean, fold, isAllCaps, stripBullet } from './text.js';

/*
 * Tasks: who does what by when (rules in fixtures/gold/README.md).
 * 1. In implementation sections (TỔ CHỨC THỰC HIỆN, trách nhiệm, phân công, chế độ báo cáo) every bullet,
 *    paragraph or numbered item that prescribes an action; a heading naming a body gives its lead to the items
 *    under it; "Giao X …:" introduces items and gives them its lead.
 * 2. Elsewhere, a paragraph whose subject is a named body doing something; an intro with a body announcing
 *    work ("X … thực hiện các nhiệm vụ sau đây:") is no task: it leads the items below, which become tasks.
 * 3. A numbered item with attribute lines ("Đơn vị chủ trì:", "Thời gian thực hiện:") is one timed task, its
 *    bullets are details; when most of its paragraphs name the bodies doing the work, they are the tasks and
 *    the timing line is their deadline. A timing line closes the item it ends (also from under its last
 *    sub-item).
 * An intro enumerating its own object ("Lập hồ sơ, bao gồm:") is one task with its deeper bullets. One task is
 * one paragraph, split only where a new sentence (after a leading clause, too) has another body as subject.
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

function lastDescendant(node: SectionNode): SectionNode {
  let n = node;
  while (n.children.length > 0) n = n.children[n.children.length - 1]!;
  return n;
}

interface Context {
  /** Items here prescribe actions (implementation section, under a body heading or an intro with a body). */
  impl: boolean;
  /** Items here are the actions the plan requires (Nhiệm vụ, Giải pháp, Nội dung …), owned or not. */
  action?: boolean;
  lead: string | null;
}

/** A bullet stating how an action must be done, not another action: "Bảo đảm …", "Các văn bản … phải …". */
const REQUIREMENT =
  /^(?:Bảo đảm|Đảm bảo|Yêu cầu|Lưu ý)(?![\p{L}])|^(?:Các|Những|Việc|Mọi)\s+\p{Ll}|(?:^|\s)phải\s|\sđược\s+(?:thực hiện|thiết kế|tổ chức|áp dụng|quy định|xác định)(?![\p{L}])/u;

/** In a section of actions, a paragraph nobody is named for is an action when it reads as one: not a
 *  requirement or description ("… phải …", "… được thực hiện theo …"), not a bare label ("Bồi dưỡng ngắn hạn."). */
function readsAsAction(text: string): boolean {
  const words = stripBullet(clean(text)).split(' ');
  // What the paragraph is: its opening clause says (a long action may go on about what it must achieve).
  return !REQUIREMENT.test(words.slice(0, 10).join(' ')) && words.length >= 5;
}

/** Headings of the sections that list what must be done: each action there is a task, owned or not. */
const ACTION_HEADING =
  /^(?:(?:các|những)\s+)?(?:nhiệm vụ|giải pháp|biện pháp|nội dung|hoạt động|lộ trình|hình thức|công việc|phương án|chương trình)(?![\p{L}])/iu;
/** Headings of what the plan is for or about, not what must be done. */
const PURPOSE_HEADING =
  /^(?:(?:các|những)\s+)?(?:mục đích|mục tiêu|yêu cầu|quan điểm|chỉ tiêu|căn cứ|tình hình|thực trạng|kết quả|đánh giá|phạm vi|đối tượng|khẩu hiệu|kinh phí|nguồn|sự cần thiết|bối cảnh|định hướng|tầm nhìn)(?![\p{L}])/iu;

/** A section describing an event itself (its time, place, object), not duties: "Thời gian: …", "Địa điểm: …". */
function describesEvent(node: SectionNode): boolean {
  return node.children.filter((c) => EVENT_LABEL.test(clean(c.section.heading))).length >= 2;
}
const EVENT_LABEL = /^(?:Thời gian|Thời điểm|Địa điểm|Đối tượng|Thành phần|Phạm vi|Quy mô)(?![\p{L}])/iu;

/** Whether a heading opens a section of actions (or, false, of purposes); null when it says neither. */
function actionHeading(node: SectionNode): boolean | null {
  const h = clean(node.section.heading);
  // A labelled heading ("Thời gian tuyên truyền:", "Địa điểm: …") states a fact, no actions.
  if (PURPOSE_HEADING.test(h) || EVENT_LABEL.test(h)) return false;
  if (ACTION_HEADING.test(h)) return !describesEvent(node);
  return null;
}

/** Extract the tasks of a heading tree. */
export function extractTasks(
  roots: readonly SectionNode[],
  /** The body the text's opening addresses ("Thủ tướng Chính phủ yêu cầu X:"), leading every item. */
  addressed: string | null = null,
): PlanTask[] {
  const out: PlanTask[] = [];
  visitSiblings(roots, addressed ? { impl: true, lead: addressed } : { impl: false, lead: null }, out);
  // A task is identified by its section and normalised text: a repeated item is one task.
  const seen = new Set<string>();
  return out.filter((t) => {
    const key = `${t.section}\u0000${normalizeForMatch(t.text)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Most paragraphs of an item (and of its sub-items) name the bodies doing the work: they are its tasks. */
function bodiesWork(node: SectionNode, deep: boolean): boolean {
  const paras: Paragraph[] = [];
  const collect = (n: SectionNode) => {
    paras.push(...n.paras);
    if (!deep) return;
    for (const c of n.children) {
      if (c.section.heading) paras.push(asPara(c.section.heading));
      collect(c);
    }
  };
  collect(node);
  const content = paras.filter((p) => !isAttributeLine(p.text) && !assignsNothing(p.text));
  return content.length > 0 && 2 * content.filter(namesBody).length >= content.length;
}

/**
 * The attribute lines that close an item from under its last sub-item (a timing printed after the last
 * sub-item), when no other sub-item carries its own.
 */
function closingAttributes(node: SectionNode): Attributes | null {
  if (node.children.length === 0) return null;
  const a = attributesOf(lastDescendant(node).paras);
  if (!a.found) return null;
  const others = node.children.slice(0, -1).some((c) => attributesOf(c.paras).found || closingAttributes(c));
  return others ? null : a;
}

function visitSiblings(nodes: readonly SectionNode[], ctx: Context, out: PlanTask[]): void {
  const own = nodes.map((n) => attributesOf(n.paras));
  const closings = nodes.map((n, i) => (own[i]!.found ? null : closingAttributes(n)));
  // Siblings are timed activities when one carries its own timing or several are closed by one.
  const timedItems = own.some((a) => a.found) || closings.filter(Boolean).length >= 2;
  let next: Context = ctx;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    let attrs: Attributes | null = own[i]!.found ? own[i]! : null;
    const closing = !attrs && timedItems && closings[i] !== null;
    if (closing) attrs = closings[i]!;
    // A timed item is one task (its heading) unless its paragraphs name the bodies doing the work: then they
    // are the tasks and the timing is their deadline.
    const headingTask =
      attrs !== null && (attrs.lead !== null || attrs.coordinators !== null || !bodiesWork(node, closing));
    let result: { introLead?: string };
    if (attrs && headingTask) {
      result = timedTask(node, attrs, next, out, !closing);
    } else {
      const start = out.length;
      result = visitNode(node, next, out);
      if (attrs && closing) giveDeadline(out, start, timeDeadline(attrs.time));
    }
    // An item that only introduces ("Giao X thực hiện các công việc sau:") leads its following siblings.
    if (result.introLead && node.paras.length === 0 && node.children.length === 0)
      next = { impl: true, lead: result.introLead };
  }
}

function giveDeadline(out: PlanTask[], from: number, deadline: Deadline | null, section?: string): void {
  if (!deadline) return;
  for (let k = from; k < out.length; k++) {
    const t = out[k]!;
    // The timing line states the date; a sequencing clause ("Sau khi kiểm tra, …") gives way to it.
    const open = t.deadline === null || (t.deadline.kind === 'relative' && deadline.iso !== null);
    if (open && (section === undefined || t.section === section)) t.deadline = { ...deadline };
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
        : (findDeadline(body) ?? leadingEventClause(body) ?? findEventDeadline(body) ?? openingPeriod(body)),
    recurrence: findRecurrence(body),
    section,
    ...(line !== undefined ? { line } : {}),
  };
}

/**
 * A closing paragraph that directs a body to carry the text out ("… yêu cầu X thực hiện nghiêm túc Chỉ thị
 * này.", "X chịu trách nhiệm thi hành …") is a task of the last section; "Trên đây là …" is no task.
 */
export function closingTasks(paras: readonly Paragraph[], roots: readonly SectionNode[]): PlanTask[] {
  const root = roots[roots.length - 1];
  if (!root) return [];
  const last = lastDescendant(root);
  const tasks: PlanTask[] = [];
  for (const p of paras) {
    if (/^Trên\s+đây/u.test(p.text)) continue;
    const lead = addressedBody(p.text) ?? findSubject(p.text)?.text ?? executes(p.text)?.text ?? null;
    if (!lead) continue;
    const closing = task(p.text, lead, last.section.id, p.line, { deadline: findDeadline(clean(p.text)) });
    tasks.push({ ...closing, leadSource: 'stated' });
  }
  return tasks;
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
    (p) => /^[-+*•]/u.test(p.text) && !isAttributeLine(p.text) && !assignsNothing(p.text),
  );
  // A theme heading over action bullets closed by a responsibility line ("Đơn vị chủ trì: X"): each
  // bullet is a task of that body.
  const actions = details.filter((p) => !REQUIREMENT.test(stripBullet(p.text)));
  const group =
    attrs.lead !== null &&
    actions.length >= 2 &&
    2 * actions.length > details.length &&
    // A theme is a short title ("Hoàn thiện thể chế"); a long heading is itself the action, its bullets how.
    clean(heading).split(' ').length <= 12 &&
    !findSubject(heading);
  const texts =
    (/:\s*$/u.test(heading) && !ENUMERATES.test(heading) && details.length > 0) || group
      ? details.map((p) => ({ text: stripBullet(p.text), line: p.line }))
      : [{ text: heading, line: node.section.line }];
  // The explicit "Đơn vị chủ trì:" line first, then the body the item names, then the heading above.
  let lead = attrs.lead ?? findSubject(heading)?.text ?? null;
  if (!lead) {
    for (const p of node.paras) {
      if (assignsNothing(p.text) || isAttributeLine(p.text)) continue;
      const s = findSubject(p.text);
      if (s) {
        lead = s.text;
        break;
      }
    }
  }
  if (!lead) lead = ctx.lead;
  for (const { text, line } of texts) {
    const deadline = attrs.time.length > 0 ? timeDeadline(attrs.time) : findDeadline(text);
    const coordinators = findCoordinators(text);
    for (const c of attrs.coordinators ?? []) if (!coordinators.includes(c)) coordinators.push(c);
    const t = task(text, lead, node.section.id, line, { coordinators, deadline });
    t.recurrence = findRecurrence([text, ...attrs.time].join(' '));
    out.push(t);
  }
  // Sub-items of an item that carries its own timing are visited as usual; a timing printed under the last
  // sub-item makes the sub-items details.
  if (ownAttributes)
    visitSiblings(
      node.children,
      { impl, action: actionHeading(node) ?? ctx.action ?? false, lead: ctx.lead },
      out,
    );
  return {};
}

/**
 * The paragraphs after an enumerating intro that detail it: bullets deeper than the intro's own marker that
 * name no body of their own.
 */
function detailsAfter(paras: readonly Paragraph[], i: number): number {
  const marker = bulletOf(paras[i]!.text).trim();
  let k = i + 1;
  for (; k < paras.length; k++) {
    const p = paras[k]!;
    const m = bulletOf(p.text).trim();
    if (!m || m === marker || isAttributeLine(p.text) || namesBody(p)) break;
  }
  return k - i - 1;
}

/**
 * Sections that record rather than require: who attended, what each body said, a summary of the meeting.
 * Minutes (biên bản) assign work only in their conclusions; a plan's account of the situation assigns none.
 */
const RECORD_HEADING =
  /^(?:thành phần|ý kiến|tóm tắt|diễn biến|nội dung làm việc|nội dung cuộc họp|tình hình|thực trạng|kết quả (?:đạt được|thực hiện)|đặc điểm)(?![\p{L}])/iu;

function visitNode(node: SectionNode, ctx: Context, out: PlanTask[]): { introLead?: string } {
  const heading = node.section.heading;
  if (RECORD_HEADING.test(clean(heading))) return {};
  let impl = ctx.impl || isImplementationHeading(heading);
  const action = actionHeading(node) ?? ctx.action ?? false;
  const hasContent = node.paras.length > 0 || node.children.length > 0;
  let lead = ctx.lead;
  let introLead: string | undefined;
  /** Paragraphs detailing an enumerating heading are skipped. */
  let skip = 0;
  const endsColon = /:\s*$/u.test(heading);

  const bodyName = headingNamesBody(heading);
  if (bodyName) {
    // A heading naming a body: the items under it are that body's duties.
    lead = bodyName;
    if (hasContent) impl = true;
  } else if (heading && !assignsNothing(heading) && !isImplementationHeading(heading)) {
    const subject = findSubject(heading);
    const kind = endsColon && hasContent ? introKind(heading, impl) : 'task';
    // "Giao X:" — or "Điều 2. Giao X" with nothing after the body — introduces the items below.
    const bare = subject?.form === 'assign' && hasContent && !clean(heading.slice(subject.end));
    if (subject?.form === 'assign' && (endsColon || bare)) {
      lead = subject.text;
      introLead = subject.text;
      if (hasContent) impl = true;
    } else if (subject) {
      if (kind === 'announces') impl = true;
      else pushSplit(heading, subject.text, node.section.id, node.section.line, out);
      lead = subject.text;
      if (endsColon) introLead = subject.text;
      if (kind === 'enumerates')
        skip = detailsAfter([node.section.heading, ...node.paras.map((p) => p.text)].map(asPara), 0);
    } else if ((impl || (action && readsAsAction(heading))) && (!hasContent || kind === 'enumerates')) {
      out.push(task(heading, ctx.lead, node.section.id, node.section.line));
      if (kind === 'enumerates')
        skip = detailsAfter([heading, ...node.paras.map((p) => p.text)].map(asPara), 0);
    }
  }

  let current = lead;
  // Tasks since the last timing line: a timing line closes them.
  let open = out.length;
  for (let i = skip; i < node.paras.length; i++) {
    const para = node.paras[i]!;
    const time = timeValueAt(node.paras, i);
    if (time) {
      giveDeadline(out, open, timeDeadline(time.values), node.section.id);
      open = out.length;
      i += time.used - 1;
      continue;
    }
    const body = stripBullet(para.text);
    if (!body || assignsNothing(para.text)) continue;
    let subject = findSubject(body) ?? executes(body);
    // Under a body heading, "Yêu cầu X …" / "Đề nghị X …" is that body's own action.
    if (subject?.form === 'assign' && current && !/^Giao(?![\p{L}])/u.test(body)) subject = null;
    const colon = /:\s*$/u.test(body);
    const more = i < node.paras.length - 1 || node.children.length > 0;
    const kind: IntroKind = colon && more ? introKind(body, impl) : 'task';
    // An action ending in ":" over deeper bullets ("- Tuyên truyền tiêu chuẩn, cơ cấu …: + Về tiêu chuẩn …"):
    // the bullets detail it.
    const details =
      kind === 'enumerates' || (action && !impl && colon && more) ? detailsAfter(node.paras, i) : 0;
    if (subject?.form === 'assign' && colon && kind !== 'enumerates') {
      current = subject.text;
      impl = true;
      continue;
    }
    if (subject) {
      if (kind === 'announces') {
        // An intro with a body: it leads the items below and makes them tasks.
        current = subject.text;
        impl = true;
        continue;
      }
      pushSplit(body, subject.text, node.section.id, para.line, out);
      if (colon && more) current = subject.text;
      i += details;
      continue;
    }
    // "Các nội dung dưới đây được …", "Việc phân công …": descriptions, not assignments.
    if (
      (impl || (action && readsAsAction(body))) &&
      !NORMATIVE_HEADING.test(heading) &&
      !/^(?:Các|Những|Việc|Mọi)\s+\p{Ll}/u.test(body)
    ) {
      if (kind === 'announces' && impl) continue;
      pushSplit(body, current, node.section.id, para.line, out);
      i += details;
    }
  }

  visitSiblings(node.children, { impl, action, lead: current }, out);
  return introLead ? { introLead } : {};
}

const asPara = (text: string): Paragraph => ({ text, line: 0, lines: [] });

/** "Thường xuyên …", "Định kỳ hằng năm …", "Cuối năm, …" opening a task: when, though no date. */
const OPENING_PERIOD =
  /^(?:Thường xuyên|Định kỳ(?:\s+(?:hằng|hàng|mỗi))?(?:\s+(?:năm|quý|tháng|tuần|6 tháng))?|(?:Hằng|Hàng)\s+(?:năm|quý|tháng|tuần)|Cuối\s+(?:mỗi\s+)?năm)(?![\p{L}])/u;

function openingPeriod(text: string): Deadline | null {
  const m = OPENING_PERIOD.exec(text);
  return m ? { raw: m[0], kind: 'relative', iso: null, end: null } : null;
}

/** "X chịu trách nhiệm thi hành Quyết định này": the execution clause of a decision names who executes it. */
const EXECUTION =
  /^(\p{Lu}.{2,600}?)\s+(?:chịu|có)\s+trách\s+nhiệm\s+(?:thi hành|tổ chức thực hiện|tổ chức triển khai|thực hiện|triển khai)(?![\p{L}])/u;

function executes(text: string): Subject | null {
  const m = EXECUTION.exec(clean(stripBullet(text)));
  return m ? { text: m[1]!.replace(/[\s,;:]+$/u, ''), end: m[1]!.length, form: 'subject' } : null;
}

/**
 * The body an opening or closing sentence addresses: "Thủ tướng Chính phủ yêu cầu X:" (X leads the items
 * that follow), "… đề nghị X thực hiện nghiêm túc Chỉ thị này." (X executes the text).
 */
export function addressedBody(text: string): string | null {
  const t = clean(text);
  let at = -1;
  for (const m of matchesOf(/(?:^|[\s,;.])(yêu cầu|đề nghị|giao(?:\s+cho)?)\s+(?=\p{Lu})/gu, t))
    at = m.index + m[0].indexOf(m[1]!);
  if (at < 0) return null;
  const rest = t.slice(at);
  const subject = findSubject(/:\s*$/u.test(rest) ? `${rest.replace(/\s*:\s*$/u, '')} thực hiện` : rest);
  return subject?.form === 'assign' ? subject.text : null;
}

/** One task per paragraph, split where a new sentence (after a leading clause, too) has another subject. */
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
    const subject = findSubject(sentence);
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

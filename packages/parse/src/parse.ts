import {
  type LeadSource,
  OcrDocument,
  Plan,
  type PlanMessage,
  type PlanReference,
  type PlanTask,
  referenceKey,
} from '@sohoa/model';
import { parsePostClosing } from './appendix.js';
import { isAuthorityLine, parseClosing, RECIPIENTS_START } from './closing.js';
import { describeInput, ParseError } from './errors.js';
import { ATTACHMENT_NOTE, PARTY_ORGAN, parseHeader } from './header.js';
import { linesFromOcr } from './layout.js';
import { assembleParagraphs, isLayoutText, linesFromText, type Paragraph, type SourceLine } from './lines.js';
import { parseHeadingMarker } from './numbering.js';
import { removePageFurniture } from './pagination.js';
import { dedupeReferences, findReferences } from './references.js';
import { buildSections, sectionAtLine, walkNodes } from './sections.js';
import { findLineTables, tableMessages, tableRowTasks } from './table-tasks.js';
import { extractTargets } from './targets.js';
import { addressedBody, closingTasks, extractTasks } from './tasks.js';
import { BULLET, clean, fold } from './text.js';
import { measureWrap } from './wrap.js';

export interface ParseOptions {
  /** Name of the input (a file path or a label), copied to `plan.source`. */
  source?: string;
}

/**
 * Parse the corrected text of a Vietnamese administrative document, or its OCR document (layout helps with
 * two-column headers and signature blocks), into a `Plan`. The result always satisfies the `Plan` schema;
 * text the parser could not place is reported in `messages`.
 */
export function parse(input: string | OcrDocument, options: ParseOptions = {}): Plan {
  let lines: SourceLine[];
  let layout: boolean;
  let source = options.source ?? '';
  if (typeof input === 'string') {
    lines = linesFromText(input);
    layout = isLayoutText(lines);
  } else {
    // Checked here, at the border: JavaScript callers (and `JSON.parse` output) can pass anything, and a
    // TypeError from deep inside the parser would not say what was wrong.
    const checked = OcrDocument.safeParse(input);
    if (!checked.success)
      throw new ParseError(
        'invalid-input',
        `parse expects a string or an OCR document, got ${describeInput(input)}`,
        { cause: checked.error },
      );
    const doc = checked.data;
    lines = linesFromOcr(doc);
    layout = true;
    if (!options.source) source = doc.source;
  }
  return finish(buildPlan(lines, layout, source));
}

function closingStartOf(lines: readonly SourceLine[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    for (const seg of line.segments) {
      if (RECIPIENTS_START.test(seg.text) || isAuthorityLine(seg.text)) return i;
    }
  }
  return lines.length;
}

/**
 * Where the closing paragraphs start: "Trên đây là …", else a last unnumbered paragraph ending "./." that
 * follows the content of a top-level section (after a sub-item, it is that item's last paragraph).
 */
function closingParagraphsStart(paras: readonly Paragraph[]): number {
  const found = paras.findIndex((p) =>
    /^Trên\s+đây(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))/u.test(p.text),
  );
  if (found >= 0) return found;
  const markers = paras.map((p) => parseHeadingMarker(p.text));
  const top = markers.find((m) => m !== null)?.style;
  for (let i = paras.length - 1; i >= Math.max(0, paras.length - 3); i--) {
    const t = paras[i]!.text;
    if (!/\.\/\.?\s*$|\/\.\s*$/u.test(t) || markers[i] || BULLET.test(t)) continue;
    let k = i - 1;
    while (k >= 0 && !markers[k]) k--;
    if (k < 0 || markers[k]!.style === top) return i;
  }
  return paras.length;
}

function buildPlan(input: SourceLine[], layout: boolean, source: string): Plan {
  const messages: PlanMessage[] = [];
  const pagination = removePageFurniture(input);
  const lines = pagination.lines;
  const header = parseHeader(lines);
  messages.push(...pagination.messages, ...header.messages);

  const wrap = measureWrap(lines.map((l) => l.text));
  const closingStart = closingStartOf(lines, header.bodyStart);
  // Task tables in the body: their rows are tasks; the lines they consumed are no paragraphs.
  const bodyLines = lines.slice(header.bodyStart, closingStart);
  const bodyTables = findLineTables(bodyLines);
  messages.push(...tableMessages(bodyTables));
  const body = assembleParagraphs(
    bodyLines.filter((l) => !bodyTables.consumed.has(l.line)),
    layout,
    wrap,
  );
  if (header.note)
    body.unshift({ text: header.note.text, line: header.note.line, lines: [header.note.line] });
  const cut = closingParagraphsStart(body);
  const closingParas = body.slice(cut);
  const tree = buildSections(body.slice(0, cut));
  messages.push(...tree.messages);

  const closing =
    closingStart < lines.length
      ? parseClosing(lines, closingStart, layout)
      : { recipients: [], signature: null, end: lines.length, messages: [], attachedTitle: null };
  messages.push(...closing.messages);
  const post = parsePostClosing(lines, closing.end, layout, wrap, closing.attachedTitle);
  messages.push(...post.messages);

  // References in text order; footnotes last.
  const refs: PlanReference[] = [];
  const implementing = new Set<string>();
  // The decision a plan is attached to ("(Ban hành kèm theo Quyết định số …)") issues it: not a reference.
  const issuing = new Set<string>();
  const collect = (text: string, section: string, line: number | undefined, implement: boolean) => {
    const found = findReferences(text, { section, ...(line !== undefined ? { line } : {}) });
    if (section === 'preamble' && ATTACHMENT_NOTE.test(text)) {
      for (const r of found) issuing.add(referenceKey(r));
      return;
    }
    refs.push(...found);
    if (
      implement &&
      !/^Căn cứ(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))/u.test(text)
    ) {
      const t = clean(text);
      for (const r of found) {
        const at = t.indexOf(r.text);
        const before = t.slice(Math.max(0, at - 40), Math.max(0, at));
        if (/(?:thực hiện|triển khai|quán triệt)\s*(?:(?:các|có hiệu quả)\s+)?$/iu.test(before))
          implementing.add(referenceKey(r));
      }
    }
  };
  if (header.title) collect(header.title, 'title', header.titleLine ?? undefined, true);
  if (header.summary) collect(header.summary, 'summary', header.summaryLine ?? undefined, true);
  for (const p of tree.before) collect(p.text, 'preamble', p.line, true);
  walkNodes(tree.roots, (node) => {
    collect(node.head.text, node.section.id, node.head.line, false);
    for (const p of node.paras) collect(p.text, node.section.id, p.line, false);
  });
  for (const p of closingParas) collect(p.text, 'closing', p.line, false);
  for (const part of post.appendices) {
    const ids = new Map<number, string>();
    walkNodes(part.nodes, (n) => ids.set(n.head.line, n.section.id));
    let id = part.appendix.id;
    for (const p of part.paras) {
      id = ids.get(p.line) ?? id;
      collect(p.text, id, p.line, false);
    }
  }
  for (const { footnote, line } of post.footnotes) collect(footnote.text, `fn${footnote.mark}`, line, false);
  const references = dedupeReferences(
    refs.filter((r) => !issuing.has(referenceKey(r))),
    header.number,
  );
  const implementsIdx = references
    .map((r, i) => (implementing.has(referenceKey(r)) ? i : -1))
    .filter((i) => i >= 0);

  // An attached plan (a decision promulgates it) is read as a plan: its tasks and targets are the plan's.
  const attached = post.appendices.filter((a) => a.plan);
  // "Thủ tướng Chính phủ yêu cầu X:" closing the opening: X leads the numbered items.
  const opening = tree.before[tree.before.length - 1];
  const addressed = opening && /:\s*$/u.test(opening.text) ? addressedBody(opening.text) : null;
  const tasks: PlanTask[] = [
    ...extractTasks(tree.roots, addressed),
    ...closingTasks(closingParas, tree.roots),
    ...tableRowTasks(bodyTables.tables, (line) => sectionAtLine(tree.roots, line, 'preamble')),
    ...attached.flatMap((a) => extractTasks(a.nodes)),
    ...post.tasks,
  ];
  for (const t of tasks) t.leadSource ??= leadSourceOf(t);
  const planYear = header.date?.iso ? Number(header.date.iso.slice(0, 4)) : null;
  const targets = [
    ...extractTargets(tree.roots, planYear),
    ...attached.flatMap((a) => extractTargets(a.nodes, planYear)),
  ];

  const signature = closing.signature;
  // Without a header, the body that issues the plan ("Ban Thường vụ Tỉnh ủy ban hành …") tells the rules.
  const issuedByParty =
    header.issuer.chain.length === 0 &&
    tree.before.some(
      (p) =>
        /ban hành/u.test(p.text) &&
        PARTY_ORGAN.test(fold(p.text.slice(0, p.text.indexOf('ban hành')).split(/[;:]/u).pop() ?? '')),
    );
  const regime =
    header.regime === 'state' && (signature?.lines.some((l) => /^T\/M/u.test(l)) || issuedByParty)
      ? 'party'
      : header.regime;

  return {
    type: 'plan',
    source,
    docType: header.docType,
    regime,
    issuer: header.issuer,
    number: header.number,
    place: header.place,
    date: header.date,
    title: header.title,
    summary: header.summary,
    preamble: tree.before.map((p) => p.text),
    sections: tree.roots.map((n) => n.section),
    closing: closingParas.map((p) => p.text),
    references,
    implements: implementsIdx,
    targets,
    tasks,
    recipients: closing.recipients,
    signature,
    appendices: post.appendices.map((a) => a.appendix),
    footnotes: post.footnotes.map((f) => f.footnote),
    messages,
  };
}

/** A lead the task's own words name is stated; one it took from a heading, an intro or a field, inherited. */
function leadSourceOf(task: PlanTask): LeadSource {
  if (task.lead === null) return 'none';
  const words = (s: string) =>
    fold(s)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return words(task.text).includes(words(task.lead)) ? 'stated' : 'inherited';
}

/** Validate at the border; an item that does not fit the model is dropped and reported, never thrown. */
function finish(plan: Plan): Plan {
  for (let attempt = 0; attempt < 5; attempt++) {
    const result = Plan.safeParse(plan);
    if (result.success) return result.data;
    const drop = new Map<string, Set<number>>();
    let fixable = true;
    for (const issue of result.error.issues) {
      const [key, index] = issue.path;
      if (
        typeof key === 'string' &&
        typeof index === 'number' &&
        ['tasks', 'targets', 'references', 'recipients', 'footnotes'].includes(key)
      ) {
        if (!drop.has(key)) drop.set(key, new Set());
        drop.get(key)!.add(index);
      } else {
        fixable = false;
      }
    }
    if (!fixable || drop.size === 0) throw result.error;
    const next = { ...plan, messages: [...plan.messages] } as Plan;
    for (const [key, indices] of drop) {
      const list = (plan as unknown as Record<string, unknown[]>)[key]!;
      for (const i of indices) {
        next.messages.push({
          ruleId: 'invalid-item',
          reason: `Dropped ${key}[${i}]: does not fit the plan model`,
          text: JSON.stringify(list[i]).slice(0, 500),
        });
      }
      (next as unknown as Record<string, unknown[]>)[key] = list.filter((_, i) => !indices.has(i));
    }
    if (drop.has('references')) next.implements = [];
    plan = next;
  }
  return Plan.parse(plan);
}

import type { Position } from 'unist';
import {
  Plan,
  type PlanAppendix,
  type PlanReference,
  type PlanSection,
  type PlanTarget,
  type PlanTask,
} from './plan.js';
import {
  type PlanAppendixContent,
  type PlanAppendixNode,
  type PlanClosingNode,
  type PlanDetachedNode,
  type PlanFootnoteNode,
  type PlanHeaderContent,
  type PlanHeaderNode,
  type PlanHeadingNode,
  type PlanItemNode,
  type PlanLineNode,
  type PlanNode,
  type PlanParagraphNode,
  type PlanParent,
  type PlanPhrasingContent,
  type PlanPreambleNode,
  type PlanReferenceNode,
  type PlanRoot,
  type PlanRootContent,
  type PlanSectionContent,
  type PlanSectionNode,
  type PlanTargetNode,
  type PlanTaskNode,
  type PlanTextNode,
  planNodeText,
} from './plan-tree-nodes.js';

/*
 * Plan ⇄ plan tree. `planToTree` lays the plan's strings out in document order and anchors each task,
 * target and reference on its text inside its location (see docs/plan-tree.md, "Anchoring"); `treeToPlan`
 * reads the plan back. `treeToPlan(planToTree(plan))` deep-equals `plan` (up to the order of `implements`).
 */

// ---------------------------------------------------------------------------------------------------------
// Plan → tree

type ItemKind = 'tasks' | 'targets' | 'references';
/** Nesting order when two spans cover the same text: tasks outside targets outside references. */
const RANK: Record<ItemKind, number> = { tasks: 0, targets: 1, references: 2 };

interface Span {
  start: number;
  end: number;
  rank: number;
  node: PlanItemNode;
}

/** A string of the plan that holds phrasing content, with the spans anchored in it. */
interface Block {
  location: string;
  text: string;
  spans: Span[];
}

/** The position of a node whose start line alone is known: column 1, end = start. */
export function linePosition(line: number): Position {
  return { start: { line, column: 1 }, end: { line, column: 1 } };
}

const text = (value: string): PlanTextNode[] => (value ? [{ type: 'text', value }] : []);

function withLine<T extends PlanNode>(node: T, line: number | undefined): T {
  if (line !== undefined) node.position = linePosition(line);
  return node;
}

function taskNode(task: PlanTask): PlanTaskNode {
  return withLine(
    {
      type: 'planTask',
      lead: task.lead,
      ...(task.leadSource !== undefined ? { leadSource: task.leadSource } : {}),
      coordinators: [...task.coordinators],
      deadline: task.deadline ? { ...task.deadline } : null,
      recurrence: task.recurrence ? { ...task.recurrence } : null,
      ...(task.product !== undefined ? { product: task.product } : {}),
      children: [],
    },
    task.line,
  );
}

function targetNode(target: PlanTarget): PlanTargetNode {
  return withLine(
    {
      type: 'planTarget',
      horizon: target.horizon,
      metric: target.metric,
      comparator: target.comparator,
      value: target.value,
      unit: target.unit,
      children: [],
    },
    target.line,
  );
}

function referenceNode(reference: PlanReference, implemented: boolean): PlanReferenceNode {
  const node: PlanReferenceNode = {
    type: 'planReference',
    docType: { ...reference.docType },
    number: reference.number ? structuredClone(reference.number) : null,
    date: reference.date ? { ...reference.date } : null,
    issuer: reference.issuer,
    name: reference.name,
    children: [],
  };
  if (implemented) node.implemented = true;
  return withLine(node, reference.line);
}

function spansCompatible(spans: readonly Span[], start: number, end: number): boolean {
  return spans.every(
    (s) =>
      end <= s.start ||
      start >= s.end ||
      (start >= s.start && end <= s.end) ||
      (start <= s.start && end >= s.end),
  );
}

/**
 * Anchor the items of one kind: each on the first occurrence of its text in a block of its location that
 * comes at or after the previous item of the kind (same start: inside it) and crosses no span placed. All or
 * nothing: when one item cannot be placed, the kind is detached (returns `false`), so that document order
 * stays the items' order.
 */
function anchor(
  blocks: Block[],
  items: readonly { text: string; section: string }[],
  nodes: PlanItemNode[],
  kind: ItemKind,
): boolean {
  const placed: { block: Block; span: Span }[] = [];
  let cursor = 0;
  let previous: Span | undefined;
  const fits = (block: Block, start: number, end: number) => {
    if (block === blocks[cursor] && previous) {
      if (start < previous.start || (start === previous.start && end > previous.end)) return false;
    }
    const same = placed.filter((p) => p.block === block).map((p) => p.span);
    return spansCompatible(block.spans, start, end) && spansCompatible(same, start, end);
  };
  for (const [i, item] of items.entries()) {
    let found = false;
    for (let b = cursor; b < blocks.length && !found; b++) {
      const block = blocks[b] as Block;
      if (block.location !== item.section) continue;
      let at = block.text.indexOf(item.text, b === cursor && previous ? previous.start : 0);
      while (at >= 0 && !fits(block, at, at + item.text.length)) at = block.text.indexOf(item.text, at + 1);
      if (at < 0) continue;
      const span: Span = {
        start: at,
        end: at + item.text.length,
        rank: RANK[kind],
        node: nodes[i] as PlanItemNode,
      };
      placed.push({ block, span });
      cursor = b;
      previous = span;
      found = true;
    }
    if (!found) return false;
  }
  for (const { block, span } of placed) block.spans.push(span);
  return true;
}

/** The phrasing content of a block: text, with its spans as item nodes (nested where spans nest). */
function phrasing(block: Block): PlanPhrasingContent[] {
  const spans = [...block.spans].sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  let next = 0;
  const build = (start: number, end: number): PlanPhrasingContent[] => {
    const out: PlanPhrasingContent[] = [];
    let at = start;
    while (next < spans.length && (spans[next] as Span).start < end) {
      const span = spans[next++] as Span;
      out.push(...text(block.text.slice(at, span.start)));
      span.node.children = build(span.start, span.end);
      out.push(span.node);
      at = span.end;
    }
    out.push(...text(block.text.slice(at, end)));
    return out;
  };
  return build(0, block.text.length);
}

/** Turn a plan into a plan tree (see docs/plan-tree.md). */
export function planToTree(plan: Plan): PlanRoot {
  const blocks: Block[] = [];
  // Phrasing parents are created first and filled once every span is anchored.
  const fill: [PlanParent & { children: PlanPhrasingContent[] }, Block][] = [];
  const phrasingParent = <T extends PlanParent & { children: PlanPhrasingContent[] }>(
    node: T,
    value: string,
    location: string,
  ): T => {
    const block: Block = { location, text: value, spans: [] };
    blocks.push(block);
    fill.push([node, block]);
    return node;
  };
  const paragraph = (value: string, location: string): PlanParagraphNode =>
    phrasingParent({ type: 'planParagraph', children: [] }, value, location);
  const heading = (value: string, location: string): PlanHeadingNode =>
    phrasingParent({ type: 'planHeading', children: [] }, value, location);
  const section = (node: PlanSection): PlanSectionNode => {
    const children: PlanSectionContent[] = [heading(node.heading, node.id)];
    for (const p of node.paragraphs) children.push(paragraph(p, node.id));
    for (const child of node.children) children.push(section(child));
    return withLine(
      { type: 'planSection', id: node.id, number: node.number, kind: node.kind, children },
      node.line,
    );
  };
  const line = (value: string): PlanLineNode => ({ type: 'planLine', children: text(value) });

  // Header.
  const header: PlanHeaderContent[] = [];
  if (plan.issuer.chain.length > 0 || plan.issuer.name !== null) {
    header.push({ type: 'planIssuer', name: plan.issuer.name, children: plan.issuer.chain.map(line) });
  }
  if (plan.number) {
    header.push({
      type: 'planDocNumber',
      number: plan.number.number,
      year: plan.number.year,
      symbol: plan.number.symbol,
      typeAbbreviation: plan.number.type,
      issuers: [...plan.number.issuers],
      children: text(plan.number.raw),
    });
  }
  if (plan.place !== null) header.push({ type: 'planPlace', children: text(plan.place) });
  if (plan.date) header.push({ type: 'planDate', iso: plan.date.iso, children: text(plan.date.raw) });
  if (plan.title !== null)
    header.push(phrasingParent({ type: 'planTitle', children: [] }, plan.title, 'title'));
  if (plan.summary !== null) {
    header.push(phrasingParent({ type: 'planSummary', children: [] }, plan.summary, 'summary'));
  }
  const children: PlanRootContent[] = [{ type: 'planHeader', children: header } satisfies PlanHeaderNode];

  // Body.
  if (plan.preamble.length > 0) {
    children.push({
      type: 'planPreamble',
      children: plan.preamble.map((p) => paragraph(p, 'preamble')),
    } satisfies PlanPreambleNode);
  }
  for (const node of plan.sections) children.push(section(node));
  if (plan.closing.length > 0) {
    children.push({
      type: 'planClosing',
      children: plan.closing.map((p) => paragraph(p, 'closing')),
    } satisfies PlanClosingNode);
  }

  // Closing parts.
  if (plan.recipients.length > 0) {
    children.push({
      type: 'planRecipients',
      children: plan.recipients.map((r) => ({
        type: 'planRecipient',
        marker: r.marker,
        purpose: r.purpose,
        children: text(r.name),
      })),
    });
  }
  if (plan.signature) {
    children.push({
      type: 'planSignature',
      authority: plan.signature.authority.map((a) => ({ ...a })),
      title: plan.signature.title,
      name: plan.signature.name,
      children: plan.signature.lines.map(line),
    });
  }
  const appendix = (node: PlanAppendix): PlanAppendixNode => {
    const content: PlanAppendixContent[] = [heading(node.title, node.id)];
    if (node.note !== null)
      content.push(phrasingParent({ type: 'planNote', children: [] }, node.note, node.id));
    for (const p of node.paragraphs) content.push(paragraph(p, node.id));
    for (const child of node.sections) content.push(section(child));
    return { type: 'planAppendix', id: node.id, children: content };
  };
  for (const node of plan.appendices) children.push(appendix(node));
  for (const footnote of plan.footnotes) {
    children.push(
      phrasingParent(
        { type: 'planFootnote', mark: footnote.mark, children: [] } satisfies PlanFootnoteNode,
        footnote.text,
        `fn${footnote.mark}`,
      ),
    );
  }

  // Items: anchored in the text when every item of the kind can be, else detached.
  const implemented = new Set(plan.implements);
  const kinds: [ItemKind, readonly { text: string; section: string }[], PlanItemNode[]][] = [
    ['tasks', plan.tasks, plan.tasks.map(taskNode)],
    ['targets', plan.targets, plan.targets.map(targetNode)],
    ['references', plan.references, plan.references.map((r, i) => referenceNode(r, implemented.has(i)))],
  ];
  const detached: PlanItemNode[] = [];
  for (const [kind, items, nodes] of kinds) {
    if (anchor(blocks, items, nodes, kind)) continue;
    nodes.forEach((node, i) => {
      const item = items[i] as { text: string; section: string };
      node.section = item.section;
      node.children = text(item.text);
      detached.push(node);
    });
  }
  for (const [node, block] of fill) node.children = phrasing(block);
  if (detached.length > 0)
    children.push({ type: 'planDetached', children: detached } satisfies PlanDetachedNode);

  return {
    type: 'planRoot',
    source: plan.source,
    docType: { ...plan.docType },
    regime: plan.regime,
    messages: plan.messages.map((m) => ({ ...m })),
    children,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Tree → plan

/** An item of the tree with its location (a section id, `title`, `summary`, `preamble`, `closing`, `fn1`, `PL1`). */
export interface PlanTreeItem<Node extends PlanItemNode = PlanItemNode> {
  node: Node;
  section: string;
}

/** The location a node gives to the items inside it, if it is one. */
function locationOf(node: PlanNode): string | undefined {
  switch (node.type) {
    case 'planTitle':
      return 'title';
    case 'planSummary':
      return 'summary';
    case 'planPreamble':
      return 'preamble';
    case 'planClosing':
      return 'closing';
    case 'planSection':
    case 'planAppendix':
      return node.id;
    case 'planFootnote':
      return `fn${node.mark}`;
    default:
      return undefined;
  }
}

/**
 * Every task, target and reference of a tree in document order (detached items last, as they sit at the
 * end of the root), each with its location: its own `section` field, else that of its nearest ancestor.
 */
export function planTreeItems(tree: PlanRoot): {
  tasks: PlanTreeItem<PlanTaskNode>[];
  targets: PlanTreeItem<PlanTargetNode>[];
  references: PlanTreeItem<PlanReferenceNode>[];
} {
  const tasks: PlanTreeItem<PlanTaskNode>[] = [];
  const targets: PlanTreeItem<PlanTargetNode>[] = [];
  const references: PlanTreeItem<PlanReferenceNode>[] = [];
  const walk = (node: PlanNode, location: string | undefined) => {
    if (node.type === 'text') return;
    const here = locationOf(node) ?? location;
    if (node.type === 'planTask' || node.type === 'planTarget' || node.type === 'planReference') {
      const section = node.section ?? here;
      if (section === undefined) {
        throw new Error(`${node.type} "${planNodeText(node)}" has no location: set its \`section\``);
      }
      if (node.type === 'planTask') tasks.push({ node, section });
      else if (node.type === 'planTarget') targets.push({ node, section });
      else references.push({ node, section });
    }
    for (const child of node.children as PlanNode[]) walk(child, here);
  };
  walk(tree, undefined);
  return { tasks, targets, references };
}

const lineOf = (node: PlanNode): { line?: number } =>
  node.position ? { line: node.position.start.line } : {};

function childrenOf<Type extends PlanNode['type']>(
  parent: { children: readonly PlanNode[] },
  type: Type,
): Extract<PlanNode, { type: Type }>[] {
  return parent.children.filter((child): child is Extract<PlanNode, { type: Type }> => child.type === type);
}

function sectionOf(node: PlanSectionNode): PlanSection {
  const heading = childrenOf(node, 'planHeading')[0];
  return {
    id: node.id,
    number: node.number,
    kind: node.kind,
    heading: heading ? planNodeText(heading) : '',
    paragraphs: childrenOf(node, 'planParagraph').map(planNodeText),
    ...lineOf(node),
    children: childrenOf(node, 'planSection').map(sectionOf),
  };
}

/**
 * Read a plan back from a plan tree, and check it with the `Plan` schema (a tree a plugin broke throws a
 * `ZodError`). Items take their location from the tree; `implements` lists the references marked
 * `implemented`, in order.
 */
export function treeToPlan(tree: PlanRoot): Plan {
  const header = childrenOf(tree, 'planHeader')[0] ?? { type: 'planHeader', children: [] };
  const issuer = childrenOf(header, 'planIssuer')[0];
  const number = childrenOf(header, 'planDocNumber')[0];
  const place = childrenOf(header, 'planPlace')[0];
  const date = childrenOf(header, 'planDate')[0];
  const title = childrenOf(header, 'planTitle')[0];
  const summary = childrenOf(header, 'planSummary')[0];
  const signature = childrenOf(tree, 'planSignature')[0];
  const items = planTreeItems(tree);

  const plan: Plan = {
    type: 'plan',
    source: tree.source,
    docType: { ...tree.docType },
    regime: tree.regime,
    issuer: issuer
      ? { chain: issuer.children.map(planNodeText), name: issuer.name }
      : { chain: [], name: null },
    number: number
      ? {
          raw: planNodeText(number),
          number: number.number,
          year: number.year,
          symbol: number.symbol,
          type: number.typeAbbreviation,
          issuers: [...number.issuers],
        }
      : null,
    place: place ? planNodeText(place) : null,
    date: date ? { raw: planNodeText(date), iso: date.iso } : null,
    title: title ? planNodeText(title) : null,
    summary: summary ? planNodeText(summary) : null,
    preamble: childrenOf(tree, 'planPreamble').flatMap((p) => p.children.map(planNodeText)),
    sections: childrenOf(tree, 'planSection').map(sectionOf),
    closing: childrenOf(tree, 'planClosing').flatMap((p) => p.children.map(planNodeText)),
    references: items.references.map(({ node, section }) => ({
      docType: { ...node.docType },
      number: node.number ? structuredClone(node.number) : null,
      date: node.date ? { ...node.date } : null,
      issuer: node.issuer,
      name: node.name,
      text: planNodeText(node),
      section,
      ...lineOf(node),
    })),
    implements: items.references.flatMap(({ node }, i) => (node.implemented ? [i] : [])),
    targets: items.targets.map(({ node, section }) => ({
      text: planNodeText(node),
      horizon: node.horizon,
      metric: node.metric,
      comparator: node.comparator,
      value: node.value,
      unit: node.unit,
      section,
      ...lineOf(node),
    })),
    tasks: items.tasks.map(({ node, section }) => ({
      text: planNodeText(node),
      lead: node.lead,
      ...(node.leadSource !== undefined ? { leadSource: node.leadSource } : {}),
      coordinators: [...node.coordinators],
      deadline: node.deadline ? { ...node.deadline } : null,
      recurrence: node.recurrence ? { ...node.recurrence } : null,
      ...(node.product !== undefined ? { product: node.product } : {}),
      section,
      ...lineOf(node),
    })),
    recipients: childrenOf(tree, 'planRecipients').flatMap((list) =>
      list.children.map((r) => ({ name: planNodeText(r), marker: r.marker, purpose: r.purpose })),
    ),
    signature: signature
      ? {
          authority: signature.authority.map((a) => ({ ...a })),
          title: signature.title,
          name: signature.name,
          lines: signature.children.map(planNodeText),
        }
      : null,
    appendices: childrenOf(tree, 'planAppendix').map((node) => {
      const heading = childrenOf(node, 'planHeading')[0];
      const note = childrenOf(node, 'planNote')[0];
      return {
        id: node.id,
        title: heading ? planNodeText(heading) : '',
        note: note ? planNodeText(note) : null,
        paragraphs: childrenOf(node, 'planParagraph').map(planNodeText),
        sections: childrenOf(node, 'planSection').map(sectionOf),
      };
    }),
    footnotes: childrenOf(tree, 'planFootnote').map((f) => ({ mark: f.mark, text: planNodeText(f) })),
    messages: tree.messages.map((m) => ({ ...m })),
  };
  return Plan.parse(plan);
}

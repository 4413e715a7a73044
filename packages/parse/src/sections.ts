import { type PlanMessage, type PlanSection, sectionKey } from '@sohoa/model';
import type { Paragraph } from './lines.js';
import { type HeadingMarker, parseHeadingMarker, styleRank } from './numbering.js';

/*
 * The heading tree, exactly as numbered. Only numbered or lettered paragraphs make nodes; everything else
 * is a paragraph of the node above it. Nesting follows the numbering styles: a style seen before closes the
 * nodes opened since (siblings), a new style opens a child, and a style of higher rank (Roman after Arabic)
 * climbs out.
 */

export interface SectionNode {
  section: PlanSection;
  marker: HeadingMarker;
  /** The heading paragraph. */
  head: Paragraph;
  /** Paragraphs under the heading, before the first child. */
  paras: Paragraph[];
  children: SectionNode[];
  parent: SectionNode | null;
}

export interface SectionTree {
  /** Paragraphs before the first heading. */
  before: Paragraph[];
  roots: SectionNode[];
  messages: PlanMessage[];
}

/** Build the heading tree of paragraphs; ids start with `prefix` (an appendix id) when given. */
export function buildSections(paragraphs: readonly Paragraph[], prefix = ''): SectionTree {
  const before: Paragraph[] = [];
  const roots: SectionNode[] = [];
  const messages: PlanMessage[] = [];
  const stack: SectionNode[] = [];
  const used = new Map<string, number>();
  let lastRoman = 0;
  let lastUpper = 0;
  let current: SectionNode | null = null;

  for (const para of paragraphs) {
    const marker = parseHeadingMarker(para.text, {
      expectedRoman: lastRoman + 1,
      ...(lastUpper > 0 ? { expectedUpper: String.fromCharCode(65 + lastUpper) } : {}),
    });
    if (!marker) {
      if (current) current.paras.push(para);
      else before.push(para);
      continue;
    }
    if (marker.kind === 'roman') lastRoman = marker.value;
    if (marker.style === 'upper') {
      lastUpper = marker.value;
      // Each part numbers its Roman headings afresh.
      lastRoman = 0;
    }
    if (marker.printed) {
      messages.push({
        ruleId: 'number-repaired',
        reason: `Heading number "${marker.printed}" read as "${marker.number}"`,
        line: para.line,
        text: para.text,
      });
    }
    // Where does it go? Pop to a node of the same style (sibling), else climb past lower-ranked styles.
    const sameAt = findLastIndex(stack, (n) => n.marker.style === marker.style);
    if (sameAt >= 0) {
      stack.length = sameAt;
    } else {
      const rank = styleRank(marker.style);
      while (stack.length > 0 && styleRank(stack[stack.length - 1]!.marker.style) >= rank) stack.pop();
    }
    const parent = stack[stack.length - 1] ?? null;
    const key = sectionKey(marker.number, marker.kind);
    const base = parent ? `${parent.section.id}.${key}` : prefix ? `${prefix}.${key}` : key;
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    const id = seen === 0 ? base : `${base}~${seen + 1}`;
    const node: SectionNode = {
      section: {
        id,
        number: marker.number,
        kind: marker.kind,
        heading: marker.rest.trim(),
        paragraphs: [],
        line: para.line,
        children: [],
      },
      marker,
      head: para,
      paras: [],
      children: [],
      parent,
    };
    if (parent) {
      parent.children.push(node);
      parent.section.children.push(node.section);
    } else {
      roots.push(node);
    }
    stack.push(node);
    current = node;
  }
  // Paragraph texts into the plan sections.
  const fill = (nodes: SectionNode[]) => {
    for (const node of nodes) {
      node.section.paragraphs = node.paras.map((p) => p.text);
      fill(node.children);
    }
  };
  fill(roots);
  return { before, roots, messages };
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}

/** Every node of a tree in document order. */
export function walkNodes(nodes: readonly SectionNode[], visit: (node: SectionNode) => void): void {
  for (const node of nodes) {
    visit(node);
    walkNodes(node.children, visit);
  }
}

/** The id of the innermost section whose heading is at or above `line`; `outside` before the first one. */
export function sectionAtLine(nodes: readonly SectionNode[], line: number, outside: string): string {
  let id = outside;
  walkNodes(nodes, (n) => {
    if ((n.section.line ?? 0) <= line) id = n.section.id;
  });
  return id;
}

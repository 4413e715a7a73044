import type { Element, ElementContent } from 'hast';

/*
 * Spans of one text marked with elements that may overlap (a task sentence holding a lead, a deadline
 * and corrections; a correction across a task's edge). HTML nests, so the marks are made into a tree:
 * outer marks first, and a mark that crosses the end of the one around it is cut in two there, both
 * parts carrying the same class.
 */

export interface Mark {
  start: number;
  end: number;
  /** Lower ranks nest outside higher ones when two marks cover the same span. */
  rank: number;
  /** The element, given the content of its span (called once per piece when the mark is cut). */
  make: (children: ElementContent[], piece: number) => Element;
  /** Content of an empty span (a deletion); ignored when the span is not empty. */
  empty?: ElementContent[];
}

interface Node {
  mark: Mark | null;
  start: number;
  end: number;
  piece: number;
  children: Node[];
}

const order = (a: { start: number; end: number; rank: number }, b: typeof a) =>
  a.start - b.start || b.end - a.end || a.rank - b.rank;

/** `text[from, to)` with its marks as hast content; `plain` turns unmarked text into nodes. */
export function nestMarks(
  text: string,
  marks: readonly Mark[],
  plain: (value: string) => ElementContent[],
): ElementContent[] {
  const queue = marks
    .filter((m) => m.start >= 0 && m.end <= text.length && m.start <= m.end)
    .map((mark) => ({ mark, start: mark.start, end: mark.end, rank: mark.rank, piece: 0 }))
    .sort(order);
  const root: Node = { mark: null, start: 0, end: text.length, piece: 0, children: [] };
  const stack: Node[] = [root];
  while (queue.length > 0) {
    const next = queue.shift() as (typeof queue)[number];
    while (stack.length > 1 && (stack.at(-1) as Node).end <= next.start) stack.pop();
    const parent = stack.at(-1) as Node;
    let end = next.end;
    if (end > parent.end) {
      // Cut at the parent's end; the rest waits its turn among the other marks.
      end = parent.end;
      const rest = { ...next, start: parent.end, piece: next.piece + 1 };
      const at = queue.findIndex((q) => order(rest, q) < 0);
      queue.splice(at < 0 ? queue.length : at, 0, rest);
    }
    const node: Node = { mark: next.mark, start: next.start, end, piece: next.piece, children: [] };
    parent.children.push(node);
    if (end > next.start) stack.push(node);
  }
  const render = (node: Node): ElementContent[] => {
    const out: ElementContent[] = [];
    let at = node.start;
    for (const child of node.children) {
      if (child.start > at) out.push(...plain(text.slice(at, child.start)));
      out.push(...render(child));
      at = Math.max(at, child.end);
    }
    if (node.end > at) out.push(...plain(text.slice(at, node.end)));
    if (!node.mark) return out;
    const content = node.start === node.end ? (node.mark.empty ?? []) : out;
    return [node.mark.make(content, node.piece)];
  };
  return render(root);
}

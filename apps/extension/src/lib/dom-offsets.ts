/*
 * Offsets in the document's text ↔ places in the rendered text. The annotated text (see
 * @sohoa/export's annotatedText) holds the text's characters in order, except that a page break is an
 * empty `.page-break` element standing for the form feed, and a deletion (`del`) shows what was removed
 * without it being in the text. Walking the text nodes with those two rules gives back the offsets.
 */

export interface TextIndex {
  root: Node;
  /** Text nodes (and page-break elements) in order, with the text offset each starts at. */
  pieces: { node: Node; start: number; length: number }[];
  length: number;
}

function isDeleted(node: Node, root: Node): boolean {
  for (let n = node.parentNode; n && n !== root; n = n.parentNode) {
    if (n.nodeName === 'DEL') return true;
  }
  return false;
}

export function indexText(root: Node): TextIndex {
  const pieces: TextIndex['pieces'] = [];
  let offset = 0;
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        if (isDeleted(child, root)) continue;
        const length = (child.nodeValue ?? '').length;
        pieces.push({ node: child, start: offset, length });
        offset += length;
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.classList.contains('page-break')) {
          pieces.push({ node: el, start: offset, length: 1 });
          offset += 1;
        } else if (el.nodeName !== 'DEL') {
          walk(el);
        }
      }
    }
  };
  walk(root);
  return { root, pieces, length: offset };
}

/** The text offset of a DOM position (a selection's end) inside the indexed root, or null outside it. */
export function offsetOf(index: TextIndex, node: Node, offset: number): number | null {
  if (!index.root.contains(node)) return null;
  if (node.nodeType === 3) {
    const piece = index.pieces.find((p) => p.node === node);
    if (piece) return piece.start + Math.min(offset, piece.length);
    // A text node inside a deletion: the position of the deletion.
  }
  // An element position: the first piece at or after the child at `offset`.
  const target = node.nodeType === 3 ? node : (node.childNodes[offset] ?? null);
  if (!target) return nextPieceStart(index, node, true);
  return nextPieceStart(index, target, false);
}

function nextPieceStart(index: TextIndex, node: Node, after: boolean): number {
  for (const piece of index.pieces) {
    const position = node.compareDocumentPosition(piece.node);
    const follows = (position & 4) !== 0 && (position & 16) === 0; // FOLLOWING, not CONTAINED_BY
    const inside = (position & 16) !== 0;
    if ((after ? follows : follows || inside) || piece.node === node) return piece.start;
  }
  return index.length;
}

/** A DOM range over text offsets [start, end), for highlights and scrolling. */
export function rangeOf(index: TextIndex, start: number, end: number, doc: Document): Range | null {
  const at = (offset: number, isEnd: boolean): [Node, number] | null => {
    for (const piece of index.pieces) {
      const within = isEnd
        ? offset > piece.start && offset <= piece.start + piece.length
        : offset >= piece.start && offset < piece.start + piece.length;
      if (!within) continue;
      if (piece.node.nodeType === 3) return [piece.node, offset - piece.start];
      const parent = piece.node.parentNode as Node;
      const i = Array.prototype.indexOf.call(parent.childNodes, piece.node) as number;
      return [parent, isEnd ? i + 1 : i];
    }
    return null;
  };
  const from = at(start, false);
  const to = at(end, true);
  if (!from || !to) return null;
  const range = doc.createRange();
  range.setStart(from[0], from[1]);
  range.setEnd(to[0], to[1]);
  return range;
}

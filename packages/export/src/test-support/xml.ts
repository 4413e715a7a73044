/*
 * A small, strict XML reader for tests (no XML parser is installed): elements, attributes, text and
 * character references; comments, processing instructions and the doctype skipped. It throws on
 * mismatched tags, so a malformed file fails the test instead of being read loosely.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
    const value = ENTITIES[ref];
    if (value === undefined) throw new Error(`unknown entity ${whole}`);
    return value;
  });
}

export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack = [root];
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<!\[CDATA\[([\s\S]*?)\]\]>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let at = 0;
  // biome-ignore lint/suspicious/noAssignInExpressions: a tokenizer loop
  while ((match = token.exec(xml))) {
    at = token.lastIndex;
    const top = stack.at(-1) as XmlElement;
    const [, cdata, close, open, attrs, selfClose, text] = match;
    if (cdata !== undefined) top.children.push(cdata);
    else if (close) {
      if (top.name !== close) throw new Error(`</${close}> closes <${top.name}>`);
      stack.pop();
    } else if (open) {
      const attributes: Record<string, string> = {};
      for (const a of (attrs ?? '').matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu)) {
        attributes[a[1] as string] = decode(a[2] ?? a[3] ?? '');
      }
      const element: XmlElement = { name: open, attributes, children: [] };
      top.children.push(element);
      if (!selfClose) stack.push(element);
    } else if (text !== undefined) top.children.push(decode(text));
  }
  if (at !== xml.length) throw new Error(`unreadable XML at ${at}: ${xml.slice(at, at + 40)}`);
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)?.name}> not closed`);
  return root;
}

/** Every element named `name` under `node`, in document order. */
export function findAll(node: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of node.children) {
    if (typeof child === 'string') continue;
    if (child.name === name) out.push(child);
    out.push(...findAll(child, name));
  }
  return out;
}

/** The text under an element (all its descendants' text). */
export function xmlText(node: XmlElement, only?: string): string {
  return node.children
    .map((child) => {
      if (typeof child === 'string') return only ? '' : child;
      if (only && child.name === only) return xmlText(child);
      return xmlText(child, only);
    })
    .join('');
}

/**
 * unified plugins. `sohoaCorrect` corrects every `text` node of any unist tree (mdast, hast, nlcst
 * or the plain-text tree below) and reports each correction on the file. `sohoaTextParse` and
 * `sohoaTextStringify` make plain text a tree of one text node, for pipelines without markup:
 *
 *     const file = await unified().use(sohoaTextParse).use(sohoaCorrect, { lm }).use(sohoaTextStringify).process(text)
 *     String(file)      // corrected text
 *     file.messages     // one message per correction
 */

import type { Plugin } from 'unified';
import type { Literal, Node, Parent, Position } from 'unist';
import { type CorrectOptions, correct } from './correct.js';
import { checkOptions } from './input.js';
import { reportCorrections } from './messages.js';

export type SohoaCorrectOptions = CorrectOptions;

interface TextNode extends Literal {
  type: 'text';
  value: string;
}

export interface TextRoot extends Parent {
  type: 'root';
  children: TextNode[];
}

function isText(node: Node): node is TextNode {
  return node.type === 'text' && typeof (node as Literal).value === 'string';
}

function walk(node: Node, visit: (text: TextNode) => void): void {
  if (isText(node)) visit(node);
  const children = (node as Partial<Parent>).children;
  if (Array.isArray(children)) for (const child of children) walk(child, visit);
}

/** Corrects the text nodes of the tree; messages go to the file. Without `lm`, the rules only. */
export const sohoaCorrect: Plugin<[SohoaCorrectOptions?], Node> = function sohoaCorrect(options = {}) {
  // Wrong options fail when the pipeline is set up, not on the first text node.
  checkOptions(options);
  return (tree, file) => {
    const source = typeof file.value === 'string' ? file.value : undefined;
    walk(tree, (node) => {
      const result = correct(node.value, options);
      const start = node.position?.start;
      // Places are exact when the node's value is its source text; else relative to the node.
      const exact =
        start !== undefined &&
        start.offset !== undefined &&
        node.position?.end.offset !== undefined &&
        source?.slice(start.offset, node.position.end.offset) === node.value;
      reportCorrections(
        file,
        node.value,
        result.corrections,
        exact ? { line: start.line, column: start.column, offset: start.offset! } : undefined,
      );
      node.value = result.text;
    });
  };
};

function endOf(text: string): Position['end'] {
  let line = 1;
  let last = 0;
  for (let k = 0; k < text.length; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      last = k + 1;
    }
  }
  return { line, column: text.length - last + 1, offset: text.length };
}

/** Parses plain text into a root with one text node. */
export const sohoaTextParse: Plugin<[], string, TextRoot> = function sohoaTextParse() {
  this.parser = (doc: string): TextRoot => {
    const position: Position = { start: { line: 1, column: 1, offset: 0 }, end: endOf(doc) };
    return { type: 'root', children: [{ type: 'text', value: doc, position }], position };
  };
};

/** Serialises a tree's text nodes back to plain text. */
export const sohoaTextStringify: Plugin<[], TextRoot, string> = function sohoaTextStringify() {
  this.compiler = (tree) => {
    let out = '';
    walk(tree as Node, (node) => {
      out += node.value;
    });
    return out;
  };
};

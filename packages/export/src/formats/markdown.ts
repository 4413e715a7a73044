import { planToTree, planTreeToMdast } from '@sohoa/model';
import type { List, Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown as mdastToMarkdown } from 'mdast-util-to-markdown';
import { type DigitisedDocument, type DocumentMessage, MESSAGE_SOURCE_VI } from '../document.js';

/*
 * The plan as Markdown for reading and review, through the model's one Markdown path: the plan tree's
 * mdast bridge (title, header facts, a heading per section at its depth, bulleted paragraphs as lists,
 * the task table, targets, cited documents, recipients, signature, appendices, footnotes), serialised by
 * mdast-util-to-markdown with GFM, which escapes the document's text (a `<script>` or `[x](javascript:)`
 * in a scan stays text) and the table's pipes. The export adds the diagnostics of every stage.
 */

export interface MarkdownOptions {
  /** Tasks as a GFM table (default) or a GFM task list. */
  tasks?: 'table' | 'list';
}

function messages(list: readonly DocumentMessage[]): RootContent[] {
  if (list.length === 0) return [];
  const items: List = {
    type: 'list',
    ordered: false,
    spread: false,
    children: list.map((m) => ({
      type: 'listItem',
      spread: false,
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'inlineCode', value: m.ruleId },
            {
              type: 'text',
              value: ` (${MESSAGE_SOURCE_VI[m.source]}${m.line ? `, dòng ${m.line}` : ''}): ${m.reason}`,
            },
          ],
        },
      ],
    })),
  };
  return [{ type: 'heading', depth: 2, children: [{ type: 'text', value: 'Thông báo' }] }, items];
}

/** The mdast tree of the export (for remark plugins); `toMarkdown` serialises it. */
export function toMdast(doc: DigitisedDocument, options: MarkdownOptions = {}): Root {
  const tree = planTreeToMdast(planToTree(doc.plan), { tasks: options.tasks ?? 'table' });
  tree.children.push(...messages(doc.messages));
  return tree;
}

/** The plan as GFM Markdown: headings mirror the section tree, tasks are a table, bullets list items. */
export function toMarkdown(doc: DigitisedDocument, options: MarkdownOptions = {}): string {
  return mdastToMarkdown(toMdast(doc, options), {
    // Rows not padded: a task cell runs to hundreds of characters, padding short columns only adds blanks.
    extensions: [gfmToMarkdown({ tablePipeAlign: false })],
    // "-", as documents print their bullets.
    bullet: '-',
  });
}

import { type Plan, planToTree, planTreeToMdast } from '@sohoa/model';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';

/*
 * A readable Markdown rendering of a plan, for reading and review (the JSON is the data). There is one
 * Markdown path in sohoa: the plan tree's mdast bridge in @sohoa/model (`planTreeToMdast`: title, header
 * facts, the heading tree with bulleted paragraphs as lists, the task table, targets, cited documents,
 * recipients, signature, appendices, footnotes), serialised by mdast-util-to-markdown with the GFM
 * extension, which escapes the document's text and the table's pipes. Parse only adds its own diagnostics.
 */

type Block = ReturnType<typeof planTreeToMdast>['children'][number];

/** The parser's messages, which the plan tree keeps but the bridge does not render: a heading and a list. */
function messages(plan: Plan): Block[] {
  if (plan.messages.length === 0) return [];
  return [
    { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Ghi chú của bộ phân tích' }] },
    {
      type: 'list',
      ordered: false,
      spread: false,
      children: plan.messages.map((m) => ({
        type: 'listItem',
        spread: false,
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'inlineCode', value: m.ruleId },
              {
                type: 'text',
                value: `${m.line ? ` (dòng ${m.line})` : ''}: ${m.reason}${m.text ? ` — ${m.text}` : ''}`,
              },
            ],
          },
        ],
      })),
    },
  ];
}

/** Render a plan as Markdown (GFM: the tasks are a table). */
export function planToMarkdown(plan: Plan): string {
  const tree = planTreeToMdast(planToTree(plan));
  tree.children.push(...messages(plan));
  return toMarkdown(tree, {
    // Rows not padded to align columns: a task cell runs to hundreds of characters, so padding the short
    // columns to it only adds blanks.
    extensions: [gfmToMarkdown({ tablePipeAlign: false })],
    // "-", as documents print their bullets.
    bullet: '-',
  });
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root as MdastRoot } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { type Processor, unified } from 'unified';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { Plan } from './plan.js';
import { planTreeToHast } from './plan-hast.js';
import { planTreeToMdast } from './plan-mdast.js';
import { planToTree, treeToPlan } from './plan-tree.js';
import type { PlanRoot, PlanTaskNode } from './plan-tree-nodes.js';

// The tree in a unified pipeline, as the parse and export packages will use it: a parser that makes the
// tree, transformers that edit it with unist utilities, and the bridges to mdast and hast.

const file = fileURLToPath(
  new URL('../../../fixtures/gold/KH_03_BacCamRanh_MTTQ_kiem-tra-giam-sat-bau-cu.json', import.meta.url),
);
const json = readFileSync(file, 'utf8');

/** Parser: a plan's JSON → plan tree (the parse package will read text instead). */
function planJson(this: Processor) {
  this.parser = (document: string) => planToTree(Plan.parse(JSON.parse(document)));
}
/** A transformer written with unist-util-visit: give lead-less tasks a default lead. */
const defaultLead = (lead: string) => () => (tree: Node) => {
  visit(tree as PlanRoot, 'planTask', (node: PlanTaskNode) => {
    node.lead ??= lead;
  });
};
/** Compilers: the plan back, or Markdown and HTML through the bridges. */
function toPlan(this: Processor) {
  this.compiler = (tree) => treeToPlan(tree as PlanRoot) as never;
}
function toMd(this: Processor) {
  this.compiler = (tree) => toMarkdown(planTreeToMdast(tree as PlanRoot), { extensions: [gfmToMarkdown()] });
}
function toHast(this: Processor) {
  this.compiler = (tree) => toHtml(planTreeToHast(tree as PlanRoot));
}

describe('the plan tree in unified', () => {
  const plan = Plan.parse(JSON.parse(json));
  const unled = plan.tasks.filter((t) => t.lead === null).length;

  it('has lead-less tasks to work on', () => {
    expect(unled).toBeGreaterThan(0);
  });

  it('runs parser → transformer → compiler, and the edit reaches the plan', async () => {
    const result = await unified()
      .use(planJson)
      .use(defaultLead('Ban Thường trực'))
      .use(toPlan)
      .process(json);
    const out = result.result as Plan;
    expect(out.tasks.filter((t) => t.lead === 'Ban Thường trực')).toHaveLength(unled);
    expect(out.tasks.map((t) => t.text)).toEqual(plan.tasks.map((t) => t.text));
    expect({ ...out, tasks: [] }).toEqual({ ...plan, tasks: [] });
  });

  it('compiles to Markdown and HTML with the edit in the task table', async () => {
    const md = String(
      await unified().use(planJson).use(defaultLead('Ban Thường trực')).use(toMd).process(json),
    );
    expect(md.match(/\| Ban Thường trực +\|/gu)).toHaveLength(unled);
    const html = String(
      await unified().use(planJson).use(defaultLead('Ban Thường trực')).use(toHast).process(json),
    );
    expect(html.match(/<tr [^>]*data-lead="Ban Thường trực"/gu)).toHaveLength(unled);
  });

  it('gives trees that mdast and hast utilities walk', () => {
    const tree = planToTree(plan);
    const mdast: MdastRoot = planTreeToMdast(tree);
    const hast: HastRoot = planTreeToHast(tree);
    let headings = 0;
    visit(mdast, 'heading', () => {
      headings++;
    });
    let times = 0;
    visit(hast, 'element', (node) => {
      if (node.tagName === 'time') times++;
    });
    expect(headings).toBeGreaterThan(plan.sections.length);
    expect(times).toBeGreaterThan(0);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toHtml } from 'hast-util-to-html';
import type { Heading, List, ListItem, Nodes, Root, TableRow } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { toString as mdastText } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { Plan, type PlanSection } from './plan.js';
import { planTreeToMdast } from './plan-mdast.js';
import { planToTree } from './plan-tree.js';

const goldDir = fileURLToPath(new URL('../../../fixtures/gold/', import.meta.url));
const files = readdirSync(goldDir)
  .filter((name) => name.endsWith('.json'))
  .sort();
const gold = (file: string): Plan => Plan.parse(JSON.parse(readFileSync(`${goldDir}${file}`, 'utf8')));
const markdown = (tree: Root) => toMarkdown(tree, { extensions: [gfmToMarkdown()] });

function all(node: Nodes): Nodes[] {
  return [node, ...('children' in node ? (node.children as Nodes[]).flatMap(all) : [])];
}

/** Sections with their depth in the heading tree (0 for top-level). */
function sectionDepths(sections: readonly PlanSection[], depth = 0): [PlanSection, number][] {
  return sections.flatMap((s): [PlanSection, number][] => [
    [s, depth],
    ...sectionDepths(s.children, depth + 1),
  ]);
}

const headingLine = (s: PlanSection) => (s.heading ? `${s.number} ${s.heading}` : s.number);
/** Markdown with its backslash escapes of ASCII punctuation removed (what a reader sees). */
const unescapeMarkdown = (md: string) => md.replace(/\\([!-/:-@[-`{-~])/gu, '$1');

describe('planTreeToMdast', () => {
  describe.each(files)('%s', (file) => {
    const plan = gold(file);
    const mdast = planTreeToMdast(planToTree(plan));
    const md = markdown(mdast);
    const lines = md.split('\n');

    it('turns sections into headings whose depth follows the section depth', () => {
      const headings = all(mdast).filter(
        (n): n is Heading => n.type === 'heading' && n.data?.plan?.type === 'planSection',
      );
      const expected = [
        ...sectionDepths(plan.sections).map(([s, depth]): [PlanSection, number] => [s, depth + 2]),
        ...plan.appendices.flatMap((a) =>
          sectionDepths(a.sections).map(([s, d]): [PlanSection, number] => [s, d + 3]),
        ),
      ];
      expect(headings.map((h) => [h.data?.plan?.type === 'planSection' && h.data.plan.id, h.depth])).toEqual(
        expected.map(([s, depth]) => [s.id, Math.min(6, depth)]),
      );
      const shown = unescapeMarkdown(md).split('\n');
      for (const [section, depth] of expected) {
        expect(shown, section.id).toContain(`${'#'.repeat(Math.min(6, depth))} ${headingLine(section)}`);
      }
    });

    it('writes the title and every paragraph', () => {
      expect(lines[0]).toBe(`# ${plan.title ?? plan.docType.label}`);
      for (const paragraph of [...plan.preamble, ...plan.closing]) {
        expect(unescapeMarkdown(md)).toContain(paragraph);
      }
    });

    it('lists every task in a table row: section, lead, coordinators and deadline, data kept', () => {
      const rows = all(mdast).filter(
        (n): n is TableRow => n.type === 'tableRow' && n.data?.plan?.type === 'planTask',
      );
      expect(rows).toHaveLength(plan.tasks.length);
      rows.forEach((row, i) => {
        const task = plan.tasks[i] as Plan['tasks'][number];
        const { text: _text, line: _line, ...fields } = task;
        expect(row.data?.plan).toEqual({ type: 'planTask', ...fields });
      });
      const start = lines.indexOf('## Nhiệm vụ');
      const table = plan.tasks.length > 0 ? lines.slice(start + 4, start + 4 + plan.tasks.length) : [];
      table.forEach((line, i) => {
        const task = plan.tasks[i] as Plan['tasks'][number];
        const cells = unescapeMarkdown(line)
          .split(' | ')
          .map((cell) => cell.replace(/^\| ?|\s*\|?$/gu, '').trim());
        expect(cells[0]).toBe(task.section);
        expect(cells[2]).toBe(task.lead ?? '');
        expect(cells[3]).toBe(task.coordinators.join('; '));
        if (task.deadline) expect(cells[4]).toContain(task.deadline.raw);
        if (task.deadline?.iso) expect(cells[4]).toContain(task.deadline.iso);
        if (task.recurrence) expect(cells[4]).toContain(task.recurrence.raw);
      });
    });

    it('lists every reference, marking those the plan carries out', () => {
      const items = all(mdast).filter(
        (n): n is ListItem => n.type === 'listItem' && n.data?.plan?.type === 'planReference',
      );
      expect(items.map((n) => n.data?.plan?.type === 'planReference' && n.data.plan.section)).toEqual(
        plan.references.map((r) => r.section),
      );
      const marked = items.flatMap((n, i) =>
        n.data?.plan?.type === 'planReference' && n.data.plan.implemented ? [i] : [],
      );
      expect(marked).toEqual(plan.implements);
    });
  });

  const plan = gold('KH_03_BacCamRanh_MTTQ_kiem-tra-giam-sat-bau-cu.json');

  it('writes tasks as a GFM task list when asked', () => {
    const md = markdown(planTreeToMdast(planToTree(plan), { tasks: 'list' }));
    const items = md.split('\n').filter((line) => line.startsWith('* [ ] '));
    expect(items).toHaveLength(plan.tasks.length);
    const dated = plan.tasks.findIndex((t) => t.deadline?.iso);
    const task = plan.tasks[dated] as Plan['tasks'][number];
    expect(items[dated]).toContain(`**Thời hạn:** ${task.deadline?.raw}`);
    expect(items[dated]).toContain(`**Mục:** ${task.section}`);
  });

  it('gives remark-rehype (mdast-util-to-hast) ids and data attributes', () => {
    const html = toHtml(toHast(planTreeToMdast(planToTree(plan))));
    const section = plan.sections[0] as PlanSection;
    expect(html).toContain(`<h2 id="plan-${section.id}">${headingLine(section)}</h2>`);
    const led = plan.tasks.find((t) => t.lead) as Plan['tasks'][number];
    expect(html).toContain(`data-lead="${led.lead}"`);
    const dated = plan.tasks.find((t) => t.deadline?.iso) as Plan['tasks'][number];
    expect(html).toContain(`data-deadline="${dated.deadline?.iso}`);
  });

  it('uses the labels it is given', () => {
    const md = markdown(
      planTreeToMdast(planToTree(plan), { labels: { tasks: 'Tasks', lead: 'Lead', deadline: 'Due' } }),
    );
    expect(md).toContain('## Tasks');
    expect(md).toMatch(/\| Mục +\| Nội dung +\| Lead +\| Phối hợp +\| Due +\|/u);
  });

  it('writes bulleted paragraphs as list items, nested by marker, markers dropped', () => {
    const bulleted = Plan.parse({
      ...plan,
      sections: [
        {
          ...plan.sections[0],
          children: [],
          paragraphs: ['- Một', '+ Một a', '+ Một b', '- Hai', 'Đoạn thường.', '• Ba', '--------', '-Bốn'],
        },
      ],
      tasks: [],
      targets: [],
      references: plan.references.filter((r) => !/^[IVX]/u.test(r.section)),
      implements: [],
    });
    const md = markdown(planTreeToMdast(planToTree(bulleted)));
    // Read back with a CommonMark parser: what a Markdown reader sees, not what we meant to write.
    const blocks = fromMarkdown(md).children;
    const at = blocks.findIndex((n) => n.type === 'heading' && mdastText(n).startsWith('I.'));
    const shown = blocks
      .slice(at + 1, at + 6)
      .map((n) =>
        n.type === 'list'
          ? n.children.map((i) => mdastText(i.children[0] as Nodes))
          : `${n.type}: ${mdastText(n)}`,
      );
    expect(shown).toEqual([
      ['Một', 'Hai'],
      'paragraph: Đoạn thường.',
      ['Ba'],
      // A rule of dashes is no bullet: it ends the list and stays text.
      'paragraph: --------',
      ['Bốn'],
    ]);
    const nested = (blocks[at + 1] as List).children[0]?.children[1];
    expect(nested?.type === 'list' && nested.children.map((item) => mdastText(item))).toEqual([
      'Một a',
      'Một b',
    ]);
  });

  it('escapes markup in the text: a heading with <script> stays text', () => {
    const unsafe = Plan.parse({
      ...plan,
      sections: [{ ...plan.sections[0], children: [], heading: '<script>alert(1)</script> *x* [a](b)' }],
      tasks: [],
      targets: [],
      references: plan.references.filter((r) => !/^[IVX]/u.test(r.section)),
      implements: [],
    });
    const md = markdown(planTreeToMdast(planToTree(unsafe)));
    expect(md).not.toMatch(/(^|[^\\])<script>/mu);
    expect(md).not.toContain(' *x* ');
    expect(md).not.toContain('[a](b)');
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Element, Nodes } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { Plan, type PlanSection } from './plan.js';
import { planTreeToHast } from './plan-hast.js';
import { planToTree } from './plan-tree.js';
import { htmlDateTime } from './plan-tree-render.js';

const goldDir = fileURLToPath(new URL('../../../fixtures/gold/', import.meta.url));
const files = readdirSync(goldDir)
  .filter((name) => name.endsWith('.json'))
  .sort();
const gold = (file: string): Plan => Plan.parse(JSON.parse(readFileSync(`${goldDir}${file}`, 'utf8')));

function elements(node: Nodes): Element[] {
  const own = node.type === 'element' ? [node] : [];
  return [...own, ...('children' in node ? (node.children as Nodes[]).flatMap(elements) : [])];
}

/** The text of a hast node. */
function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? (node.children as Nodes[]).map(textOf).join('') : '';
}

/** What HTML escaping does to text and double-quoted attribute values (`hast-util-to-html` defaults). */
const escapeText = (value: string) => value.replaceAll('&', '&#x26;').replaceAll('<', '&#x3C;');
const escapeAttribute = (value: string) => escapeText(value).replaceAll('"', '&#x22;');

function sectionsWithDepth(sections: readonly PlanSection[], depth: number): [PlanSection, number][] {
  return sections.flatMap((s): [PlanSection, number][] => [
    [s, depth],
    ...sectionsWithDepth(s.children, depth + 1),
  ]);
}

describe('planTreeToHast', () => {
  describe.each(files)('%s', (file) => {
    const plan = gold(file);
    const hast = planTreeToHast(planToTree(plan));
    const html = toHtml(hast);
    const all = elements(hast);

    it('is an article with a header: title, trích yếu, and the facts in a <dl> with <time datetime>', () => {
      expect(all[0]?.tagName).toBe('article');
      expect(all[0]?.properties.lang).toBe('vi');
      const header = all.find((e) => e.tagName === 'header') as Element;
      const h1 = elements(header).find((e) => e.tagName === 'h1') as Element;
      expect(textOf(h1)).toBe(plan.title ?? plan.docType.label);
      if (plan.summary) expect(html).toContain(`${escapeText(plan.summary)}</p>`.slice(-60));
      const dl = elements(header).find((e) => e.tagName === 'dl') as Element;
      if (plan.number) expect(textOf(dl)).toContain(plan.number.raw);
      if (plan.date?.iso) {
        expect(html).toContain(`<time datetime="${plan.date.iso}">${escapeText(plan.date.raw)}</time>`);
      }
    });

    it('makes a <section id> per section, with <h2>…<h6> by depth', () => {
      const expected = [
        ...sectionsWithDepth(plan.sections, 2),
        ...plan.appendices.flatMap((a) => sectionsWithDepth(a.sections, 3)),
      ];
      const sections = all.filter((e) => e.tagName === 'section' && e.properties.dataKind !== undefined);
      expect(sections.map((e) => e.properties.id)).toEqual(expected.map(([s]) => `plan-${s.id}`));
      sections.forEach((element, i) => {
        const [section, depth] = expected[i] as [PlanSection, number];
        const heading = element.children.find((c): c is Element => c.type === 'element') as Element;
        expect(heading.tagName).toBe(`h${Math.min(6, depth)}`);
        expect(textOf(heading)).toBe(
          section.heading ? `${section.number} ${section.heading}` : section.number,
        );
      });
    });

    it('puts every task in a table row with data-lead and data-deadline, dates as <time datetime>', () => {
      const rows = all.filter((e) => e.tagName === 'tr' && e.properties.dataSection !== undefined);
      expect(rows).toHaveLength(plan.tasks.length);
      rows.forEach((row, i) => {
        const task = plan.tasks[i] as Plan['tasks'][number];
        expect(row.properties.dataSection).toBe(task.section);
        expect(row.properties.dataLead).toBe(task.lead ?? undefined);
        const iso = task.deadline?.iso
          ? `${task.deadline.iso}${task.deadline.end ? `/${task.deadline.end}` : ''}`
          : undefined;
        expect(row.properties.dataDeadline).toBe(iso);
        const cells = row.children.filter((c): c is Element => c.type === 'element');
        expect(textOf(cells[1] as Element)).toBe(task.text);
        if (task.deadline) expect(textOf(cells[4] as Element)).toContain(task.deadline.raw);
        const time = elements(cells[4] as Element).find((e) => e.tagName === 'time');
        const datetime =
          task.deadline?.kind === 'range' ? undefined : htmlDateTime(task.deadline?.iso ?? null);
        expect(time?.properties.dateTime).toBe(datetime);
      });
      for (const task of plan.tasks) {
        if (task.lead) expect(html).toContain(`data-lead="${escapeAttribute(task.lead)}"`);
        if (task.deadline?.iso && task.deadline.kind !== 'range' && htmlDateTime(task.deadline.iso)) {
          expect(html).toContain(
            `<time datetime="${task.deadline.iso}">${escapeText(task.deadline.raw)}</time>`,
          );
        }
      }
    });

    it('marks tasks and references in the text, and links the table to them', () => {
      const spans = all.filter((e) =>
        (e.properties.className as string[] | undefined)?.includes('plan-task'),
      );
      expect(spans.map(textOf)).toEqual(plan.tasks.map((t) => t.text));
      const cites = all.filter((e) =>
        (e.properties.className as string[] | undefined)?.includes('plan-reference'),
      );
      expect(cites.map(textOf)).toEqual(plan.references.map((r) => r.text));
      plan.tasks.forEach((_, i) => {
        expect(html).toContain(`href="#plan-task-${i + 1}"`);
      });
    });
  });

  const plan = gold('KH_03_BacCamRanh_MTTQ_kiem-tra-giam-sat-bau-cu.json');

  it('writes tasks as an <ol> when asked', () => {
    const hast = planTreeToHast(planToTree(plan), { tasks: 'list' });
    const items = elements(hast).filter((e) => e.tagName === 'li' && e.properties.dataSection !== undefined);
    expect(items.slice(0, plan.tasks.length).map((e) => e.properties.dataSection)).toEqual(
      plan.tasks.map((t) => t.section),
    );
    expect(elements(hast).some((e) => e.tagName === 'table')).toBe(false);
  });

  it('writes quarters as <data value> (HTML dates have no quarters) and ranges with both ends', () => {
    const base = plan.tasks[0] as Plan['tasks'][number];
    const tasks = [
      {
        ...base,
        deadline: { raw: 'trong quý II năm 2026', kind: 'within' as const, iso: '2026-Q2', end: null },
      },
      {
        ...base,
        deadline: {
          raw: 'từ ngày 01/12/2025 đến ngày 14/12/2025',
          kind: 'range' as const,
          iso: '2025-12-01',
          end: '2025-12-14',
        },
      },
    ];
    const html = toHtml(planTreeToHast(planToTree(Plan.parse({ ...plan, tasks }))));
    expect(html).toContain('<data value="2026-Q2">trong quý II năm 2026</data>');
    expect(html).toContain('data-deadline="2025-12-01/2025-12-14"');
    expect(html).toContain('data-start="2025-12-01" data-end="2025-12-14"');
  });

  it('escapes text and attributes: a heading with <script> stays text', () => {
    const first = plan.sections[0] as PlanSection;
    const unsafe = Plan.parse({
      ...plan,
      sections: [{ ...first, children: [], heading: '<script>alert("x")</script>' }],
      tasks: [
        {
          text: '<img src=x onerror=alert(1)> "quoted" & more',
          lead: '"><script>alert(1)</script>',
          coordinators: [],
          deadline: null,
          recurrence: null,
          section: first.id,
        },
      ],
      targets: [],
      references: plan.references.filter((r) => !/^[IVX]/u.test(r.section)),
      implements: [],
    });
    const html = toHtml(planTreeToHast(planToTree(unsafe)));
    // Inside a double-quoted attribute value `<` is inert; only the quote must be escaped.
    expect(html).toContain('data-lead="&#x22;><script>alert(1)</script>"');
    const markup = html.replace(/="[^"]*"/gu, '=""');
    expect(markup).not.toContain('<script');
    expect(markup).not.toContain('<img');
    expect(html).toContain(
      '<h2><span class="plan-number">I.</span> &#x3C;script>alert("x")&#x3C;/script></h2>',
    );
    expect(html).toContain('&#x3C;img src=x onerror=alert(1)> "quoted" &#x26; more');
  });

  it('prefixes every id, so they do not clobber the page', () => {
    const hast = planTreeToHast(planToTree(plan), { clobberPrefix: 'doc-' });
    const ids = elements(hast).flatMap((e) =>
      e.properties.id === undefined ? [] : [String(e.properties.id)],
    );
    expect(ids.length).toBeGreaterThan(plan.tasks.length);
    for (const id of ids) expect(id).toMatch(/^doc-/u);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Plan } from './plan.js';
import { linePosition, planToTree, planTreeItems, treeToPlan } from './plan-tree.js';
import {
  isPlanNode,
  type PlanNode,
  type PlanParagraphNode,
  type PlanRoot,
  type PlanSectionNode,
  type PlanTaskNode,
  planNodeText,
  planNodeTypes,
} from './plan-tree-nodes.js';

const goldDir = fileURLToPath(new URL('../../../fixtures/gold/', import.meta.url));
const files = readdirSync(goldDir)
  .filter((name) => name.endsWith('.json'))
  .sort();
const gold = (file: string): Plan => Plan.parse(JSON.parse(readFileSync(`${goldDir}${file}`, 'utf8')));

/** Every node of a tree, in preorder. */
function nodes(tree: PlanNode): PlanNode[] {
  const out: PlanNode[] = [tree];
  if (tree.type !== 'text') for (const child of tree.children as PlanNode[]) out.push(...nodes(child));
  return out;
}

/** A minimal valid plan to vary in tests. */
function plan(overrides: Partial<Plan> = {}): Plan {
  return Plan.parse({
    type: 'plan',
    source: 'test',
    docType: { code: 'ke-hoach', label: 'KẾ HOẠCH' },
    regime: 'state',
    issuer: { chain: ['UBND TỈNH LÀO CAI', 'SỞ CÔNG THƯƠNG'], name: 'SỞ CÔNG THƯƠNG' },
    number: null,
    place: null,
    date: null,
    title: 'KẾ HOẠCH',
    summary: null,
    preamble: [],
    sections: [
      {
        id: 'I',
        number: 'I.',
        kind: 'roman',
        heading: 'NHIỆM VỤ',
        paragraphs: [
          '- Sở Công Thương chủ trì kiểm tra. Sở Tài chính bảo đảm kinh phí.',
          '- Báo cáo kết quả.',
        ],
        line: 5,
        children: [],
      },
    ],
    closing: [],
    references: [],
    implements: [],
    targets: [],
    tasks: [],
    recipients: [],
    signature: null,
    appendices: [],
    footnotes: [],
    messages: [],
    ...overrides,
  });
}

const task = (text: string, section: string, extra: Partial<Plan['tasks'][number]> = {}) => ({
  text,
  lead: null,
  coordinators: [],
  deadline: null,
  recurrence: null,
  section,
  ...extra,
});

describe('planToTree / treeToPlan', () => {
  it('has gold plans to test with', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  describe.each(files)('%s', (file) => {
    const original = gold(file);
    const tree = planToTree(original);

    it('round-trips: treeToPlan(planToTree(plan)) deep-equals the plan', () => {
      expect(treeToPlan(tree)).toEqual(original);
    });

    it('anchors every task, target and reference in the text of its location', () => {
      expect(tree.children.some((child) => child.type === 'planDetached')).toBe(false);
      const all = nodes(tree);
      expect(all.filter((n) => n.type === 'planTask')).toHaveLength(original.tasks.length);
      expect(all.filter((n) => n.type === 'planTarget')).toHaveLength(original.targets.length);
      expect(all.filter((n) => n.type === 'planReference')).toHaveLength(original.references.length);
      for (const node of all) {
        if (node.type === 'planTask' || node.type === 'planTarget' || node.type === 'planReference') {
          expect(node.section, 'items in the text take their location from ancestors').toBeUndefined();
        }
      }
    });

    it('holds only plan nodes, each text once: paragraphs and headings read as the plan prints them', () => {
      for (const node of nodes(tree)) {
        expect(isPlanNode(node), node.type).toBe(true);
        if (node.type === 'text') expect(node.value).not.toBe('');
      }
      const paragraphs = nodes(tree).filter((n): n is PlanParagraphNode => n.type === 'planParagraph');
      const printed = [
        ...original.preamble,
        ...sectionTexts(original.sections),
        ...original.closing,
        ...original.appendices.flatMap((a) => [...a.paragraphs, ...sectionTexts(a.sections)]),
      ];
      expect(paragraphs.map(planNodeText).sort()).toEqual(printed.sort());
    });

    it('keeps section lines as positions', () => {
      const sections = nodes(tree).filter((n): n is PlanSectionNode => n.type === 'planSection');
      const first = sections[0];
      if (!first) return;
      const line = original.sections[0]?.line;
      expect(first.position).toEqual(line === undefined ? undefined : linePosition(line));
    });
  });

  it('puts the header in order, with text as text literals', () => {
    const tree = planToTree(
      plan({
        number: {
          raw: '134 /KH-UBND',
          number: '134',
          year: null,
          symbol: 'KH-UBND',
          type: 'KH',
          issuers: ['UBND'],
        },
        place: 'Lào Cai',
        date: { raw: 'ngày 26 tháng 3 năm 2026', iso: '2026-03-26' },
        summary: 'Triển khai Nghị quyết số 34-NQ/TU',
      }),
    );
    const header = tree.children[0];
    expect(header?.type).toBe('planHeader');
    if (header?.type !== 'planHeader') return;
    expect(header.children.map((c) => c.type)).toEqual([
      'planIssuer',
      'planDocNumber',
      'planPlace',
      'planDate',
      'planTitle',
      'planSummary',
    ]);
    expect(header.children[1]).toEqual({
      type: 'planDocNumber',
      number: '134',
      year: null,
      symbol: 'KH-UBND',
      typeAbbreviation: 'KH',
      issuers: ['UBND'],
      children: [{ type: 'text', value: '134 /KH-UBND' }],
    });
    expect(header.children[3]).toEqual({
      type: 'planDate',
      iso: '2026-03-26',
      children: [{ type: 'text', value: 'ngày 26 tháng 3 năm 2026' }],
    });
  });

  it('anchors two tasks of one paragraph as two spans, with the text between them kept', () => {
    const p = plan({
      tasks: [
        task('Sở Công Thương chủ trì kiểm tra.', 'I', { lead: 'Sở Công Thương', line: 6 }),
        task('Sở Tài chính bảo đảm kinh phí.', 'I', { lead: 'Sở Tài chính' }),
      ],
    });
    const tree = planToTree(p);
    const section = tree.children[1] as PlanSectionNode;
    expect(section.children[1]).toEqual({
      type: 'planParagraph',
      children: [
        { type: 'text', value: '- ' },
        {
          type: 'planTask',
          lead: 'Sở Công Thương',
          coordinators: [],
          deadline: null,
          recurrence: null,
          position: linePosition(6),
          children: [{ type: 'text', value: 'Sở Công Thương chủ trì kiểm tra.' }],
        },
        { type: 'text', value: ' ' },
        {
          type: 'planTask',
          lead: 'Sở Tài chính',
          coordinators: [],
          deadline: null,
          recurrence: null,
          children: [{ type: 'text', value: 'Sở Tài chính bảo đảm kinh phí.' }],
        },
      ],
    });
    expect(treeToPlan(tree)).toEqual(p);
  });

  it('nests a reference inside the task that cites it, and a target with the same text inside the task', () => {
    const sentence = 'Sở Công Thương chủ trì kiểm tra.';
    const p = plan({
      tasks: [task(sentence, 'I', { lead: 'Sở Công Thương' })],
      targets: [
        {
          text: sentence,
          horizon: 2026,
          metric: 'kiểm tra',
          comparator: '=',
          value: 1,
          unit: null,
          section: 'I',
        },
      ],
      references: [
        {
          docType: { code: 'khac', label: 'Sở' },
          number: null,
          date: null,
          issuer: null,
          name: 'Sở Công Thương',
          text: 'Sở Công Thương',
          section: 'I',
        },
      ],
      implements: [0],
    });
    const tree = planToTree(p);
    const paragraph = (tree.children[1] as PlanSectionNode).children[1] as PlanParagraphNode;
    const outer = paragraph.children[1] as PlanTaskNode;
    expect(outer.type).toBe('planTask');
    expect(outer.children.map((c) => c.type)).toEqual(['planTarget']);
    const target = outer.children[0];
    expect(target?.type === 'planTarget' && target.children[0]?.type).toBe('planReference');
    expect(treeToPlan(tree)).toEqual(p);
  });

  it('nests two items of one kind that share their text (one sentence, two goals) in item order', () => {
    const sentence = 'Sở Công Thương chủ trì kiểm tra.';
    const goal = (unit: string) => ({
      text: sentence,
      horizon: 2026,
      metric: null,
      comparator: '=' as const,
      value: 1,
      unit,
      section: 'I',
    });
    const p = plan({ targets: [goal('khu'), goal('cụm')] });
    const tree = planToTree(p);
    const targets = nodes(tree).filter((n) => n.type === 'planTarget');
    expect(targets.map((t) => t.type === 'planTarget' && t.unit)).toEqual(['khu', 'cụm']);
    expect(targets[0]?.type === 'planTarget' && targets[0].children[0]).toBe(targets[1]);
    expect(treeToPlan(tree)).toEqual(p);
  });

  it('detaches a whole kind when one item is not in its text, keeping order and locations', () => {
    const p = plan({
      tasks: [
        task('Sở Công Thương chủ trì kiểm tra.', 'I'),
        task('Một nhiệm vụ đã được viết lại.', 'I', { line: 7 }),
        task('Báo cáo kết quả.', 'I'),
      ],
    });
    const tree = planToTree(p);
    const detached = tree.children.at(-1);
    expect(detached?.type).toBe('planDetached');
    if (detached?.type !== 'planDetached') return;
    expect(detached.children.map((c) => [c.type, c.section, planNodeText(c)])).toEqual([
      ['planTask', 'I', 'Sở Công Thương chủ trì kiểm tra.'],
      ['planTask', 'I', 'Một nhiệm vụ đã được viết lại.'],
      ['planTask', 'I', 'Báo cáo kết quả.'],
    ]);
    expect(nodes(tree).filter((n) => n.type === 'planTask')).toHaveLength(3);
    expect(treeToPlan(tree)).toEqual(p);
  });

  it('detaches a kind whose order is not document order', () => {
    const p = plan({
      tasks: [task('Báo cáo kết quả.', 'I'), task('Sở Công Thương chủ trì kiểm tra.', 'I')],
    });
    const tree = planToTree(p);
    expect(tree.children.at(-1)?.type).toBe('planDetached');
    expect(treeToPlan(tree).tasks).toEqual(p.tasks);
  });

  it('detaches an item whose span would cross one already placed', () => {
    const p = plan({
      tasks: [task('Sở Công Thương chủ trì', 'I')],
      targets: [
        {
          text: 'chủ trì kiểm tra',
          horizon: null,
          metric: null,
          comparator: null,
          value: null,
          unit: null,
          section: 'I',
        },
      ],
    });
    const tree = planToTree(p);
    const detached = tree.children.at(-1);
    expect(detached?.type === 'planDetached' && detached.children.map((c) => c.type)).toEqual(['planTarget']);
    expect(treeToPlan(tree)).toEqual(p);
  });

  it('reads what a plugin changed: a task wrapped around text, a heading edited', () => {
    const tree = planToTree(plan());
    const section = tree.children[1] as PlanSectionNode;
    const paragraph = section.children[2] as PlanParagraphNode;
    paragraph.children = [
      { type: 'text', value: '- ' },
      {
        type: 'planTask',
        lead: null,
        coordinators: [],
        deadline: { raw: 'trong quý II/2026', kind: 'within', iso: '2026-Q2', end: null },
        recurrence: null,
        position: linePosition(7),
        children: [{ type: 'text', value: 'Báo cáo kết quả.' }],
      },
    ];
    section.children[0] = { type: 'planHeading', children: [{ type: 'text', value: 'NHIỆM VỤ CHUNG' }] };
    const back = treeToPlan(tree);
    expect(back.sections[0]?.heading).toBe('NHIỆM VỤ CHUNG');
    expect(back.sections[0]?.paragraphs[1]).toBe('- Báo cáo kết quả.');
    expect(back.tasks).toEqual([
      task('Báo cáo kết quả.', 'I', {
        deadline: { raw: 'trong quý II/2026', kind: 'within', iso: '2026-Q2', end: null },
        line: 7,
      }),
    ]);
  });

  it('refuses a tree a plugin made invalid', () => {
    const tree = planToTree(plan());
    tree.children.push({
      type: 'planDetached',
      children: [
        {
          type: 'planTask',
          section: 'IX',
          lead: null,
          coordinators: [],
          deadline: null,
          recurrence: null,
          children: [{ type: 'text', value: 'Không có mục IX.' }],
        },
      ],
    });
    expect(() => treeToPlan(tree)).toThrow(/unknown location IX/);
    const lost: PlanRoot = planToTree(plan());
    (lost.children[1] as PlanSectionNode).children.push({
      type: 'planSection',
      id: 'I',
      number: 'I.',
      kind: 'roman',
      children: [],
    });
    expect(() => treeToPlan(lost)).toThrow(/duplicate section id I/);
  });

  it('rebuilds implements from the flags of references, in reference order', () => {
    const reference = (number: string) => ({
      docType: { code: 'nghi-quyet' as const, label: 'Nghị quyết' },
      number: { raw: number, number: null, year: null, symbol: null, type: null, issuers: [] },
      date: null,
      issuer: null,
      name: null,
      text: `Nghị quyết số ${number}`,
      section: 'preamble',
    });
    const p = plan({
      preamble: ['Căn cứ Nghị quyết số 1-NQ/TU và Nghị quyết số 2-NQ/TU;'],
      references: [reference('1-NQ/TU'), reference('2-NQ/TU')],
      implements: [1, 0],
    });
    const flags = nodes(planToTree(p)).flatMap((n) => (n.type === 'planReference' ? [n.implemented] : []));
    expect(flags).toEqual([true, true]);
    expect(treeToPlan(planToTree(p)).implements).toEqual([0, 1]);
  });

  it('lists items with their locations', () => {
    const p = gold(files.find((f) => f.startsWith('KH_05')) ?? (files[0] as string));
    const items = planTreeItems(planToTree(p));
    expect(items.tasks.map((t) => t.section)).toEqual(p.tasks.map((t) => t.section));
    expect(items.references.map((r) => [r.section, planNodeText(r.node)])).toEqual(
      p.references.map((r) => [r.section, r.text]),
    );
  });
});

describe('isPlanNode', () => {
  it('knows every node type, and narrows by type', () => {
    expect(planNodeTypes).toContain('planTask');
    expect(planNodeTypes).toHaveLength(25);
    const node: unknown = { type: 'planTask', children: [] };
    expect(isPlanNode(node)).toBe(true);
    expect(isPlanNode(node, 'planTask')).toBe(true);
    expect(isPlanNode(node, 'planTarget')).toBe(false);
    expect(isPlanNode({ type: 'text', value: 'a' }, 'text')).toBe(true);
  });

  it('rejects what is not a plan node', () => {
    for (const value of [null, undefined, 'planTask', 1, {}, { type: 'heading', children: [] }]) {
      expect(isPlanNode(value)).toBe(false);
    }
    expect(isPlanNode({ type: 'planTask' }), 'a parent without children').toBe(false);
    expect(isPlanNode({ type: 'text' }), 'text without a value').toBe(false);
  });
});

function sectionTexts(sections: readonly Plan['sections'][number][]): string[] {
  return sections.flatMap((s) => [...s.paragraphs, ...sectionTexts(s.children)]);
}

import type { Element, ElementContent, Properties, Root, Text } from 'hast';
import type { Deadline } from './plan.js';
import { planTreeItems } from './plan-tree.js';
import type {
  PlanAppendixNode,
  PlanHeaderNode,
  PlanItemNode,
  PlanNode,
  PlanPhrasingContent,
  PlanRoot,
  PlanSectionNode,
  PlanTaskNode,
} from './plan-tree-nodes.js';
import { planNodeText } from './plan-tree-nodes.js';
import { deadlineIso, formatGoal, htmlDateTime, type PlanLabels, planLabelsVi } from './plan-tree-render.js';

/*
 * Plan tree → hast, so rehype plugins and `hast-util-to-html` work on a plan. Semantic HTML: an `<article>`
 * with a `<header>` (title, trích yếu, a `<dl>` of facts), a `<section id>` per section with `<h2>`…`<h6>`,
 * tasks, targets and references as spans in the text (`<cite>` for references), then a table (or list) of
 * tasks with `data-lead`, `data-deadline` … and `<time datetime>` for dates and deadlines. Every string of the
 * plan becomes a text node or a property value: nothing is raw HTML, so serialisers escape it.
 */

export interface PlanToHastOptions {
  /** Tasks as a `<table>` with section, text, lead, coordinators and deadline columns, or an `<ol>`. */
  tasks?: 'table' | 'list' | undefined;
  /** Words added around the plan's text (default: Vietnamese, `planLabelsVi`). */
  labels?: Partial<PlanLabels> | undefined;
  /** Prefix of every `id` (sections, appendices, footnotes, items), so they do not clobber the page's (default `plan-`). */
  clobberPrefix?: string | undefined;
}

type Props = Record<string, string | number | boolean | string[] | null | undefined>;

/** An element; properties that are null, undefined or '' are left out. */
function h(tagName: string, props: Props, children: ElementContent[] = []): Element {
  const properties: Properties = {};
  for (const [key, value] of Object.entries(props)) {
    if (value !== null && value !== undefined && value !== '') properties[key] = value;
  }
  return { type: 'element', tagName, properties, children };
}

const text = (value: string): Text => ({ type: 'text', value });

/** Line endings between block elements, as `mdast-util-to-hast` does, so the HTML reads line by line. */
function wrap(nodes: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [text('\n')];
  for (const node of nodes) out.push(node, text('\n'));
  return out;
}

function patch<T extends Element>(from: PlanNode, to: T): T {
  if (from.position) to.position = structuredClone(from.position);
  return to;
}

/** A date or deadline: `<time datetime>` when HTML can say it, `<data value>` for quarters and halves. */
function when(raw: string, iso: string | null): ElementContent {
  const datetime = htmlDateTime(iso);
  if (datetime) return h('time', { dateTime: datetime }, [text(raw)]);
  if (iso) return h('data', { value: iso }, [text(raw)]);
  return text(raw);
}

function deadlineContent(deadline: Deadline): ElementContent[] {
  if (deadline.kind === 'range' && deadline.end) {
    // One phrase, two moments: the phrase keeps its words, the interval goes in `data-deadline`.
    return [
      h('span', { className: ['plan-deadline'], dataStart: deadline.iso, dataEnd: deadline.end }, [
        text(deadline.raw),
      ]),
    ];
  }
  return [when(deadline.raw, deadline.iso)];
}

function taskProperties(node: PlanTaskNode, section: string): Props {
  return {
    dataSection: section,
    dataLead: node.lead,
    dataCoordinators: node.coordinators.join('; '),
    dataDeadline: deadlineIso(node.deadline),
    dataDeadlineKind: node.deadline?.kind,
    dataRecurrence: node.recurrence?.kind,
  };
}

/** Turn a plan tree into a hast tree (see docs/plan-tree.md, "Bridges"). */
export function planTreeToHast(tree: PlanRoot, options: PlanToHastOptions = {}): Root {
  const labels: PlanLabels = { ...planLabelsVi, ...options.labels };
  const prefix = options.clobberPrefix ?? 'plan-';
  /** Ids of the items rendered in the text, so the task table can link to them. */
  const ids = new Map<PlanItemNode, string>();
  const counts = { planTask: 0, planTarget: 0, planReference: 0 };
  const idPrefix = { planTask: 'task-', planTarget: 'target-', planReference: 'ref-' } as const;

  const phrasing = (nodes: readonly PlanPhrasingContent[]): ElementContent[] =>
    nodes.map((node): ElementContent => {
      if (node.type === 'text') return text(node.value);
      const id = `${prefix}${idPrefix[node.type]}${++counts[node.type]}`;
      ids.set(node, id);
      const children = phrasing(node.children);
      if (node.type === 'planTask') {
        return patch(node, h('span', { id, className: ['plan-task'], dataLead: node.lead }, children));
      }
      if (node.type === 'planTarget') {
        return patch(
          node,
          h(
            'span',
            {
              id,
              className: ['plan-target'],
              dataComparator: node.comparator,
              dataValue: node.value,
              dataUnit: node.unit,
              dataHorizon: node.horizon,
            },
            children,
          ),
        );
      }
      return patch(
        node,
        h(
          'cite',
          { id, className: ['plan-reference'], dataNumber: node.number?.raw, dataDocType: node.docType.code },
          children,
        ),
      );
    });

  const header = (node: PlanHeaderNode): Element => {
    const part = <Type extends PlanHeaderNode['children'][number]['type']>(type: Type) =>
      node.children.find(
        (c): c is Extract<PlanHeaderNode['children'][number], { type: Type }> => c.type === type,
      );
    const content: ElementContent[] = [];
    const title = part('planTitle');
    content.push(
      h('h1', { className: ['plan-title'] }, title ? phrasing(title.children) : [text(tree.docType.label)]),
    );
    const summary = part('planSummary');
    if (summary) content.push(h('p', { className: ['plan-summary'] }, phrasing(summary.children)));
    const facts: ElementContent[] = [];
    const fact = (label: string, dd: Element) => facts.push(h('dt', {}, [text(label)]), dd);
    fact(labels.docType, h('dd', {}, [h('data', { value: tree.docType.code }, [text(tree.docType.label)])]));
    const issuer = part('planIssuer');
    if (issuer) {
      const lines: ElementContent[] = [];
      issuer.children.forEach((line, i) => {
        if (i > 0) lines.push(h('br', {}));
        lines.push(text(planNodeText(line)));
      });
      if (lines.length === 0 && issuer.name) lines.push(text(issuer.name));
      fact(labels.issuer, h('dd', { className: ['plan-issuer'], dataName: issuer.name }, lines));
    }
    const number = part('planDocNumber');
    if (number) {
      fact(
        labels.number,
        h(
          'dd',
          {
            className: ['plan-number'],
            dataNumber: number.number,
            dataYear: number.year,
            dataSymbol: number.symbol,
            dataType: number.typeAbbreviation,
          },
          [text(planNodeText(number))],
        ),
      );
    }
    const place = part('planPlace');
    if (place) fact(labels.place, h('dd', { className: ['plan-place'] }, [text(planNodeText(place))]));
    const date = part('planDate');
    if (date) fact(labels.date, h('dd', { className: ['plan-date'] }, [when(planNodeText(date), date.iso)]));
    content.push(h('dl', { className: ['plan-facts'] }, wrap(facts)));
    return h('header', { className: ['plan-header'] }, wrap(content));
  };

  const section = (node: PlanSectionNode, level: number): Element => {
    const content: ElementContent[] = [];
    for (const child of node.children) {
      if (child.type === 'planHeading') {
        const words = phrasing(child.children);
        content.push(
          h(`h${Math.min(6, level)}`, {}, [
            h('span', { className: ['plan-number'] }, [text(node.number)]),
            ...(words.length > 0 ? [text(' '), ...words] : []),
          ]),
        );
      } else if (child.type === 'planParagraph') content.push(h('p', {}, phrasing(child.children)));
      else content.push(section(child, level + 1));
    }
    return patch(
      node,
      h(
        'section',
        {
          id: `${prefix}${node.id}`,
          className: ['plan-section'],
          dataNumber: node.number,
          dataKind: node.kind,
        },
        wrap(content),
      ),
    );
  };

  const appendix = (node: PlanAppendixNode): Element => {
    const content: ElementContent[] = [];
    for (const child of node.children) {
      if (child.type === 'planHeading') content.push(h('h2', {}, phrasing(child.children)));
      else if (child.type === 'planNote')
        content.push(h('p', { className: ['plan-note'] }, phrasing(child.children)));
      else if (child.type === 'planParagraph') content.push(h('p', {}, phrasing(child.children)));
      else content.push(section(child, 3));
    }
    return h('section', { id: `${prefix}${node.id}`, className: ['plan-appendix'] }, wrap(content));
  };

  const body: ElementContent[] = [];
  const footnotes: ElementContent[] = [];
  for (const node of tree.children) {
    switch (node.type) {
      case 'planHeader':
        body.push(header(node));
        break;
      case 'planPreamble':
      case 'planClosing':
        body.push(
          h(
            'div',
            { className: [node.type === 'planPreamble' ? 'plan-preamble' : 'plan-closing'] },
            wrap(node.children.map((p) => h('p', {}, phrasing(p.children)))),
          ),
        );
        break;
      case 'planSection':
        body.push(section(node, 2));
        break;
      case 'planRecipients':
        body.push(
          h('div', { className: ['plan-recipients'] }, [
            h('p', {}, [text(`${labels.recipients}:`)]),
            h(
              'ul',
              {},
              wrap(
                node.children.map((r) =>
                  h('li', { dataPurpose: r.purpose, dataMarker: r.marker }, [
                    text(`${planNodeText(r)}${r.marker ? ` (${r.marker})` : ''}`),
                  ]),
                ),
              ),
            ),
          ]),
        );
        break;
      case 'planSignature': {
        const lines: ElementContent[] = [];
        node.children.forEach((line, i) => {
          if (i > 0) lines.push(h('br', {}));
          lines.push(text(planNodeText(line)));
        });
        body.push(
          h('div', { className: ['plan-signature'], dataName: node.name, dataTitle: node.title }, [
            h('p', {}, lines),
          ]),
        );
        break;
      }
      case 'planAppendix':
        body.push(appendix(node));
        break;
      case 'planFootnote':
        footnotes.push(
          h('li', { id: `${prefix}fn${node.mark}`, dataMark: node.mark }, [
            h('sup', {}, [text(`[${node.mark}]`)]),
            text(' '),
            ...phrasing(node.children),
          ]),
        );
        break;
      default:
        // Detached items appear in the lists below.
        break;
    }
  }
  if (footnotes.length > 0) {
    body.push(
      h('section', { className: ['plan-footnotes'] }, [
        h('h2', {}, [text(labels.footnotes)]),
        h('ul', {}, wrap(footnotes)),
      ]),
    );
  }

  // Derived lists.
  const items = planTreeItems(tree);
  const link = (node: PlanItemNode, content: ElementContent[]): ElementContent[] => {
    const id = ids.get(node);
    return id ? [h('a', { href: `#${id}` }, content)] : content;
  };
  const sectionLink = (section: string): ElementContent[] => [
    h('a', { href: `#${prefix}${section}` }, [text(section)]),
  ];
  if (items.tasks.length > 0) {
    const rows = items.tasks.map(({ node, section }) => {
      const whenContent: ElementContent[] = node.deadline ? deadlineContent(node.deadline) : [];
      if (node.recurrence && !node.deadline?.raw.includes(node.recurrence.raw)) {
        if (whenContent.length > 0) whenContent.push(text('; '));
        whenContent.push(text(node.recurrence.raw));
      }
      const cells: [string, ElementContent[]][] = [
        ['plan-section', sectionLink(section)],
        ['plan-text', link(node, [text(planNodeText(node))])],
        ['plan-lead', node.lead ? [text(node.lead)] : []],
        ['plan-coordinators', node.coordinators.length > 0 ? [text(node.coordinators.join('; '))] : []],
        ['plan-deadline', whenContent],
      ];
      return { node, section, cells };
    });
    const heading = h('h2', {}, [text(labels.tasks)]);
    let content: Element;
    if (options.tasks === 'list') {
      content = h(
        'ol',
        {},
        wrap(
          rows.map(({ node, section, cells }) =>
            patch(
              node,
              h(
                'li',
                taskProperties(node, section),
                cells
                  .filter(([, c]) => c.length > 0)
                  .map(([className, c]) => h('span', { className: [className] }, c)),
              ),
            ),
          ),
        ),
      );
    } else {
      const head = h(
        'tr',
        {},
        [labels.section, labels.task, labels.lead, labels.coordinators, labels.deadline].map((l) =>
          h('th', { scope: 'col' }, [text(l)]),
        ),
      );
      content = h('table', {}, [
        h('thead', {}, wrap([head])),
        h(
          'tbody',
          {},
          wrap(
            rows.map(({ node, section, cells }) =>
              patch(
                node,
                h(
                  'tr',
                  taskProperties(node, section),
                  cells.map(([className, c]) => h('td', { className: [className] }, c)),
                ),
              ),
            ),
          ),
        ),
      ]);
    }
    body.push(h('section', { className: ['plan-tasks'] }, wrap([heading, content])));
  }
  if (items.targets.length > 0) {
    body.push(
      h(
        'section',
        { className: ['plan-targets'] },
        wrap([
          h('h2', {}, [text(labels.targets)]),
          h(
            'ul',
            {},
            wrap(
              items.targets.map(({ node, section }) => {
                const goal = formatGoal(node);
                return patch(
                  node,
                  h(
                    'li',
                    {
                      dataSection: section,
                      dataComparator: node.comparator,
                      dataValue: node.value,
                      dataUnit: node.unit,
                      dataHorizon: node.horizon,
                    },
                    [...link(node, [text(planNodeText(node))]), ...(goal ? [text(` (${goal})`)] : [])],
                  ),
                );
              }),
            ),
          ),
        ]),
      ),
    );
  }
  if (items.references.length > 0) {
    body.push(
      h(
        'section',
        { className: ['plan-references'] },
        wrap([
          h('h2', {}, [text(labels.references)]),
          h(
            'ol',
            {},
            wrap(
              items.references.map(({ node, section }) =>
                patch(
                  node,
                  h(
                    'li',
                    {
                      dataSection: section,
                      dataNumber: node.number?.raw,
                      dataDate: node.date?.iso,
                      dataImplemented: node.implemented ? 'true' : undefined,
                    },
                    [
                      h('cite', {}, link(node, [text(planNodeText(node))])),
                      ...(node.implemented ? [text(' — '), h('em', {}, [text(labels.implemented)])] : []),
                    ],
                  ),
                ),
              ),
            ),
          ),
        ]),
      ),
    );
  }

  return {
    type: 'root',
    children: [
      h(
        'article',
        { className: ['plan'], lang: 'vi', dataDocType: tree.docType.code, dataRegime: tree.regime },
        wrap(body),
      ),
    ],
  };
}

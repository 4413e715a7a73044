import type {
  BlockContent,
  Data,
  FootnoteDefinition,
  Heading,
  List,
  ListItem,
  Nodes,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
  Text,
} from 'mdast';
import { planTreeItems } from './plan-tree.js';
import type {
  PlanAppendixNode,
  PlanHeaderNode,
  PlanItemNode,
  PlanNode,
  PlanNodeMap,
  PlanNodeType,
  PlanParagraphNode,
  PlanPhrasingContent,
  PlanRoot,
  PlanSectionNode,
} from './plan-tree-nodes.js';
import { planNodeText } from './plan-tree-nodes.js';
import { deadlineIso, formatGoal, formatWhen, type PlanLabels, planLabelsVi } from './plan-tree-render.js';

/*
 * Plan tree → mdast, so remark plugins and `mdast-util-to-markdown` (with `mdast-util-gfm` for the task
 * table and footnotes) work on a plan. Headings take their depth from the section depth; the header becomes
 * a title, the trích yếu and a list of facts; tasks become a table (or a GFM task list), targets and
 * references lists. Each mdast node made from a plan node with fields keeps those fields in `data.plan`,
 * and `data.hProperties` gives `mdast-util-to-hast` (remark-rehype) ids and `data-*` attributes.
 */

/** The fields of a plan node (no children, position or data); for items, `section` is always set. */
export type PlanNodeFields = {
  [Type in PlanNodeType]: Omit<PlanNodeMap[Type], 'children' | 'position' | 'data'>;
}[PlanNodeType];

declare module 'mdast' {
  interface Data {
    /** The fields of the plan node this node was made from (set by `planTreeToMdast`). */
    plan?: PlanNodeFields | undefined;
  }
}

export interface PlanToMdastOptions {
  /** Tasks as a table with section, text, lead, coordinators and deadline columns, or a GFM task list. */
  tasks?: 'table' | 'list' | undefined;
  /** Words added around the plan's text (default: Vietnamese, `planLabelsVi`). */
  labels?: Partial<PlanLabels> | undefined;
  /** Prefix of the ids given to section and appendix headings through `data.hProperties` (default `plan-`). */
  clobberPrefix?: string | undefined;
}

type HProperties = Record<string, string | number | boolean | string[] | undefined>;

function fields(node: PlanNode, extra: { section?: string } = {}): PlanNodeFields {
  const {
    children: _children,
    position: _position,
    data: _data,
    ...rest
  } = node as PlanNode & {
    children?: unknown;
  };
  return structuredClone({ ...rest, ...extra }) as PlanNodeFields;
}

function data(node: PlanNode, hProperties?: HProperties, extra?: { section?: string }): Data {
  const result: Data & { hProperties?: HProperties } = { plan: fields(node, extra) };
  if (hProperties) {
    result.hProperties = Object.fromEntries(
      Object.entries(hProperties).filter(([, value]) => value !== undefined && value !== ''),
    );
  }
  return result;
}

function patch<T extends Nodes>(from: PlanNode, to: T): T {
  if (from.position) to.position = structuredClone(from.position);
  return to;
}

const text = (value: string): Text => ({ type: 'text', value });

/** Plan phrasing as mdast phrasing: the text, items unwrapped (their data is in the derived lists). */
function phrasing(nodes: readonly PlanPhrasingContent[]): PhrasingContent[] {
  const value = nodes.map(planNodeText).join('');
  return value ? [text(value)] : [];
}

const strongLabel = (label: string): PhrasingContent => ({ type: 'strong', children: [text(`${label}:`)] });

function item(children: PhrasingContent[], extra: Partial<ListItem> = {}): ListItem {
  return { type: 'listItem', spread: false, ...extra, children: [{ type: 'paragraph', children }] };
}

const list = (children: ListItem[], ordered = false): List => ({
  type: 'list',
  ordered,
  spread: false,
  children,
});

/**
 * A bullet as printed at the start of a paragraph (the markers the parser knows: hyphen, plus, asterisk,
 * bullet, dashes), followed by the item's text: words or numbers, so a rule of dashes (`-------`) stays a
 * paragraph.
 */
const BULLET = /^([-+*•–—―])\s*(?![-+*•–—―\s])(?=.*[\p{L}\p{N}])/u;

/**
 * Paragraphs as mdast blocks. The plan keeps bullet markers in the text, as printed; written back as text,
 * `- Sở Y tế …` would be an escaped `\- Sở Y tế …` paragraph, so a run of bulleted paragraphs becomes a
 * `list` (marker dropped, it is the list's now). A marker not seen yet in the run opens a list inside the
 * previous item (`-` then `+` is how documents nest); a marker seen before closes the lists opened after it.
 */
function paragraphs(nodes: readonly PlanParagraphNode[]): BlockContent[] {
  const out: BlockContent[] = [];
  let open: { marker: string; list: List }[] = [];
  for (const node of nodes) {
    const value = node.children.map(planNodeText).join('');
    const bullet = BULLET.exec(value);
    if (!bullet) {
      open = [];
      out.push(patch(node, { type: 'paragraph', children: value ? [text(value)] : [] } satisfies Paragraph));
      continue;
    }
    const marker = bullet[1] as string;
    const entry = patch(node, item([text(value.slice(bullet[0].length))]));
    const at = open.findIndex((o) => o.marker === marker);
    if (at >= 0) {
      open = open.slice(0, at + 1);
      open[at]?.list.children.push(entry);
      continue;
    }
    const nested = list([entry]);
    const parent = open.at(-1)?.list.children.at(-1);
    if (parent) parent.children.push(nested);
    else out.push(nested);
    open.push({ marker, list: nested });
  }
  return out;
}

const depthOf = (level: number): Heading['depth'] => Math.min(6, Math.max(1, level)) as Heading['depth'];

/** Turn a plan tree into an mdast tree (see docs/plan-tree.md, "Bridges"). */
export function planTreeToMdast(tree: PlanRoot, options: PlanToMdastOptions = {}): Root {
  const labels: PlanLabels = { ...planLabelsVi, ...options.labels };
  const prefix = options.clobberPrefix ?? 'plan-';
  const out: RootContent[] = [];

  const header = tree.children.find((c): c is PlanHeaderNode => c.type === 'planHeader');
  const headerPart = <Type extends PlanHeaderNode['children'][number]['type']>(type: Type) =>
    header?.children.find(
      (c): c is Extract<PlanHeaderNode['children'][number], { type: Type }> => c.type === type,
    );

  // Title, trích yếu, facts.
  const title = headerPart('planTitle');
  out.push({
    type: 'heading',
    depth: 1,
    children: title ? phrasing(title.children) : [text(tree.docType.label)],
  });
  const summary = headerPart('planSummary');
  if (summary)
    out.push({ type: 'paragraph', children: [{ type: 'strong', children: phrasing(summary.children) }] });
  const facts: ListItem[] = [item([strongLabel(labels.docType), text(` ${tree.docType.label}`)])];
  const issuer = headerPart('planIssuer');
  if (issuer) {
    const value = issuer.name ?? issuer.children.map(planNodeText).join(' – ');
    if (value) facts.push({ ...item([strongLabel(labels.issuer), text(` ${value}`)]), data: data(issuer) });
  }
  const number = headerPart('planDocNumber');
  if (number) {
    facts.push({
      ...item([strongLabel(labels.number), text(` ${planNodeText(number)}`)]),
      data: data(number),
    });
  }
  const place = headerPart('planPlace');
  if (place) facts.push(item([strongLabel(labels.place), text(` ${planNodeText(place)}`)]));
  const date = headerPart('planDate');
  if (date) {
    const value = `${planNodeText(date)}${date.iso ? ` (${date.iso})` : ''}`;
    facts.push({ ...item([strongLabel(labels.date), text(` ${value}`)]), data: data(date) });
  }
  out.push(list(facts));

  const paragraph = (children: readonly PlanPhrasingContent[]): Paragraph => ({
    type: 'paragraph',
    children: phrasing(children),
  });
  const section = (node: PlanSectionNode, level: number): RootContent[] => {
    const result: RootContent[] = [];
    const heading = node.children.find((c) => c.type === 'planHeading');
    const words = heading ? planNodeText(heading) : '';
    result.push(
      patch(node, {
        type: 'heading',
        depth: depthOf(level),
        children: [text(words ? `${node.number} ${words}` : node.number)],
        data: data(node, { id: `${prefix}${node.id}` }),
      } satisfies Heading),
    );
    let run: PlanParagraphNode[] = [];
    for (const child of node.children) {
      if (child.type === 'planParagraph') run.push(child);
      else if (child.type === 'planSection') {
        result.push(...paragraphs(run), ...section(child, level + 1));
        run = [];
      }
    }
    result.push(...paragraphs(run));
    return result;
  };
  const appendix = (node: PlanAppendixNode): RootContent[] => {
    const result: RootContent[] = [];
    let run: PlanParagraphNode[] = [];
    for (const child of node.children) {
      if (child.type === 'planParagraph') {
        run.push(child);
        continue;
      }
      result.push(...paragraphs(run));
      run = [];
      if (child.type === 'planHeading') {
        result.push({
          type: 'heading',
          depth: 2,
          children: phrasing(child.children),
          data: data(node, { id: `${prefix}${node.id}` }),
        });
      } else if (child.type === 'planNote') {
        result.push({
          type: 'paragraph',
          children: [{ type: 'emphasis', children: phrasing(child.children) }],
        });
      } else result.push(...section(child, 3));
    }
    result.push(...paragraphs(run));
    return result;
  };

  for (const node of tree.children) {
    switch (node.type) {
      case 'planPreamble':
      case 'planClosing':
        out.push(...paragraphs(node.children));
        break;
      case 'planSection':
        out.push(...section(node, 2));
        break;
      case 'planRecipients':
        out.push({ type: 'paragraph', children: [strongLabel(labels.recipients)] });
        out.push(
          list(
            node.children.map((r) => ({
              ...item([text(`${planNodeText(r)}${r.marker ? ` (${r.marker})` : ''}`)]),
              data: data(r, { dataPurpose: r.purpose ?? undefined }),
            })),
          ),
        );
        break;
      case 'planSignature': {
        const children: PhrasingContent[] = [];
        node.children.forEach((line, i) => {
          if (i > 0) children.push({ type: 'break' });
          children.push(text(planNodeText(line)));
        });
        out.push(patch(node, { type: 'paragraph', children, data: data(node) } satisfies Paragraph));
        break;
      }
      case 'planAppendix':
        out.push(...appendix(node));
        break;
      case 'planFootnote':
        out.push({
          type: 'footnoteDefinition',
          identifier: node.mark.toLowerCase(),
          label: node.mark,
          children: [paragraph(node.children)],
          data: data(node),
        } satisfies FootnoteDefinition);
        break;
      default:
        // The header is done; detached items appear in the lists below.
        break;
    }
  }

  // Derived lists: tasks, targets, references, with their fields in `data.plan`.
  const items = planTreeItems(tree);
  if (items.tasks.length > 0) {
    out.push({ type: 'heading', depth: 2, children: [text(labels.tasks)] });
    out.push(options.tasks === 'list' ? taskList(items.tasks, labels) : taskTable(items.tasks, labels));
  }
  if (items.targets.length > 0) {
    out.push({ type: 'heading', depth: 2, children: [text(labels.targets)] });
    out.push(
      list(
        items.targets.map(({ node, section }) => {
          const goal = formatGoal(node);
          return patch(node, {
            ...item([text(`${planNodeText(node)}${goal ? ` (${goal})` : ''}`)]),
            data: data(node, { dataSection: section }, { section }),
          });
        }),
      ),
    );
  }
  if (items.references.length > 0) {
    out.push({ type: 'heading', depth: 2, children: [text(labels.references)] });
    out.push(
      list(
        items.references.map(({ node, section }) =>
          patch(node, {
            ...item([
              text(planNodeText(node)),
              ...(node.implemented
                ? [text(' — '), { type: 'emphasis', children: [text(labels.implemented)] }]
                : []),
            ] as PhrasingContent[]),
            data: data(node, { dataSection: section, dataNumber: node.number?.raw }, { section }),
          }),
        ),
        true,
      ),
    );
  }

  return { type: 'root', children: out, data: { plan: fields(tree) } };
}

type TaskItem = { node: Extract<PlanItemNode, { type: 'planTask' }>; section: string };

function taskProperties({ node, section }: TaskItem): HProperties {
  return {
    dataSection: section,
    dataLead: node.lead ?? undefined,
    dataCoordinators: node.coordinators.join('; '),
    dataDeadline: deadlineIso(node.deadline),
    dataDeadlineKind: node.deadline?.kind,
    dataRecurrence: node.recurrence?.kind,
  };
}

function taskTable(tasks: readonly TaskItem[], labels: PlanLabels): Table {
  const cell = (value: string): TableCell => ({ type: 'tableCell', children: value ? [text(value)] : [] });
  const head: TableRow = {
    type: 'tableRow',
    children: [labels.section, labels.task, labels.lead, labels.coordinators, labels.deadline].map(cell),
  };
  const rows = tasks.map((task): TableRow => {
    const { node, section } = task;
    return patch(node, {
      type: 'tableRow',
      children: [
        cell(section),
        cell(planNodeText(node)),
        cell(node.lead ?? ''),
        cell(node.coordinators.join('; ')),
        cell(formatWhen(node.deadline, node.recurrence)),
      ],
      data: data(node, taskProperties(task), { section }),
    });
  });
  return { type: 'table', align: [null, null, null, null, null], children: [head, ...rows] };
}

function taskList(tasks: readonly TaskItem[], labels: PlanLabels): List {
  return list(
    tasks.map((task) => {
      const { node, section } = task;
      const children: PhrasingContent[] = [text(planNodeText(node))];
      const facts: [string, string][] = [
        [labels.section, section],
        [labels.lead, node.lead ?? ''],
        [labels.coordinators, node.coordinators.join('; ')],
        [labels.deadline, formatWhen(node.deadline, node.recurrence)],
      ];
      facts
        .filter(([, value]) => value)
        .forEach(([label, value], i) => {
          children.push(text(i === 0 ? ' — ' : '; '), strongLabel(label), text(` ${value}`));
        });
      const content: BlockContent = { type: 'paragraph', children };
      return patch(node, {
        type: 'listItem',
        checked: false,
        spread: false,
        children: [content],
        data: data(node, taskProperties(task), { section }),
      } satisfies ListItem);
    }),
  );
}

import type { Data, Literal, Node, Parent } from 'unist';
import type {
  AuthorityPrefix,
  Comparator,
  Deadline,
  DocNumber,
  DocType,
  LeadSource,
  PartialDate,
  PlanMessage,
  RecipientPurpose,
  Recurrence,
  Regime,
  SectionKind,
} from './plan.js';

/*
 * The plan tree: a unist tree of a plan, specified in docs/plan-tree.md. Every node interface is named after
 * its `type` (`planSection` → `PlanSectionNode`); the root is `PlanRoot`. Facts of a node are fields of the
 * node, as in mdast (`heading.depth`); `data` is left to plugins. Text is in `text` literals, so the tree
 * holds every printed string of the plan once; tasks, targets and references are spans of that text.
 */

// ---------------------------------------------------------------------------------------------------------
// Literal

/** Everything that is just text. The same shape as mdast's and hast's `text`. */
export interface PlanTextNode extends Literal {
  type: 'text';
  value: string;
  data?: Data | undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Root and header

/** The document. */
export interface PlanRoot extends Parent {
  type: 'planRoot';
  /** Name of the input (a file path or a label); informative only. */
  source: string;
  docType: DocType;
  regime: Regime;
  /** The parser's diagnostics (also reported as vfile messages by the unified plugin). */
  messages: PlanMessage[];
  children: PlanRootContent[];
  data?: Data | undefined;
}

/** The header block: issuer, number, place, date, title and trích yếu, each present when printed. */
export interface PlanHeaderNode extends Parent {
  type: 'planHeader';
  children: PlanHeaderContent[];
  data?: Data | undefined;
}

/** The issuer lines at the top left (`planLine` children); `name` is the issuing body. */
export interface PlanIssuerNode extends Parent {
  type: 'planIssuer';
  name: string | null;
  children: PlanLineNode[];
  data?: Data | undefined;
}

/** One printed line (of the issuer block or the signature block). */
export interface PlanLineNode extends Parent {
  type: 'planLine';
  children: PlanTextNode[];
  data?: Data | undefined;
}

/** The document number as printed (without "Số:") and its parts. */
export interface PlanDocNumberNode extends Parent {
  type: 'planDocNumber';
  number: string | null;
  year: number | null;
  symbol: string | null;
  /** The type abbreviation (`DocNumber.type`): "NQ", "KH"; null when the number carries none. */
  typeAbbreviation: string | null;
  issuers: string[];
  children: PlanTextNode[];
  data?: Data | undefined;
}

/** The place of the date line ("Lào Cai"). */
export interface PlanPlaceNode extends Parent {
  type: 'planPlace';
  children: PlanTextNode[];
  data?: Data | undefined;
}

/** The date of the document as printed, and its ISO form as precise as the print. */
export interface PlanDateNode extends Parent {
  type: 'planDate';
  iso: string | null;
  children: PlanTextNode[];
  data?: Data | undefined;
}

/** The title line(s) ("KẾ HOẠCH"). Location `title`. */
export interface PlanTitleNode extends Parent {
  type: 'planTitle';
  children: PlanPhrasingContent[];
  data?: Data | undefined;
}

/** The trích yếu. Location `summary`. */
export interface PlanSummaryNode extends Parent {
  type: 'planSummary';
  children: PlanPhrasingContent[];
  data?: Data | undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Body

/** The opening paragraphs ("Căn cứ …"). Location `preamble`. */
export interface PlanPreambleNode extends Parent {
  type: 'planPreamble';
  children: PlanParagraphNode[];
  data?: Data | undefined;
}

/** A numbered or lettered part of the body (or of an appendix). Location: its `id`. */
export interface PlanSectionNode extends Parent {
  type: 'planSection';
  id: string;
  /** The number as printed, with its punctuation: "III-", "3.1.", "a)", "Điều 5.". */
  number: string;
  kind: SectionKind;
  /** One `planHeading`, then `planParagraph`s, then `planSection`s. */
  children: PlanSectionContent[];
  data?: Data | undefined;
}

/** The text of a section after its number, or the title of an appendix. */
export interface PlanHeadingNode extends Parent {
  type: 'planHeading';
  children: PlanPhrasingContent[];
  data?: Data | undefined;
}

/** A paragraph (bullet markers kept as printed). */
export interface PlanParagraphNode extends Parent {
  type: 'planParagraph';
  children: PlanPhrasingContent[];
  data?: Data | undefined;
}

/** Paragraphs after the body ("Trên đây là …"). Location `closing`. */
export interface PlanClosingNode extends Parent {
  type: 'planClosing';
  children: PlanParagraphNode[];
  data?: Data | undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Closing parts

/** "Nơi nhận". */
export interface PlanRecipientsNode extends Parent {
  type: 'planRecipients';
  children: PlanRecipientNode[];
  data?: Data | undefined;
}

/** One recipient: its name as text, its marker and purpose as fields. */
export interface PlanRecipientNode extends Parent {
  type: 'planRecipient';
  marker: string | null;
  purpose: RecipientPurpose | null;
  children: PlanTextNode[];
  data?: Data | undefined;
}

/** The signature block: its printed lines, and what they say. */
export interface PlanSignatureNode extends Parent {
  type: 'planSignature';
  authority: { prefix: AuthorityPrefix; of: string }[];
  title: string | null;
  name: string | null;
  children: PlanLineNode[];
  data?: Data | undefined;
}

/** Material after the signature. Location: its `id` (`PL1`). */
export interface PlanAppendixNode extends Parent {
  type: 'planAppendix';
  id: string;
  /** One `planHeading` (the title), an optional `planNote`, `planParagraph`s, then `planSection`s. */
  children: PlanAppendixContent[];
  data?: Data | undefined;
}

/** The "(Kèm theo …)" line of an appendix. */
export interface PlanNoteNode extends Parent {
  type: 'planNote';
  children: PlanPhrasingContent[];
  data?: Data | undefined;
}

/** A footnote (`[1] …`). Location `fn<mark>`. */
export interface PlanFootnoteNode extends Parent {
  type: 'planFootnote';
  /** The mark as printed, without brackets ("1"). */
  mark: string;
  children: PlanPhrasingContent[];
  data?: Data | undefined;
}

/** Tasks, targets and references whose text could not be placed in the text of their location. */
export interface PlanDetachedNode extends Parent {
  type: 'planDetached';
  children: PlanItemNode[];
  data?: Data | undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Items (phrasing)

/**
 * Fields shared by tasks, targets and references. `section` is set only on detached items (in
 * `planDetached`); an item in the text takes its location from its nearest ancestor with one.
 */
export interface PlanItemFields {
  section?: string | undefined;
}

/** Who does what by when: a span of text (a paragraph, a sentence, a heading, a table cell). */
export interface PlanTaskNode extends Parent, PlanItemFields {
  type: 'planTask';
  lead: string | null;
  /** How the lead was found (see `PlanTask.leadSource`); absent on trees of plans stored before it. */
  leadSource?: LeadSource | undefined;
  coordinators: string[];
  deadline: Deadline | null;
  recurrence: Recurrence | null;
  /** What the task delivers, when stated. */
  product?: string | null | undefined;
  children: PlanPhrasingContent[];
  data?: Data | undefined;
}

/** A quantified goal: a span of text. */
export interface PlanTargetNode extends Parent, PlanItemFields {
  type: 'planTarget';
  horizon: number | null;
  metric: string | null;
  comparator: Comparator | null;
  value: number | null;
  unit: string | null;
  children: PlanPhrasingContent[];
  data?: Data | undefined;
}

/** The first mention of a cited document: a span of text. */
export interface PlanReferenceNode extends Parent, PlanItemFields {
  type: 'planReference';
  docType: DocType;
  number: DocNumber | null;
  date: PartialDate | null;
  issuer: string | null;
  name: string | null;
  /** The document carries this one out (`Plan.implements`). */
  implemented?: boolean | undefined;
  children: PlanPhrasingContent[];
  data?: Data | undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Content

export type PlanItemNode = PlanTaskNode | PlanTargetNode | PlanReferenceNode;
export type PlanPhrasingContent = PlanTextNode | PlanItemNode;
export type PlanHeaderContent =
  | PlanIssuerNode
  | PlanDocNumberNode
  | PlanPlaceNode
  | PlanDateNode
  | PlanTitleNode
  | PlanSummaryNode;
export type PlanSectionContent = PlanHeadingNode | PlanParagraphNode | PlanSectionNode;
export type PlanAppendixContent = PlanHeadingNode | PlanNoteNode | PlanParagraphNode | PlanSectionNode;
export type PlanRootContent =
  | PlanHeaderNode
  | PlanPreambleNode
  | PlanSectionNode
  | PlanClosingNode
  | PlanRecipientsNode
  | PlanSignatureNode
  | PlanAppendixNode
  | PlanFootnoteNode
  | PlanDetachedNode;

/** Every node of the plan tree by its `type`. */
export interface PlanNodeMap {
  text: PlanTextNode;
  planRoot: PlanRoot;
  planHeader: PlanHeaderNode;
  planIssuer: PlanIssuerNode;
  planLine: PlanLineNode;
  planDocNumber: PlanDocNumberNode;
  planPlace: PlanPlaceNode;
  planDate: PlanDateNode;
  planTitle: PlanTitleNode;
  planSummary: PlanSummaryNode;
  planPreamble: PlanPreambleNode;
  planSection: PlanSectionNode;
  planHeading: PlanHeadingNode;
  planParagraph: PlanParagraphNode;
  planClosing: PlanClosingNode;
  planRecipients: PlanRecipientsNode;
  planRecipient: PlanRecipientNode;
  planSignature: PlanSignatureNode;
  planAppendix: PlanAppendixNode;
  planNote: PlanNoteNode;
  planFootnote: PlanFootnoteNode;
  planDetached: PlanDetachedNode;
  planTask: PlanTaskNode;
  planTarget: PlanTargetNode;
  planReference: PlanReferenceNode;
}

export type PlanNodeType = keyof PlanNodeMap;
/** Any node of the plan tree. */
export type PlanNode = PlanNodeMap[PlanNodeType];
/** Any node of the plan tree that has children. */
export type PlanParent = Exclude<PlanNode, PlanTextNode>;

const PLAN_NODE_TYPES: ReadonlySet<string> = new Set<PlanNodeType>([
  'text',
  'planRoot',
  'planHeader',
  'planIssuer',
  'planLine',
  'planDocNumber',
  'planPlace',
  'planDate',
  'planTitle',
  'planSummary',
  'planPreamble',
  'planSection',
  'planHeading',
  'planParagraph',
  'planClosing',
  'planRecipients',
  'planRecipient',
  'planSignature',
  'planAppendix',
  'planNote',
  'planFootnote',
  'planDetached',
  'planTask',
  'planTarget',
  'planReference',
]);

/** Every node type of the plan tree. */
export const planNodeTypes: readonly PlanNodeType[] = [...PLAN_NODE_TYPES] as PlanNodeType[];

/**
 * Whether `value` is a node of the plan tree (of the given type, when given). A shallow check of `type`
 * (and `value` for text, `children` for parents), like `unist-util-is`: it does not validate the subtree.
 */
export function isPlanNode(value: unknown): value is PlanNode;
export function isPlanNode<Type extends PlanNodeType>(value: unknown, type: Type): value is PlanNodeMap[Type];
export function isPlanNode(value: unknown, type?: PlanNodeType): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const node = value as Partial<Node> & { value?: unknown; children?: unknown };
  if (typeof node.type !== 'string' || !PLAN_NODE_TYPES.has(node.type)) return false;
  if (type !== undefined && node.type !== type) return false;
  return node.type === 'text' ? typeof node.value === 'string' : Array.isArray(node.children);
}

/** The text of a node: the values of its `text` descendants, concatenated (like `mdast-util-to-string`). */
export function planNodeText(node: PlanNode): string {
  if (node.type === 'text') return node.value;
  let text = '';
  for (const child of node.children as PlanNode[]) text += planNodeText(child);
  return text;
}

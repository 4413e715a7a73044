import { CorrectionReason } from '@sohoa/model';
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

/*
 * What the HTML export lets through: GitHub's schema (rehype-sanitize's default), minus everything that
 * could load a resource (img, picture, source) or take input, plus only what the page needs: the page
 * shell (html, head, meta, title), a few semantic elements, the classes and data
 * attributes below. No event handlers, no style attributes, links only to this page (`#…`) or http(s).
 */

/** Every class the page uses; the sanitizer drops any other. */
export const CLASSES = [
  'page-header',
  'facts',
  'layout',
  'text',
  'tasks',
  'side',
  'doc-text',
  'page-break',
  'legend',
  'corr',
  'applied',
  'suggested',
  'deleted',
  'c-high',
  'c-mid',
  'c-low',
  'k-task',
  'k-lead',
  'k-coordinator',
  'k-deadline',
  'k-recurrence',
  'k-target',
  'k-reference',
  'messages',
  'm-error',
  'm-warning',
  'm-info',
  ...CorrectionReason.options.map((reason) => `r-${reason}`),
] as const;

const DATA = [
  'dataPage',
  'dataSection',
  'dataLead',
  'dataDue',
  'dataDeadline',
  'dataReason',
  'dataConfidence',
  'dataOriginal',
  'dataReplacement',
  'dataApplied',
  'dataSource',
  'dataRule',
  'dataLine',
  'dataSeverity',
  'dataTask',
  'dataCorrection',
];

const REMOVED = new Set(['img', 'picture', 'source', 'input']);

export const htmlSchema: Schema = {
  ...defaultSchema,
  allowDoctypes: true,
  // Ids are all made by the export (`sohoa-…`), never taken from the document, so they are not
  // prefixed; the in-page links of the task table point at them.
  clobber: [],
  clobberPrefix: '',
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((tag) => !REMOVED.has(tag)),
    'html',
    'head',
    'body',
    'meta',
    'title',
    'header',
    'main',
    'aside',
    'article',
    'mark',
    'time',
    'cite',
    'small',
    'caption',
  ],
  attributes: {
    // GitHub's per-element class lists (`footnotes`, `task-list-item` …) would override the page's.
    ...Object.fromEntries(
      Object.entries(defaultSchema.attributes ?? {})
        .filter(([tag]) => !REMOVED.has(tag) && tag !== '*')
        .map(([tag, list]) => [tag, list.filter((a) => !(Array.isArray(a) && a[0] === 'className'))]),
    ),
    meta: ['charSet', 'name', 'content'],
    '*': [...(defaultSchema.attributes?.['*'] ?? []), ['className', ...CLASSES], ...DATA],
  },
  protocols: { href: ['http', 'https'] },
  // Removed with their content: never part of the page.
  strip: ['script', 'iframe', 'object', 'embed', 'noscript', 'template'],
};

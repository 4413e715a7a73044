/**
 * Notes to and from the W3C Web Annotation model's JSON-LD (https://www.w3.org/TR/annotation-model/):
 * an AnnotationCollection whose first (and only) AnnotationPage embeds the annotations, so other
 * annotation tools can read the notes and notes can come back from them.
 *
 * The page and box are FragmentSelectors. A page of a PDF is `page=N` by the PDF fragment
 * specification (RFC 3778, the one the model lists for PDF); a rectangle on an image is
 * `xywh=pixel:x,y,w,h` by Media Fragments. No single fragment syntax has both (Media Fragments has
 * no page, RFC 3778's `viewrect` is in PDF points, not scan pixels), so the box is a `refinedBy`
 * of the page: the rectangle within that page's scan.
 */

import * as z from 'zod';
import { AnnotationError, fromZod } from './errors.js';
import { Box, Note, type PageSelector, type Selector } from './schema.js';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** RFC 3778, written as the Web Annotation model lists it. */
export const PDF_FRAGMENT = 'http://tools.ietf.org/rfc/rfc3778';
export const MEDIA_FRAGMENT = 'http://www.w3.org/TR/media-frags/';
/** JSON-LD prefix of the one term the model lacks: the plan task a note is about (`sohoa:task`). */
export const SOHOA_NAMESPACE = 'urn:sohoa:annotation:';

export interface WebTextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}
export interface WebTextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}
export interface WebFragmentSelector {
  type: 'FragmentSelector';
  conformsTo: string;
  value: string;
  refinedBy?: WebFragmentSelector;
}
export type WebSelector = WebTextQuoteSelector | WebTextPositionSelector | WebFragmentSelector;

export interface Software {
  type: 'Software';
  name: string;
  id?: string;
  homepage?: string;
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'commenting';
  created: string;
  modified: string;
  generator?: Software;
  body: { type: 'TextualBody'; value: string; format: 'text/plain'; language: 'vi' };
  target: { source: string; selector: WebSelector[] };
  'sohoa:task'?: string;
}

export interface WebAnnotationPage {
  id: string;
  type: 'AnnotationPage';
  startIndex: 0;
  items: WebAnnotation[];
}

export interface WebAnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT | [typeof ANNOTATION_CONTEXT, { sohoa: typeof SOHOA_NAMESPACE }];
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  /** Absent when there are no notes: a page must list at least one annotation. */
  first?: WebAnnotationPage;
}

export interface ToWebAnnotationsOptions {
  /** The document the notes are on: the collection's label, and its id unless `id` is given. */
  source: string;
  /** The collection's IRI; `urn:sohoa:notes:<source>` by default. */
  id?: string;
  label?: string;
  /** The software writing the collection (W3C `generator`), on every annotation. */
  generator?: { name: string; id?: string; homepage?: string };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const UUID_URN = 'urn:uuid:';
const NOTE_URN = 'urn:sohoa:note:';

/**
 * A note id as an annotation IRI (the model requires one): a UUID as `urn:uuid:…`, an IRI as is,
 * anything else — and an IRI that would read back as something else — under `urn:sohoa:note:`.
 * `noteId` undoes it.
 */
function annotationId(id: string): string {
  if (UUID.test(id)) return UUID_URN + id;
  if (IRI.test(id) && !id.startsWith(UUID_URN) && !id.startsWith(NOTE_URN)) return id;
  return NOTE_URN + encodeURIComponent(id);
}

function noteId(iri: string): string {
  if (iri.startsWith(UUID_URN)) return iri.slice(UUID_URN.length);
  if (iri.startsWith(NOTE_URN)) return decodeURIComponent(iri.slice(NOTE_URN.length));
  return iri;
}

function webSelector(s: Selector): WebSelector {
  if (s.type !== 'PageSelector') return { ...s };
  const page: WebFragmentSelector = {
    type: 'FragmentSelector',
    conformsTo: PDF_FRAGMENT,
    value: `page=${s.page}`,
  };
  if (s.box !== undefined) {
    const { x, y, w, h } = s.box;
    page.refinedBy = {
      type: 'FragmentSelector',
      conformsTo: MEDIA_FRAGMENT,
      value: `xywh=pixel:${x},${y},${w},${h}`,
    };
  }
  return page;
}

/**
 * Notes as a Web Annotation collection (JSON-LD; `JSON.stringify` it). The notes are checked
 * with the `Note` schema first: an `AnnotationError` (`invalid-notes`) names the first problem.
 */
export function toWebAnnotations(
  notes: readonly Note[],
  options: ToWebAnnotationsOptions,
): WebAnnotationCollection {
  const checked = z.array(Note).safeParse(notes);
  if (!checked.success) throw fromZod('invalid-notes', 'notes do not fit the Note schema', checked.error);
  if (typeof options?.source !== 'string' || options.source === '') {
    throw new AnnotationError('invalid-notes', 'options.source must name the document', ['source']);
  }
  const generator: Software | undefined = options.generator && {
    type: 'Software',
    name: options.generator.name,
    ...(options.generator.id !== undefined && { id: options.generator.id }),
    ...(options.generator.homepage !== undefined && { homepage: options.generator.homepage }),
  };
  const items = checked.data.map(
    (note): WebAnnotation => ({
      id: annotationId(note.id),
      type: 'Annotation',
      motivation: 'commenting',
      created: note.created,
      modified: note.modified,
      ...(generator && { generator }),
      body: { type: 'TextualBody', value: note.body, format: 'text/plain', language: 'vi' },
      target: { source: note.target.source, selector: note.target.selector.map(webSelector) },
      ...(note.taskId !== undefined && { 'sohoa:task': note.taskId }),
    }),
  );
  const id = options.id ?? `urn:sohoa:notes:${encodeURIComponent(options.source)}`;
  const collection: WebAnnotationCollection = {
    '@context': items.some((a) => a['sohoa:task'] !== undefined)
      ? [ANNOTATION_CONTEXT, { sohoa: SOHOA_NAMESPACE }]
      : ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: options.label ?? options.source,
    total: items.length,
  };
  if (items.length > 0) {
    collection.first = {
      id: `${id}${id.includes('#') ? '-' : '#'}page1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items,
    };
  }
  return collection;
}

// ---------------------------------------------------------------------------------------------------------
// Reading: what this package writes, and what other tools write within the model — a selector or a
// list of them, a body or `bodyValue`, times with an offset, selectors this package has no use for
// (RangeSelector, CssSelector …: alternatives, skipped).

const typeIs = (name: string) =>
  z.union([
    z.literal(name),
    z.array(z.string()).refine((a) => a.includes(name), `type must include ${name}`),
  ]);

const Context = z.union([
  z.literal(ANNOTATION_CONTEXT),
  z
    .array(z.unknown())
    .refine((a) => a.includes(ANNOTATION_CONTEXT), `@context must include ${ANNOTATION_CONTEXT}`),
]);

/** xsd:dateTime; the model wants UTC with Z, other tools write +00:00: read as the same instant. */
const DateTime = z.iso
  .datetime({ offset: true })
  .transform((s) => (s.endsWith('Z') ? s : new Date(s).toISOString()));

const QuoteIn = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string().default(''),
  suffix: z.string().default(''),
});
const PositionIn = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
const FragmentIn = z.object({
  type: z.literal('FragmentSelector'),
  value: z.string(),
  conformsTo: z.string().optional(),
  /** Read in `pageOf`: only a Media Fragments box matters here. */
  refinedBy: z.unknown().optional(),
});
/** Issues of a nested parse, added where they belong. */
function reissue(ctx: z.RefinementCtx, issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]): void {
  for (const issue of issues)
    ctx.addIssue({ ...issue, path: [...prefix, ...issue.path] } as z.core.$ZodRawIssue);
}

/**
 * One value or a list of them, as the model allows for targets and selectors. Parsed one by one
 * (not a union of the two forms) so a problem is reported where it is, not as "no form matched".
 */
function oneOrMany<T extends z.ZodType>(item: T, count: { min: number; max?: number }) {
  return z.unknown().transform((value, ctx) => {
    const many = Array.isArray(value);
    const list: unknown[] = many ? value : [value];
    if (list.length < count.min || (count.max !== undefined && list.length > count.max)) {
      ctx.addIssue({
        code: 'custom',
        message: `expected ${count.max === count.min ? count.min : `at least ${count.min}`}, found ${list.length}`,
      });
      return z.NEVER;
    }
    const items: z.output<T>[] = [];
    list.forEach((v, i) => {
      const parsed = item.safeParse(v);
      if (parsed.success) items.push(parsed.data);
      else reissue(ctx, parsed.error.issues, many ? [i] : []);
    });
    return { many, items };
  });
}

type SelectorRead =
  | z.output<typeof QuoteIn>
  | z.output<typeof PositionIn>
  | z.output<typeof FragmentIn>
  | null;

/** A selector by its type; null for one this package has no use for (RangeSelector, CssSelector …: alternatives). */
const SelectorIn = z.looseObject({ type: z.string() }).transform((s, ctx): SelectorRead => {
  const parsed =
    s.type === 'TextQuoteSelector'
      ? QuoteIn.safeParse(s)
      : s.type === 'TextPositionSelector'
        ? PositionIn.safeParse(s)
        : s.type === 'FragmentSelector'
          ? FragmentIn.safeParse(s)
          : null;
  if (parsed === null) return null;
  if (!parsed.success) {
    reissue(ctx, parsed.error.issues, []);
    return z.NEVER;
  }
  return parsed.data;
});

const TextualBodyIn = z.object({
  type: z.literal('TextualBody').optional(),
  value: z.string(),
  purpose: z.string().optional(),
});

const TargetIn = z.object({
  source: z.string().min(1),
  selector: oneOrMany(SelectorIn, { min: 1 }),
});

const XYWH = /^xywh=(?:pixel:)?(\d+),(\d+),(\d+),(\d+)$/;

/** The page (and box) of a FragmentSelector, or null for one about something else. */
function pageOf(
  f: z.infer<typeof FragmentIn>,
  ctx: z.RefinementCtx,
  path: PropertyKey[],
): PageSelector | null {
  const pdf = f.conformsTo === PDF_FRAGMENT || f.conformsTo === PDF_FRAGMENT.replace('http:', 'https:');
  // Some tools put page and xywh in one Media Fragments value; read that too.
  const media = f.conformsTo === MEDIA_FRAGMENT;
  if (!pdf && !media) return null;
  const params = new URLSearchParams(f.value);
  const page = params.get('page');
  if (page === null) {
    if (pdf) ctx.addIssue({ code: 'custom', message: `no page= in "${f.value}"`, path: [...path, 'value'] });
    return null;
  }
  if (!/^[1-9]\d*$/.test(page)) {
    ctx.addIssue({
      code: 'custom',
      message: `page must be a positive integer, not "${page}"`,
      path: [...path, 'value'],
    });
    return null;
  }
  const selector: PageSelector = { type: 'PageSelector', page: Number(page) };
  const refined = [f.refinedBy ?? []].flat() as unknown[];
  const xywh = [
    ...(params.get('xywh') !== null
      ? [{ value: `xywh=${params.get('xywh')}`, path: [...path, 'value'] }]
      : []),
    ...refined.flatMap((r, i) => {
      const parsed = FragmentIn.safeParse(r);
      return parsed.success && parsed.data.conformsTo === MEDIA_FRAGMENT
        ? [
            {
              value: parsed.data.value,
              path: [...path, 'refinedBy', ...(Array.isArray(f.refinedBy) ? [i] : []), 'value'],
            },
          ]
        : [];
    }),
  ];
  for (const { value, path: at } of xywh.slice(0, 1)) {
    const m = XYWH.exec(value);
    const box = m && Box.safeParse({ x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) });
    if (!box?.success) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is no box in pixels (xywh=pixel:x,y,w,h with w, h > 0; percent boxes need the page size)`,
        path: at,
      });
      return null;
    }
    selector.box = box.data;
  }
  return selector;
}

const AnnotationObject = z.object({
  id: z.string().min(1),
  type: typeIs('Annotation'),
  motivation: z.union([z.string(), z.array(z.string())]).optional(),
  created: DateTime,
  modified: DateTime.optional(),
  body: z.union([TextualBodyIn, z.array(z.unknown())]).optional(),
  bodyValue: z.string().optional(),
  target: oneOrMany(TargetIn, { min: 1, max: 1 }),
  'sohoa:task': z.string().min(1).optional(),
});

function toNote(a: z.infer<typeof AnnotationObject>, ctx: z.RefinementCtx): Note {
  // The note's text: bodyValue, or the one textual body that is a comment (tags and the like are not).
  let body: string | undefined = a.bodyValue;
  if (body === undefined) {
    const bodies = [a.body ?? []]
      .flat()
      .map((b) => TextualBodyIn.safeParse(b))
      .flatMap((r) =>
        r.success && (r.data.purpose === undefined || r.data.purpose === 'commenting') ? [r.data] : [],
      );
    if (bodies.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: `one textual comment body is needed, found ${bodies.length}`,
        path: ['body'],
      });
      return z.NEVER;
    }
    body = bodies[0]!.value;
  }
  const target = a.target.items[0]!;
  const targetPath = a.target.many ? ['target', 0] : ['target'];
  const selector: Selector[] = [];
  // Several selectors of a kind are alternatives (model 4.2): the first of each is kept.
  target.selector.items.forEach((s, i) => {
    const path = [...targetPath, 'selector', ...(target.selector.many ? [i] : [])];
    if (s === null) return;
    if (s.type === 'TextQuoteSelector' || s.type === 'TextPositionSelector') {
      if (!selector.some((t) => t.type === s.type)) selector.push(s);
    } else {
      const page = pageOf(s, ctx, path);
      if (page !== null && !selector.some((t) => t.type === 'PageSelector')) selector.push(page);
    }
  });
  if (!selector.some((s) => s.type === 'TextQuoteSelector')) {
    ctx.addIssue({
      code: 'custom',
      message: 'a TextQuoteSelector is needed',
      path: [...targetPath, 'selector'],
    });
    return z.NEVER;
  }
  return {
    id: noteId(a.id),
    body,
    created: a.created,
    modified: a.modified ?? a.created,
    target: { source: target.source, selector },
    ...(a['sohoa:task'] !== undefined && { taskId: a['sohoa:task'] }),
  };
}

const AnnotationIn = AnnotationObject.transform(toNote).pipe(Note);

const PageObject = z.object({
  type: typeIs('AnnotationPage'),
  items: z.array(AnnotationIn),
  next: z.unknown().optional(),
});

const CollectionIn = z
  .object({
    '@context': Context,
    type: typeIs('AnnotationCollection'),
    total: z.number().int().nonnegative().optional(),
    first: PageObject.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.first?.next !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'only one embedded page is read; this one has a next',
        path: ['first', 'next'],
      });
    } else if (c.total !== undefined && c.total !== (c.first?.items.length ?? 0)) {
      ctx.addIssue({
        code: 'custom',
        message: `total says ${c.total} annotations, the page has ${c.first?.items.length ?? 0}`,
        path: ['total'],
      });
    }
  })
  .transform((c) => c.first?.items ?? []);

/** A page or an annotation on its own must carry the context; embedded ones need not. */
const PageIn = PageObject.extend({ '@context': Context }).transform((p) => p.items);
const StandaloneAnnotationIn = AnnotationObject.extend({ '@context': Context })
  .transform(toNote)
  .pipe(Note)
  .transform((n) => [n]);

function schemaFor(json: unknown) {
  if (Array.isArray(json)) return z.array(AnnotationIn);
  const type = json !== null && typeof json === 'object' ? (json as { type?: unknown }).type : undefined;
  const types = [type].flat();
  if (types.includes('AnnotationCollection')) return CollectionIn;
  if (types.includes('AnnotationPage')) return PageIn;
  if (types.includes('Annotation')) return StandaloneAnnotationIn;
  return null;
}

/**
 * Notes from Web Annotation JSON (parsed): a collection with its first page embedded, a page, one
 * annotation, or an array of annotations. Each needs an id, `created`, one textual comment body
 * and a target with a TextQuoteSelector; a PDF page FragmentSelector (and a Media Fragments box
 * refining it) becomes the page selector. Throws an `AnnotationError` (`invalid-web-annotation`)
 * with zod's issues, each with its path in `json`.
 */
export function fromWebAnnotations(json: unknown): Note[] {
  const schema = schemaFor(json);
  if (schema === null) {
    throw new AnnotationError(
      'invalid-web-annotation',
      'expected an AnnotationCollection, an AnnotationPage, an Annotation or an array of annotations',
      ['type'],
    );
  }
  const first = (json as { first?: unknown }).first;
  if (schema === CollectionIn && typeof first === 'string') {
    const message = 'pages given by IRI are not fetched: embed the first page';
    throw new AnnotationError(
      'invalid-web-annotation',
      message,
      ['first'],
      [{ code: 'custom', message, path: ['first'], input: first }],
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw fromZod('invalid-web-annotation', 'not readable as notes', parsed.error);
  return parsed.data;
}

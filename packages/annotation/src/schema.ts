/**
 * The note model: a user's text attached to a passage of a digitised document, with the selectors
 * of the W3C Web Annotation model (https://www.w3.org/TR/annotation-model/) that find the passage
 * again after the text changes. Stored by the application as it is; `toWebAnnotations` writes the
 * standard JSON-LD.
 */

// `* as z`, not `{ z }`: bundlers then keep only the members used, not zod's locales.
import * as z from 'zod';

/**
 * The passage quoted with the text around it. All three are NFC (see `anchor`): the same words in
 * NFD (as OCR engines and PDF text layers give them) compare equal.
 */
export const TextQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  /** Up to 32 characters before the passage (fewer at the start of the text). */
  prefix: z.string(),
  /** Up to 32 characters after it (fewer at the end). */
  suffix: z.string(),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;

/**
 * Where the passage was, in Unicode code points of the NFC text as the Web Annotation model
 * counts them — not UTF-16 units: the same for Vietnamese letters, one fewer per Hán-Nôm
 * character outside the Basic Multilingual Plane. A hint: the quote decides.
 */
export const TextPositionSelector = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((s) => s.end >= s.start, { message: 'end must not be before start', path: ['end'] });
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;

/** A rectangle on the page scan, in the scan's pixels (whole pixels, as media fragments count). */
export const Box = z.object({
  x: z.number().int().nonnegative(),
  y: z.number().int().nonnegative(),
  w: z.number().int().positive(),
  h: z.number().int().positive(),
});
export type Box = z.infer<typeof Box>;

/**
 * The page the passage starts on (1-based; pages are separated by a form feed, `\n\f\n` in an
 * OcrDocument's text) and, when the application knows it, the passage's box on that page's scan.
 * Exported as a FragmentSelector (PDF `page=`, refined by a media fragment `xywh=`).
 */
export const PageSelector = z.object({
  type: z.literal('PageSelector'),
  page: z.number().int().positive(),
  box: Box.optional(),
});
export type PageSelector = z.infer<typeof PageSelector>;

export const Selector = z.discriminatedUnion('type', [TextQuoteSelector, TextPositionSelector, PageSelector]);
export type Selector = z.infer<typeof Selector>;

/** Selectors with one quote (what anchoring relies on) and at most one of each other kind. */
export const Selectors = z.array(Selector).superRefine((selectors, ctx) => {
  const counts = new Map<string, number>();
  for (const s of selectors) counts.set(s.type, (counts.get(s.type) ?? 0) + 1);
  if (counts.get('TextQuoteSelector') !== 1) {
    ctx.addIssue({ code: 'custom', message: 'exactly one TextQuoteSelector is needed' });
  }
  for (const [type, n] of counts) {
    if (n > 1 && type !== 'TextQuoteSelector')
      ctx.addIssue({ code: 'custom', message: `more than one ${type}` });
  }
});

export const NoteTarget = z.object({
  /** The document: its URI, or a name the application resolves. */
  source: z.string().min(1),
  selector: Selectors,
});
export type NoteTarget = z.infer<typeof NoteTarget>;

export const Note = z.object({
  /** Unique among the document's notes; a UUID or an IRI exports as is (see `toWebAnnotations`). */
  id: z.string().min(1),
  /** The user's text, plain. */
  body: z.string(),
  /** ISO 8601 in UTC with `Z`, as the Web Annotation model requires (`new Date().toISOString()`). */
  created: z.iso.datetime(),
  modified: z.iso.datetime(),
  target: NoteTarget,
  /** Set when the note is about a task of the parsed plan: the application's id of the task. */
  taskId: z.string().min(1).optional(),
});
export type Note = z.infer<typeof Note>;

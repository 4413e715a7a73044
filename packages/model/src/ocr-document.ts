// `* as z`, not `{ z }`: bundlers then keep only the members used, not zod's 60-odd locales (browser-bundle.test.ts).
import * as z from 'zod';

/** Axis-aligned box in page pixels: left, top, right, bottom (exclusive). */
export const BBox = z
  .object({
    x0: z.number(),
    y0: z.number(),
    x1: z.number(),
    y1: z.number(),
  })
  .refine((b) => b.x1 >= b.x0 && b.y1 >= b.y0, { message: 'box corners out of order' });
export type BBox = z.infer<typeof BBox>;

/** Confidence on a 0–100 scale, as tesseract reports it. Text-layer words get 100. */
const Confidence = z.number().min(0).max(100);

export const OcrChoice = z.object({ text: z.string(), confidence: Confidence });
export type OcrChoice = z.infer<typeof OcrChoice>;

export const OcrWord = z.object({
  text: z.string().min(1),
  bbox: BBox,
  confidence: Confidence,
  /** Alternatives for the whole word when the engine offered some, best first. */
  choices: z.array(OcrChoice).optional(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
});
export type OcrWord = z.infer<typeof OcrWord>;

export const OcrLine = z.object({
  bbox: BBox,
  words: z.array(OcrWord),
  /** Baseline slope and offset as tesseract gives them, when known. */
  baseline: z.object({ slope: z.number(), offset: z.number() }).optional(),
});
export type OcrLine = z.infer<typeof OcrLine>;

export const BlockRole = z.enum(['header-left', 'header-right', 'column-left', 'column-right', 'body']);
export type BlockRole = z.infer<typeof BlockRole>;

export const OcrBlock = z.object({
  bbox: BBox,
  lines: z.array(OcrLine),
  /** Where the block sits in the document's layout; header columns are kept apart. */
  role: BlockRole.default('body'),
});
export type OcrBlock = z.infer<typeof OcrBlock>;

export const PageSource = z.enum(['ocr', 'text-layer']);
export type PageSource = z.infer<typeof PageSource>;

export const OcrPage = z.object({
  /** 1-based page number within its input file. */
  number: z.number().int().positive(),
  width: z.number().positive(),
  height: z.number().positive(),
  dpi: z.number().positive(),
  source: PageSource,
  /** Legacy encoding the text layer was converted from, when it was. */
  encoding: z.enum(['unicode', 'tcvn3', 'vni']).optional(),
  /** Skew angle (degrees) corrected before recognition. */
  skew: z.number().optional(),
  confidence: Confidence,
  blocks: z.array(OcrBlock),
  /** Plain text of the page in reading order. */
  text: z.string(),
});
export type OcrPage = z.infer<typeof OcrPage>;

export const OcrDocument = z.object({
  type: z.literal('ocr-document'),
  /** Name of the input (a file path or a label); informative only. */
  source: z.string(),
  language: z.string(),
  pages: z.array(OcrPage),
  /** Plain text of the whole document: pages joined by a form feed line. */
  text: z.string(),
});
export type OcrDocument = z.infer<typeof OcrDocument>;

/**
 * The correction record: what the corrector changed or suggests, where, how sure it is and why.
 * Crosses package boundaries (CLI JSON, HTML export, extension): made by `@sohoa/correct`.
 */

// `* as z`, not `{ z }`: bundlers then keep only the members used, not zod's 60-odd locales (browser-bundle.test.ts).
import * as z from 'zod';

export const CorrectionReason = z.enum([
  /** Decomposed marks composed (NFC). */
  'unicode',
  /** Tone mark moved to the document's placement style (hoà ↔ hòa). */
  'tone-style',
  /** A horn written as an apostrophe or asterisk (nưó’c → nước). */
  'lookalike',
  /** Only the tone changed (triến → triển). */
  'tone',
  /** A vowel mark or đ changed, maybe with the tone (chât → chất, dầu → đầu). */
  'mark',
  /** Letters changed (hảo → bảo, phấrn → phẩm, íà → là, CỊ1 → cụ). */
  'letter',
  /** Pieces of one syllable joined (tri en → triển). */
  'join',
  /** Two words OCR ran together split (trongy → trong y). */
  'split',
  /** An acronym's marks repaired (ƯBND → UBND). */
  'acronym',
  /** Letter case (CO' → cơ mid-sentence, ứng → Ứng after a full stop). */
  'case',
  /** A heading numeral (IU → II-, L → 1.). */
  'heading',
  /** A document number's code (36-NQ/7W → 36-NQ/TW). */
  'docnumber',
  /** Punctuation (a lone “ between words → -). */
  'punctuation',
  /** Debris from stamps, signatures, margins. */
  'junk',
]);
export type CorrectionReason = z.infer<typeof CorrectionReason>;

export const CorrectionAlternative = z.object({
  text: z.string(),
  confidence: z.number().min(0).max(1),
});
export type CorrectionAlternative = z.infer<typeof CorrectionAlternative>;

export const Correction = z.object({
  /** UTF-16 offsets of the original span in the input text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** 1-based line and column of `start` in the input. */
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  /** Where the span is in the output: the replacement when applied, the original otherwise. */
  outputStart: z.number().int().nonnegative(),
  outputEnd: z.number().int().nonnegative(),
  original: z.string(),
  replacement: z.string(),
  /** How sure the corrector is that `replacement` is right (0–1). */
  confidence: z.number().min(0).max(1),
  reason: CorrectionReason,
  /** Applied to the output (confidence ≥ threshold) or only suggested. */
  applied: z.boolean(),
  /** Other readings the corrector weighed, most likely first (the original included when it was one). */
  alternatives: z.array(CorrectionAlternative),
  /** One line for a reviewer. */
  note: z.string(),
});
export type Correction = z.infer<typeof Correction>;

export const CorrectionList = z.array(Correction);

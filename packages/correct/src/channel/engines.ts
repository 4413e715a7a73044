/**
 * Channel cost tables by OCR engine. Each engine misreads Vietnamese its own way (which marks it
 * drops, which letters it confuses, how its confidences relate to errors), so each has a table
 * calibrated on its own readings of the same held-out pages (`scripts/make-pairs.mjs --calibrate`,
 * with `--engine native` for the tesseract CLI):
 *
 * - `'sohoa'`: sohoa's OCR (tesseract.js with its preprocessing) — `costs.json`, the default;
 * - `'tesseract'`: the native `tesseract` 5 CLI with Debian's `vie` model on the page as scanned —
 *   `costs.native.json`.
 */

import { CorrectError } from '../errors.js';
import native from './costs.native.json' with { type: 'json' };
import { type ChannelTable, DEFAULT_TABLE, PRIOR_TABLE } from './table.js';

/** The OCR engines with a calibrated channel table. */
export const OCR_ENGINES = ['sohoa', 'tesseract'] as const;
export type OcrEngine = (typeof OCR_ENGINES)[number];

/** The table calibrated on native tesseract's readings (Debian's `vie`), or the prior if missing. */
export const TESSERACT_TABLE: ChannelTable =
  (native as { version?: number }).version === 1 ? (native as unknown as ChannelTable) : PRIOR_TABLE;

/** The calibrated channel table of an OCR engine (default: sohoa's own, `DEFAULT_TABLE`). */
export function tableForEngine(engine: OcrEngine = 'sohoa'): ChannelTable {
  if (engine === 'sohoa') return DEFAULT_TABLE;
  if (engine === 'tesseract') return TESSERACT_TABLE;
  throw new CorrectError(
    'invalid-options',
    `Option engine must be ${OCR_ENGINES.map((e) => `'${e}'`).join(' or ')}.`,
    ['options', 'engine'],
  );
}

import type { BBox, BlockRole, PageSource } from '@sohoa/model';

/** A word of the corrected text where the OCR saw it. */
export interface CorrectedWord {
  /** The corrected word (a whitespace-free piece of `DigitisedDocument.text`). */
  text: string;
  /** In the page's coordinates: pixels of the page image, or PDF points on text-layer pages. */
  bbox: BBox;
  /**
   * 0–100 like the OCR's. The OCR word's confidence when the word is as read; the corrector's
   * confidence (× 100) when a correction made it, since the engine's figure was for other letters.
   */
  confidence: number;
  /** What the OCR read there, when the correction changed it (joined words keep their space). */
  original?: string;
}

export interface CorrectedLine {
  bbox: BBox;
  words: CorrectedWord[];
}

export interface CorrectedBlock {
  bbox: BBox;
  role: BlockRole;
  lines: CorrectedLine[];
}

export interface CorrectedPage {
  /** 1-based page number within the input file. */
  number: number;
  width: number;
  height: number;
  dpi: number;
  source: PageSource;
  blocks: CorrectedBlock[];
}

/** The OCR layout with the corrected words: what hOCR, ALTO and the searchable PDF are made from. */
export interface CorrectedLayout {
  source: string;
  pages: CorrectedPage[];
}

/** Why the corrected layout cannot be made. */
export class GeometryError extends Error {
  constructor(
    readonly code: 'no-geometry' | 'text-mismatch',
    message: string,
  ) {
    super(message);
    this.name = 'GeometryError';
  }
}

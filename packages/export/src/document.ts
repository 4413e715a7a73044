import type { Correction, OcrDocument, Plan } from '@sohoa/model';

/** Where a diagnostic came from: a stage of the pipeline. */
export type MessageSource = 'sohoa-ocr' | 'sohoa-correct' | 'sohoa-parse' | 'sohoa';

/** Each stage's name in Vietnamese, for the exports' message lists. */
export const MESSAGE_SOURCE_VI: Record<MessageSource, string> = {
  'sohoa-ocr': 'nhận dạng',
  'sohoa-correct': 'sửa lỗi',
  'sohoa-parse': 'phân tích',
  sohoa: 'sohoa',
};

/** One diagnostic for a reader (the HTML side list, the CLI summary), flattened from any stage. */
export interface DocumentMessage {
  source: MessageSource;
  /** Stable rule name, e.g. `unplaced-text`, `tone`, `low-confidence`. */
  ruleId: string;
  /** One line for a reader. */
  reason: string;
  severity: 'info' | 'warning' | 'error';
  /** 1-based line in `text` (the corrected text), when the message has a place. */
  line?: number;
}

/**
 * Everything the exports are made from: one digitised document. Every format reads this
 * and nothing else, so they agree with each other.
 */
export interface DigitisedDocument {
  /** The input's name (a file path or a label). */
  source: string;
  /** The OCR document with its geometry; absent when the input was plain text. */
  ocr?: OcrDocument;
  /** The text before correction: `ocr.text`, or the input text. */
  originalText: string;
  /** The corrected text, which the plan was parsed from. */
  text: string;
  /** Every correction, applied or suggested; offsets point into `originalText` and `text`. */
  corrections: Correction[];
  plan: Plan;
  messages: DocumentMessage[];
}

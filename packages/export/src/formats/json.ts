import type { DigitisedDocument } from '../document.js';
import { DocumentJson } from '../json-schema.js';

export interface JsonOptions {
  /** Indentation of the output (default 2; 0 for one line). */
  indent?: number;
}

/**
 * The whole digitised document as JSON (`{ type: 'sohoa-document', source, text, originalText,
 * corrections, plan, messages, pages? }`): the format other tools read. The object is checked with
 * the `DocumentJson` schema on the way out, so a malformed input fails here, not in the reader.
 */
export function toJson(doc: DigitisedDocument, options: JsonOptions = {}): string {
  const value = DocumentJson.parse({
    type: 'sohoa-document',
    source: doc.source,
    text: doc.text,
    originalText: doc.originalText,
    corrections: doc.corrections,
    plan: doc.plan,
    messages: doc.messages,
    ...(doc.ocr ? { pages: doc.ocr.pages } : {}),
  });
  return `${JSON.stringify(value, null, options.indent ?? 2)}\n`;
}

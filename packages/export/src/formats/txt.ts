import type { DigitisedDocument } from '../document.js';

/**
 * The corrected text, as the plan was parsed from it: pages still separated by form-feed lines, one
 * final line ending.
 */
export function toText(doc: DigitisedDocument): string {
  return doc.text.endsWith('\n') ? doc.text : `${doc.text}\n`;
}

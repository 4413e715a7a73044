/**
 * Errors `parse` throws at its border, discriminated by `code` (as zod's issues are), so callers can tell a
 * bad input from a bug without matching messages.
 *
 * - `invalid-input`: the input is neither a string nor an OCR document (`cause` holds the zod error when
 *   it looked like an object but failed the `OcrDocument` schema).
 */
export type ParseErrorCode = 'invalid-input';

export class ParseError extends Error {
  override readonly name = 'ParseError';
  readonly code: ParseErrorCode;

  constructor(code: ParseErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** What was passed, in a few words, for the message. */
export function describeInput(input: unknown): string {
  if (input === null || input === undefined) return String(input);
  if (Array.isArray(input)) return 'an array';
  return typeof input === 'object' ? 'an object that is no OCR document' : `a ${typeof input}`;
}
